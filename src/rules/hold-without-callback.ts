import { waitOf } from '../analysis/timing.js';
import { msg } from '../i18n/index.js';
import { isUnknown, nodeMsg } from './describe.js';
import { numberOption, type Rule } from './types.js';

export const holdWithoutCallback: Rule = {
  meta: {
    id: 'hold-without-callback',
    category: 'effort',
    severity: 'warning',
    description: 'A queue whose expected or maximum wait exceeds `maxSeconds` offers no callback.',
    details:
      'A long hold is time the caller cannot use. A callback keeps their place without keeping them on the line. Seed 003 («¿Sorprendes o deleitas a tus Clientes?», docs/evidence.md#seed-003): low-effort service removes waiting; the GetHuman standard asks for a callback offer. How long a queue can hold callers is its `maxWaitSeconds`, or without end when it has none.',
    options: [{ name: 'maxSeconds', type: 'number', default: 120, minimum: 0, description: 'holds longer than this must offer a callback' }],
    driver: 'waiting',
    scoring: 'journey',
  },
  check(context) {
    const { flow, report } = context;
    const max = numberOption(context, 'maxSeconds');
    for (const node of flow.nodes.values()) {
      if (node.type !== 'queue' || node.callback || isUnknown(node, 'callback')) continue;
      const wait = waitOf(node, flow);
      // The expected wait never exceeds the limit, so the limit (or its absence) decides.
      if (wait.max <= max) continue;
      const forever = wait.max === Number.POSITIVE_INFINITY;
      report({
        message: msg('hold-without-callback.long-hold', { node: nodeMsg(node), how: forever ? 'forever' : 'bounded', seconds: forever ? 0 : Math.round(wait.max), max }),
        loc: node.loc,
        nodeId: node.id,
      });
    }
  },
};
