import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangA, MAX_OFFERED_ERLANGS } from '../../src/analysis/erlang-a.js';
import { erlangC } from '../../src/analysis/erlang.js';

// ---------------------------------------------------------------------------------------------
// Independent references: the M/M/n+M birth-death chain solved state by state, and a tagged
// caller's time in the queue by uniformization. They share no formula with the module.
// ---------------------------------------------------------------------------------------------

interface Chain {
  probabilities: number[];
  lambda: number;
  mu: number;
  theta: number;
  agents: number;
}

/** Stationary distribution by the balance equations π(k)·birth = π(k+1)·death(k+1), truncated far out. */
function solveChain(agents: number, callsPerHour: number, aht: number, patience: number): Chain {
  const lambda = callsPerHour / 3600;
  const mu = 1 / aht;
  const theta = 1 / patience;
  const weights = [1];
  for (let k = 1; k < 20_000; k++) {
    const death = Math.min(k, agents) * mu + Math.max(0, k - agents) * theta;
    weights.push((weights[k - 1]! * lambda) / death);
    if (k > agents && weights[k]! < 1e-300) break;
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  return { probabilities: weights.map((w) => w / total), lambda, mu, theta, agents };
}

function chainFigures(chain: Chain): { waiting: number; abandonment: number; expectedWait: number } {
  let waiting = 0;
  let queued = 0;
  chain.probabilities.forEach((p, k) => {
    if (k >= chain.agents) waiting += p;
    queued += Math.max(0, k - chain.agents) * p;
  });
  return { waiting, abandonment: (queued * chain.theta) / chain.lambda, expectedWait: queued / chain.lambda };
}

/**
 * P(a caller is still in the queue at t): a caller arriving to find j waiting ahead leaves the
 * queue when they reach an agent (after j+1 departures from the head, at rate n·μ + i·θ with i
 * ahead) or hang up (rate θ). Solved by uniformization of that little chain.
 */
function chainStillWaiting(chain: Chain, t: number): number {
  const { agents, mu, theta } = chain;
  let result = 0;
  chain.probabilities.forEach((p, k) => {
    if (k < agents || p < 1e-14) return;
    const ahead = k - agents;
    const uniform = agents * mu + ahead * theta + theta;
    // state[i] = probability of i callers ahead, still waiting
    let state = new Float64Array(ahead + 1);
    state[ahead] = 1;
    let poisson = Math.exp(-uniform * t);
    let survival = 0;
    for (let m = 0; m < 5000; m++) {
      if (m > 0) poisson *= (uniform * t) / m;
      survival += poisson * state.reduce((sum, v) => sum + v, 0);
      const next = new Float64Array(ahead + 1);
      for (let i = 0; i <= ahead; i++) {
        const move = (agents * mu + i * theta) / uniform;
        const stay = 1 - move - theta / uniform;
        next[i]! += state[i]! * stay;
        if (i > 0) next[i - 1]! += state[i]! * move;
      }
      state = next;
      if (m > uniform * t + 40 * Math.sqrt(uniform * t + 1) + 40) break;
    }
    result += p * survival;
  });
  return result;
}

const close = (actual: number, expected: number, tolerance = 1e-7): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
};

// ---------------------------------------------------------------------------------------------

const CASES = [
  { agents: 10, callsPerHour: 110, ahtSeconds: 300, patienceSeconds: 600 },
  { agents: 5, callsPerHour: 60, ahtSeconds: 300, patienceSeconds: 180 },
  { agents: 10, callsPerHour: 132, ahtSeconds: 300, patienceSeconds: 600 },
  { agents: 2, callsPerHour: 26, ahtSeconds: 300, patienceSeconds: 120 },
  { agents: 12, callsPerHour: 120, ahtSeconds: 320, patienceSeconds: 600 },
  { agents: 40, callsPerHour: 1000, ahtSeconds: 180, patienceSeconds: 90 },
  { agents: 3, callsPerHour: 400, ahtSeconds: 240, patienceSeconds: 300 },
  { agents: 0, callsPerHour: 30, ahtSeconds: 300, patienceSeconds: 200 },
];

describe('erlangA against the birth-death chain', () => {
  it.each(CASES)('%o: waiting, abandonment and mean wait', (input) => {
    const model = erlangA({ ...input, targetAnswerSeconds: 20 });
    const chain = chainFigures(solveChain(input.agents, input.callsPerHour, input.ahtSeconds, input.patienceSeconds));
    close(model.probabilityOfWaiting, chain.waiting);
    close(model.abandonment, chain.abandonment);
    close(model.expectedWaitSeconds, chain.expectedWait, 1e-6);
  });

  it.each(CASES)('%o: share still waiting at 20 s, 2 min and 10 min', (input) => {
    const model = erlangA({ ...input, targetAnswerSeconds: 20 });
    const chain = solveChain(input.agents, input.callsPerHour, input.ahtSeconds, input.patienceSeconds);
    for (const t of [20, 120, 600]) close(model.stillWaiting(t), chainStillWaiting(chain, t), 1e-7);
  });

  it.each(CASES)('%o: the tail integrates to the mean wait', (input) => {
    const model = erlangA({ ...input, targetAnswerSeconds: 20 });
    close(model.waitWithin(Infinity), model.expectedWaitSeconds, 1e-9);
    close(model.waitBetween(0, 1e7), model.expectedWaitSeconds, 1e-6);
    close(model.waitWithin(300) + model.waitBetween(300, Infinity), model.expectedWaitSeconds, 1e-6);
  });
});

describe('erlangA: limits', () => {
  it('approaches Erlang C when callers are very patient', () => {
    const staffing = { agents: 11, callsPerHour: 200, ahtSeconds: 180, targetAnswerSeconds: 20 };
    const c = erlangC(staffing);
    const a = erlangA({ ...staffing, patienceSeconds: 1e7 });
    expect(a.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 3);
    expect(a.expectedWaitSeconds).toBeCloseTo(c.averageSpeedOfAnswerSeconds, 0);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 3);
  });

  it('with no agents every caller waits until they hang up', () => {
    const model = erlangA({ agents: 0, callsPerHour: 50, ahtSeconds: 300, patienceSeconds: 240, targetAnswerSeconds: 20 });
    expect(model.probabilityOfWaiting).toBe(1);
    close(model.abandonment, 1, 1e-12);
    close(model.expectedWaitSeconds, 240, 1e-9);
    close(model.stillWaiting(120), Math.exp(-0.5), 1e-12);
  });

  it('with no calls nobody waits', () => {
    const model = erlangA({ agents: 4, callsPerHour: 0, ahtSeconds: 300, patienceSeconds: 240, targetAnswerSeconds: 20 });
    expect([model.probabilityOfWaiting, model.abandonment, model.expectedWaitSeconds, model.serviceLevel]).toEqual([0, 0, 0, 1]);
  });

  it('stays finite when overloaded: about 1 − n/A abandon', () => {
    const model = erlangA({ agents: 100, callsPerHour: 2400, ahtSeconds: 300, patienceSeconds: 300, targetAnswerSeconds: 20 });
    expect(model.abandonment).toBeCloseTo(0.5, 2);
    expect(model.expectedWaitSeconds).toBeCloseTo(150, 0);
    expect(model.occupancy).toBeLessThanOrEqual(1);
  });
});

describe('erlangA: absurd inputs finish and stay in range', () => {
  it.each([
    { agents: 10, callsPerHour: 1e12, ahtSeconds: 300, patienceSeconds: 600 },
    { agents: 10, callsPerHour: 100, ahtSeconds: 1e12, patienceSeconds: 600 },
    { agents: 1e-320, callsPerHour: 100, ahtSeconds: 1e308, patienceSeconds: 600 },
    { agents: 1e300, callsPerHour: 1e300, ahtSeconds: 1e300, patienceSeconds: 1e300 },
    { agents: 1e15, callsPerHour: 3600, ahtSeconds: 300, patienceSeconds: 600 },
    { agents: 90_000, callsPerHour: 3.2e9, ahtSeconds: 100, patienceSeconds: 1e9 },
    { agents: 5, callsPerHour: 100, ahtSeconds: 1e-300, patienceSeconds: 600 },
    { agents: 5, callsPerHour: 100, ahtSeconds: 300, patienceSeconds: 1e-300 },
  ])('%o', (input) => {
    const model = erlangA({ ...input, targetAnswerSeconds: 20 });
    for (const share of [model.probabilityOfWaiting, model.abandonment, model.serviceLevel, model.stillWaiting(120), model.occupancy]) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    expect(Number.isFinite(model.expectedWaitSeconds)).toBe(true);
    expect(Number.isFinite(model.waitWithin(1800))).toBe(true);
    expect(model.beyondModel).toBe(model.offeredErlangs > MAX_OFFERED_ERLANGS);
  });
});

describe('erlangA: properties', () => {
  const staffing = fc.record({
    agents: fc.integer({ min: 0, max: 200 }),
    callsPerHour: fc.double({ min: 0, max: 5000, noNaN: true }),
    ahtSeconds: fc.double({ min: 1, max: 1200, noNaN: true }),
    patienceSeconds: fc.double({ min: 5, max: 3600, noNaN: true }),
  });

  it('one more agent never lengthens the wait or raises abandonment', () => {
    fc.assert(
      fc.property(staffing, (input) => {
        const now = erlangA({ ...input, targetAnswerSeconds: 20 });
        const more = erlangA({ ...input, agents: input.agents + 1, targetAnswerSeconds: 20 });
        expect(more.abandonment).toBeLessThanOrEqual(now.abandonment + 1e-9);
        expect(more.expectedWaitSeconds).toBeLessThanOrEqual(now.expectedWaitSeconds * (1 + 1e-9) + 1e-9);
        expect(more.stillWaiting(120)).toBeLessThanOrEqual(now.stillWaiting(120) + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('P(abandon) = E[wait] / patience, and the tail falls with time', () => {
    fc.assert(
      fc.property(staffing, (input) => {
        const model = erlangA({ ...input, targetAnswerSeconds: 20 });
        close(model.abandonment, model.expectedWaitSeconds / model.patienceSeconds, 1e-9);
        expect(model.stillWaiting(300)).toBeLessThanOrEqual(model.stillWaiting(120) + 1e-12);
        expect(model.stillWaiting(120)).toBeLessThanOrEqual(model.probabilityOfWaiting + 1e-12);
      }),
      { numRuns: 150 },
    );
  });
});
