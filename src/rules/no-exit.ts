import type { FlowGraph } from '../analysis/graph.js';
import type { Flow } from '../model/flow.js';
import { isHuman } from '../analysis/journey-facts.js';
import { pathText } from './describe.js';
import type { Rule } from './types.js';

export const noExit: Rule = {
  meta: {
    id: 'no-exit',
    category: 'structure',
    severity: 'error',
    description: 'A set of nodes the caller can enter but never leave (a cycle with no path to any end).',
    details:
      'When every exit of a group of nodes leads back into the group, a caller who enters it can only hang up: a help menu whose options all replay the menu, a queue that times out into itself. Only exits written in the flow count: a platform\'s disconnect after the retries is not a way out (missing-error-handling reports that). A person in the group, or a transfer without `next`, is a way out. Give the group an exit to a person or an end.',
    options: [],
    driver: 'deadEnds',
    scoring: 'penalty',
  },
  check({ flow, facts, report }) {
    const { graph, components, reachable } = facts;
    const { componentOf } = components;
    for (const members of components.components) {
      if (!members.some((vertex) => reachable[vertex])) continue;
      if (!isTrap(members, componentOf, graph, flow)) continue;
      // Report once, at the member written first in the file.
      const ordered = [...members].sort((a, b) => a - b);
      const first = flow.nodes.get(graph.ids[ordered[0]!]!)!;
      const names = ordered.map((vertex) => graph.ids[vertex]!);
      const shown = names.length > 8 ? [...names.slice(0, 8), `… ${names.length - 8} more`] : names;
      report({
        message: names.length === 1
          ? `callers who reach \`${first.id}\` can never leave it: every exit leads back to it`
          : `callers who reach \`${first.id}\` can never leave ${names.length} nodes that only lead to each other: ${pathText(shown)}`,
        loc: first.loc,
        nodeId: first.id,
        path: names,
      });
    }
  },
};

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
