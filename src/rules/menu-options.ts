import type { MenuNode } from '../model/flow.js';
import { msg } from '../i18n/index.js';
import { nodeMsg } from './describe.js';
import { reportStep } from './steps.js';
import { numberOption, type Rule } from './types.js';
import { isKeypadKey } from '../util/spoken-keys.js';

/**
 * Choices a caller must keep in mind: the keys of the keypad when there are any (a spoken word
 * such as "operator" is an alias of a key), else the spoken words.
 */
function choicesOf(node: MenuNode): number {
  const keys = node.edges.filter((edge) => edge.kind === 'option').map((edge) => edge.label.slice('option:'.length));
  const keypad = keys.filter(isKeypadKey);
  return keypad.length > 0 ? keypad.length : keys.length;
}

export const menuOptions: Rule = {
  meta: {
    id: 'menu-options',
    category: 'effort',
    severity: 'warning',
    description: 'A menu offers more than `max` options.',
    details:
      'Callers must hold every option in memory until they hear the one they want. IVR guidelines (Avaya) keep menus to 4–5 choices. Seed 003 («¿Sorprendes o deleitas a tus Clientes?», docs/evidence.md#seed-003): effort, not delight, drives loyalty.',
    options: [{ name: 'max', type: 'integer', default: 5, minimum: 1, description: 'most options in one menu' }],
    driver: 'navigation',
    scoring: 'penalty',
  },
  check(context) {
    const max = numberOption(context, 'max');
    for (const step of context.facts.steps) {
      const { node } = step;
      if (node.type !== 'menu') continue;
      const count = choicesOf(node);
      if (count <= max) continue;
      reportStep(context, step, {
        message: msg('menu-options.options', { node: nodeMsg(node), count, max }),
        loc: node.loc,
        nodeId: node.id,
      });
    }
  },
};
