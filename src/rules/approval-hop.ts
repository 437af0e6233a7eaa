import { msg } from '../i18n/index.js';
import { nodeMsg } from './describe.js';
import type { Rule } from './types.js';

export const approvalHop: Rule = {
  meta: {
    id: 'approval-hop',
    category: 'effort',
    severity: 'warning',
    description: 'A step exists only to get a manager\'s or supervisor\'s permission.',
    details:
      'Front-line staff who must ask permission make the caller wait for a decision they could have made. Seed 000 («Cuando se esfuerza por hacer crecer su negocio…», docs/evidence.md#seed-000): Ritz-Carlton staff may spend up to $2,000 without asking; seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001), step 3: "no deberían tener que pedir a los gerentes que obtengan una aprobación"; seed 004 («Hablamos de comenzar entendiendo…», docs/evidence.md#seed-004): Carlzon\'s empowered front line.',
    options: [],
    driver: 'transfers',
    scoring: 'journey',
  },
  check({ flow, report }) {
    for (const node of flow.nodes.values()) {
      if (!node.approval) continue;
      report({
        message: msg('approval-hop.permission', { node: nodeMsg(node) }),
        loc: node.fieldLocs.get('approval') ?? node.loc,
        nodeId: node.id,
      });
    }
  },
};
