// The flow as an indexed graph: the form every graph algorithm of the analysis works on.
import type { Edge, Flow } from '../model/flow.js';
import type { CsrGraph } from './scc.js';

export interface FlowGraph extends CsrGraph {
  ids: string[];
  indexOf: ReadonlyMap<string, number>;
  /** The flow edge behind each CSR slot. */
  edges: Edge[];
  entry: number;
}

/** Indexes a flow's nodes and its edges to known nodes (edges to unknown ids are left out). */
export function buildGraph(flow: Flow): FlowGraph {
  const ids = [...flow.nodes.keys()];
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const offsets = new Int32Array(ids.length + 1);
  const targets: number[] = [];
  const edges: Edge[] = [];
  ids.forEach((id, index) => {
    offsets[index] = targets.length;
    for (const edge of flow.nodes.get(id)!.edges) {
      const target = indexOf.get(edge.to);
      if (target === undefined) continue;
      targets.push(target);
      edges.push(edge);
    }
  });
  offsets[ids.length] = targets.length;
  return {
    size: ids.length,
    ids,
    indexOf,
    offsets,
    targets: Int32Array.from(targets),
    edges,
    entry: indexOf.get(flow.entry) ?? -1,
  };
}

/** Marks every vertex reachable from `start` (breadth first, no recursion). */
export function reachableFrom(graph: CsrGraph, start: number): Uint8Array {
  const seen = new Uint8Array(graph.size);
  if (start < 0) return seen;
  const queue = new Int32Array(graph.size);
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  seen[start] = 1;
  while (head < tail) {
    const vertex = queue[head++]!;
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
      const next = graph.targets[slot]!;
      if (!seen[next]) {
        seen[next] = 1;
        queue[tail++] = next;
      }
    }
  }
  return seen;
}
