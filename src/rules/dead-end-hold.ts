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
      'A hold must end somewhere useful: a limit, and after it a person, a callback or voicemail. Seed 001: "se silencia y la llamada se cae".',
    options: [],
    driver: 'deadEnds',
    scoring: 'journey',
  },
  check({ flow, facts, report }) {
    for (const node of flow.nodes.values()) {
      if (node.type !== 'queue') continue;
      const problems = holdProblems(node, flow, facts);
      if (problems.length === 0) continue;
      report({ message: `${nodeName(node)}: ${problems.join('; ')}`, loc: node.loc, nodeId: node.id });
    }
  },
};

function holdProblems(node: QueueNode, flow: Flow, facts: Facts): string[] {
  const problems: string[] = [];
  if (node.maxWaitSeconds === undefined && !isUnknown(node, 'maxWaitSeconds')) problems.push('no `maxWaitSeconds`, so callers can wait forever');
  const timeout = node.edges.find((edge) => edge.kind === 'timeout');
  if (!timeout && !isUnknown(node, 'onTimeout')) problems.push('no `onTimeout`, so the call is dropped when the wait ends');
  for (const edge of node.edges) {
    if (edge.kind !== 'timeout' && edge.kind !== 'full') continue;
    const target = flow.nodes.get(edge.to);
    if (!target) continue;
    const exit = edge.kind === 'timeout' ? '`onTimeout`' : '`onFull`';
    if (target.type === 'queue') problems.push(`${exit} sends callers straight into a queue again (\`${target.id}\`)`);
    else if (!leadsToHelp(facts, target.id)) problems.push(`${exit} leads to \`${target.id}\`, from which no person or help can be reached`);
  }
  return problems;
}

function leadsToHelp(facts: Facts, nodeId: string): boolean {
  const journey = facts.journey;
  const vertex = journey.rootVertex(nodeId);
  return vertex !== undefined && journey.helpAhead[vertex] === 1;
}
