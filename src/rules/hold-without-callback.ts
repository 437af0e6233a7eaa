import { waitOf } from '../analysis/timing.js';
import { isUnknown, nodeName } from './describe.js';
import { numberOption, type Rule } from './types.js';

export const holdWithoutCallback: Rule = {
  meta: {
    id: 'hold-without-callback',
    category: 'effort',
    severity: 'warning',
    description: 'A queue whose expected or maximum wait exceeds `maxSeconds` offers no callback.',
    details:
      'A long hold is time the caller cannot use. A callback keeps their place without keeping them on the line. Seed 003: low-effort service removes waiting; the GetHuman standard asks for a callback offer.',
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
      const longest = Math.max(wait.expected ?? 0, wait.max);
      if (longest <= max) continue;
      const how = wait.max === Number.POSITIVE_INFINITY ? 'for as long as it takes' : `for up to ${Math.round(longest)} s`;
      report({
        message: `${nodeName(node)} can hold callers ${how} and offers no callback; the limit is ${max} s`,
        loc: node.loc,
        nodeId: node.id,
      });
    }
  },
};
