// Fixes are ranked by the effort they save, measured before the score's curve, clamp and penalty
// cap, so that a flow at 0 still gets an order; none that saves nothing is listed.
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import type { FileResult } from '../src/model/result.js';
import { ROOT, auditFile, auditText } from './helpers.js';

const SEED = 'fixtures/reference/seed-001-call.yaml';

async function auditWith(path: string, weights: Record<string, number>): Promise<FileResult> {
  return (await audit([path], { cwd: ROOT, noConfig: true, weights })).files[0]!;
}

describe('fixes ranked by effort saved', () => {
  it('gives each fix its effort saved, seconds saved, callers helped and the cumulative score', async () => {
    const seed = await auditFile(SEED);
    for (const fix of seed.fixes) {
      expect(fix.effortSaved).toBeGreaterThan(0);
      expect(Number.isInteger(fix.secondsSaved)).toBe(true);
      expect(fix.callersHelped).toBeGreaterThan(0);
      expect(fix.callersHelped).toBeLessThanOrEqual(1);
    }
    const saved = seed.fixes.map((fix) => fix.effortSaved);
    expect([...saved].sort((a, b) => b - a)).toEqual(saved);
    // Applying them in rank order: the first cumulative score is the first fix alone.
    expect(seed.fixes[0]!.cumulativeScore).toBe(seed.score!.value + seed.fixes[0]!.gain);
    expect(seed.fixes.at(-1)!.cumulativeScore).toBeGreaterThan(seed.fixes[0]!.cumulativeScore);
  });

  it('still orders the fixes of a flow that scores 0', async () => {
    // A steep curve puts the seed call at 0: every score gain is 0, the effort saved is not.
    const floored = await auditWith(SEED, { scale: 4 });
    expect(floored.score!.value).toBe(0);
    expect(floored.fixes.length).toBeGreaterThan(3);
    expect(floored.fixes.every((fix) => fix.gain === 0)).toBe(true);
    const saved = floored.fixes.map((fix) => fix.effortSaved);
    expect(new Set(saved).size).toBeGreaterThan(3);
    expect([...saved].sort((a, b) => b - a)).toEqual(saved);
    expect(floored.fixes[0]!.ruleIds).toEqual((await auditFile(SEED)).fixes[0]!.ruleIds);
  });

  it('counts penalties past the cap', async () => {
    // With a cap of 0 penalty findings cost no score; fixing one still saves their effort.
    const capped = await auditWith(SEED, { penaltyCap: 0 });
    const uncapped = await auditWith(SEED, { penaltyCap: 1000 });
    const cliche = (result: FileResult) => result.fixes.find((fix) => fix.ruleIds.includes('cliche-prompt'))!.effortSaved;
    // The seed call's penalties are past the default cap of 25: the saving is the same without a cap.
    expect(cliche(capped)).toBeGreaterThan(0);
    expect(cliche(await auditFile(SEED))).toBe(cliche(uncapped));
    expect(cliche(capped)).toBe(cliche(uncapped));
  });

  it('lists no fix that saves nothing', async () => {
    const result = await auditText([
      'version: 1',
      'name: A permission step no caller reaches',
      'entry: desk',
      'nodes:',
      '  desk: { type: agent }',
      '  manager:',
      '    type: agent',
      '    approval: true',
    ].join('\n'));
    expect(result.findings.map((finding) => finding.ruleId)).toContain('approval-hop');
    expect(result.fixes.flatMap((fix) => fix.ruleIds)).not.toContain('approval-hop');
    expect(result.fixes.every((fix) => fix.effortSaved > 0)).toBe(true);
  });
});
