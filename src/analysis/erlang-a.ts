/**
 * Erlang A for a single call queue: M/M/n+M (Poisson arrivals, exponential handle times, n agents,
 * exponential patience: a waiting caller hangs up at rate 1/patience). Garnett, Mandelbaum &
 * Reiman, "Designing a call center with impatient customers", MSOM 4(3), 2002; formulas as in
 * Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with applications to call centers", 2005.
 *
 * Unlike Erlang C the queue has a steady state at any load: callers who would wait too long
 * abandon, so an overloaded queue shows up as a share who hang up, never as an infinite wait.
 *
 * With x = λ·patience and b = n·patience/AHT, the states past n are weighted
 * π(n+j)/π(n) = x^j / ((b+1)(b+2)…(b+j)), and their sum S(b, x) = Σ_j x^j/(b+1)_j drives every
 * figure:
 * - P(wait) = S / (S + D), D = Σ_{k<n} π(k)/π(n) (the states with a free agent)
 * - E[queue] = π(n)·Σ_j j·x^j/(b+1)_j; P(abandon) = E[queue]/x; E[wait] = P(abandon)·patience
 * - P(still waiting at t) = P(wait)·e^{−(1+b)θt + x(1−e^{−θt})}·S(b, x·e^{−θt}) / S(b, x), θ = 1/patience
 *   (sum over the callers ahead of the hypoexponential time to reach an agent; it is the
 *   incomplete-gamma form of the virtual waiting time).
 * Every sum is log-concave, so it is taken from its largest term outward in log space and stops
 * once terms no longer count: the work grows with the square root of the load, never with the
 * number of agents, and nothing overflows.
 */
import { createRequire } from 'node:module';

// @stdlib's gammaln is some 200 small CommonJS modules: required on the first queue modelled, so a
// lint of flows without staffing figures (and every `--help`) does not load them.
let loadedGammaln: ((x: number) => number) | undefined;
function gammaln(x: number): number {
  loadedGammaln ??= createRequire(import.meta.url)('@stdlib/math-base-special-gammaln') as (x: number) => number;
  return loadedGammaln(x);
}

/**
 * Largest offered load modelled, in erlangs. The biggest single queues run a few thousand agents;
 * past this the input is a typo or a unit mix-up, and the cap keeps every computation bounded.
 */
export const MAX_OFFERED_ERLANGS = 100_000;

/** Largest λ·patience (callers arriving within one patience) modelled; longer patience is cut to it. */
const MAX_ARRIVALS_PER_PATIENCE = 1e7;

export interface ErlangAInput {
  /** Agents staffing the queue. Fractions are floored: a fraction of an agent answers no call. */
  agents: number;
  callsPerHour: number;
  /** Average handle time in seconds (talk + hold + wrap-up). */
  ahtSeconds: number;
  /** Mean time a caller is willing to wait before hanging up, in seconds (> 0). */
  patienceSeconds: number;
  /** The t of the service level "X% answered within t seconds". */
  targetAnswerSeconds: number;
}

export interface QueueModel {
  /** Offered load A in erlangs as stated: calls per second × average handle time. */
  offeredErlangs: number;
  /** Share of time agents are busy with calls actually answered (abandoned calls take no agent time). */
  occupancy: number;
  /** A / n: the load against the agents. 1 or more means some callers must abandon. */
  loadPerAgent: number;
  /** Share of callers who find every agent busy and wait. */
  probabilityOfWaiting: number;
  /** Share of callers who hang up before an agent answers (no wait limit applied). */
  abandonment: number;
  /** Mean time in the queue over all callers, answered or not, in seconds (no wait limit applied). */
  expectedWaitSeconds: number;
  /** Share of callers answered within the target answer time. */
  serviceLevel: number;
  /** True when the offered load exceeds {@link MAX_OFFERED_ERLANGS}: figures are those of the queue scaled down to it. */
  beyondModel: boolean;
  /** Share of callers still waiting (neither answered nor hung up) after `seconds`. */
  stillWaiting(seconds: number): number;
  /** Seconds callers spend in the queue on average when the platform ends the wait at `limitSeconds`. */
  waitWithin(limitSeconds: number): number;
  /** Seconds per caller spent waiting past `fromSeconds` (and before `limitSeconds`): the tail of the wait. */
  waitBetween(fromSeconds: number, limitSeconds: number): number;
  /** Patience used, in seconds (the given one, or the cut one for an extreme input). */
  patienceSeconds: number;
}

/** Offered load in erlangs: arrivals per second times seconds of work per call. */
export function offeredLoad(callsPerHour: number, ahtSeconds: number): number {
  return (callsPerHour / 3600) * ahtSeconds;
}

/**
 * Erlang A figures for a queue's staffing. Inputs must be finite and ≥ 0, patience > 0.
 * @throws RangeError otherwise.
 */
export function erlangA(input: ErlangAInput): QueueModel {
  for (const name of ['agents', 'callsPerHour', 'ahtSeconds', 'targetAnswerSeconds'] as const) assertNonNegativeFinite(name, input[name]);
  if (!Number.isFinite(input.patienceSeconds) || input.patienceSeconds <= 0) {
    throw new RangeError(`erlangA: patienceSeconds must be a finite number > 0, got ${input.patienceSeconds}`);
  }
  const stated = offeredLoad(input.callsPerHour, input.ahtSeconds);
  const wholeAgents = Math.floor(input.agents);
  const loadPerAgent = wholeAgents > 0 ? stated / wholeAgents : stated > 0 ? Infinity : 0;
  // Past the cap, keep the agents per erlang and model the cap: work stays bounded however absurd
  // the numbers, and a scaled-down queue waits at least as long (fewer agents pool less).
  const beyondModel = !(stated <= MAX_OFFERED_ERLANGS);
  const offered = beyondModel ? MAX_OFFERED_ERLANGS : stated;
  const agents = Math.floor(Math.min(beyondModel ? input.agents * (MAX_OFFERED_ERLANGS / stated) : input.agents, Number.MAX_SAFE_INTEGER));
  const base = { offeredErlangs: stated, loadPerAgent, beyondModel };

  if (offered === 0 || input.ahtSeconds === 0) {
    // No work arrives: nobody waits.
    return { ...base, ...nobodyWaits(input.patienceSeconds) };
  }
  const ratio = Math.min(input.patienceSeconds / input.ahtSeconds, MAX_ARRIVALS_PER_PATIENCE / offered);
  const patience = ratio * input.ahtSeconds;
  const x = offered * ratio;
  const b = agents * ratio;
  const logS = logTailSums(b, x);
  const logD = logFreeAgentSum(agents, offered);
  const logTotal = logAddExp(logS.sum, logD);
  const probabilityOfWaiting = Math.exp(logS.sum - logTotal);
  const abandonment = Math.min(1, Math.exp(logS.weighted - logTotal) / x);
  const theta = 1 / patience;

  const stillWaiting = (seconds: number): number => {
    if (!(seconds > 0)) return probabilityOfWaiting;
    if (!Number.isFinite(seconds)) return 0;
    const decay = Math.exp(-theta * seconds);
    const log = -(1 + b) * theta * seconds + x * -Math.expm1(-theta * seconds) + logTailSums(b, x * decay).sum - logS.sum;
    return Math.min(probabilityOfWaiting, probabilityOfWaiting * Math.exp(log));
  };
  const expectedWaitSeconds = abandonment * patience;
  const waitBetween = (from: number, limit: number): number => integrate(stillWaiting, Math.max(0, from), limit, probabilityOfWaiting);
  const waitWithin = (limit: number): number => (Number.isFinite(limit) ? Math.min(expectedWaitSeconds, waitBetween(0, limit)) : expectedWaitSeconds);

  // Answered within t: everyone but those still waiting at t and those who hung up before it.
  const serviceLevel = 1 - stillWaiting(input.targetAnswerSeconds) - theta * waitWithin(input.targetAnswerSeconds);
  return {
    ...base,
    occupancy: agents > 0 ? Math.min(1, (offered * (1 - abandonment)) / agents) : 0,
    probabilityOfWaiting,
    abandonment,
    expectedWaitSeconds,
    serviceLevel: clamp01(serviceLevel),
    stillWaiting,
    waitWithin,
    waitBetween,
    patienceSeconds: patience,
  };
}

function nobodyWaits(patienceSeconds: number): Omit<QueueModel, 'offeredErlangs' | 'loadPerAgent' | 'beyondModel'> {
  return {
    occupancy: 0,
    probabilityOfWaiting: 0,
    abandonment: 0,
    expectedWaitSeconds: 0,
    serviceLevel: 1,
    stillWaiting: () => 0,
    waitWithin: () => 0,
    waitBetween: () => 0,
    patienceSeconds,
  };
}

/**
 * log Σ_{j≥0} x^j/(b+1)_j and log Σ_j j·x^j/(b+1)_j. Term ratios x/(b+j) fall with j, so the
 * largest term is at j* = max(0, ⌊x − b⌋) and the sum is taken outward from it.
 */
export function logTailSums(b: number, x: number): { sum: number; weighted: number } {
  if (x === 0) return { sum: 0, weighted: -Infinity };
  const peak = Math.max(0, Math.floor(x - b));
  const logPeak = peak === 0 ? 0 : peak * Math.log(x) - (gammaln(b + peak + 1) - gammaln(b + 1));
  let sum = 1;
  let weighted = peak;
  let term = 1;
  for (let j = peak + 1; j < peak + MAX_TERMS; j++) {
    term *= x / (b + j);
    sum += term;
    weighted += j * term;
    if (term < EPSILON * sum) break;
  }
  term = 1;
  for (let j = peak; j > 0 && j > peak - MAX_TERMS; j--) {
    term *= (b + j) / x;
    sum += term;
    weighted += (j - 1) * term;
    if (term < EPSILON * sum) break;
  }
  return { sum: logPeak + Math.log(sum), weighted: weighted > 0 ? logPeak + Math.log(weighted) : -Infinity };
}

/**
 * log Σ_{k<n} π(k)/π(n) = log Σ_{k<n} n!/(k!·A^(n−k)): the states with an agent free, against the
 * state with all n busy. Ratios k/A fall as k falls, so the largest term is at k* = min(n−1, ⌊A⌋).
 */
export function logFreeAgentSum(agents: number, offered: number): number {
  if (agents === 0) return -Infinity;
  const peak = Math.min(agents - 1, Math.floor(offered));
  const logPeak = gammaln(agents + 1) - gammaln(peak + 1) - (agents - peak) * Math.log(offered);
  let sum = 1;
  let term = 1;
  for (let k = peak + 1; k < agents && k < peak + MAX_TERMS; k++) {
    term *= offered / k;
    sum += term;
    if (term < EPSILON * sum) break;
  }
  term = 1;
  for (let k = peak; k > 0 && k > peak - MAX_TERMS; k--) {
    term *= k / offered;
    sum += term;
    if (term < EPSILON * sum) break;
  }
  return logPeak + Math.log(sum);
}

/** Terms below this share of the running sum no longer change a double. */
const EPSILON = 1e-17;
/** A hard stop per direction; with the input caps a sum needs far fewer (about 9·√x). */
const MAX_TERMS = 2_000_000;

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(Math.min(a, b) - high));
}

/** 16-point Gauss–Legendre nodes and weights on [−1, 1]. */
const GAUSS_NODES = [
  -0.9894009349916499, -0.9445750230732326, -0.8656312023878318, -0.755404408355003, -0.6178762444026438, -0.4580167776572274,
  -0.2816035507792589, -0.0950125098376374, 0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438,
  0.755404408355003, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499,
];
const GAUSS_WEIGHTS = [
  0.0271524594117541, 0.0622535239386479, 0.0951585116824928, 0.1246289712555339, 0.1495959888165767, 0.1691565193950025,
  0.1826034150449236, 0.1894506104550685, 0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767,
  0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541,
];

/**
 * ∫ of a decreasing tail from `from` to `to` (Infinity allowed), on panels that double in length
 * from 15 s: waits decay on scales from seconds to hours, and the panels stop once the tail no
 * longer counts against `scale`.
 */
function integrate(tail: (seconds: number) => number, from: number, to: number, scale: number): number {
  if (!(to > from) || scale === 0) return 0;
  let total = 0;
  let start = from;
  let width = 15;
  for (let panel = 0; panel < 200 && start < to; panel++) {
    const end = Math.min(to, start + width);
    if (tail(start) * (end - start) < 1e-13 * scale && tail(start) < 1e-15 * scale) break;
    const half = (end - start) / 2;
    const middle = (end + start) / 2;
    for (let i = 0; i < GAUSS_NODES.length; i++) total += GAUSS_WEIGHTS[i]! * half * tail(middle + half * GAUSS_NODES[i]!);
    start = end;
    if (start >= 60) width *= 2;
  }
  return total;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function assertNonNegativeFinite(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`erlangA: ${name} must be a finite number >= 0, got ${value}`);
  }
}
