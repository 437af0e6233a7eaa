// The worst journey over components must be worstCounts' in 'once' mode, and the worst journey
// with one component's weight changed must be what measuring the changed weights again gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareWalk, worstCounts } from '../../src/analysis/paths.js';
import type { CsrGraph } from '../../src/analysis/scc.js';
import { WorstByComponent, worstOnce } from '../../src/analysis/worst-once.js';

function graphOf(size: number, edges: ReadonlyArray<readonly [number, number]>): CsrGraph {
  const offsets = new Int32Array(size + 1);
  for (const [from] of edges) offsets[from + 1]!++;
  for (let at = 0; at < size; at++) offsets[at + 1]! += offsets[at]!;
  const fill = offsets.slice(0, size);
  const targets = new Int32Array(edges.length);
  for (const [from, to] of edges) targets[fill[from]!++] = to;
  return { size, offsets, targets };
}

/** Graphs of up to 14 vertices, loops included, with weights of whole or half points. */
const arbitraryCase = fc.integer({ min: 1, max: 14 }).chain((size) => fc.record({
  size: fc.constant(size),
  edges: fc.array(fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: size - 1 })), { maxLength: size * 3 }),
  weight: fc.array(fc.integer({ min: 0, max: 12 }).map((points) => points / 2), { minLength: size, maxLength: size }),
  changed: fc.integer({ min: 0, max: size - 1 }),
  delta: fc.integer({ min: -12, max: 12 }).map((points) => points / 2),
}));

describe('the worst journey over components', () => {
  it('is worstCounts\' costliest value in "once" mode', () => {
    fc.assert(fc.property(arbitraryCase, ({ size, edges, weight }) => {
      const graph = graphOf(size, edges);
      const walk = prepareWalk(graph, 0, new Uint8Array(size));
      const counts = worstCounts(graph, { start: 0, weight, cycles: 'once', walk });
      expect(worstOnce(walk, weight).worst).toBe(Math.max(0, ...counts.value));
    }), { numRuns: 400 });
  });

  it('with one component weighing more or less, is what measuring the new weights gives', () => {
    fc.assert(fc.property(arbitraryCase, ({ size, edges, weight, changed, delta }) => {
      const graph = graphOf(size, edges);
      const walk = prepareWalk(graph, 0, new Uint8Array(size));
      const change = Math.max(-weight[changed]!, delta);
      const edited = weight.map((value, vertex) => (vertex === changed ? value + change : value));
      const byComponent = new WorstByComponent(walk, weight);
      const measuredAgain = worstOnce(walk, edited).worst;
      expect(byComponent.worstWith(walk.components.componentOf[changed]!, change, worstOnce(walk, weight).worst)).toBeCloseTo(measuredAgain, 9);
    }), { numRuns: 1000 });
  });

  it('marks the components of the worst journey', () => {
    // 0 → 1 → 3 weighs 1 + 5 + 1; 0 → 2 → 3 weighs 1 + 2 + 1.
    const graph = graphOf(4, [[0, 1], [0, 2], [1, 3], [2, 3]]);
    const walk = prepareWalk(graph, 0, new Uint8Array(4));
    const { worst, onWorst } = worstOnce(walk, [1, 5, 2, 1]);
    expect(worst).toBe(7);
    const { componentOf } = walk.components;
    expect([0, 1, 2, 3].map((vertex) => onWorst[componentOf[vertex]!])).toEqual([1, 1, 0, 1]);
  });
});
