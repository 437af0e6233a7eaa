// `models: false` leaves the flow models out of the result (a parallel run then copies none out of
// its workers); by default they are there, for the diagrams.
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { ROOT } from '../helpers.js';

describe('models', () => {
  it('are kept by default and left out with models: false, with the same findings', async () => {
    const kept = await audit(['fixtures/subflows'], { cwd: ROOT, noConfig: true });
    const left = await audit(['fixtures/subflows'], { cwd: ROOT, noConfig: true, models: false });
    expect([...(kept.flows?.keys() ?? [])]).toContain('fixtures/subflows/calls-pin.yaml');
    expect(left.flows).toBeUndefined();
    expect(left.files).toEqual(kept.files);
  });
});
