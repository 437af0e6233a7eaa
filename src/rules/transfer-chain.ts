import { isPersonTransfer } from '../analysis/journey-facts.js';
import { msg } from '../i18n/index.js';
import { reportWorstCount } from './path-findings.js';
import { numberOption, type Rule } from './types.js';

export const transferChain: Rule = {
  meta: {
    id: 'transfer-chain',
    category: 'effort',
    severity: 'error',
    description: 'Some journey passes more than `max` transfers.',
    details:
      'Each transfer is a new person or system that may start from zero. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "registran y trasfieren y allí muere el intento"; "los clientes saben cuándo están pasando por la cadena y no les gusta". Reported at the transfer that crosses the limit, with the journey.',
    options: [{ name: 'max', type: 'integer', default: 1, minimum: 0, description: 'most transfers on one journey' }],
    driver: 'transfers',
    scoring: 'journey',
  },
  check(context) {
    const max = numberOption(context, 'max');
    reportWorstCount(context, context.facts.journey.transfers, max, isPersonTransfer, {
      bounded: (count, path) => msg('transfer-chain.bounded', { count, path, max }),
      unbounded: (cycle) => msg('transfer-chain.unbounded', { cycle }),
    });
  },
};
