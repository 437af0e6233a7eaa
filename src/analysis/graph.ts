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
