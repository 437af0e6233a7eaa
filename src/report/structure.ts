// Big flows drawn by their structure: every loop (a strongly connected component of more than
// one step) becomes one box, so the diagram shows how the call moves between parts of the flow
// rather than a wall of boxes. Witness paths survive: an arrow between two parts keeps the worst
// severity of the witness edges it stands for.
import { SEVERITY_RANK, type Severity } from '../model/finding.js';
import { stronglyConnectedComponents } from '../analysis/scc.js';
import { DIAGRAM_WORK_LIMIT, layoutWork } from './diagram.js';
import type { FlowGraph, GraphEdge, GraphNode } from './flowgraph.js';

/** Up to this many nodes every step is drawn; past it, loops are collapsed. */
export const FULL_DETAIL_LIMIT = 1200;

function worse(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

function toCsr(graph: FlowGraph): { size: number; offsets: Int32Array; targets: Int32Array } {
  const index = new Map(graph.nodes.map((node, position) => [node.id, position]));
  const offsets = new Int32Array(graph.nodes.length + 1);
  for (const edge of graph.edges) offsets[index.get(edge.from)! + 1]! += 1;
  for (let position = 0; position < graph.nodes.length; position++) offsets[position + 1]! += offsets[position]!;
  const filled = offsets.slice(0, graph.nodes.length);
  const targets = new Int32Array(graph.edges.length);
  for (const edge of graph.edges) targets[filled[index.get(edge.from)!]!++] = index.get(edge.to)!;
  return { size: graph.nodes.length, offsets, targets };
}

/** The box that names a loop: the entry if the loop holds it, else its first menu, else its first step. */
function representative(members: readonly GraphNode[]): GraphNode {
  return members.find((node) => node.entry) ?? members.find((node) => node.type === 'menu') ?? members[0]!;
}

function collapsed(members: readonly GraphNode[]): GraphNode {
  if (members.length === 1) return members[0]!;
  const chosen = representative(members);
  return {
    id: chosen.id,
    type: 'loop',
    name: chosen.name ?? chosen.id,
    say: '',
    entry: members.some((node) => node.entry),
    severity: members.reduce<Severity | undefined>((worst, node) => worse(worst, node.severity), undefined),
    findings: members.reduce((sum, node) => sum + node.findings, 0),
    members: members.length,
  };
}

/** The graph with each loop collapsed to one box; a graph without loops comes back as it is. */
export function condense(graph: FlowGraph): FlowGraph {
  const { componentOf, components } = stronglyConnectedComponents(toCsr(graph));
  if (components.length === graph.nodes.length) return graph;
  // Entry side first, as the components come sinks first.
  const boxes = [...components].reverse().map((members) => collapsed(members.map((position) => graph.nodes[position]!)));
  const boxOf = (id: string): GraphNode => boxes[components.length - 1 - componentOf[positionOf.get(id)!]!]!;
  const positionOf = new Map(graph.nodes.map((node, position) => [node.id, position]));
  const edges = new Map<string, GraphEdge>();
  for (const edge of graph.edges) {
    const from = boxOf(edge.from).id;
    const to = boxOf(edge.to).id;
    if (from === to) continue;
    const key = `${from}\u0000${to}`;
    const merged = edges.get(key) ?? { from, to, captions: [] };
    for (const caption of edge.captions) if (!merged.captions.includes(caption)) merged.captions.push(caption);
    const witness = worse(merged.witness, edge.witness);
    if (witness !== undefined) merged.witness = witness;
    edges.set(key, merged);
  }
  return { nodes: boxes, edges: [...edges.values()] };
}

/** What the report draws for a flow: every step, or for a big flow its structure. */
export function drawableGraph(graph: FlowGraph): { graph: FlowGraph; condensed: boolean } {
  if (graph.nodes.length <= FULL_DETAIL_LIMIT) {
    const detailed = withReferences(graph);
    // Long back edges everywhere make the layout slow and the picture a tangle: draw the structure.
    if (layoutWork(detailed) <= DIAGRAM_WORK_LIMIT) return { graph: detailed, condensed: false };
  }
  return { graph: withReferences(condense(graph)), condensed: true };
}

/** Past this many nodes, steps reached from many places are drawn again beside each caller. */
export const REFERENCE_FROM_NODES = 60;
/** A step with at least this many callers is a hub: an agent, a hang-up, the main menu. */
export const HUB_CALLERS = 4;

/**
 * Arrows into a hub are drawn to a small reference box beside each caller, all but the first:
 * in a big flow an arrow from every menu to the one agent crosses the whole picture, tangles it
 * and makes the layout quadratic (one dummy node per rank crossed).
 */
export function withReferences(graph: FlowGraph): FlowGraph {
  if (graph.nodes.length <= REFERENCE_FROM_NODES) return graph;
  const callers = new Map<string, number>();
  for (const edge of graph.edges) if (edge.from !== edge.to) callers.set(edge.to, (callers.get(edge.to) ?? 0) + 1);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const taken = new Set(byId.keys());
  const seen = new Set<string>();
  const references: GraphNode[] = [];
  const edges = graph.edges.map((edge) => {
    const target = byId.get(edge.to);
    if (!target || edge.from === edge.to || (callers.get(edge.to) ?? 0) < HUB_CALLERS) return edge;
    if (!seen.has(edge.to)) {
      seen.add(edge.to);
      return edge;
    }
    let id = `${edge.to}\u0000${references.length}`;
    while (taken.has(id)) id += '\u0000';
    taken.add(id);
    references.push({ ...target, id, entry: false, findings: 0, refersTo: target.id });
    return { ...edge, to: id };
  });
  return references.length === 0 ? graph : { nodes: [...graph.nodes, ...references], edges };
}
