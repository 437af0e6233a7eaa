import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangB, erlangC, erlangCProbability, MAX_OFFERED_ERLANGS, offeredLoad } from '../../src/analysis/erlang.js';

// ---------------------------------------------------------------------------------------------
// Independent references, written from the textbook definitions rather than from the module.
// ---------------------------------------------------------------------------------------------

/**
 * Erlang C straight from the textbook formula
 *   C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)).
 * Only usable for small N (A^N and N! overflow a double beyond N ≈ 170), which is the point:
 * it shares no code or trick with the recurrence under test.
 */
function directErlangC(agents: number, offered: number): number {
  let factorial = 1;
  let sum = 0;
  for (let k = 0; k < agents; k++) {
    if (k > 0) factorial *= k;
    sum += offered ** k / factorial;
  }
  factorial *= agents;
  const top = ((offered ** agents) / factorial) * (agents / (agents - offered));
  return top / (sum + top);
}

/**
 * Erlang C for large N in log space: log(A^k/k!) built term by term, then a log-sum-exp, then
 * C = N·B / (N − A(1 − B)) with B = (A^N/N!) / Σ_{k≤N} A^k/k!. Independent of the B recurrence.
 */
function logSpaceErlangC(agents: number, offered: number): number {
  const logTerms = new Float64Array(agents + 1);
  for (let k = 1; k <= agents; k++) logTerms[k] = logTerms[k - 1] + Math.log(offered) - Math.log(k);
  let max = -Infinity;
  for (const t of logTerms) max = Math.max(max, t);
  let sum = 0;
  for (const t of logTerms) sum += Math.exp(t - max);
  const blocking = Math.exp(logTerms[agents] - max) / sum;
  return (agents * blocking) / (agents - offered * (1 - blocking));
}

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);

// ---------------------------------------------------------------------------------------------

describe('offeredLoad', () => {
  it('is calls per second times handle time', () => {
    expect(offeredLoad(200, 180)).toBeCloseTo(10, 12);
    expect(offeredLoad(720, 240)).toBeCloseTo(48, 12);
    expect(offeredLoad(0, 300)).toBe(0);
  });
});

describe('erlangC: published examples', () => {
  // Call Centre Helper, "Erlang C formula – made simple": 100 calls in 30 minutes, AHT 3 minutes,
  // target 80% in 20 s. A = 10 erlangs; 11 agents → P(wait) 68.21%, ASA 122.8 s, SL 39.0%;
  // 14 agents are the first to reach 80/20 (SL 88.8%, P(wait) 17.4%, ASA 7.8 s).
  const helper = { callsPerHour: 200, ahtSeconds: 180, targetAnswerSeconds: 20 };

  it('Call Centre Helper, 11 agents', () => {
    const stats = erlangC({ ...helper, agents: 11 });
    expect(stats.offeredErlangs).toBeCloseTo(10, 12);
    expect(stats.occupancy).toBeCloseTo(10 / 11, 12);
    expect(stats.probabilityOfWaiting).toBeCloseTo(0.6821, 4);
    expect(stats.averageSpeedOfAnswerSeconds).toBeCloseTo(122.78, 2);
    expect(stats.serviceLevel).toBeCloseTo(0.3896, 4);
    expect(stats.stable).toBe(true);
  });

  it('Call Centre Helper, 14 agents meet 80/20 and 13 do not', () => {
    const fourteen = erlangC({ ...helper, agents: 14 });
    expect(fourteen.probabilityOfWaiting).toBeCloseTo(0.1741, 4);
    expect(fourteen.averageSpeedOfAnswerSeconds).toBeCloseTo(7.84, 2);
    expect(fourteen.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(fourteen.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangC({ ...helper, agents: 13 }).serviceLevel).toBeLessThan(0.8);
  });

  it('Westbay Engineers (erlang.com): 360 calls per half hour, 4 min AHT, 55 agents, 15 s', () => {
    const stats = erlangC({ agents: 55, callsPerHour: 720, ahtSeconds: 240, targetAnswerSeconds: 15 });
    expect(stats.offeredErlangs).toBeCloseTo(48, 12);
    expect(stats.occupancy).toBeCloseTo(0.8727, 4);
    expect(stats.probabilityOfWaiting).toBeCloseTo(0.2387, 4);
    expect(stats.averageSpeedOfAnswerSeconds).toBeCloseTo(8.18, 2);
    expect(stats.serviceLevel).toBeCloseTo(0.8459, 4);
  });

  it('one agent is M/M/1: P(wait) = ρ and ASA = ρ·AHT/(1−ρ)', () => {
    // 30 calls an hour of 60 s each: ρ = 0.5.
    const stats = erlangC({ agents: 1, callsPerHour: 30, ahtSeconds: 60, targetAnswerSeconds: 10 });
    expect(stats.probabilityOfWaiting).toBeCloseTo(0.5, 14);
    expect(stats.averageSpeedOfAnswerSeconds).toBeCloseTo(60, 10);
    expect(stats.serviceLevel).toBeCloseTo(1 - 0.5 * Math.exp(-0.5 * 10 / 60), 14);
  });

  it('two agents at one erlang wait with probability exactly 1/3', () => {
    const stats = erlangC({ agents: 2, callsPerHour: 3600, ahtSeconds: 1, targetAnswerSeconds: 0 });
    expect(stats.probabilityOfWaiting).toBeCloseTo(1 / 3, 14);
    // At t = 0 the service level is the share answered at once.
    expect(stats.serviceLevel).toBeCloseTo(2 / 3, 14);
  });
});

describe('erlangC: agrees with the factorial formula', () => {
  it('for every small N and a grid of loads', () => {
    for (let agents = 1; agents <= 60; agents++) {
      for (const fraction of [0.01, 0.3, 0.7, 0.9, 0.99]) {
        const offered = agents * fraction;
        expect(relativeError(erlangCProbability(agents, offered), directErlangC(agents, offered))).toBeLessThan(1e-10);
      }
    }
  });

  it('property: random N ≤ 100 and A < N', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 1200, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (agents, fraction, aht, target) => {
          const offered = agents * fraction;
          const callsPerHour = (offered / aht) * 3600;
          const stats = erlangC({ agents, callsPerHour, ahtSeconds: aht, targetAnswerSeconds: target });
          const expected = directErlangC(agents, stats.offeredErlangs);
          expect(relativeError(stats.probabilityOfWaiting, expected)).toBeLessThan(1e-9);
          const asa = (expected * aht) / (agents - stats.offeredErlangs);
          expect(relativeError(stats.averageSpeedOfAnswerSeconds, asa)).toBeLessThan(1e-9);
          const level = 1 - expected * Math.exp((-(agents - stats.offeredErlangs) * target) / aht);
          expect(Math.abs(stats.serviceLevel - level)).toBeLessThan(1e-9);
        },
      ),
    );
  });
});

describe('erlangC: large N', () => {
  it.each([
    [10_000, 9_900],
    [10_000, 9_999],
    [20_000, 19_000],
    [50_000, 49_800],
  ])('N=%i A=%i matches a log-space computation and stays finite', (agents, offered) => {
    const waiting = erlangCProbability(agents, offered);
    expect(Number.isFinite(waiting)).toBe(true);
    expect(waiting).toBeGreaterThan(0);
    expect(waiting).toBeLessThan(1);
    expect(relativeError(waiting, logSpaceErlangC(agents, offered))).toBeLessThan(1e-8);
  });

  it('a huge, lightly loaded centre has no wait at all (underflow goes to 0, never NaN)', () => {
    const stats = erlangC({ agents: 10_000, callsPerHour: 360, ahtSeconds: 100, targetAnswerSeconds: 20 });
    expect(stats.probabilityOfWaiting).toBe(0);
    expect(stats.averageSpeedOfAnswerSeconds).toBe(0);
    expect(stats.serviceLevel).toBe(1);
    expect(stats.stable).toBe(true);
  });

  it('erlangB never leaves [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.double({ min: 0, max: 40_000, noNaN: true }), (n, a) => {
        const b = erlangB(n, a);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
      }),
      { numRuns: 50 },
    );
  });
});

describe('erlangC: edge cases', () => {
  it('no calls: nobody waits, service level 100%', () => {
    const stats = erlangC({ agents: 5, callsPerHour: 0, ahtSeconds: 300, targetAnswerSeconds: 20 });
    expect(stats).toEqual({
      offeredErlangs: 0,
      occupancy: 0,
      probabilityOfWaiting: 0,
      averageSpeedOfAnswerSeconds: 0,
      serviceLevel: 1,
      stable: true,
      beyondModel: false,
    });
  });

  it('zero handle time behaves like no load (no 0/0)', () => {
    const stats = erlangC({ agents: 3, callsPerHour: 500, ahtSeconds: 0, targetAnswerSeconds: 0 });
    expect(stats.probabilityOfWaiting).toBe(0);
    expect(stats.serviceLevel).toBe(1);
    expect(stats.averageSpeedOfAnswerSeconds).toBe(0);
  });

  it('load just below the agents: stable, almost everyone waits, long but finite ASA', () => {
    // A = 10 − 1e-6 erlangs on 10 agents.
    const aht = 300;
    const callsPerHour = ((10 - 1e-6) / aht) * 3600;
    const stats = erlangC({ agents: 10, callsPerHour, ahtSeconds: aht, targetAnswerSeconds: 20 });
    expect(stats.stable).toBe(true);
    expect(stats.probabilityOfWaiting).toBeGreaterThan(0.9999);
    expect(stats.probabilityOfWaiting).toBeLessThanOrEqual(1);
    expect(Number.isFinite(stats.averageSpeedOfAnswerSeconds)).toBe(true);
    expect(stats.averageSpeedOfAnswerSeconds).toBeGreaterThan(1e8);
    expect(stats.serviceLevel).toBeGreaterThanOrEqual(0);
    expect(stats.serviceLevel).toBeLessThan(1e-3);
  });

  it('load equal to the agents is unstable', () => {
    const stats = erlangC({ agents: 10, callsPerHour: 120, ahtSeconds: 300, targetAnswerSeconds: 20 });
    expect(stats.offeredErlangs).toBeCloseTo(10, 12);
    expect(stats).toMatchObject({ probabilityOfWaiting: 1, averageSpeedOfAnswerSeconds: Infinity, serviceLevel: 0, stable: false });
  });

  it('load above the agents is unstable and reports occupancy above 1', () => {
    const stats = erlangC({ agents: 8, callsPerHour: 120, ahtSeconds: 300, targetAnswerSeconds: 20 });
    expect(stats.stable).toBe(false);
    expect(stats.occupancy).toBeCloseTo(10 / 8, 12);
    expect(stats.probabilityOfWaiting).toBe(1);
    expect(stats.averageSpeedOfAnswerSeconds).toBe(Infinity);
    expect(stats.serviceLevel).toBe(0);
  });

  it('no agents: unstable, occupancy Infinity with calls and 0 without (never NaN)', () => {
    const busy = erlangC({ agents: 0, callsPerHour: 10, ahtSeconds: 60, targetAnswerSeconds: 20 });
    expect(busy.stable).toBe(false);
    expect(busy.occupancy).toBe(Infinity);
    const idle = erlangC({ agents: 0, callsPerHour: 0, ahtSeconds: 60, targetAnswerSeconds: 20 });
    expect(idle.stable).toBe(false);
    expect(idle.occupancy).toBe(0);
  });

  it('fractional agents are floored', () => {
    const base = { callsPerHour: 200, ahtSeconds: 180, targetAnswerSeconds: 20 };
    expect(erlangC({ ...base, agents: 14.9 })).toEqual(erlangC({ ...base, agents: 14 }));
    // 10.5 agents for 10 erlangs is really 10 agents: unstable.
    expect(erlangC({ ...base, agents: 10.5 }).stable).toBe(false);
    expect(erlangC({ ...base, agents: 0.5 }).occupancy).toBe(Infinity);
  });

  it.each([
    ['agents', { agents: -1 }],
    ['callsPerHour', { callsPerHour: Number.NaN }],
    ['ahtSeconds', { ahtSeconds: Infinity }],
    ['targetAnswerSeconds', { targetAnswerSeconds: -5 }],
  ])('rejects a bad %s', (_name, bad) => {
    const input = { agents: 5, callsPerHour: 100, ahtSeconds: 60, targetAnswerSeconds: 20, ...bad };
    expect(() => erlangC(input)).toThrow(RangeError);
  });
});

describe('erlangC: properties', () => {
  const inputs = fc.record({
    agents: fc.integer({ min: 0, max: 2_000 }),
    callsPerHour: fc.double({ min: 0, max: 50_000, noNaN: true }),
    ahtSeconds: fc.double({ min: 0, max: 1_800, noNaN: true }),
    targetAnswerSeconds: fc.double({ min: 0, max: 600, noNaN: true }),
  });

  it('never produces NaN and keeps probabilities in [0, 1]', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const stats = erlangC(input);
        for (const value of Object.values(stats)) expect(Number.isNaN(value)).toBe(false);
        expect(stats.probabilityOfWaiting).toBeGreaterThanOrEqual(0);
        expect(stats.probabilityOfWaiting).toBeLessThanOrEqual(1);
        expect(stats.serviceLevel).toBeGreaterThanOrEqual(0);
        expect(stats.serviceLevel).toBeLessThanOrEqual(1);
        expect(stats.averageSpeedOfAnswerSeconds).toBeGreaterThanOrEqual(0);
        expect(stats.stable).toBe(stats.offeredErlangs < input.agents);
        if (stats.stable) expect(Number.isFinite(stats.averageSpeedOfAnswerSeconds)).toBe(true);
      }),
    );
  });

  it('one more agent never makes callers wait more', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const now = erlangC(input);
        const more = erlangC({ ...input, agents: input.agents + 1 });
        const slack = 1e-12;
        expect(more.probabilityOfWaiting).toBeLessThanOrEqual(now.probabilityOfWaiting + slack);
        expect(more.averageSpeedOfAnswerSeconds).toBeLessThanOrEqual(now.averageSpeedOfAnswerSeconds * (1 + slack));
        expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel - slack);
        expect(more.occupancy).toBeLessThanOrEqual(now.occupancy);
      }),
    );
  });

  it('a longer target never lowers the service level', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 0, max: 600, noNaN: true }), (input, extra) => {
        const now = erlangC(input);
        const later = erlangC({ ...input, targetAnswerSeconds: input.targetAnswerSeconds + extra });
        expect(later.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel - 1e-12);
      }),
    );
  });
});

describe('erlangC: loads beyond the model', () => {
  // Each of these counted agents one at a time, or looped to the agent count, and never finished.
  it.each([
    { agents: 10, callsPerHour: 1e12, ahtSeconds: 300 },
    { agents: 10, callsPerHour: 100, ahtSeconds: 1e12 },
    { agents: 1e-320, callsPerHour: 100, ahtSeconds: 1e308 },
    { agents: 1e300, callsPerHour: 1e300, ahtSeconds: 1e300 },
    { agents: 1e15, callsPerHour: 1e12, ahtSeconds: 300 },
  ])('flags %o and models it at the cap', (staffing) => {
    const stats = erlangC({ ...staffing, targetAnswerSeconds: 20 });
    expect(stats.beyondModel).toBe(true);
    expect(stats.offeredErlangs).toBeGreaterThan(MAX_OFFERED_ERLANGS);
    expect(stats.probabilityOfWaiting).toBeGreaterThanOrEqual(0);
    expect(stats.probabilityOfWaiting).toBeLessThanOrEqual(1);
  });

  it('keeps the agents per erlang when it scales a load down', () => {
    // 1.2 agents per erlang: stable at any size, so the scaled queue is stable too.
    const stats = erlangC({ agents: 1.2e7, callsPerHour: 3.6e9, ahtSeconds: 10, targetAnswerSeconds: 20 });
    expect(stats.beyondModel).toBe(true);
    expect(stats.stable).toBe(true);
    expect(stats.occupancy).toBeCloseTo(1e7 / 1.2e7, 12);
  });

  it('models a load at the cap as given', () => {
    const stats = erlangC({ agents: 120_000, callsPerHour: 3600 * 1000, ahtSeconds: 100, targetAnswerSeconds: 20 });
    expect(stats.beyondModel).toBe(false);
    expect(stats.stable).toBe(true);
  });
});
