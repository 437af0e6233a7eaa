// Edits of the flow model, used to apply a fix and re-score it. Each returns a new Flow; the
// original is never changed.
import type { Edge, EdgeKind, Flow, FlowNode, QueueStaffing } from '../model/flow.js';

/** A flow whose nodes can be replaced: the nodes map is copied, node objects are shared until edited. */
export function cloneFlow(flow: Flow): Flow & { nodes: Map<string, FlowNode>; queues: Map<string, QueueStaffing> } {
  return { ...flow, nodes: new Map(flow.nodes), queues: new Map(flow.queues), settings: { ...flow.settings } };
}

export function patchNode(flow: Flow, id: string, patch: Partial<FlowNode>): Flow {
  const node = flow.nodes.get(id);
  if (!node) return flow;
  const copy = cloneFlow(flow);
  copy.nodes.set(id, { ...node, ...patch } as FlowNode);
  return copy;
}

export function nextOf(node: FlowNode): string | undefined {
  return node.edges.find((edge) => edge.kind === 'next')?.to;
}

/**
 * Removes a step callers pass through: every exit into it goes to its `next` instead. Steps
 * without a `next` (or the flow's entry without one) are left as they are.
 */
export function bypass(flow: Flow, id: string): Flow {
  const node = flow.nodes.get(id);
  const next = node ? nextOf(node) : undefined;
  if (!node || next === undefined || next === id) return flow;
  const copy = cloneFlow(flow);
  copy.nodes.delete(id);
  for (const [otherId, other] of copy.nodes) {
    if (!other.edges.some((edge) => edge.to === id)) continue;
    copy.nodes.set(otherId, { ...other, edges: other.edges.map((edge) => (edge.to === id ? { ...edge, to: next } : edge)) });
  }
  return copy.entry === id ? { ...copy, entry: next } : copy;
}

/** Adds an exit to a node, or points an existing exit with that label elsewhere. */
export function setExit(flow: Flow, id: string, kind: EdgeKind, label: string, to: string): Flow {
  const node = flow.nodes.get(id);
  if (!node) return flow;
  const edges = node.edges.filter((edge) => edge.label !== label);
  const edge: Edge = { kind, label, from: id, to, loc: node.loc };
  const copy = cloneFlow(flow);
  const updated = { ...node, edges: [...edges, edge] } as FlowNode;
  if (updated.type === 'menu') updated.optionCount = updated.edges.filter((item) => item.kind === 'option').length;
  copy.nodes.set(id, updated);
  return copy;
}

/** An id not used in the flow, from a wished-for one. */
export function freshId(flow: Flow, wish: string): string {
  if (!flow.nodes.has(wish)) return wish;
  for (let index = 2; ; index++) if (!flow.nodes.has(`${wish}-${index}`)) return `${wish}-${index}`;
}

/** Adds a node built from a template located at `near` (positions only matter for reports). */
export function addNode(flow: Flow, node: FlowNode): Flow {
  const copy = cloneFlow(flow);
  copy.nodes.set(node.id, node);
  return copy;
}

export function baseNode(id: string, near: FlowNode): Omit<FlowNode, 'type'> {
  return { id, loc: near.loc, say: [], approval: false, edges: [], fieldLocs: new Map() };
}

/** The person callers should be sent to: the first agent of the flow, added when there is none. */
export function ensureAgent(flow: Flow, near: FlowNode): { flow: Flow; agentId: string } {
  for (const node of flow.nodes.values()) if (node.type === 'agent') return { flow, agentId: node.id };
  const agentId = freshId(flow, 'agent');
  return { flow: addNode(flow, { ...baseNode(agentId, near), type: 'agent', resolves: 0.8 }), agentId };
}
