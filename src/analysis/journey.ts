// The caller's journey graph: the root flow with its subflows inlined at each call site, so that
// a question asked inside a subflow counts on the caller's path through the main flow.
import { resolve } from 'node:path';
import type { Edge, Flow, FlowNode } from '../model/flow.js';
import { subflowKey, type Program } from '../load/program.js';
import type { CsrGraph } from './scc.js';

export interface JourneyVertex {
  node: FlowNode;
  flow: Flow;
  /** `''` in the root flow; `verify/` inside the subflow called by root node `verify`, and so on. */
  context: string;
  /** Unique in the graph: context + node id. */
  id: string;
}

export interface JourneyGraph extends CsrGraph {
  vertices: JourneyVertex[];
  /** The flow edge behind each CSR slot; null for the step into a subflow or back from it. */
  edges: Array<Edge | null>;
  entry: number;
  /** True when inlining stopped at the size cap; the analysis then treats deeper subflows as opaque. */
  truncated: boolean;
}

/** Inlining stops past this many vertices, so nested subflows cannot blow up the analysis. */
export const MAX_JOURNEY_VERTICES = 100_000;

interface Frame {
  flow: Flow;
  context: string;
  /** Files on the call stack, to stop at subflow cycles (reported by subflow-cycle). */
  stack: ReadonlySet<string>;
  /** Where `return` nodes go: the vertex of the caller's `next`, or -1 when the call ends. */
  returnTo: number;
}

export function buildJourney(program: Program): JourneyGraph {
  const vertices: JourneyVertex[] = [];
  const successors: Array<Array<{ to: number; edge: Edge | null }>> = [];
  let truncated = false;

  // Vertices of one flow instance are created up front so that edges can point at them; the
  // subflows it calls are expanded afterwards from a work list (no recursion).
  const instantiate = (frame: Frame): Map<string, number> => {
    const indexOf = new Map<string, number>();
    for (const node of frame.flow.nodes.values()) {
      indexOf.set(node.id, vertices.length);
      vertices.push({ node, flow: frame.flow, context: frame.context, id: frame.context + node.id });
      successors.push([]);
    }
    return indexOf;
  };

  const work: Array<{ frame: Frame; indexOf: Map<string, number> }> = [];
  const rootFrame: Frame = { flow: program.root, context: '', stack: new Set([resolve(program.root.file)]), returnTo: -1 };
  work.push({ frame: rootFrame, indexOf: instantiate(rootFrame) });

  while (work.length > 0) {
    const { frame, indexOf } = work.pop()!;
    const file = resolve(frame.flow.file);
    for (const node of frame.flow.nodes.values()) {
      const from = indexOf.get(node.id)!;
      for (const edge of node.edges) {
        const to = indexOf.get(edge.to);
        if (to !== undefined) successors[from]!.push({ to, edge });
      }
      if (node.type === 'return' && frame.returnTo >= 0) successors[from]!.push({ to: frame.returnTo, edge: null });
      if (node.type !== 'subflow') continue;
      const callee = program.callees.get(subflowKey(file, node.id));
      const calleeFlow = callee === undefined ? undefined : program.flows.get(callee);
      if (!calleeFlow || frame.stack.has(callee!) || !calleeFlow.nodes.has(calleeFlow.entry)) continue;
      if (vertices.length + calleeFlow.nodes.size > MAX_JOURNEY_VERTICES) {
        truncated = true;
        continue;
      }
      const next = node.edges.find((edge) => edge.kind === 'next');
      const calleeFrame: Frame = {
        flow: calleeFlow,
        context: `${frame.context}${node.id}/`,
        stack: new Set([...frame.stack, callee!]),
        returnTo: next ? indexOf.get(next.to) ?? -1 : -1,
      };
      const calleeIndex = instantiate(calleeFrame);
      // The call replaces the subflow node's own `next`: callers continue there only by returning.
      successors[from] = successors[from]!.filter((step) => step.edge?.kind !== 'next');
      successors[from]!.push({ to: calleeIndex.get(calleeFlow.entry)!, edge: null });
      work.push({ frame: calleeFrame, indexOf: calleeIndex });
    }
  }

  const offsets = new Int32Array(vertices.length + 1);
  const targets: number[] = [];
  const edges: Array<Edge | null> = [];
  successors.forEach((steps, vertex) => {
    offsets[vertex] = targets.length;
    for (const step of steps) {
      targets.push(step.to);
      edges.push(step.edge);
    }
  });
  offsets[vertices.length] = targets.length;
  const rootEntry = vertices.findIndex((vertex) => vertex.context === '' && vertex.node.id === program.root.entry);
  return { size: vertices.length, offsets, targets: Int32Array.from(targets), edges, vertices, entry: rootEntry, truncated };
}

/** A journey for a flow without subflows, or when no program is at hand. */
export function singleFlowProgram(flow: Flow): Program {
  return { root: flow, flows: new Map([[resolve(flow.file), flow]]), callees: new Map(), problems: [] };
}
