// Edits of the flow model, used to apply a fix and re-score it. Each returns a new Flow; the
// original is never changed.
import type { Edge, EdgeKind, Flow, FlowNode, QueueStaffing } from '../model/flow.js';

/** A flow whose nodes can be replaced: the nodes map is copied, node objects are shared until edited. */
export function cloneFlow(flow: Flow): Flow & { nodes: Map<string, FlowNode>; queues: Map<string, QueueStaffing> } {
  return { ...flow, nodes: new Map(flow.nodes), queues: new Map(flow.queues), settings: { ...flow.settings } };
}

export function patchNode(flow: Flow, id: string, patch: Partial<FlowNode>): Flow {
  return patchNodes(flow, [id], () => patch);
}

/** Patches several nodes with one copy of the flow (a copy per node would be quadratic). */
export function patchNodes(flow: Flow, ids: readonly string[], patchOf: (node: FlowNode) => Partial<FlowNode>): Flow {
  const copy = cloneFlow(flow);
  for (const id of ids) {
    const node = copy.nodes.get(id);
    if (node) copy.nodes.set(id, { ...node, ...patchOf(node) } as FlowNode);
  }
  return copy;
}

/** The flow with some of its nodes replaced, in one copy. */
export function withNodes(flow: Flow, nodes: ReadonlyMap<string, FlowNode>): Flow {
  if (nodes.size === 0) return flow;
  const copy = cloneFlow(flow);
  for (const [id, node] of nodes) copy.nodes.set(id, node);
  return copy;
}

export function nextOf(node: FlowNode): string | undefined {
  return node.edges.find((edge) => edge.kind === 'next')?.to;
}

/**
 * Removes steps callers pass through: every exit into one of them goes to its `next` instead
 * (following chains of removed steps). Steps without a `next` are left as they are. One pass
 * over the flow, however many steps are removed.
 */
export function bypass(flow: Flow, ...ids: string[]): Flow {
  const redirect = new Map<string, string>();
  for (const id of ids) {
    const node = flow.nodes.get(id);
    const next = node ? nextOf(node) : undefined;
    if (next !== undefined && next !== id) redirect.set(id, next);
  }
  if (redirect.size === 0) return flow;
  const resolveTarget = (target: string): string => {
    let current = target;
    for (let hops = 0; redirect.has(current) && hops <= redirect.size; hops++) current = redirect.get(current)!;
    return current;
  };
  const copy = cloneFlow(flow);
  for (const id of redirect.keys()) copy.nodes.delete(id);
  for (const [otherId, other] of copy.nodes) {
    if (!other.edges.some((edge) => redirect.has(edge.to))) continue;
    copy.nodes.set(otherId, { ...other, edges: other.edges.map((edge) => (redirect.has(edge.to) ? { ...edge, to: resolveTarget(edge.to) } : edge)) });
  }
  return redirect.has(copy.entry) ? { ...copy, entry: resolveTarget(copy.entry) } : copy;
}

export interface NewExit {
  id: string;
  kind: EdgeKind;
  label: string;
  to: string;
}

/** Adds an exit to a node, or points an existing exit with that label elsewhere. */
export function setExit(flow: Flow, id: string, kind: EdgeKind, label: string, to: string): Flow {
  return setExits(flow, [{ id, kind, label, to }]);
}

/** Sets several exits with one copy of the flow. */
export function setExits(flow: Flow, exits: readonly NewExit[]): Flow {
  const copy = cloneFlow(flow);
  for (const { id, kind, label, to } of exits) {
    const node = copy.nodes.get(id);
    if (!node) continue;
    const edge: Edge = { kind, label, from: id, to, loc: node.loc };
    copy.nodes.set(id, { ...node, edges: [...node.edges.filter((item) => item.label !== label), edge] } as FlowNode);
  }
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
