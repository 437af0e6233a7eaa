// Worst counts along journeys: counted loops (an exit taken at most `times` times per call) are
// bounded; a cycle with no counted exit is endless.
import { describe, expect, it } from 'vitest';
import { worstCounts, type LoopGraph } from '../../src/analysis/paths.js';

/** A graph from edges [from, to, times]; times 0 is an exit without limit. */
function graphOf(size: number, edges: Array<[number, number, number]>): LoopGraph {
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  const offsets = new Int32Array(size + 1);
  for (const [from] of sorted) offsets[from + 1]!++;
  for (let vertex = 0; vertex < size; vertex++) offsets[vertex + 1]! += offsets[vertex]!;
  return { size, offsets, targets: Int32Array.from(sorted.map(([, to]) => to)), times: Int32Array.from(sorted.map(([, , times]) => times)) };
}

describe('worstCounts on counted loops', () => {
  // 0 start -> 1 menu -> 2 loop block -(again, 2 times)-> 1; 2 -(done)-> 3 agent; 1 -> 4 menu after the loop.
  const loop: Array<[number, number, number]> = [[0, 1, 0], [1, 2, 0], [2, 1, 2], [2, 3, 0], [1, 4, 0]];
  const weight = [0, 1, 0, 0, 1];

  it('bounds a loop whose cycle takes a counted exit: the menu is heard at most 1 + 2 times', () => {
    const counts = worstCounts(graphOf(5, loop), { start: 0, weight });
    expect([...counts.value]).toEqual([0, 3, 3, 3, 4]);
    expect(counts.cycle(1)).toEqual([]);
  });

  it('leaves a loop endless when the same exit has no count', () => {
    const endless = loop.map(([from, to]): [number, number, number] => [from, to, 0]);
    const counts = worstCounts(graphOf(5, endless), { start: 0, weight });
    expect(counts.value[1]).toBe(Number.POSITIVE_INFINITY);
    expect(counts.value[4]).toBe(Number.POSITIVE_INFINITY);
  });

  it('leaves a loop endless when one of its cycles has no counted exit', () => {
    // A second way back, 2 -> 1 without a count, beside the counted one.
    const counts = worstCounts(graphOf(5, [...loop, [4, 1, 0]]), { start: 0, weight });
    expect(counts.value[1]).toBe(Number.POSITIVE_INFINITY);
  });

  it('adds the rounds of every counted exit of the loop', () => {
    // 1 -> 2 -(again, 2)-> 1 and 1 -> 5 -(again, 1)-> 1: at most 3 full rounds, then one more pass.
    const edges: Array<[number, number, number]> = [[0, 1, 0], [1, 2, 0], [2, 1, 2], [2, 3, 0], [1, 5, 0], [5, 1, 1]];
    const counts = worstCounts(graphOf(6, edges), { start: 0, weight: [0, 1, 0, 0, 0, 0] });
    expect(counts.value[3]).toBe(4);
  });
});
