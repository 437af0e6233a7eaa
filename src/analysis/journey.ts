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

interface EntryChain {
  file: string;
  vertex: number;
  outer: EntryChain | null;
}

function entryOf(chain: EntryChain | null, file: string): number {
  for (let link = chain; link; link = link.outer) if (link.file === file) return link.vertex;
  return -1;
}

interface Frame {
  flow: Flow;
  context: string;
  /** Files on the call stack, to stop at subflow cycles (reported by subflow-cycle). */
  stack: ReadonlySet<string>;
  /** The entry vertex of each file on the stack (innermost first): where a platform flow's hop back goes. */
  entries: EntryChain | null;
  /** Where `return` nodes go: the vertex of the caller's `next`, or -1 when the call ends. */
  returnTo: number;
}

export function buildJourney(program: Program): JourneyGraph {
  const vertices: JourneyVertex[] = [];
  // Edges as flat columns (from, to, flow edge), gathered in any vertex order and sorted into CSR
  // at the end: no list per vertex.
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeOf: Array<Edge | null> = [];
  let truncated = false;

  // Vertices of one flow instance are created up front so that edges can point at them; the
  // subflows it calls are expanded afterwards from a work list (no recursion).
  const instantiate = (frame: Frame): Map<string, number> => {
    const indexOf = new Map<string, number>();
    for (const node of frame.flow.nodes.values()) {
      indexOf.set(node.id, vertices.length);
      vertices.push({ node, flow: frame.flow, context: frame.context, id: frame.context + node.id });
    }
    return indexOf;
  };

  const work: Array<{ frame: Frame; indexOf: Map<string, number> }> = [];
  const rootPath = resolve(program.root.file);
  const rootFrame: Frame = { flow: program.root, context: '', stack: new Set([rootPath]), entries: null, returnTo: -1 };
  const rootIndex = instantiate(rootFrame);
  rootFrame.entries = { file: rootPath, vertex: rootIndex.get(program.root.entry) ?? -1, outer: null };
  work.push({ frame: rootFrame, indexOf: rootIndex });

  // The steps out of one vertex, decided while its node is read, then appended to the columns.
  const steps: Array<{ to: number; edge: Edge | null }> = [];
  while (work.length > 0) {
    const { frame, indexOf } = work.pop()!;
    const file = resolve(frame.flow.file);
    for (const node of frame.flow.nodes.values()) {
      const from = indexOf.get(node.id)!;
      steps.length = 0;
      for (const edge of node.edges) {
        const to = indexOf.get(edge.to);
        if (to !== undefined) steps.push({ to, edge });
      }
      if (node.type === 'return' && frame.returnTo >= 0) steps.push({ to: frame.returnTo, edge: null });
      if (node.type === 'subflow') inlineCall(frame, file, node, indexOf, from);
      for (const step of steps) {
        edgeFrom.push(from);
        edgeTo.push(step.to);
        edgeOf.push(step.edge);
      }
    }
  }

  function inlineCall(frame: Frame, file: string, node: FlowNode, indexOf: Map<string, number>, from: number): void {
    const callee = program.callees.get(subflowKey(file, node.id));
    const calleeFlow = callee === undefined ? undefined : program.flows.get(callee);
    if (!calleeFlow || !calleeFlow.nodes.has(calleeFlow.entry)) return;
    if (frame.stack.has(callee!)) {
      // Platform flows hop back to a flow that is running (`TransferToFlow` to the main menu): the caller
      // is there again. Format v1 forbids such cycles (subflow-cycle) and stops at them.
      const back = entryOf(frame.entries, callee!);
      if (calleeFlow.format !== 'ivr-audit' && back >= 0) steps.push({ to: back, edge: null });
      return;
    }
    if (vertices.length + calleeFlow.nodes.size > MAX_JOURNEY_VERTICES) {
      truncated = true;
      return;
    }
    const next = node.edges.find((edge) => edge.kind === 'next');
    const calleeFrame: Frame = {
      flow: calleeFlow,
      context: `${frame.context}${node.id}/`,
      stack: new Set([...frame.stack, callee!]),
      entries: frame.entries,
      returnTo: next ? indexOf.get(next.to) ?? -1 : -1,
    };
    const calleeIndex = instantiate(calleeFrame);
    calleeFrame.entries = { file: callee!, vertex: calleeIndex.get(calleeFlow.entry)!, outer: frame.entries };
    // The call replaces the subflow node's own `next`: callers continue there only by returning.
    const kept = steps.filter((step) => step.edge?.kind !== 'next');
    steps.length = 0;
    steps.push(...kept, { to: calleeIndex.get(calleeFlow.entry)!, edge: null });
    work.push({ frame: calleeFrame, indexOf: calleeIndex });
  }

  // Counting sort by source vertex; stable, so each vertex keeps its steps in the order found.
  const size = vertices.length;
  const offsets = new Int32Array(size + 1);
  for (const from of edgeFrom) offsets[from + 1]!++;
  for (let vertex = 0; vertex < size; vertex++) offsets[vertex + 1]! += offsets[vertex]!;
  const fill = offsets.slice(0, size);
  const targets = new Int32Array(edgeFrom.length);
  const edges = new Array<Edge | null>(edgeFrom.length);
  for (let index = 0; index < edgeFrom.length; index++) {
    const slot = fill[edgeFrom[index]!]!++;
    targets[slot] = edgeTo[index]!;
    edges[slot] = edgeOf[index]!;
  }
  const rootEntry = program.root.nodes.has(program.root.entry) ? rootIndex.get(program.root.entry)! : -1;
  return { size, offsets, targets, edges, vertices, entry: rootEntry, truncated };
}

/** A journey for a flow without subflows, or when no program is at hand. */
export function singleFlowProgram(flow: Flow): Program {
  return { root: flow, flows: new Map([[resolve(flow.file), flow]]), callees: new Map(), problems: [] };
}
