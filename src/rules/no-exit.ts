import { buildGraph, type FlowGraph } from '../analysis/graph.js';
import { list, msg, type MsgValue } from '../i18n/index.js';
import { isHuman } from '../analysis/journey-facts.js';
import { reachable, stronglyConnectedComponents, type Components } from '../analysis/scc.js';
import type { Report } from '../model/finding.js';
import { waitsForAgent, type Flow, type FlowNode } from '../model/flow.js';
import { pathText } from './describe.js';
import { reportStep } from './steps.js';
import type { Rule } from './types.js';

export const noExit: Rule = {
  meta: {
    id: 'no-exit',
    category: 'structure',
    severity: 'error',
    description: 'A set of nodes the caller can enter but never leave (a cycle with no path to any end).',
    details:
      'When every exit of a group of nodes leads back into the group, a caller who enters it can only hang up: a help menu whose options all replay the menu, a queue that times out into itself. Only exits written in the flow count: a platform\'s disconnect after the retries is not a way out (missing-error-handling reports that). A person in the group, or a transfer without `next`, is a way out; in an in-queue or hold flow (`kind: queue-flow`, `hold`) the agent who takes the call is. Give the group an exit to a person or an end.',
    options: [],
    driver: 'deadEnds',
    scoring: 'penalty',
  },
  check(context) {
    const { flow, facts } = context;
    const report = (trap: Trap): Report => ({
      message: trap.names.length === 1
        ? msg('no-exit.self', { id: trap.first.id })
        : msg('no-exit.group', { id: trap.first.id, count: trap.names.length, path: list('arrow', shownNames(trap.names)) }),
      loc: trap.first.loc,
      nodeId: trap.first.id,
      path: trap.names,
    });
    // In an in-queue or hold flow the agent who takes the call is the way out of a loop of messages.
    if (!waitsForAgent(flow)) for (const trap of trapsOf(flow, facts.graph, facts.components, facts.reachable)) context.report(report(trap));
    // A trap written in a subflow holds the caller just the same: reported at each call site.
    const inSubflows = new Map<Flow, Map<string, Trap>>();
    for (const step of facts.steps) {
      if (step.inside === undefined) continue;
      let traps = inSubflows.get(step.flow);
      if (!traps) {
        const graph = buildGraph(step.flow);
        const found = trapsOf(step.flow, graph, stronglyConnectedComponents(graph), reachable(graph, graph.entry, () => true));
        inSubflows.set(step.flow, (traps = new Map(found.map((trap) => [trap.first.id, trap]))));
      }
      const trap = traps.get(step.node.id);
      if (trap) reportStep(context, step, report(trap));
    }
  },
};

interface Trap {
  /** The member written first in the file, where the trap is reported. */
  first: FlowNode;
  names: string[];
}

function shownNames(names: string[]): MsgValue[] {
  return names.length > 8 ? [...names.slice(0, 8), msg('no-exit.more', { count: names.length - 8 })] : names;
}

/** The groups of nodes of one file that a caller can enter from its entry and never leave. */
function trapsOf(flow: Flow, graph: FlowGraph, components: Components, reach: Uint8Array): Trap[] {
  const traps: Trap[] = [];
  for (const members of components.components) {
    if (!members.some((vertex) => reach[vertex])) continue;
    if (!isTrap(members, components.componentOf, graph, flow)) continue;
    const ordered = [...members].sort((a, b) => a - b);
    traps.push({ first: flow.nodes.get(graph.ids[ordered[0]!]!)!, names: ordered.map((vertex) => graph.ids[vertex]!) });
  }
  return traps;
}

function isTrap(
  members: number[],
  componentOf: Int32Array,
  graph: FlowGraph,
  flow: Flow,
): boolean {
  const component = componentOf[members[0]!];
  for (const vertex of members) {
    const node = flow.nodes.get(graph.ids[vertex]!)!;
    // A node with no exits ends the call, a person can end it, a transfer without `next` hands it
    // out of the flow; an exit to an unknown id leaves too (unknown-target reports it).
    if (node.edges.length === 0 || isHuman(node)) return false;
    if (node.edges.some((edge) => !flow.nodes.has(edge.to))) return false;
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
      if (componentOf[graph.targets[slot]!] !== component) return false;
    }
  }
  return true;
}
