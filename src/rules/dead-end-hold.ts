import type { Flow, QueueNode } from '../model/flow.js';
import { list, msg, type Msg } from '../i18n/index.js';
import type { Facts } from '../analysis/facts.js';
import { isUnknown, nodeMsg } from './describe.js';
import type { Rule } from './types.js';

export const deadEndHold: Rule = {
  meta: {
    id: 'dead-end-hold',
    category: 'effort',
    severity: 'error',
    description: 'A queue with no `maxWaitSeconds` or no `onTimeout`, or whose timeout or `onFull` leads to a dead end or straight into a queue.',
    details:
      'A hold must end somewhere useful: a limit, and after it a person, a callback or voicemail. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "se silencia y la llamada se cae".',
    options: [],
    driver: 'deadEnds',
    scoring: 'journey',
  },
  check({ flow, facts, report }) {
    for (const node of flow.nodes.values()) {
      if (node.type !== 'queue') continue;
      const problems = holdProblems(node, flow, facts);
      if (problems.length === 0) continue;
      report({
        message: msg('dead-end-hold.hold', { node: nodeMsg(node), problems: list('semicolon', problems.map((problem) => problem.text)) }),
        loc: node.loc,
        nodeId: node.id,
        // Queues that fail the same way (every onFull ends in a hang-up) are one design flaw, reported once.
        cause: problems.map((problem) => problem.kind).join('+'),
      });
    }
  },
};

interface HoldProblem {
  /** What is wrong, without naming nodes: queues with the same kinds of problem share a cause. */
  kind: string;
  text: Msg;
}

function holdProblems(node: QueueNode, flow: Flow, facts: Facts): HoldProblem[] {
  const problems: HoldProblem[] = [];
  const push = (kind: string, text: Msg): void => {
    problems.push({ kind, text });
  };
  const unbounded = node.maxWaitSeconds === undefined && !isUnknown(node, 'maxWaitSeconds');
  const timeout = node.edges.find((edge) => edge.kind === 'timeout');
  const noTimeout = !timeout && !isUnknown(node, 'onTimeout');
  if (unbounded && noTimeout) push('unbounded-no-timeout', msg('dead-end-hold.unbounded-no-timeout'));
  else if (unbounded) push('unbounded', msg('dead-end-hold.unbounded'));
  else if (noTimeout) push('no-timeout', msg('dead-end-hold.no-timeout', { seconds: node.maxWaitSeconds ?? 0 }));
  for (const edge of node.edges) {
    if (edge.kind !== 'timeout' && edge.kind !== 'full') continue;
    const target = flow.nodes.get(edge.to);
    if (!target) continue;
    const exit = edge.kind === 'timeout' ? '`onTimeout`' : '`onFull`';
    const requeue = queueAhead(flow, target.id);
    if (requeue) push(`${edge.kind}-requeue`, msg('dead-end-hold.requeue', { exit, queue: requeue }));
    else if (!leadsToHelp(facts, target.id)) push(`${edge.kind}-no-help`, msg('dead-end-hold.no-help', { exit, target: target.id }));
  }
  return problems;
}

/** The queue callers reach from `id` through announcements and single-exit decisions, if any. */
function queueAhead(flow: Flow, id: string): string | undefined {
  let current = flow.nodes.get(id);
  for (let steps = 0; current && steps <= flow.nodes.size; steps++) {
    if (current.type === 'queue') return current.id;
    if ((current.type !== 'play' && current.type !== 'branch') || current.edges.length !== 1) return undefined;
    current = flow.nodes.get(current.edges[0]!.to);
  }
  return undefined;
}

function leadsToHelp(facts: Facts, nodeId: string): boolean {
  const journey = facts.journey;
  const vertex = journey.rootVertex(nodeId);
  return vertex !== undefined && journey.helpAhead[vertex] === 1;
}
