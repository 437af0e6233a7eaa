import type { Edge } from '../model/flow.js';
import { list, msg } from '../i18n/index.js';
import { exitMsg, nodeMsg, nodeOfMsg } from './describe.js';
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
          message: msg('excessive-retries.retries', { node: nodeMsg(node), retries: node.retries, max }),
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
      const who = [...new Set(loops.map((edge) => edge.kind === 'noInput' ? 'excessive-retries.who-silent' as const : 'excessive-retries.who-misunderstood' as const))].map((id) => msg(id));
      reportStep(context, step, {
        message: msg('excessive-retries.loop', { exits: list('and', loops.map(exitMsg)), node: nodeOfMsg(node), count: loops.length, id: node.id, who: list('or', who) }),
        loc: first.loc,
        nodeId: node.id,
        key: first.label,
        ...(others.length === 0 ? {} : { places: others.map((edge) => ({ ...edge.loc, nodeId: node.id })) }),
      });
    }
  },
};
