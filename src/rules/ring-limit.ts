import { ringsOf } from '../analysis/timing.js';
import { nodeName } from './describe.js';
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
        message: `the line rings ${flow.settings.answerRings} times (about ${Math.round(flow.settings.answerRings * seconds)} s) before the system answers; the limit is ${max} rings`,
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
        ? `for ${node.ringTimeoutSeconds} s (${rings} rings of ${seconds} s)`
        : `${rings} times (about ${Math.round(rings * seconds)} s)`;
      report({
        message: `${nodeName(node)} can ring ${span} before anyone answers; the limit is ${max} rings`,
        loc: node.fieldLocs.get(field) ?? node.loc,
        nodeId: node.id,
      });
    }
  },
};
