import { closest } from '../util/suggest.js';
import { exitName, nodeName } from './describe.js';
import type { Rule } from './types.js';

function suggestion(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}

export const unknownTarget: Rule = {
  meta: {
    id: 'unknown-target',
    category: 'structure',
    severity: 'error',
    description: 'An exit, `entry`, a `queue` or a `schedule` reference names something that does not exist.',
    details:
      'Every exit of a node (next, options, onNoInput, onTimeout, cases, default...), the flow\'s `entry`, a queue node\'s `queue` and an hours node\'s `schedule` must name an existing node, queue or schedule. A typo sends callers nowhere: most platforms disconnect them. The finding points at the misspelt value and suggests the closest id.',
    options: [],
    driver: 'deadEnds',
    scoring: 'penalty',
  },
  check({ flow, report }) {
    const ids = flow.nodes.keys();
    if (!flow.nodes.has(flow.entry)) {
      report({
        message: `\`entry\` names \`${flow.entry}\`, which is not a node${suggestion(flow.entry, ids)}`,
        loc: flow.entryLoc,
        key: 'entry',
      });
    }
    for (const node of flow.nodes.values()) {
      for (const edge of node.edges) {
        if (flow.nodes.has(edge.to)) continue;
        report({
          message: `${exitName(edge)} of ${nodeName(node)} goes to \`${edge.to}\`, which is not a node${suggestion(edge.to, flow.nodes.keys())}`,
          loc: edge.loc,
          nodeId: node.id,
          key: edge.label,
        });
      }
      // An import may name the platform's hours of operation without defining them: only format v1 must.
      if (node.type === 'hours' && flow.format === 'ivr-audit' && !flow.schedules?.has(node.schedule)) {
        const schedules = flow.schedules ?? new Map();
        const known = schedules.size > 0 ? suggestion(node.schedule, schedules.keys()) : '; add it under `schedules` with its time zone and opening hours';
        report({
          message: `hours \`${node.id}\` names schedule \`${node.schedule}\`, which is not under \`schedules\`${known}`,
          loc: node.fieldLocs.get('schedule') ?? node.loc,
          nodeId: node.id,
          key: 'schedule',
        });
      }
      if (node.type === 'queue' && node.queue !== undefined && !flow.queues.has(node.queue)) {
        const known = flow.queues.size > 0 ? suggestion(node.queue, flow.queues.keys()) : '; add it under `queues` with its staffing';
        report({
          message: `queue \`${node.id}\` names queue \`${node.queue}\`, which is not under \`queues\`${known}`,
          loc: node.fieldLocs.get('queue') ?? node.loc,
          nodeId: node.id,
          key: 'queue',
        });
      }
    }
  },
};
