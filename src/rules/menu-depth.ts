import { reportWorstCount } from './path-findings.js';
import { msg } from '../i18n/index.js';
import { numberOption, type Rule } from './types.js';

export const menuDepth: Rule = {
  meta: {
    id: 'menu-depth',
    category: 'effort',
    severity: 'warning',
    description: 'A journey passes more than `max` menus before a person.',
    details:
      'Every menu level is another prompt to listen to and another choice to get right. Broad menus beat deep ones (Commarford & Lewis, IBM). Reported at the menu that crosses the limit, with the journey. Seed 003 («¿Sorprendes o deleitas a tus Clientes?», docs/evidence.md#seed-003): effort, not delight, drives loyalty.',
    options: [{ name: 'max', type: 'integer', default: 3, minimum: 0, description: 'most menus before a person' }],
    driver: 'navigation',
    scoring: 'journey',
  },
  check(context) {
    const max = numberOption(context, 'max');
    reportWorstCount(context, context.facts.journey.menus, max, (node) => node.type === 'menu', {
      bounded: (count, path) => msg('menu-depth.bounded', { count, path, max }),
      unbounded: (cycle) => msg('menu-depth.unbounded', { cycle }),
    });
  },
};
