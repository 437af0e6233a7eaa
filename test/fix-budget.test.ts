// On a flow too big for every candidate fix to be re-scored, the budget goes to the errors first;
// with --fix, the fixes it can write go first, so a big flow still gets its mechanical fixes written.
import { describe, expect, it } from 'vitest';
import { generateFlow } from '../bench/generate.js';
import { audit } from '../src/index.js';
import type { FileAnalysis } from '../src/audit.js';
import { candidateBudget, proposeFixes } from '../src/score/fixes.js';
import { scoreFlow } from '../src/score/index.js';
import { LocalMeasure } from '../src/score/local-fix.js';
import { fullRescore, measured } from '../src/score/rescore.js';
import { runCli, scratchFolder } from './cli-run.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NODES = 8_000;

/** The benchmark's flow with one menu allowed too many retries: a `fix` with edits, at warning level. */
function bigFlow(): string {
  const text = generateFlow(NODES);
  return text.replace('  n0:\n    type: menu\n', '  n0:\n    type: menu\n    retries: 6\n');
}

const retriesFix = (fixes: ReadonlyArray<{ ruleIds: string[]; edits?: unknown }>) => fixes.find((fix) => fix.ruleIds.includes('excessive-retries') && fix.edits !== undefined);

describe('the fix budget of a big flow', () => {
  it('goes to the errors first, and to the fixes --fix can write when it asks', { timeout: 120_000 }, async () => {
    expect(candidateBudget(NODES)).toBe(5);
    const text = bigFlow();
    const plain = (await audit([{ path: 'big.yaml', text }], { noConfig: true })).files[0]!;
    expect(plain.findings.filter((finding) => finding.severity === 'error').length).toBeGreaterThan(5);
    expect(plain.findings.some((finding) => finding.ruleId === 'excessive-retries')).toBe(true);
    expect(retriesFix(plain.fixes)).toBeUndefined();

    const writing = (await audit([{ path: 'big.yaml', text }], { noConfig: true, writableFirst: ['fix'] })).files[0]!;
    expect(retriesFix(writing.fixes)?.edits).toEqual([{ pointer: '/nodes/n0/retries', value: 2 }]);
    // The same findings and score: only which candidates are re-scored changes.
    expect(writing.score).toEqual(plain.score);
    expect(writing.findings).toEqual(plain.findings);
  });

  it('lets lint --fix-dry-run write the retries of a big flow', { timeout: 120_000 }, async () => {
    const folder = scratchFolder();
    const file = join(folder, 'big.yaml');
    writeFileSync(file, bigFlow());
    const run = await runCli(['lint', file, '--no-config', '--fix-dry-run', '-f', 'json', '-o', join(folder, 'out.json')]);
    expect(run.stdout).toContain('+    retries: 2');
  });

  it('re-scores every fix that only changes how steps are done, at any size', { timeout: 120_000 }, async () => {
    let analysis: FileAnalysis | undefined;
    const file = (await audit([{ path: 'big.yaml', text: bigFlow() }], { noConfig: true, inspect: (each) => (analysis = each) })).files[0]!;
    // Each cold transfer and each queue that keeps its wait quiet is its own finding, with its own fix.
    for (const ruleId of ['cold-transfer', 'no-wait-estimate']) {
      const findings = file.findings.filter((finding) => finding.ruleId === ruleId);
      const fixes = file.fixes.filter((fix) => fix.ruleIds.includes(ruleId));
      expect(findings.length, ruleId).toBeGreaterThan(5 * candidateBudget(NODES));
      expect(fixes.map((fix) => fix.resolves[0]).sort(), ruleId).toEqual(findings.map((finding) => finding.fingerprint).sort());
    }
    // The last cumulative score is that of the flow with every listed fix applied, analysed in full.
    const { flow, findings, rescoreBase } = analysis!;
    const candidates = proposeFixes(flow, findings);
    const all = file.fixes.reduce((current, fix) => candidates.find((each) => each.findings[0]!.fingerprint === fix.resolves[0])!.apply(current), flow);
    expect(file.fixes.at(-1)!.cumulativeScore).toBe(fullRescore(rescoreBase)(all).score);
  });

  it('keeps the budget for every fix of a flow whose chain allows no measure in place', { timeout: 120_000 }, async () => {
    // One loop of 1,000 steps (a component too big for a dense solve), with a quiet queue every tenth step.
    const size = 1_000;
    const lines = ['version: 1', 'name: Ring', 'entry: s0', 'nodes:'];
    for (let index = 0; index < size - 1; index++) {
      lines.push(index % 10 === 5 ? `  s${index}: { type: queue, maxWaitSeconds: 120, music: true, next: s${index + 1} }` : `  s${index}: { type: play, say: Please hold., next: s${index + 1} }`);
    }
    lines.push(`  s${size - 1}: { type: menu, say: Press 1 to start again or 0 for a person., options: { "1": s0, "0": agent } }`, '  agent: { type: agent }');
    let analysis: FileAnalysis | undefined;
    const file = (await audit([{ path: 'ring.yaml', text: `${lines.join('\n')}\n` }], { noConfig: true, inspect: (each) => (analysis = each) })).files[0]!;
    const { flow, facts, findings, weights } = analysis!;
    const scored = scoreFlow(facts, findings, weights);
    expect(LocalMeasure.of({ flow, facts, findings, weights, effort: scored.effort, measured: measured(scored) })).toBeUndefined();
    expect(file.findings.filter((finding) => finding.ruleId === 'no-wait-estimate').length).toBeGreaterThan(candidateBudget(flow.nodes.size));
    expect(file.fixes.length).toBe(candidateBudget(flow.nodes.size));
  });
});
