import { waitOf } from '../analysis/timing.js';
import { msg } from '../i18n/index.js';
import { isUnknown, nodeMsg } from './describe.js';
import { reportStep } from './steps.js';
import { numberOption, type Rule } from './types.js';

export const noWaitEstimate: Rule = {
  meta: {
    id: 'no-wait-estimate',
    category: 'effort',
    severity: 'warning',
    description: 'A queue that can hold callers longer than `minSeconds` does not tell them the expected wait.',
    details:
      'Callers who know the wait can decide to stay or to take a callback. The GetHuman standard asks for the expected wait to be announced. How long a queue can hold callers is its `maxWaitSeconds`, or without end when it has none (the expected wait, given or from the staffing, never exceeds the limit).',
    options: [{ name: 'minSeconds', type: 'number', default: 60, minimum: 0, description: 'holds longer than this must announce the wait' }],
    driver: 'waiting',
    scoring: 'penalty',
  },
  check(context) {
    const min = numberOption(context, 'minSeconds');
    for (const step of context.facts.steps) {
      const { node, flow } = step;
      if (node.type !== 'queue' || node.announceWait || isUnknown(node, 'announceWait')) continue;
      const wait = waitOf(node, flow);
      // The expected wait never exceeds the limit, so the limit (or its absence) decides.
      if (wait.max <= min) continue;
      const forever = wait.max === Number.POSITIVE_INFINITY;
      reportStep(context, step, {
        message: msg('no-wait-estimate.silent-wait', { node: nodeMsg(node), how: forever ? 'forever' : 'bounded', seconds: forever ? 0 : Math.round(wait.max) }),
        loc: node.loc,
        nodeId: node.id,
      });
    }
  },
};
