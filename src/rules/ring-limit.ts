import { ringsOf } from '../analysis/timing.js';
import { msg } from '../i18n/index.js';
import { nodeMsg } from './describe.js';
import { numberOption, type Rule } from './types.js';

export const ringLimit: Rule = {
  meta: {
    id: 'ring-limit',
    category: 'effort',
    severity: 'error',
    description: 'The phone can ring more than `max` times before someone or something answers.',
    details:
      'Counts `settings.answerRings` before the system picks up, and each transfer\'s or agent\'s `rings` (or `ringTimeoutSeconds ÷ ringSeconds`, rounded up). Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "cuando un teléfono repica más de cinco veces inevitablemente provoca una defraudación en el cliente".',
    options: [{ name: 'max', type: 'integer', default: 5, minimum: 0, description: 'most rings allowed before an answer' }],
    driver: 'waiting',
    scoring: 'journey',
  },
  check(context) {
    const { flow, report } = context;
    const max = numberOption(context, 'max');
    const seconds = flow.settings.ringSeconds;
    if (flow.settings.answerRings > max) {
      report({
        message: msg('ring-limit.answer-rings', { rings: flow.settings.answerRings, seconds: Math.round(flow.settings.answerRings * seconds), max }),
        loc: flow.settingsLocs?.get('answerRings') ?? flow.entryLoc,
        key: 'answerRings',
      });
    }
    for (const node of flow.nodes.values()) {
      if (node.type !== 'transfer' && node.type !== 'agent') continue;
      const rings = ringsOf(node, flow);
      if (rings === undefined || rings <= max) continue;
      const field = node.rings !== undefined ? 'rings' : 'ringTimeoutSeconds';
      const span = node.rings === undefined && node.type === 'transfer' && node.ringTimeoutSeconds !== undefined
        ? msg('ring-limit.span-timeout', { timeout: node.ringTimeoutSeconds, rings, seconds })
        : msg('ring-limit.span-rings', { rings, seconds: Math.round(rings * seconds) });
      report({
        message: msg('ring-limit.node-rings', { node: nodeMsg(node), span, max }),
        loc: node.fieldLocs.get(field) ?? node.loc,
        nodeId: node.id,
      });
    }
  },
};
