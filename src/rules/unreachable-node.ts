import { nodeMsg } from './describe.js';
import { msg } from '../i18n/index.js';
import type { Rule } from './types.js';

export const unreachableNode: Rule = {
  meta: {
    id: 'unreachable-node',
    category: 'structure',
    severity: 'warning',
    description: 'No path from `entry` reaches the node.',
    details:
      'A node that no caller can reach is dead configuration: it is usually a step someone meant to link and forgot, or a leftover that misleads whoever reads the flow next. Link it from the step that should lead to it, or delete it.',
    options: [],
    driver: 'generic',
    scoring: 'penalty',
  },
  check({ flow, facts, report }) {
    const { graph } = facts;
    if (graph.entry < 0) return; // unknown-target reports the entry; everything would be unreachable.
    const reachable = facts.reachable;
    graph.ids.forEach((id, index) => {
      if (reachable[index]) return;
      const node = flow.nodes.get(id)!;
      report({ message: msg('unreachable-node.unreachable', { node: nodeMsg(node), entry: flow.entry }), loc: node.loc, nodeId: id });
    });
  },
};
