import { closest } from '../util/suggest.js';
import { msg, type Msg } from '../i18n/index.js';
import { exitMsg, nodeOfMsg } from './describe.js';
import type { Rule } from './types.js';

function suggestion(word: string, candidates: Iterable<string>): Msg | string {
  const match = closest(word, candidates);
  return match === undefined ? '' : msg('unknown-target.did-you-mean', { match });
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
        message: msg('unknown-target.entry', { target: flow.entry, suggestion: suggestion(flow.entry, ids) }),
        loc: flow.entryLoc,
        key: 'entry',
      });
    }
    for (const node of flow.nodes.values()) {
      for (const edge of node.edges) {
        if (flow.nodes.has(edge.to)) continue;
        report({
          message: msg('unknown-target.exit', { exit: exitMsg(edge), node: nodeOfMsg(node), target: edge.to, suggestion: suggestion(edge.to, flow.nodes.keys()) }),
          loc: edge.loc,
          nodeId: node.id,
          key: edge.label,
        });
      }
      // An import may name the platform's hours of operation without defining them: only format v1 must.
      if (node.type === 'hours' && flow.format === 'ivr-audit' && !flow.schedules?.has(node.schedule)) {
        const schedules = flow.schedules ?? new Map();
        const known = schedules.size > 0 ? suggestion(node.schedule, schedules.keys()) : msg('unknown-target.add-schedule');
        report({
          message: msg('unknown-target.schedule', { id: node.id, schedule: node.schedule, known }),
          loc: node.fieldLocs.get('schedule') ?? node.loc,
          nodeId: node.id,
          key: 'schedule',
        });
      }
      if (node.type === 'queue' && node.queue !== undefined && !flow.queues.has(node.queue)) {
        const known = flow.queues.size > 0 ? suggestion(node.queue, flow.queues.keys()) : msg('unknown-target.add-queue');
        report({
          message: msg('unknown-target.queue', { id: node.id, queue: node.queue, known }),
          loc: node.fieldLocs.get('queue') ?? node.loc,
          nodeId: node.id,
          key: 'queue',
        });
      }
    }
  },
};
