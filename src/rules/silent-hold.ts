import { msg } from '../i18n/index.js';
import { isUnknown, nodeMsg } from './describe.js';
import type { Rule } from './types.js';

export const silentHold: Rule = {
  meta: {
    id: 'silent-hold',
    category: 'effort',
    severity: 'warning',
    description: 'A queue with neither `music` nor `announcements`.',
    details:
      'Silence on hold sounds like a dropped call: callers hang up and call again. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "o simplemente silencio que después de minutos te hace entender que ya no estás comunicado".',
    options: [],
    driver: 'waiting',
    scoring: 'journey',
  },
  check({ flow, report }) {
    for (const node of flow.nodes.values()) {
      if (node.type !== 'queue' || node.music || node.announcements || isUnknown(node, 'music') || isUnknown(node, 'announcements')) continue;
      report({
        message: msg('silent-hold.silence', { node: nodeMsg(node) }),
        loc: node.loc,
        nodeId: node.id,
      });
    }
  },
};
