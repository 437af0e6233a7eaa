import type { Edge } from '../model/flow.js';
import { exitName, nodeName } from './describe.js';
import { reportStep } from './steps.js';
import { numberOption, type Rule } from './types.js';

export const excessiveRetries: Rule = {
  meta: {
    id: 'excessive-retries',
    category: 'effort',
    severity: 'warning',
    description: 'A menu or input re-prompts more than `max` times, or without limit.',
    details:
      'After two or three failed tries the flow should hand the caller to a person, not ask again. Counts `retries`, and reports an `onNoInput` or `onNoMatch` that leads straight back to the same step (through announcements or silent decisions only): such a loop re-prompts forever. IVR guidelines (Avaya): allow 2–3 tries, then transfer. Seed 003 («¿Sorprendes o deleitas a tus Clientes?», docs/evidence.md#seed-003).',
    options: [{ name: 'max', type: 'integer', default: 3, minimum: 0, description: 'most re-prompts' }],
    driver: 'navigation',
    scoring: 'penalty',
  },
  check(context) {
    const { facts } = context;
    const max = numberOption(context, 'max');
    for (const step of facts.steps) {
      const { node, vertex } = step;
      if (node.type !== 'menu' && node.type !== 'input') continue;
      if (node.retries > max) {
        reportStep(context, step, {
          message: `${nodeName(node)} re-prompts ${node.retries} times before giving up; the limit is ${max}`,
          loc: node.fieldLocs.get('retries') ?? node.loc,
          nodeId: node.id,
        });
      }
      if (vertex === undefined) continue;
      const { offsets, edges } = facts.journey.graph;
      const loops: Edge[] = [];
      for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) {
        const edge = edges[slot];
        if (edge && facts.journey.retrySlots[slot]) loops.push(edge);
      }
      const [first, ...others] = loops;
      if (!first) continue;
      // Silence and a wrong key that loop back are one flaw of the step (often one platform error exit).
      const who = [...new Set(loops.map((edge) => (edge.kind === 'noInput' ? 'say nothing' : 'are not understood')))].join(' or ');
      reportStep(context, step, {
        message: `${loops.map(exitName).join(' and ')} of ${nodeName(node)} lead${loops.length === 1 ? 's' : ''} back to \`${node.id}\`: callers who ${who} are asked again without end`,
        loc: first.loc,
        nodeId: node.id,
        key: first.label,
        ...(others.length === 0 ? {} : { places: others.map((edge) => ({ ...edge.loc, nodeId: node.id })) }),
      });
    }
  },
};
