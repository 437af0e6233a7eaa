import { isPersonTransfer } from '../analysis/journey-facts.js';
import { msg } from '../i18n/index.js';
import { cycleThrough } from '../analysis/paths.js';
import { nodeMsg, pathText } from './describe.js';
import type { Rule } from './types.js';

export const transferLoop: Rule = {
  meta: {
    id: 'transfer-loop',
    category: 'effort',
    severity: 'error',
    description: 'A transfer can bring the caller back to where it started (ping-pong).',
    details:
      'When a transfer lies on a cycle of the journey, a caller can be passed along and end up back at the same step, to be passed along again. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "insistes te vuelven a confesar, trasfieren...".',
    options: [],
    driver: 'transfers',
    scoring: 'journey',
  },
  check({ facts, report }) {
    const journey = facts.journey;
    const { componentOf, components } = journey.components;
    const reported = new Set<number>();
    journey.vertices.forEach((vertex, index) => {
      if (!isPersonTransfer(vertex.node) || !journey.reach[index]) return;
      const component = componentOf[index]!;
      if (reported.has(component)) return;
      const cycle = cycleThrough(journey.graph, index, (other) => componentOf[other] === component && other !== index);
      // A transfer retried onto itself (`onBusy` back to the same step) is a retry, not a loop.
      if (cycle.length <= 2) return;
      reported.add(component);
      const anchor = facts.anchor(index);
      const ids = facts.ids(cycle);
      const transfers = components[component]!.filter((member) => isPersonTransfer(journey.vertices[member]!.node)).length;
      report({
        message: msg('transfer-loop.loop', { node: nodeMsg(anchor), first: ids[0]!, path: pathText(ids), transfers }),
        loc: anchor.loc,
        nodeId: anchor.id,
        path: ids,
      });
    });
  },
};
