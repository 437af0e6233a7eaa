/**
 * Erlang C staffing model for a single call queue (M/M/N: Poisson arrivals, exponential handle
 * times, N identical agents, callers wait indefinitely, no abandonment).
 *
 * Used by the `queue-occupancy` rule and by the expected-wait figures of the journey model.
 * Formulas (see design/evidence.md, "Queues and staffing"):
 *
 * - offered load A = calls per second × AHT (erlangs)
 * - occupancy A / N
 * - probability of waiting C(N, A)
 * - average speed of answer C · AHT / (N − A)
 * - service level at t seconds 1 − C · e^(−(N − A) · t / AHT)
 *
 * The module is pure and dependency-free.
 */

export interface QueueStats {
  /** Offered load A in erlangs: calls per second × average handle time. */
  offeredErlangs: number;
  /** A / N: the share of time agents are busy. Exceeds 1 (or is Infinity with 0 agents) when unstable. */
  occupancy: number;
  /** Erlang C: the probability that a caller is not answered at once and waits. */
  probabilityOfWaiting: number;
  /** Mean wait over all callers, including those answered at once (seconds). */
  averageSpeedOfAnswerSeconds: number;
  /** Share of callers answered within the target answer time, in [0, 1]. */
  serviceLevel: number;
  /** False when the offered load meets or exceeds the agents: the queue then grows without bound. */
  stable: boolean;
  /**
   * True when the offered load exceeds {@link MAX_OFFERED_ERLANGS}: the figures are those of the
   * queue scaled down to that load at the same agents per erlang.
   */
  beyondModel: boolean;
}

/**
 * Largest offered load modelled, in erlangs. The biggest single queues run a few thousand agents;
 * past this the input is a typo or a unit mix-up, and the cap keeps every computation bounded.
 */
export const MAX_OFFERED_ERLANGS = 100_000;

export interface ErlangInput {
  /** Agents staffing the queue. Fractions are floored (see {@link erlangC}). */
  agents: number;
  callsPerHour: number;
  /** Average handle time in seconds (talk + hold + wrap-up). */
  ahtSeconds: number;
  /** The t of the service level "X% answered within t seconds". */
  targetAnswerSeconds: number;
}

/**
 * Queue statistics for `agents` agents under the Erlang C model.
 *
 * Non-integer agents are floored: a fraction of an agent cannot pick up a call, Erlang C is only
 * defined for a whole number of servers, and rounding down never understates the wait, which is
 * the safe side for a linter (2.5 agents on a rota means that, at times, only 2 are answering).
 *
 * When the offered load meets or exceeds the agents (A ≥ N, including N = 0) the queue has no
 * steady state: every caller eventually waits and the wait grows without bound, so the result is
 * `stable: false`, probability of waiting 1, average speed of answer Infinity and service level 0.
 * Occupancy is still reported as A / N so the rule can show how overloaded the queue is; with no
 * agents at all it is Infinity when calls arrive and 0 when none do.
 *
 * C(N, A) is computed through the Erlang B recurrence, which stays within [0, 1] at every step
 * and so cannot overflow the way A^N / N! does; it is O(N) and exact enough for N in the tens of
 * thousands.
 *
 * @throws RangeError when an input is negative or not finite.
 */
export function erlangC(input: ErlangInput): QueueStats {
  assertNonNegativeFinite('agents', input.agents);
  assertNonNegativeFinite('callsPerHour', input.callsPerHour);
  assertNonNegativeFinite('ahtSeconds', input.ahtSeconds);
  assertNonNegativeFinite('targetAnswerSeconds', input.targetAnswerSeconds);

  const stated = offeredLoad(input.callsPerHour, input.ahtSeconds);
  const occupancy = occupancyOf(stated, Math.floor(input.agents));
  // Past the cap, keep the agents per erlang and model the cap: work stays bounded however absurd
  // the numbers, and a scaled-down queue waits at least as long (fewer agents pool less).
  const beyondModel = !(stated <= MAX_OFFERED_ERLANGS);
  const scale = beyondModel ? MAX_OFFERED_ERLANGS / stated : 1;
  const offered = beyondModel ? MAX_OFFERED_ERLANGS : stated;
  const agents = Math.floor(Math.min(input.agents * scale, Number.MAX_SAFE_INTEGER));

  if (offered >= agents) {
    return {
      offeredErlangs: stated,
      occupancy,
      probabilityOfWaiting: 1,
      averageSpeedOfAnswerSeconds: Infinity,
      serviceLevel: 0,
      stable: false,
      beyondModel,
    };
  }

  const waiting = erlangCProbability(agents, offered);
  return {
    offeredErlangs: stated,
    occupancy,
    probabilityOfWaiting: waiting,
    averageSpeedOfAnswerSeconds: averageSpeedOfAnswer(waiting, agents, offered, input.ahtSeconds),
    serviceLevel: serviceLevel(waiting, agents, offered, input.ahtSeconds, input.targetAnswerSeconds),
    stable: true,
    beyondModel,
  };
}

/** Offered load in erlangs: arrivals per second times seconds of work per call. */
export function offeredLoad(callsPerHour: number, ahtSeconds: number): number {
  return (callsPerHour / 3600) * ahtSeconds;
}

/**
 * Erlang B (blocking probability of N servers, no queue) by the recurrence
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)).
 * Every B(k) lies in [0, 1], so nothing overflows however large N is. `agents` is a whole number
 * of agents ≥ 0 and `offered` ≥ 0.
 */
export function erlangB(agents: number, offered: number): number {
  let blocking = 1;
  for (let k = 1; k <= agents; k++) {
    const carried = offered * blocking;
    blocking = carried / (k + carried);
    // Once it underflows to 0 it stays 0; stop early so a lightly loaded huge N costs little.
    if (blocking === 0) break;
  }
  return blocking;
}

/**
 * Erlang C from Erlang B: C = N·B / (N − A·(1 − B)). Requires 0 ≤ A < N.
 * The denominator is N − A + A·B > 0 there, so the division is safe; the clamp only absorbs
 * rounding at the last bit.
 */
export function erlangCProbability(agents: number, offered: number): number {
  const blocking = erlangB(agents, offered);
  const waiting = (agents * blocking) / (agents - offered * (1 - blocking));
  return Math.min(1, Math.max(0, waiting));
}

function occupancyOf(offered: number, agents: number): number {
  if (agents > 0) return offered / agents;
  // 0/0 would be NaN: with no agents and no calls nobody is busy; with calls, load is unbounded.
  return offered > 0 ? Infinity : 0;
}

function averageSpeedOfAnswer(waiting: number, agents: number, offered: number, aht: number): number {
  return (waiting * aht) / (agents - offered);
}

function serviceLevel(waiting: number, agents: number, offered: number, aht: number, target: number): number {
  // Nobody waits: every call is answered at once, whatever the target (also avoids 0/0 when the
  // handle time is 0).
  if (waiting === 0) return 1;
  const level = 1 - waiting * Math.exp((-(agents - offered) * target) / aht);
  return Math.min(1, Math.max(0, level));
}

function assertNonNegativeFinite(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`erlangC: ${name} must be a finite number >= 0, got ${value}`);
  }
}
