import { msg } from '../i18n/index.js';
import { nodeMsg } from './describe.js';
import type { Rule } from './types.js';

export const channelSwitch: Rule = {
  meta: {
    id: 'channel-switch',
    category: 'effort',
    severity: 'warning',
    description: 'The caller is sent to another channel (web, app, SMS...).',
    details:
      'Callers often phone after trying another channel; sending them back is one of the strongest drivers of effort. Seed 003 («¿Sorprendes o deleitas a tus Clientes?», docs/evidence.md#seed-003); CEB: nearly 60% of calls come from customers who tried another channel first.',
    options: [],
    driver: 'channel',
    scoring: 'journey',
  },
  check({ flow, report }) {
    for (const node of flow.nodes.values()) {
      if (node.type !== 'deflect') continue;
      report({
        message: msg('channel-switch.deflect', { node: nodeMsg(node), channel: node.channel }),
        loc: node.loc,
        nodeId: node.id,
      });
    }
  },
};
