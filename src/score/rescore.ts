// Scoring an edited flow, as a fix is measured: the same program with the root flow replaced.
import { Facts } from '../analysis/facts.js';
import { runRules, runRulesForScore, type ResolvedRule } from '../engine.js';
import type { Program } from '../load/program.js';
import type { ScoredFinding } from '../model/finding.js';
import type { Flow } from '../model/flow.js';
import type { Measured } from './fixes.js';
import { scoreFlow, type Scored, type Weights } from './index.js';

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
 * The same measure with only the work the score reads: the findings of penalty rules (their
 * count by severity is charged), and of the other rules only whether one reports an error (the
 * error ceiling), so those stop at the first error and are not run once one is known.
 */
export function quickRescore(base: RescoreBase): Rescore {
  const penaltyRules = new Map([...base.rules].filter(([, { rule }]) => rule.meta.scoring === 'penalty'));
  const ceilingRules = [...base.rules].filter(([, { rule, severity }]) => rule.meta.scoring !== 'penalty' && severity === 'error');
  const loadedError = base.beforeRules.some(isError);
  return (edited) => {
    const facts = factsOf(base, edited);
    const penalties = runRulesForScore(edited, penaltyRules, facts);
    const findings: ScoredFinding[] = [...base.beforeRules, ...penalties];
    if (!loadedError && !penalties.some(isError)) {
      for (const entry of ceilingRules) {
        const errors = runRulesForScore(edited, new Map([entry]), facts);
        if (errors.length === 0) continue;
        findings.push(errors[0]!);
        break;
      }
    }
    return measured(scoreFlow(facts, findings, base.weights));
  };
}

function isError(finding: ScoredFinding): boolean {
  return finding.severity === 'error';
}
