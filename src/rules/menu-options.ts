import { nodeName } from './describe.js';
import { numberOption, type Rule } from './types.js';

export const menuOptions: Rule = {
  meta: {
    id: 'menu-options',
    category: 'effort',
    severity: 'warning',
    description: 'A menu offers more than `max` options.',
    details:
      'Callers must hold every option in memory until they hear the one they want. IVR guidelines (Avaya) keep menus to 4–5 choices. Seed 003: effort, not delight, drives loyalty.',
    options: [{ name: 'max', type: 'integer', default: 5, minimum: 1, description: 'most options in one menu' }],
    driver: 'navigation',
    scoring: 'penalty',
  },
  check(context) {
    const { flow, report } = context;
    const max = numberOption(context, 'max');
    for (const node of flow.nodes.values()) {
      if (node.type !== 'menu' || node.optionCount <= max) continue;
      report({
        message: `${nodeName(node)} offers ${node.optionCount} options; the limit is ${max}`,
        loc: node.loc,
        nodeId: node.id,
      });
    }
  },
};
