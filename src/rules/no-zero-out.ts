import { isHuman } from '../analysis/journey-facts.js';
import { nodeName } from './describe.js';
import type { Rule } from './types.js';

export const noZeroOut: Rule = {
  meta: {
    id: 'no-zero-out',
    category: 'effort',
    severity: 'warning',
    description: 'A menu from which no option reaches a person without passing another menu.',
    details:
      'Callers who do not fit the menu need a way out to a person from every menu ("press 0"). The GetHuman standard: 0 or "operator" always reaches a human. Seed 001.',
    options: [],
    driver: 'navigation',
    scoring: 'penalty',
  },
  check({ flow, facts, report }) {
    const journey = facts.journey;
    // Menus block the walk back: an option must reach a person without another menu.
    const direct = journey.ahead(isHuman, (node) => node.type !== 'menu');
    for (const node of flow.nodes.values()) {
      if (node.type !== 'menu') continue;
      const vertex = journey.rootVertex(node.id);
      if (vertex === undefined) continue;
      const { offsets, targets, edges } = journey.graph;
      let zeroOut = false;
      for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]! && !zeroOut; slot++) {
        if (edges[slot]?.kind === 'option' && direct[targets[slot]!]) zeroOut = true;
      }
      if (zeroOut) continue;
      report({
        message: `${nodeName(node)} has no option that reaches a person without another menu: add "0" to an agent`,
        loc: node.loc,
        nodeId: node.id,
      });
    }
  },
};
