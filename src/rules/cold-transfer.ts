import type { Given } from '../analysis/journey-facts.js';
import { msg, type Msg } from '../i18n/index.js';
import { nodeMsg } from './describe.js';
import type { Rule } from './types.js';

export const coldTransfer: Rule = {
  meta: {
    id: 'cold-transfer',
    category: 'effort',
    severity: 'warning',
    description: 'A transfer without `context: true` after the caller has given answers: the next person starts from zero.',
    details:
      'Without the caller\'s data and reason travelling with the call, whoever answers asks again: the answers, the identity and the time the caller already gave are lost. A forward before the caller has said anything loses nothing and is not reported. Seed 003 («¿Sorprendes o deleitas a tus Clientes?», docs/evidence.md#seed-003): repeating information and transfers are two of the main drivers of effort.',
    options: [],
    driver: 'transfers',
    scoring: 'journey',
  },
  check({ flow, facts, report }) {
    for (const node of flow.nodes.values()) {
      // A hop to another flow carries the contact's data with it, and is not a new person.
      if (node.type !== 'transfer' || node.context || node.toFlow) continue;
      const vertex = facts.journey.rootVertex(node.id);
      if (vertex === undefined) continue;
      const given = facts.journey.given(vertex);
      // A straight forward before the caller has said anything: nothing to pass on.
      if (given.answers <= 0) continue;
      report({
        message: msg('cold-transfer.cold', { node: nodeMsg(node), to: node.to, given: givenMsg(given) }),
        loc: node.fieldLocs.get('context') ?? node.loc,
        nodeId: node.id,
        // Every cold transfer to one destination is one flaw: that team gets no context.
        cause: `to ${node.to}`,
      });
    }
  },
};

/** "up to 3 answers, 1 about who they are, 2 min in the flow" */
function givenMsg(given: Given): Msg {
  const time = given.seconds >= 60 ? 'min' : given.seconds >= 1 ? 's' : 'none';
  return msg('cold-transfer.given', { answers: given.answers, identity: given.identity > 0 ? given.identity : 0, time, minutes: Math.round(given.seconds / 60), seconds: Math.round(given.seconds) });
}
