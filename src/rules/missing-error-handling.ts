import { nodeMsg } from './describe.js';
import { list, msg } from '../i18n/index.js';
import { reportStep } from './steps.js';
import type { Rule } from './types.js';

export const missingErrorHandling: Rule = {
  meta: {
    id: 'missing-error-handling',
    category: 'structure',
    severity: 'warning',
    description: 'A `menu` or `input` without `onNoInput` or `onNoMatch`: platforms disconnect by default.',
    details:
      'When a caller presses nothing, or something the menu does not know, and the retries run out, most platforms hang up unless the flow says where to go. Give every menu and input an `onNoInput` and an `onNoMatch`, ideally leading to a person.',
    options: [],
    driver: 'deadEnds',
    scoring: 'penalty',
  },
  check(context) {
    for (const step of context.facts.steps) {
      const { node } = step;
      if (node.type !== 'menu' && node.type !== 'input') continue;
      const kinds = new Set(node.edges.map((edge) => edge.kind));
      const missing = [
        kinds.has('noInput') ? undefined : '`onNoInput`',
        kinds.has('noMatch') ? undefined : '`onNoMatch`',
      ].filter((key): key is string => key !== undefined);
      if (missing.length === 0) continue;
      reportStep(context, step, {
        message: msg('missing-error-handling.missing', { node: nodeMsg(node), missing: list('nor', missing), which: missing.length === 2 ? 'both' : missing[0] === '`onNoInput`' ? 'noInput' : 'noMatch' }),
        loc: node.loc,
        nodeId: node.id,
      });
    }
  },
};
