import { nodeName } from './describe.js';
import type { Rule } from './types.js';

export const coldTransfer: Rule = {
  meta: {
    id: 'cold-transfer',
    category: 'effort',
    severity: 'warning',
    description: 'A transfer without `context: true`: the next person starts from zero.',
    details:
      'Without the caller\'s data and reason travelling with the call, whoever answers asks again. Seed 003: repeating information and transfers are two of the main drivers of effort.',
    options: [],
    driver: 'transfers',
    scoring: 'journey',
  },
  check({ flow, report }) {
    for (const node of flow.nodes.values()) {
      if (node.type !== 'transfer' || node.context) continue;
      report({
        message: `${nodeName(node)} hands callers to ${node.to} without their data or reason (\`context: true\` is not set), so they start from zero`,
        loc: node.fieldLocs.get('context') ?? node.loc,
        nodeId: node.id,
      });
    }
  },
};
