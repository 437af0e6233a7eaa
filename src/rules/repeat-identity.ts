import { normalizeWords } from '../load/identity.js';
import { msg } from '../i18n/index.js';
import type { InputNode } from '../model/flow.js';
import { pathText } from './describe.js';
import type { Rule } from './types.js';

export const repeatIdentity: Rule = {
  meta: {
    id: 'repeat-identity',
    category: 'effort',
    severity: 'error',
    description: 'The same datum (`collects`) can be asked twice on one journey, or asked after a lookup found it.',
    details:
      'Two different steps that collect the same thing (after a transfer, in a second subflow call, in another department\'s menu) make the caller repeat themselves. A question for a datum that a `lookup` on the way already found (`provides`) is a repeat too: the system knew it. A step that re-prompts after a wrong answer is a retry, not a repeat. Seed 003 («¿Sorprendes o deleitas a tus Clientes?», docs/evidence.md#seed-003): having to repeat information is one of the main drivers of disloyalty.',
    options: [],
    driver: 'repeating',
    scoring: 'journey',
  },
  check({ facts, report }) {
    const journey = facts.journey;
    const reported = new Set<string>();
    for (const [first, again] of journey.repeats) {
      const anchor = facts.anchor(again.at(-1)!);
      const ids = facts.ids([first, ...again]);
      const firstNode = journey.vertices[first]!.node;
      const lookup = firstNode.type === 'lookup';
      // Named as the caller first gave it; after a lookup, as the question asks for it.
      const collects = (lookup ? journey.vertices[again.at(-1)!]!.node as InputNode : firstNode as InputNode).collects;
      const key = `${normalizeWords(collects)}|${anchor.id}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const firstAnchor = facts.anchor(first);
      report({
        message: lookup
          ? msg('repeat-identity.after-lookup', { collects, at: ids.at(-1)!, lookup: ids[0]!, path: pathText(ids) })
          : msg('repeat-identity.again', { collects, at: ids.at(-1)!, first: ids[0]!, path: pathText(ids) }),
        loc: anchor.loc,
        nodeId: anchor.id,
        path: ids,
        related: firstAnchor === anchor ? undefined : [firstAnchor.loc],
        key,
      });
    }
  },
};
