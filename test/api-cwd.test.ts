// The API's `cwd` is where relative paths are read from, subflows included: an editor or a server
// that audits a workspace must not depend on the folder the process started in.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { ROOT } from './helpers.js';

describe('audit with a cwd', () => {
  it('reads subflows relative to the flow under cwd, not under the process folder', async () => {
    const result = await audit(['calls-pin.yaml'], { cwd: join(ROOT, 'fixtures/subflows') });
    const findings = result.files[0]!.findings;
    expect(findings.map((finding) => finding.ruleId)).not.toContain('subflow-not-found');
    // The subflow's findings come through, naming the subflow file as the flow calls it.
    const inside = findings.filter((finding) => finding.inside !== undefined);
    expect(inside.length).toBeGreaterThan(0);
    for (const finding of inside) expect(finding.message).toContain('(pin.yaml)');
  });

  it('gives the same findings as a run from the flow folder', async () => {
    const fromCwd = await audit(['calls-pin.yaml'], { cwd: join(ROOT, 'fixtures/subflows') });
    const fromRoot = await audit(['fixtures/subflows/calls-pin.yaml'], { cwd: ROOT });
    const shape = (result: typeof fromCwd): string[] => result.files[0]!.findings.map((finding) => `${finding.ruleId} ${finding.line}:${finding.column} ${finding.message}`);
    expect(shape(fromCwd)).toEqual(shape(fromRoot));
    expect(fromCwd.files[0]!.score).toEqual(fromRoot.files[0]!.score);
  });
});

describe('fix gains with a cwd', () => {
  it('are the same as from the flow folder', async () => {
    const fromCwd = await audit(['calls-pin.yaml'], { cwd: join(ROOT, 'fixtures/subflows') });
    const fromRoot = await audit(['fixtures/subflows/calls-pin.yaml'], { cwd: ROOT });
    const gains = (result: typeof fromCwd): Array<[string, number]> => result.files[0]!.fixes.map((fix) => [fix.title, fix.gain]);
    expect(gains(fromCwd)).toEqual(gains(fromRoot));
  });
});
