import type { Flow, QueueNode } from '../model/flow.js';
import type { Facts } from '../analysis/facts.js';
import { isUnknown, nodeName } from './describe.js';
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
        message: `${nodeName(node)}: ${problems.map((problem) => problem.text).join('; ')}`,
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
  text: string;
}

function holdProblems(node: QueueNode, flow: Flow, facts: Facts): HoldProblem[] {
  const problems: HoldProblem[] = [];
  const push = (kind: string, text: string): void => {
    problems.push({ kind, text });
  };
  const unbounded = node.maxWaitSeconds === undefined && !isUnknown(node, 'maxWaitSeconds');
  const timeout = node.edges.find((edge) => edge.kind === 'timeout');
  const noTimeout = !timeout && !isUnknown(node, 'onTimeout');
  if (unbounded && noTimeout) push('unbounded-no-timeout', 'no `maxWaitSeconds` and no `onTimeout`: callers can wait forever, with nowhere to go');
  else if (unbounded) push('unbounded', 'no `maxWaitSeconds`: callers can wait forever');
  else if (noTimeout) push('no-timeout', `no \`onTimeout\`: the call is dropped after ${node.maxWaitSeconds} s`);
  for (const edge of node.edges) {
    if (edge.kind !== 'timeout' && edge.kind !== 'full') continue;
    const target = flow.nodes.get(edge.to);
    if (!target) continue;
    const exit = edge.kind === 'timeout' ? '`onTimeout`' : '`onFull`';
    const requeue = queueAhead(flow, target.id);
    if (requeue) push(`${edge.kind}-requeue`, `${exit} sends callers straight into a queue again (\`${requeue}\`)`);
    else if (!leadsToHelp(facts, target.id)) push(`${edge.kind}-no-help`, `${exit} leads to \`${target.id}\`, from which no person or help can be reached`);
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
