import { describe, expect, it } from 'vitest';
import { incomingLists, reversed, stronglyConnectedComponents, toCsr } from '../../src/analysis/scc.js';
import { auditText } from '../helpers.js';

describe('stronglyConnectedComponents', () => {
  it('finds components and lists sinks first', () => {
    // 0 → 1 ⇄ 2 → 3, 3 ⇄ 3
    const graph = toCsr(4, (vertex) => [[1], [2], [1, 3], [3]][vertex]!);
    const { components, componentOf } = stronglyConnectedComponents(graph);
    expect(components.map((members) => [...members].sort())).toEqual([[3], [1, 2], [0]]);
    expect(componentOf[1]).toBe(componentOf[2]);
    // Reverse topological order: a component comes before every component with an edge into it.
    for (let vertex = 0; vertex < graph.size; vertex++) {
      for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
        expect(componentOf[graph.targets[slot]!]!).toBeLessThanOrEqual(componentOf[vertex]!);
      }
    }
  });

  it('handles a 200,000-vertex chain and cycle without overflowing the stack', () => {
    const size = 200_000;
    const chain = stronglyConnectedComponents(toCsr(size, (vertex) => (vertex + 1 < size ? [vertex + 1] : [])));
    expect(chain.components).toHaveLength(size);
    const cycle = stronglyConnectedComponents(toCsr(size, (vertex) => [(vertex + 1) % size]));
    expect(cycle.components).toHaveLength(1);
  });
});

describe('reversed', () => {
  it('lists each vertex\'s predecessors in the order of incomingLists, repeated edges included', () => {
    const edges: number[][] = [[1, 2], [2, 0, 2], [], [3, 1]];
    const graph = toCsr(edges.length, (vertex) => edges[vertex]!);
    const back = reversed(graph);
    const lists = Array.from({ length: back.size }, (_, vertex) => [...back.targets.subarray(back.offsets[vertex]!, back.offsets[vertex + 1]!)]);
    expect(lists).toEqual(incomingLists(graph));
    expect(lists).toEqual([[1], [0, 3], [0, 1, 1], [3]]);
  });
});

describe('structural rules on a large flow', () => {
  it('reports a trap at the end of a 30,000-node chain (deeper than any call stack)', async () => {
    const size = 30_000;
    const lines = ['version: 1', 'name: Long', 'entry: n0', 'nodes:'];
    for (let index = 0; index < size - 1; index++) lines.push(`  n${index}: { type: play, next: n${index + 1} }`);
    lines.push(`  n${size - 1}: { type: play, next: n${size - 2} }`);
    const text = lines.join('\n');
    const result = await auditText(text, 'long.yaml');
    const structural = result.findings.filter((finding) => finding.ruleId !== 'no-human');
    expect(structural.map((finding) => [finding.ruleId, finding.line])).toEqual([['no-exit', size + 3]]);
    expect(result.score?.value).toBeTypeOf('number');
  });
});
