// A fix's gain is measured with only the work the score reads (penalty rules; the other rules
// until one reports an error). On every shipped flow that measure must equal auditing the edited
// flow in full, and the gains the audit reports must be those of the full re-analysis.
import { describe, expect, it } from 'vitest';
import type { FileAnalysis } from '../src/audit.js';
import { audit } from '../src/index.js';
import type { FileResult, Fix } from '../src/model/result.js';
import { proposeFixes, type FixCandidate } from '../src/score/fixes.js';
import { visitShare } from '../src/score/effort.js';
import { scoreFlow } from '../src/score/index.js';
import { isLocalPatch, LocalMeasure } from '../src/score/local-fix.js';
import { fullRescore, measured, quickRescore } from '../src/score/rescore.js';
import { ROOT } from './helpers.js';

const FOLDERS = ['examples', 'fixtures/reference', 'fixtures/rules', 'fixtures/platform', 'fixtures/import', 'fixtures/journeys', 'fixtures/subflows', 'fixtures/i18n'];

async function audited(): Promise<Array<{ analysis: FileAnalysis; result: FileResult }>> {
  const analyses = new Map<string, FileAnalysis>();
  const { files } = await audit(FOLDERS, { cwd: ROOT, noConfig: true, inspect: (analysis) => analyses.set(analysis.file, analysis) });
  return files.flatMap((result) => {
    const analysis = analyses.get(result.file);
    return analysis ? [{ analysis, result }] : [];
  });
}

/** The fix candidates of a flow, with the rule options it was audited with. */
function candidatesOf({ flow, findings, rescoreBase }: FileAnalysis): FixCandidate[] {
  return proposeFixes(flow, findings, (ruleId) => rescoreBase.rules.get(ruleId)?.options ?? {});
}

/** The candidate a listed fix came from: the one resolving the same findings. */
function candidateFor(candidates: readonly FixCandidate[], fix: Fix): FixCandidate | undefined {
  return candidates.find((each) => each.findings.map((finding) => finding.fingerprint).join() === fix.resolves.join());
}

describe('fix gains measured with only what the score reads', () => {
  it('equal a full re-analysis of every candidate of every shipped flow', { timeout: 240_000 }, async () => {
    const flows = await audited();
    let compared = 0;
    for (const { analysis } of flows) {
      const { flow, rescoreBase } = analysis;
      const quick = quickRescore(rescoreBase);
      const full = fullRescore(rescoreBase);
      for (const candidate of candidatesOf(analysis)) {
        const edited = candidate.apply(flow);
        const reference = full(edited);
        expect(quick(edited), `${analysis.file}: ${candidate.ruleIds.join(',')} ${candidate.nodeIds.join(',')}`).toEqual(reference);
        compared++;
      }
    }
    // The comparison must cover many flows and candidates.
    expect(flows.length).toBeGreaterThan(100);
    expect(compared).toBeGreaterThan(200);
  });

  it('reports, for each listed fix, the effort a full re-analysis of the edited flow saves', { timeout: 240_000 }, async () => {
    let checked = 0;
    for (const { analysis, result } of await audited()) {
      const { flow, rescoreBase } = analysis;
      const full = fullRescore(rescoreBase);
      const before = full(flow);
      const candidates = candidatesOf(analysis);
      for (const fix of result.fixes) {
        const candidate = candidateFor(candidates, fix);
        expect(candidate, `${result.file}: ${fix.title}`).toBeDefined();
        const after = full(candidate!.apply(flow));
        expect(fix.gain).toBe(after.score - before.score);
        expect(fix.effortSaved).toBe(Math.round((before.effortPoints - after.effortPoints) * 100) / 100);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('measures a fix that only changes how steps are done as a full re-analysis does, without one', { timeout: 240_000 }, async () => {
    let compared = 0;
    let shares = 0;
    for (const { analysis } of await audited()) {
      const { flow, facts, findings, rescoreBase, weights } = analysis;
      const scored = scoreFlow(facts, findings, weights);
      const local = LocalMeasure.of({ flow, facts, findings, weights, effort: scored.effort, measured: measured(scored) });
      const full = fullRescore(rescoreBase);
      for (const candidate of candidatesOf(analysis)) {
        if (!isLocalPatch(flow, candidate.patch)) continue;
        const edited = candidate.apply(flow);
        const where = `${analysis.file}: ${candidate.ruleIds.join(',')} ${candidate.nodeIds.join(',')}`;
        // The patch says all the change does: no other node differs.
        const changed = [...edited.nodes].filter(([id, node]) => flow.nodes.get(id) !== node).map(([id]) => id);
        expect(changed.every((id) => candidate.patch!.ids.includes(id)), where).toBe(true);
        expect(edited.nodes.size).toBe(flow.nodes.size);
        if (!local) continue;
        const reference = full(edited);
        const after = local.alone(candidate.patch);
        expect(after.score, where).toBe(reference.score);
        expect(after.expectedSeconds, where).toBe(reference.expectedSeconds);
        expect(Math.abs(after.effortPoints - reference.effortPoints), where).toBeLessThanOrEqual(1e-9 * Math.max(1, reference.effortPoints));
        // The share of callers passing a step off every loop is its expected visits.
        const passing = local.passing(candidate.patch.ids);
        if (passing !== undefined) {
          const vertices = candidate.patch.ids.map((id) => facts.journey.rootVertex(id)).filter((vertex) => vertex !== undefined);
          expect(Math.abs(passing - visitShare(facts.journey, vertices)), where).toBeLessThanOrEqual(1e-9);
          shares++;
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(shares).toBeGreaterThan(20);
  });

  it('gives each listed fix the score of the flow with it and every fix above it applied', { timeout: 240_000 }, async () => {
    let checked = 0;
    for (const { analysis, result } of await audited()) {
      const { flow, rescoreBase } = analysis;
      const full = fullRescore(rescoreBase);
      const candidates = candidatesOf(analysis);
      let current = flow;
      for (const fix of result.fixes) {
        const candidate = candidateFor(candidates, fix)!;
        current = candidate.apply(current);
        expect(fix.cumulativeScore, `${result.file}: ${fix.title}`).toBe(full(current).score);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
