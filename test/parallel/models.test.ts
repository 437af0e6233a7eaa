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

describe('models out of workers', () => {
  // The built library: its workers run dist/parallel/worker.js, which a run from the sources has not.
  it('keep the places of their fields, as a serial run does', async () => {
    const built = (await import('../../dist/index.js')) as { audit: typeof audit };
    const options = { cwd: ROOT, noConfig: true, fixes: false } as const;
    const serial = await built.audit(['fixtures'], { ...options, concurrency: 1 });
    const parallel = await built.audit(['fixtures'], { ...options, concurrency: 2 });
    const placesOf = (flows: typeof serial.flows): string[] => [...(flows?.entries() ?? [])].flatMap(([file, flow]) => [...flow.nodes.values()].map((node) => `${file} ${node.id} ${JSON.stringify(node.fieldLocs.get('type'))}`));
    expect(placesOf(serial.flows).length).toBeGreaterThan(100);
    expect(placesOf(parallel.flows)).toEqual(placesOf(serial.flows));
  });
});
