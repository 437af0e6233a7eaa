import { isHuman } from '../analysis/journey-facts.js';
import { msg } from '../i18n/index.js';
import { isEntryFlow } from '../model/flow.js';
import type { Rule } from './types.js';

export const noHuman: Rule = {
  meta: {
    id: 'no-human',
    category: 'effort',
    severity: 'error',
    description: 'No journey from `entry` reaches a person.',
    details:
      'Some callers need a person: a flow with no `agent` (or transfer out to one) leaves them no way to get one. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "marcar un número telefónico constituye una experiencia indeseable".',
    options: [],
    driver: 'deadEnds',
    scoring: 'journey',
  },
  check({ flow, facts, report }) {
    const journey = facts.journey;
    // A file only ever run by another flow or a queue (subflow, module, in-queue, whisper, hold): a person
    // may come later in its callers, or is already there.
    if (journey.graph.entry < 0 || !isEntryFlow(flow)) return;
    const reachesHuman = journey.vertices.some((vertex, index) => journey.reach[index] && isHuman(vertex.node));
    if (reachesHuman) return;
    report({
      message: msg('no-human.none', { entry: flow.entry }),
      loc: flow.entryLoc,
    });
  },
};
