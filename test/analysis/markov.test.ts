import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  absorptionProbability,
  ConvergenceError,
  expectedTotals,
  expectedVisits,
  type Chain,
} from '../../src/analysis/markov.js';
import { stronglyConnectedComponents } from '../../src/analysis/scc.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Edge = readonly [from: number, to: number, probability: number];

/** CSR chain from an edge list (edges of a state keep their listed order). */
function chainOf(size: number, edges: readonly Edge[]): Chain {
  const offsets = new Int32Array(size + 1);
  for (const [from] of edges) offsets[from + 1]++;
  for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, size);
  const targets = new Int32Array(edges.length);
  const probabilities = new Float64Array(edges.length);
  for (const [from, to, p] of edges) {
    const slot = fill[from]++;
    targets[slot] = to;
    probabilities[slot] = p;
  }
  return { size, offsets, targets, probabilities };
}

const rewards = (...values: number[]): Float64Array => Float64Array.from(values);

/** Dense solve of a small system by Gauss-Jordan with partial pivoting (test-only reference). */
function denseSolve(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let k = col; k <= n; k++) a[r][k] -= f * a[col][k];
    }
  }
  return a.map((row, i) => row[n] / row[i]);
}

/** Positive-probability successors of each state. */
function successors(chain: Chain): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < chain.size; i++) {
    out.push([]);
    for (let e = chain.offsets[i]; e < chain.offsets[i + 1]; e++) if (chain.probabilities[e] > 0) out[i].push(chain.targets[e]);
  }
  return out;
}

/** States from which some state of `seeds` is reachable (seeds included). */
function canReach(adjacency: number[][], seeds: boolean[]): boolean[] {
  const reach = [...seeds];
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < adjacency.length; i++) {
      if (!reach[i] && adjacency[i].some((j) => reach[j])) {
        reach[i] = true;
        changed = true;
      }
    }
  }
  return reach;
}

/**
 * Reference for expectedTotals that ignores components altogether: classify states by plain
 * reachability, then solve ONE dense system over every state from which absorption is certain.
 */
function referenceTotals(chain: Chain, reward: Float64Array): { values: number[]; trapped: number[] } {
  const adjacency = successors(chain);
  const absorbing = adjacency.map((next) => next.length === 0);
  const canAbsorb = canReach(adjacency, absorbing);
  const mayGetStuck = canReach(adjacency, canAbsorb.map((ok) => !ok));
  const certain = mayGetStuck.map((stuck) => !stuck);
  const index = new Map<number, number>();
  certain.forEach((ok, i) => ok && index.set(i, index.size));

  const matrix = [...index.keys()].map(() => new Array<number>(index.size).fill(0));
  const rhs = [...index.keys()].map((i) => reward[i]);
  for (const [i, row] of index) {
    matrix[row][row] += 1;
    for (let e = chain.offsets[i]; e < chain.offsets[i + 1]; e++) {
      const p = chain.probabilities[e];
      // Every successor of a certain state is certain, so the lookup never misses.
      if (p > 0) matrix[row][index.get(chain.targets[e]) as number] -= p;
    }
  }
  const solution = index.size > 0 ? denseSolve(matrix, rhs) : [];
  return {
    values: certain.map((ok, i) => (ok ? solution[index.get(i) as number] : Infinity)),
    trapped: canAbsorb.map((ok) => (ok ? 0 : 1)),
  };
}

/** Reference for absorptionProbability: one dense system over the states that can reach a goal. */
function referenceAbsorption(chain: Chain, isGoal: Uint8Array): number[] {
  const adjacency = successors(chain).map((next, i) => (isGoal[i] ? [] : next));
  const live = canReach(adjacency, [...isGoal].map((g) => g === 1));
  const index = new Map<number, number>();
  live.forEach((ok, i) => ok && !isGoal[i] && index.set(i, index.size));
  const matrix = [...index.keys()].map(() => new Array<number>(index.size).fill(0));
  const rhs = [...index.keys()].map(() => 0);
  for (const [i, row] of index) {
    matrix[row][row] += 1;
    for (let e = chain.offsets[i]; e < chain.offsets[i + 1]; e++) {
      const p = chain.probabilities[e];
      const j = chain.targets[e];
      if (p === 0) continue;
      if (isGoal[j]) rhs[row] += p;
      else if (index.has(j)) matrix[row][index.get(j) as number] -= p;
    }
  }
  const solution = index.size > 0 ? denseSolve(matrix, rhs) : [];
  return live.map((ok, i) => (isGoal[i] ? 1 : ok ? solution[index.get(i) as number] : 0));
}

/**
 * Random small chains: each state is absorbing or has 1–4 weighted edges; zero weights give
 * zero-probability edges (and a state whose weights are all zero is absorbing).
 */
const arbitraryChain = (maxSize: number): fc.Arbitrary<{ chain: Chain; reward: Float64Array; isGoal: Uint8Array }> =>
  fc.integer({ min: 1, max: maxSize }).chain((size) =>
    fc
      .record({
        rows: fc.array(
          fc.oneof(
            { weight: 1, arbitrary: fc.constant<[number, number][]>([]) },
            {
              weight: 3,
              arbitrary: fc.array(fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: 5 })), {
                minLength: 1,
                maxLength: 4,
              }),
            },
          ),
          { minLength: size, maxLength: size },
        ),
        reward: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: size, maxLength: size }),
        isGoal: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
      })
      .map(({ rows, reward, isGoal }) => {
        const edges: Edge[] = [];
        rows.forEach((row, from) => {
          const total = row.reduce((sum, [, w]) => sum + w, 0);
          for (const [to, w] of row) edges.push([from, to, total > 0 ? w / total : 0]);
        });
        const chain = chainOf(size, edges);
        // Only absorbing states are goals, as in the scoring model.
        const adjacency = successors(chain);
        const goal = Uint8Array.from(isGoal, (g, i) => (g && adjacency[i].length === 0 ? 1 : 0));
        return { chain, reward: Float64Array.from(reward), isGoal: goal };
      }),
  );

/** Same Infinity pattern, finite values within `relative` × the largest finite expected value. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, relative: number): void {
  expect(actual.length).toBe(expected.length);
  let scale = 1;
  for (let i = 0; i < expected.length; i++) if (Number.isFinite(expected[i])) scale = Math.max(scale, Math.abs(expected[i]));
  // One assertion for the worst state rather than one per state: chains here have 100,000 states.
  let worst = -1;
  let worstError = 0;
  for (let i = 0; i < expected.length; i++) {
    const gap = Number.isFinite(expected[i]) ? Math.abs(actual[i] - expected[i]) : actual[i] === expected[i] ? 0 : Infinity;
    const error = Number.isNaN(gap) ? Infinity : gap;
    if (error > worstError) {
      worst = i;
      worstError = error;
    }
  }
  if (worst >= 0) {
    expect(worstError, `state ${worst}: ${actual[worst]} vs ${expected[worst]}`).toBeLessThanOrEqual(relative * scale);
  }
}

/** A line 0 → 1 → … → n−1 (the last state absorbing). */
function line(n: number): Chain {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + (i < n - 1 ? 1 : 0);
  const targets = new Int32Array(n - 1).map((_, i) => i + 1);
  return { size: n, offsets, targets, probabilities: new Float64Array(n - 1).fill(1) };
}

/**
 * A cycle 0 → 1 → … → n−1 → 0 plus an absorbing state n. `exit(i)` is the probability of leaving
 * the cycle from state i (0 = no exit).
 */
function cycleWithExits(n: number, exit: (state: number) => number): Chain {
  const edges: Edge[] = [];
  for (let i = 0; i < n; i++) {
    const out = exit(i);
    edges.push([i, (i + 1) % n, 1 - out]);
    if (out > 0) edges.push([i, n, out]);
  }
  return chainOf(n + 1, edges);
}

// ---------------------------------------------------------------------------------------------
// Strongly connected components
// ---------------------------------------------------------------------------------------------

describe('stronglyConnectedComponents', () => {
  it('finds cycles and lists sinks first', () => {
    // 0 → 1 ⇄ 2 → 3, 3 ↺, 4 isolated
    const g = chainOf(5, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 1, 0.5],
      [2, 3, 0.5],
      [3, 3, 1],
    ]);
    const { componentOf, components } = stronglyConnectedComponents({ size: g.size, offsets: g.offsets, targets: g.targets });
    expect(components.map((c) => [...c].sort())).toEqual([[3], [1, 2], [0], [4]]);
    expect([...componentOf]).toEqual([2, 1, 1, 0, 3]);
  });

  it('lists a component in pop order: the DFS entry state last', () => {
    const g = cycleWithExits(4, () => 0);
    const { components } = stronglyConnectedComponents({ size: g.size, offsets: g.offsets, targets: g.targets });
    expect(components[0]).toEqual([3, 2, 1, 0]);
  });

  it('handles the empty graph', () => {
    expect(stronglyConnectedComponents({ size: 0, offsets: new Int32Array([0]), targets: new Int32Array(0) })).toEqual({
      componentOf: new Int32Array(0),
      components: [],
    });
  });

  it('property: components are exactly the mutual-reachability classes, in reverse topological order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }).chain((size) =>
          fc.tuple(
            fc.constant(size),
            fc.array(fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: size - 1 })), { maxLength: 30 }),
          ),
        ),
        ([size, pairs]) => {
          const g = chainOf(size, pairs.map(([a, b]) => [a, b, 1] as const));
          const { componentOf, components } = stronglyConnectedComponents({ size, offsets: g.offsets, targets: g.targets });

          // A partition, consistent with componentOf.
          expect(components.flat().sort((a, b) => a - b)).toEqual([...Array(size).keys()]);
          components.forEach((members, id) => members.forEach((s) => expect(componentOf[s]).toBe(id)));

          // Same component ⇔ each reaches the other (closure by brute force).
          const adjacency = successors(g);
          const reach = [...Array(size).keys()].map((s) => canReach(adjacency, adjacency.map((_, i) => i === s)));
          for (let u = 0; u < size; u++) {
            for (let v = 0; v < size; v++) {
              expect(componentOf[u] === componentOf[v]).toBe(reach[v][u] && reach[u][v]);
              // Ordering guarantee: if u reaches v, v's component is listed no later than u's.
              if (reach[v][u]) expect(componentOf[v]).toBeLessThanOrEqual(componentOf[u]);
            }
          }
        },
      ),
    );
  });

  it('does not overflow the stack on a 100,000-state line or cycle', () => {
    const n = 100_000;
    const l = line(n);
    const lineSccs = stronglyConnectedComponents({ size: n, offsets: l.offsets, targets: l.targets });
    expect(lineSccs.components.length).toBe(n);
    expect(lineSccs.componentOf[n - 1]).toBe(0);
    expect(lineSccs.componentOf[0]).toBe(n - 1);

    const c = cycleWithExits(n, () => 0);
    const cycleSccs = stronglyConnectedComponents({ size: c.size, offsets: c.offsets, targets: c.targets });
    expect(cycleSccs.components.length).toBe(2);
    expect(cycleSccs.components[0].length).toBe(n);
  });

  it('rejects malformed graphs', () => {
    expect(() => stronglyConnectedComponents({ size: 2, offsets: new Int32Array([0, 1]), targets: new Int32Array([1]) })).toThrow(RangeError);
    expect(() => stronglyConnectedComponents({ size: 2, offsets: new Int32Array([0, 1, 1]), targets: new Int32Array([2]) })).toThrow(RangeError);
    expect(() => stronglyConnectedComponents(2, new Int32Array([0, 2, 1]), new Int32Array([1, 0]))).toThrow(RangeError);
    expect(() => stronglyConnectedComponents(1, new Int32Array([0, 0]), new Int32Array([0]))).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// expectedTotals
// ---------------------------------------------------------------------------------------------

describe('expectedTotals', () => {
  it('sums rewards along a simple 3-state line, the absorbing state counted once', () => {
    const { values, trapped } = expectedTotals(chainOf(3, [[0, 1, 1], [1, 2, 1]]), rewards(1, 2, 3));
    expect([...values]).toEqual([6, 5, 3]);
    expect([...trapped]).toEqual([0, 0, 0]);
  });

  it('"press 9 to repeat": a self-loop of 0.2 gives 1/(1−0.2) expected visits', () => {
    // 0 greeting → 1 menu; the menu repeats itself with p = 0.2, else reaches 2 (agent).
    const chain = chainOf(3, [
      [0, 1, 1],
      [1, 1, 0.2],
      [1, 2, 0.8],
    ]);
    const visits = expectedTotals(chain, rewards(0, 1, 0)).values;
    expect(visits[1]).toBeCloseTo(1 / (1 - 0.2), 14);
    expect(visits[0]).toBeCloseTo(1.25, 14);
    // With 30 s per pass through the menu and 10 s of greeting:
    expect(expectedTotals(chain, rewards(10, 30, 0)).values[0]).toBeCloseTo(10 + 30 * 1.25, 12);
  });

  it('solves a two-state cycle with an exit', () => {
    // A → B; B → A (0.5) or end (0.5). x_B = 1 + x_A/2, x_A = 1 + x_B ⇒ x_A = 4, x_B = 3.
    const { values } = expectedTotals(chainOf(3, [[0, 1, 1], [1, 0, 0.5], [1, 2, 0.5]]), rewards(1, 1, 0));
    expect(values[0]).toBeCloseTo(4, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(values[2]).toBe(0);
  });

  it('marks a closed trap: Infinity everywhere it can be reached, trapped only where it is certain', () => {
    // 0 → 1 (0.5) or 3 (0.5); 1 ⇄ 2 with no way out; 3 absorbing; 4 → 1 only; 5 ↺ with p = 1.
    const chain = chainOf(6, [
      [0, 1, 0.5],
      [0, 3, 0.5],
      [1, 2, 1],
      [2, 1, 1],
      [4, 1, 1],
      [5, 5, 1],
    ]);
    const { values, trapped } = expectedTotals(chain, rewards(1, 1, 1, 1, 1, 0));
    expect([...values]).toEqual([Infinity, Infinity, Infinity, 1, Infinity, Infinity]);
    expect([...trapped]).toEqual([0, 1, 1, 0, 1, 1]);
  });

  it('a trap whose states cost nothing is still Infinity: the caller never gets out', () => {
    const { values, trapped } = expectedTotals(chainOf(2, [[0, 1, 1], [1, 0, 1]]), rewards(0, 0));
    expect([...values]).toEqual([Infinity, Infinity]);
    expect([...trapped]).toEqual([1, 1]);
  });

  it('ignores zero-probability edges, for cycles and for absorption', () => {
    // The repeat edge 1 → 0 has p = 0, so there is no cycle; state 2's only edge has p = 0, so it
    // is absorbing rather than a trap.
    const chain = chainOf(3, [
      [0, 1, 1],
      [1, 0, 0],
      [1, 2, 1],
      [2, 2, 0],
    ]);
    const { values, trapped } = expectedTotals(chain, rewards(1, 1, 1));
    expect([...values]).toEqual([3, 2, 1]);
    expect([...trapped]).toEqual([0, 0, 0]);
    const { components } = stronglyConnectedComponents({ size: chain.size, offsets: chain.offsets, targets: chain.targets });
    expect(components.length).toBe(2); // all edges count there: 0 ⇄ 1 is one component
  });

  it('adds up repeated edges to the same target', () => {
    const chain = chainOf(2, [[0, 0, 0.25], [0, 0, 0.25], [0, 1, 0.5]]);
    expect(expectedTotals(chain, rewards(1, 0)).values[0]).toBeCloseTo(2, 14);
  });

  it('handles a 100,000-state line without recursion', () => {
    const n = 100_000;
    const { values, trapped } = expectedTotals(line(n), new Float64Array(n).fill(1));
    for (let i = 0; i < n; i++) if (values[i] !== n - i) expect(values[i], `state ${i}`).toBe(n - i);
    expect(trapped.every((t) => t === 0)).toBe(true);
  });

  it('solves one 100,000-state cycle with a small exit probability at every state', () => {
    const n = 100_000;
    const epsilon = 1e-3;
    const reward = new Float64Array(n + 1).fill(1);
    reward[n] = 0;
    const { values } = expectedTotals(cycleWithExits(n, () => epsilon), reward);
    // By symmetry every cycle state has v = 1 + (1 − ε)·v.
    for (let i = 0; i < n; i++) {
      if (Math.abs(values[i] - 1 / epsilon) > 1e-9 / epsilon) expect(values[i], `state ${i}`).toBeCloseTo(1 / epsilon, 6);
    }
    expect(values[n]).toBe(0);
  });

  it('solves one 100,000-state cycle whose only exit is a single rare one', () => {
    const n = 100_000;
    const epsilon = 0.01;
    const reward = new Float64Array(n + 1).fill(1);
    reward[n] = 0;
    const { values } = expectedTotals(cycleWithExits(n, (i) => (i === 0 ? epsilon : 0)), reward);
    // x_0 = 1 + (1 − ε)·x_1 and x_k = (n − k) + x_0 for k ≥ 1.
    const x0 = (1 + (1 - epsilon) * (n - 1)) / epsilon;
    const expected = Float64Array.from({ length: n + 1 }, (_, k) => (k === n ? 0 : k === 0 ? x0 : n - k + x0));
    expectClose(values, expected, 1e-8);
  });

  it.each([
    ['frequent exits', 0.1, 0.05],
    ['one rare exit (badly conditioned)', 0.004, 0.002],
  ])('Gauss-Seidel and Gaussian elimination agree on a 400-state tangle with %s', (_name, exitShare, exitProbability) => {
    // A ring with random chords and exits: one component of 400 states, above the dense limit.
    const n = 400;
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const edges: Edge[] = [[0, n, exitProbability], [0, 1, 1 - exitProbability]];
    for (let i = 1; i < n; i++) {
      const exit = random() < exitShare ? exitProbability : 0;
      const chord = 0.3 * random();
      edges.push([i, (i + 1) % n, 1 - exit - chord], [i, Math.floor(random() * n), chord]);
      if (exit > 0) edges.push([i, n, exit]);
    }
    const chain = chainOf(n + 1, edges);
    const reward = Float64Array.from({ length: n + 1 }, (_, i) => (i === n ? 0 : 1 + 10 * random()));
    const iterative = expectedTotals(chain, reward).values;
    const dense = expectedTotals(chain, reward, { denseLimit: 1_000 }).values;
    expectClose(iterative, dense, 1e-9);
    expectClose(dense, referenceTotals(chain, reward).values, 1e-9);
  });

  it('gives up with a ConvergenceError when Gauss-Seidel runs out of sweeps', () => {
    const chain = cycleWithExits(1_000, (i) => (i === 0 ? 1e-3 : 0));
    const attempt = (): unknown => expectedTotals(chain, new Float64Array(1_001).fill(1), { maxSweeps: 2 });
    expect(attempt).toThrow(ConvergenceError);
    expect(attempt).toThrow(/1000 states/);
  });

  it('property: matches one dense solve of the whole chain (dense and iterative per-component solvers)', () => {
    fc.assert(
      fc.property(arbitraryChain(10), ({ chain, reward }) => {
        const reference = referenceTotals(chain, reward);
        for (const options of [{}, { denseLimit: 0 }]) {
          const { values, trapped } = expectedTotals(chain, reward, options);
          expectClose(values, reference.values, 1e-7);
          expect([...trapped]).toEqual(reference.trapped);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: same on larger random chains', () => {
    fc.assert(
      fc.property(arbitraryChain(60), ({ chain, reward }) => {
        const reference = referenceTotals(chain, reward);
        expectClose(expectedTotals(chain, reward).values, reference.values, 1e-9);
        expectClose(expectedTotals(chain, reward, { denseLimit: 0 }).values, reference.values, 1e-7);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects malformed input', () => {
    const ok = chainOf(2, [[0, 1, 1]]);
    expect(() => expectedTotals(ok, rewards(1))).toThrow(RangeError);
    expect(() => expectedTotals(ok, rewards(1, Number.NaN))).toThrow(RangeError);
    expect(() => expectedTotals(ok, rewards(1, Infinity))).toThrow(RangeError);
    expect(() => expectedTotals(chainOf(2, [[0, 1, 0.7]]), rewards(1, 1))).toThrow(/sum/);
    expect(() => expectedTotals(chainOf(2, [[0, 1, -0.5], [0, 0, 1.5]]), rewards(1, 1))).toThrow(RangeError);
    expect(() => expectedTotals({ ...ok, probabilities: new Float64Array(0) }, rewards(1, 1))).toThrow(RangeError);
  });

  it('accepts shares that sum to 1 only up to rounding', () => {
    const third = 1 / 3;
    const chain = chainOf(4, [[0, 1, third], [0, 2, third], [0, 3, third]]);
    expect(expectedTotals(chain, rewards(1, 1, 2, 3)).values[0]).toBeCloseTo(3, 12);
  });
});

// ---------------------------------------------------------------------------------------------
// absorptionProbability
// ---------------------------------------------------------------------------------------------

describe('absorptionProbability', () => {
  it('accounts for a repeat loop', () => {
    // Menu 0: agent 1 (0.6), hang-up 2 (0.3), repeat (0.1) ⇒ P(agent) = 0.6 / 0.9.
    const chain = chainOf(3, [[0, 1, 0.6], [0, 2, 0.3], [0, 0, 0.1]]);
    const p = absorptionProbability(chain, Uint8Array.from([0, 1, 0]));
    expect(p[0]).toBeCloseTo(2 / 3, 14);
    expect([p[1], p[2]]).toEqual([1, 0]);
  });

  it('gives 0 in traps and the escaping share elsewhere', () => {
    const chain = chainOf(4, [[0, 1, 0.25], [0, 3, 0.75], [1, 2, 1], [2, 1, 1]]);
    expect([...absorptionProbability(chain, Uint8Array.from([0, 0, 0, 1]))]).toEqual([0.75, 0, 0, 1]);
  });

  it('treats a goal that is not absorbing as reached (its own edges are ignored)', () => {
    // 0 → 1 (0.5) or 2 (0.5); 1 is the goal but moves on to 2.
    const chain = chainOf(3, [[0, 1, 0.5], [0, 2, 0.5], [1, 2, 1]]);
    expect([...absorptionProbability(chain, Uint8Array.from([0, 1, 0]))]).toEqual([0.5, 1, 0]);
  });

  it('is 1 everywhere on the 100,000-state cycle with a single rare exit', () => {
    const n = 100_000;
    const isGoal = new Uint8Array(n + 1);
    isGoal[n] = 1;
    const p = absorptionProbability(cycleWithExits(n, (i) => (i === 0 ? 0.01 : 0)), isGoal);
    expect(p.every((value) => Math.abs(value - 1) <= 1e-8)).toBe(true);
  });

  it('property: matches a dense solve and stays within [0, 1]', () => {
    fc.assert(
      fc.property(arbitraryChain(12), ({ chain, isGoal }) => {
        const reference = referenceAbsorption(chain, isGoal);
        for (const options of [{}, { denseLimit: 0 }]) {
          const p = absorptionProbability(chain, isGoal, options);
          expectClose(p, reference, 1e-7);
          expect(p.every((value) => value >= 0 && value <= 1)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: goal and non-goal absorption add up to 1 exactly where expected totals are finite', () => {
    fc.assert(
      fc.property(arbitraryChain(12), ({ chain }) => {
        const absorbing = successors(chain).map((next) => (next.length === 0 ? 1 : 0));
        const ending = absorptionProbability(chain, Uint8Array.from(absorbing));
        const { values } = expectedTotals(chain, new Float64Array(chain.size).fill(1));
        for (let i = 0; i < chain.size; i++) {
          if (Number.isFinite(values[i])) expect(ending[i]).toBeCloseTo(1, 9);
          else expect(ending[i]).toBeLessThan(1 - 1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a goal mask of the wrong length', () => {
    expect(() => absorptionProbability(chainOf(2, [[0, 1, 1]]), new Uint8Array(1))).toThrow(RangeError);
  });
});

describe('one chain solved for many rewards', () => {
  // The chain's check and condensation are kept per chain object: later solves must not differ
  // from solving a fresh copy, whatever the reward or the goals.
  const chain: Chain = {
    size: 4,
    offsets: Int32Array.from([0, 2, 4, 5, 5]),
    targets: Int32Array.from([1, 3, 0, 2, 3]),
    probabilities: Float64Array.from([0.5, 0.5, 0.3, 0.7, 1]),
  };
  const copy = (): Chain => ({ ...chain, offsets: chain.offsets.slice(), targets: chain.targets.slice(), probabilities: chain.probabilities.slice() });

  it('gives each reward and goal set the values of a fresh chain', () => {
    for (const reward of [[1, 0, 0, 0], [0, 2, 5, 1], [3, 3, 3, 3]].map((values) => Float64Array.from(values))) {
      expect(expectedTotals(chain, reward).values).toEqual(expectedTotals(copy(), reward).values);
    }
    const goals = Uint8Array.from([0, 0, 1, 0]);
    expect(absorptionProbability(chain, goals)).toEqual(absorptionProbability(copy(), goals));
    expect(expectedTotals(chain, Float64Array.from([1, 1, 1, 1])).values[0]).toBeCloseTo(2.7 / 0.85, 10);
    // x0 = 1 + ½·x1 + ½·1, x1 = 1 + 0.3·x0 + 0.7·2: x0 = 2.7 ÷ 0.85.
  });

  it('still rejects a bad reward for a chain it has solved before', () => {
    expectedTotals(chain, new Float64Array(4));
    expect(() => expectedTotals(chain, new Float64Array(3))).toThrow(RangeError);
    expect(() => expectedTotals(chain, Float64Array.from([0, Number.NaN, 0, 0]))).toThrow(RangeError);
  });
});

describe('expectedVisits', () => {
  it('counts the visits of a walk with a loop', () => {
    // 0 → 1 or 3 (½ each), 1 → 0 (0.3) or 2 (0.7), 2 → 3, 3 absorbing: x0 = 1 + 0.3·x1, x1 = ½·x0.
    const chain = chainOf(4, [[0, 1, 0.5], [0, 3, 0.5], [1, 0, 0.3], [1, 2, 0.7], [2, 3, 1]]);
    const visits = expectedVisits(chain, 0)!;
    expect(visits[0]).toBeCloseTo(1 / 0.85, 12);
    expect(visits[1]).toBeCloseTo(0.5 / 0.85, 12);
    expect(visits[2]).toBeCloseTo(0.35 / 0.85, 12);
    expect(visits[3]).toBeCloseTo(1, 12);
  });

  it('weighs every reward as the expected total does: Σ visits · reward', () => {
    fc.assert(
      fc.property(arbitraryChain(12), ({ chain, reward }) => {
        const visits = expectedVisits(chain, 0);
        const total = expectedTotals(chain, reward).values[0]!;
        // No visits exactly when the walk may never end: then no total is finite.
        if (visits === undefined) {
          expect(expectedTotals(chain, new Float64Array(chain.size).fill(1)).values[0]).toBe(Infinity);
          return;
        }
        const weighed = visits.reduce((sum, count, state) => sum + count * reward[state]!, 0);
        expect(Math.abs(weighed - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(total)));
      }),
    );
  });

  it('gives no visits for a walk that can go round for ever, nor for a component too big to solve densely', () => {
    expect(expectedVisits(chainOf(3, [[0, 1, 0.5], [0, 2, 0.5], [1, 1, 1]]), 0)).toBeUndefined();
    const ring = chainOf(3, [[0, 1, 1], [1, 2, 0.5], [1, 0, 0.5]]);
    expect(expectedVisits(ring, 0)).toBeDefined();
    expect(expectedVisits(ring, 0, { denseLimit: 1 })).toBeUndefined();
  });
});
