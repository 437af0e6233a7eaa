// The effort score: 0-100 with a grade, its breakdown by driver, and the journey metrics.
import type { Facts } from '../analysis/facts.js';
import type { ScoredFinding } from '../model/finding.js';
import type { Grade, JourneyMetrics, Score, WorstCount } from '../model/result.js';
import { findRule } from '../rules/index.js';
import { DRIVERS, measureEffort, zeroDrivers, type Effort } from './effort.js';
import { penaltyPoints, type Weights } from './weights.js';

export { DEFAULT_WEIGHTS, resolveWeights, type Weights } from './weights.js';

/** Highest score of a flow with at least one error finding: a B at best. */
export const ERROR_CEILING = 89;

export function gradeOf(value: number): Grade {
  if (value >= 90) return 'A';
  if (value >= 80) return 'B';
  if (value >= 70) return 'C';
  if (value >= 60) return 'D';
  return 'F';
}

export interface Scored {
  score: Score;
  metrics: JourneyMetrics;
  /**
   * Effort in points before the curve, the clamp and the penalty cap: the journey's effort plus
   * every penalty finding at its weight at the top of the curve. What a fix is ranked by.
   */
  effortPoints: number;
  /** Expected seconds in the flow, unrounded; null when the chain could not be solved. */
  expectedSeconds: number | null;
  /** The journey's effort the score comes from. */
  effort: Effort;
}

/**
 * Scores a flow: journey effort mapped through 100·e^(−effort/scale), minus a capped penalty for
 * findings of rules that are not journey costs. Deterministic and monotone by construction: every
 * problem only adds cost or findings.
 */
export function scoreFlow(facts: Facts, findings: readonly ScoredFinding[], weights: Weights): Scored {
  const journey = facts.journey;
  const effort = measureEffort(journey, weights);
  const raw = 100 * Math.exp(-effort.total / weights.scale);
  const drivers = zeroDrivers();
  const lostToJourney = 100 - raw;
  for (const driver of DRIVERS) drivers[driver] = effort.total > 0 ? (lostToJourney * effort.drivers[driver]) / effort.total : 0;

  let penalty = 0;
  let uncapped = 0;
  for (const finding of findings) {
    const rule = findRule(finding.ruleId);
    if (!rule || rule.meta.scoring !== 'penalty') continue;
    const points = penaltyPoints(finding.severity, weights);
    const allowed = Math.max(0, Math.min(points, weights.penaltyCap - penalty));
    uncapped += points;
    penalty += allowed;
    drivers[rule.meta.driver] += allowed;
  }
  // A flow with an error cannot be graded A, whatever its journeys cost.
  const ceiling = findings.some((finding) => finding.severity === 'error') ? ERROR_CEILING : 100;
  const value = Math.max(0, Math.min(ceiling, Math.round(raw - penalty)));
  for (const driver of DRIVERS) drivers[driver] = Math.round(drivers[driver] * 10) / 10;
  return {
    score: { value, grade: gradeOf(value), drivers },
    // A score point at the top of the curve is scale/100 effort points.
    effortPoints: effort.total + (uncapped * weights.scale) / 100,
    expectedSeconds: effort.expectedSeconds,
    effort,
    metrics: {
      fastestSecondsToHuman: roundOrNull(journey.fastestToHuman.seconds),
      expectedSecondsInFlow: roundOrNull(effort.expectedSeconds ?? undefined),
      worstIdentityQuestions: worstOf(journey.identityQuestions.value),
      worstTransfers: worstOf(journey.transfers.value),
      shareWithoutHelp: Math.round(effort.shareWithoutHelp * 1000) / 1000,
    },
  };
}

function roundOrNull(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Math.round(value);
}

function worstOf(values: Float64Array): WorstCount {
  let worst = 0;
  for (const value of values) if (value > worst) worst = value;
  return worst === Number.POSITIVE_INFINITY ? 'unbounded' : worst;
}
