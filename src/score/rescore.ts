// Scoring an edited flow, as a fix is measured: the same program with the root flow replaced.
import { Facts } from '../analysis/facts.js';
import { runRules, runRulesForScore, runRulesPlaced, type ResolvedRule } from '../engine.js';
import type { Program } from '../load/program.js';
import type { PlacedFinding, ScoredFinding } from '../model/finding.js';
import type { Flow } from '../model/flow.js';
import { withNodes } from './edit.js';
import { candidateBudget, type FixCandidate, type FixMeasure, type Measured } from './fixes.js';
import { scoreFlow, type Scored, type Weights } from './index.js';
import { isLocalPatch, LocalMeasure, SILENCEABLE_RULES } from './local-fix.js';

/** What a flow was audited with, to score edited versions of it the same way. */
export interface RescoreBase {
  program: Program;
  /** Findings of the loader and the subflows: an edit of the root flow's model does not change them. */
  beforeRules: readonly ScoredFinding[];
  rules: ReadonlyMap<string, ResolvedRule>;
  weights: Weights;
}

export type Rescore = (edited: Flow) => Measured;

export function measured(scored: Scored): Measured {
  return { score: scored.score.value, effortPoints: scored.effortPoints, expectedSeconds: scored.expectedSeconds };
}

function factsOf(base: RescoreBase, edited: Flow): Facts {
  const flows = new Map(base.program.flows);
  flows.set(base.program.rootPath, edited);
  return new Facts(edited, { ...base.program, root: edited, flows });
}

/** The edited flow audited as a file is: every rule, every message. The reference the quick one must equal. */
export function fullRescore(base: RescoreBase): Rescore {
  return (edited) => {
    const facts = factsOf(base, edited);
    return measured(scoreFlow(facts, [...base.beforeRules, ...runRules(edited, base.rules, facts)], base.weights));
  };
}

/**
 * The findings a measure of the edited flow reads, with only that work: every finding of the
 * penalty rules (their count by severity is charged) and of the rules a local patch can silence
 * (src/score/local-fix.ts), and of the other rules only whether one reports an error (the error
 * ceiling), so those stop at the first error and are not run once one is known.
 */
function scoredFindings(base: RescoreBase): (edited: Flow, facts: Facts) => PlacedFinding[] {
  const placedRules = new Map([...base.rules].filter(([id, { rule }]) => rule.meta.scoring === 'penalty' || SILENCEABLE_RULES.has(id)));
  const ceilingRules = [...base.rules].filter(([id, { severity }]) => !placedRules.has(id) && severity === 'error');
  return (edited, facts) => {
    const findings: PlacedFinding[] = [...base.beforeRules, ...runRulesPlaced(edited, placedRules, facts)];
    if (findings.some(isError)) return findings;
    for (const entry of ceilingRules) {
      const errors = runRulesForScore(edited, new Map([entry]), facts);
      if (errors.length === 0) continue;
      findings.push(errors[0]!);
      break;
    }
    return findings;
  };
}

/** The measure of an edited flow with only the work the score reads ({@link scoredFindings}). */
export function quickRescore(base: RescoreBase): Rescore {
  const findingsOf = scoredFindings(base);
  return (edited) => {
    const facts = factsOf(base, edited);
    return measured(scoreFlow(facts, findingsOf(edited, facts), base.weights));
  };
}

function isError(finding: ScoredFinding): boolean {
  return finding.severity === 'error';
}

/** One analysed version of the flow: its measure, and the measure of local changes to it (when it allows one). */
interface Analysed {
  flow: Flow;
  measured: Measured;
  local: LocalMeasure | undefined;
}

function analysed(base: RescoreBase, flow: Flow, facts: Facts, findings: readonly PlacedFinding[], scored: Scored): Analysed {
  const today = measured(scored);
  return { flow, measured: today, local: LocalMeasure.of({ flow, facts, findings, weights: base.weights, effort: scored.effort, measured: today }) };
}

function reanalysed(base: RescoreBase, findingsOf: (edited: Flow, facts: Facts) => PlacedFinding[], edited: Flow): Analysed {
  const facts = factsOf(base, edited);
  const findings = findingsOf(edited, facts);
  return analysed(base, edited, facts, findings, scoreFlow(facts, findings, base.weights));
}

/**
 * Measures fixes of an audited flow: a local patch (src/score/local-fix.ts) from the analysis the
 * flow already has, any other change by the quick re-analysis. For the cumulative scores, local
 * patches add up on the last analysed version; another change is applied to it and analysed once,
 * becoming the version the next patches add up on. `helped` counts, on today's journeys, the
 * callers who pass what an edited flow changes.
 */
export function fixMeasure(base: RescoreBase, today: { flow: Flow; facts: Facts; findings: readonly PlacedFinding[]; scored: Scored }, helped: (edited: Flow) => number): FixMeasure {
  const { flow } = today;
  const quick = quickRescore(base);
  const findingsOf = scoredFindings(base);
  const first = analysed(base, flow, today.facts, today.findings, today.scored);
  const alone = new Map<FixCandidate, Measured>();
  // The fixes ranked so far: an analysed version, or the first fix's flow, measured alone and analysed only if more follow.
  let current: Analysed | { flow: Flow; measured?: undefined } = first;
  let ranked = 0;
  let analyses = 0;
  const localTo = (version: Analysed, candidate: FixCandidate): boolean => version.local !== undefined && isLocalPatch(version.flow, candidate.patch);
  return {
    inPlace: first.local !== undefined,
    alone(candidate) {
      if (localTo(first, candidate)) {
        const after = first.local!.alone(candidate.patch!);
        alone.set(candidate, after);
        return { after, helped: first.local!.passing(candidate.patch!.ids) ?? helped(withNodes(flow, first.local!.patched(candidate.patch!))) };
      }
      const edited = candidate.apply(flow);
      const after = quick(edited);
      alone.set(candidate, after);
      return { after, helped: helped(edited) };
    },
    then(candidate) {
      if (ranked++ === 0 && !localTo(first, candidate) && alone.has(candidate)) {
        current = { flow: candidate.apply(flow) };
        return alone.get(candidate)!.score;
      }
      // A local patch adds up on an analysed version: the first fix's flow is analysed only now.
      if (isLocalPatch(current.flow, candidate.patch)) {
        if (current.measured === undefined) {
          analyses++;
          current = reanalysed(base, findingsOf, current.flow);
        }
        if (localTo(current, candidate)) return current.local!.then(candidate.patch!);
      }
      // Past the analyses the budget allows (a version whose chain has no local measure), the list ends here.
      if (analyses++ >= 2 * candidateBudget(flow.nodes.size)) return undefined;
      const edited = candidate.apply(current.measured !== undefined && current.local ? withNodes(current.flow, current.local.edited) : current.flow);
      // The last version's analysis is let go before the next one is built: a big flow's analyses are hundreds of MB.
      current = { flow: edited };
      current = reanalysed(base, findingsOf, edited);
      return current.measured.score;
    },
  };
}
