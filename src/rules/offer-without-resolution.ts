import { isDeadEndOutcome } from '../analysis/journey-facts.js';
import { msg } from '../i18n/index.js';
import { nodeMsg } from './describe.js';
import { reportStep } from './steps.js';
import type { Rule } from './types.js';

export const offerWithoutResolution: Rule = {
  meta: {
    id: 'offer-without-resolution',
    category: 'effort',
    severity: 'warning',
    description: 'A gesture (`offer`) on a journey that can still end unresolved.',
    details:
      'A coupon or a credit does not replace a solution: callers who get the gesture and then a dead end are not won back. Seed 003 («¿Sorprendes o deleitas a tus Clientes?», docs/evidence.md#seed-003): customers want their problem solved with little effort, not to be delighted.',
    options: [],
    driver: 'generic',
    scoring: 'penalty',
  },
  check(context) {
    const journey = context.facts.journey;
    const unresolvedAhead = journey.ahead(isDeadEndOutcome);
    for (const step of context.facts.steps) {
      const { node, vertex } = step;
      if (node.offer === undefined || vertex === undefined || !unresolvedAhead[vertex]) continue;
      reportStep(context, step, {
        message: msg('offer-without-resolution.offer', { node: nodeMsg(node), offer: node.offer }),
        loc: node.fieldLocs.get('offer') ?? node.loc,
        nodeId: node.id,
      });
    }
  },
};
