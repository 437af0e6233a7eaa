// The effort points each step of a journey costs. Documented in docs/scoring.md; a config's
// `scoring.weights` overrides any of them.
import type { Resolution } from '../model/flow.js';
import type { Severity } from '../model/finding.js';

export interface Weights {
  /** Per second of audio, navigation and answering (prompts, menus, inputs). */
  listenSecond: number;
  /** Per second on hold with music or announcements. */
  holdSecond: number;
  /** Per second on hold past two minutes, on top of `holdSecond` (× `silentHoldFactor` when silent too). */
  longHoldSecond: number;
  /** Multiplies the cost of a hold with neither music nor announcements. */
  silentHoldFactor: number;
  /** Hold assumed, in seconds, for a queue with no estimate and no staffing (capped by its `maxWaitSeconds`). */
  unknownHoldSeconds: number;
  /** Hold assumed, in seconds, for a queue nobody answers (staffed for open hours only, reached after hours). */
  overloadedHoldSeconds: number;
  /** Per second of ringing before anyone answers. */
  ringSecond: number;
  /** Per identity question. */
  identityQuestion: number;
  /** Per datum asked again on the same journey. */
  repeatedQuestion: number;
  /** Per menu level. */
  menu: number;
  /** Per transfer that passes the caller's context along. */
  warmTransfer: number;
  /** Most a transfer that does not pass the context costs: what the caller gave is lost, up to this. */
  coldTransfer: number;
  /** Per answer the caller gave before a transfer without context (identity answers count twice). */
  coldTransferPerAnswer: number;
  /** Per minute the caller spent before a transfer without context, once they have given an answer. */
  coldTransferPerMinute: number;
  /** Per deflection to another channel. */
  channelSwitch: number;
  /** Per step that exists only to get permission. */
  approvalHop: number;
  /** A call that ends without a person or help promised. */
  deadEnd: number;
  /** A caller caught in a loop with no way out (they hang up in the end). */
  trap: number;
  /** Effort at which the score is 100/e ≈ 37: the curve's scale. */
  scale: number;
  /** Weight of the worst journey against the expected one (0–1). */
  worstShare: number;
  /** Points subtracted per finding of a rule that is not a journey cost, by severity (one error keeps a flow below A). */
  penaltyError: number;
  penaltyWarning: number;
  penaltyInfo: number;
  /** Most points such findings can subtract in all. */
  penaltyCap: number;
}

export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  listenSecond: 0.05,
  holdSecond: 0.04,
  longHoldSecond: 0.04,
  silentHoldFactor: 2,
  unknownHoldSeconds: 180,
  overloadedHoldSeconds: 900,
  ringSecond: 0.1,
  identityQuestion: 2,
  repeatedQuestion: 6,
  menu: 1,
  warmTransfer: 2,
  coldTransfer: 5,
  coldTransferPerAnswer: 1,
  coldTransferPerMinute: 0.5,
  channelSwitch: 6,
  approvalHop: 4,
  deadEnd: 30,
  trap: 40,
  scale: 80,
  worstShare: 0.4,
  penaltyError: 11,
  penaltyWarning: 3,
  penaltyInfo: 1,
  penaltyCap: 25,
};

export function resolveWeights(overrides: Readonly<Record<string, number>> = {}): Weights {
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(DEFAULT_WEIGHTS, key) || !Number.isFinite(value) || value < 0) continue;
    if (key === 'scale' && value === 0) continue; // the curve divides by it
    weights[key as keyof Weights] = value;
  }
  return weights;
}

/** Transition shares the flow does not state (documented assumptions). */
export const ASSUMED_SHARES = {
  /** Callers who press nothing, or something unknown, at a menu or input, per error exit present. */
  inputError: 0.03,
  /** Transfers that are not answered, when `onNoAnswer` exists. */
  noAnswer: 0.1,
  /** Transfers that find the line busy, when `onBusy` exists. */
  busy: 0.05,
  /** Queue callers who reach `maxWaitSeconds`, when the staffing does not say. */
  timeout: 0.15,
  /** Queue callers turned away because the queue is full, when `onFull` exists. */
  full: 0.05,
  /** Callers who give up on a hold that has no limit (`maxWaitSeconds`) and hang up. */
  unboundedHoldGiveUp: 0.3,
  /** Queue callers who take the callback when it is offered, and stop waiting. */
  callbackTaken: 0.4,
  /** Per step in a loop with no way out: the chance the caller gives up and hangs up. */
  trapGiveUp: 0.2,
  /** Callers a lookup does not find, when it has an `onNotFound` exit. */
  notFound: 0.2,
  /** Calls whose backend step (a Lambda, a Function, a data action) fails, when it has an `onError` exit. */
  backendError: 0.02,
};

/**
 * Share of callers whose need the other channel meets, by a deflection's `resolves`. `low` is
 * Gartner's 2019 survey figure: 9% of customers solve their issue completely in self-service.
 * `high` is a person's default `resolves`: a channel can at best do as well as someone on the call.
 */
export const DEFLECTION_RESOLVES: Readonly<Record<Resolution, number>> = { low: 0.09, medium: 0.5, high: 0.8 };

/** Score points a finding of a penalty rule takes off, by its severity (before the cap). */
export function penaltyPoints(severity: Severity, weights: Weights): number {
  return severity === 'error' ? weights.penaltyError : severity === 'warning' ? weights.penaltyWarning : weights.penaltyInfo;
}
