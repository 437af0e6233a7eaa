import { isIdentityQuestion } from '../analysis/journey-facts.js';
import { msg } from '../i18n/index.js';
import { reportWorstCount } from './path-findings.js';
import { numberOption, type Rule } from './types.js';

export const identityQuestions: Rule = {
  meta: {
    id: 'identity-questions',
    category: 'effort',
    severity: 'error',
    description: 'Some journey asks more than `max` identity questions before the caller reaches a person or the call ends.',
    details:
      'An `input` is an identity question when `identity: true`, or when `collects` names a name, address, phone, account, date of birth, PIN and the like. Questions inside subflows count on the caller\'s path. Reported at the question that crosses the limit, with the journey. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "su nombre, dirección, teléfono, tiempo de servicio..."; seed 003 («¿Sorprendes o deleitas a tus Clientes?», docs/evidence.md#seed-003): effort drives disloyalty.',
    options: [{ name: 'max', type: 'integer', default: 2, minimum: 0, description: 'most identity questions before a person' }],
    driver: 'repeating',
    scoring: 'journey',
  },
  check(context) {
    const max = numberOption(context, 'max');
    reportWorstCount(context, context.facts.journey.identityQuestions, max, (node) => isIdentityQuestion(node), {
      bounded: (count, path) => msg('identity-questions.bounded', { count, path, max }),
      unbounded: (cycle) => msg('identity-questions.unbounded', { cycle }),
    });
  },
};
