import { announcesPersonKey, namesPerson } from '../analysis/announce.js';
import { msg } from '../i18n/index.js';
import { isKeypadKey } from '../util/spoken-keys.js';
import { isHuman } from '../analysis/journey-facts.js';
import type { Edge, MenuNode } from '../model/flow.js';
import { nodeMsg } from './describe.js';
import { reportStep } from './steps.js';
import type { Rule } from './types.js';

export const noZeroOut: Rule = {
  meta: {
    id: 'no-zero-out',
    category: 'effort',
    severity: 'warning',
    description: 'A menu from which callers cannot find a way to a person: no option reaches one without another menu, or the prompt does not say which.',
    details:
      'Callers who do not fit the menu need a way out to a person from every menu ("press 0"), and they must be told: an option counts when the prompt names a person next to its key ("for a person press 0") or its label names one. The GetHuman standard: 0 or "operator" always reaches a human. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001).',
    options: [],
    driver: 'navigation',
    scoring: 'penalty',
  },
  check(context) {
    const journey = context.facts.journey;
    // Menus block the walk back: an option must reach a person without another menu.
    const direct = journey.ahead(isHuman, (node) => node.type !== 'menu');
    for (const step of context.facts.steps) {
      const { node, vertex } = step;
      if (node.type !== 'menu' || vertex === undefined) continue;
      const { offsets, targets, edges } = journey.graph;
      const toPerson: Edge[] = [];
      let missedReachPerson = true;
      for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) {
        const edge = edges[slot];
        if (edge?.kind === 'option' && direct[targets[slot]!]) toPerson.push(edge);
        else if (edge?.kind === 'noMatch' && !direct[targets[slot]!]) missedReachPerson = false;
      }
      // A routing menu whose every choice (counted on the node: an exit to a missing step is no
      // way to a person), and every miss, ends with a person leaves no caller without one.
      const options = node.edges.filter((edge) => edge.kind === 'option').length;
      if (options > 0 && toPerson.length === options && missedReachPerson) continue;
      if (toPerson.some((edge) => isAnnounced(node, edge))) continue;
      const unannounced = toPerson.map(optionKey);
      const key = unannounced[0];
      reportStep(context, step, {
        message: key === undefined
          ? msg('no-zero-out.no-option', { node: nodeMsg(node) })
          : msg('no-zero-out.unannounced', { node: nodeMsg(node), options: unannounced.map((each) => msg('exit.option', { key: each })), key, how: isKeypadKey(key) ? 'press' : 'say' }),
        loc: node.loc,
        nodeId: node.id,
        // The key callers are not told about, for the fix that tells them.
        ...(unannounced.length === 0 ? {} : { data: { key: unannounced[0]! } }),
        // Variants of one menu (the same prompt and options to the same places, as platforms write
        // one menu per prompt source) are one flaw. Inside subflows each call site stays its own.
        ...(step.inside === undefined ? { cause: menuSignature(node) } : {}),
      });
    }
  },
};

/** What makes two menus the same menu to callers: what they say and where each option leads. */
function menuSignature(menu: MenuNode): string {
  const options = menu.edges.filter((edge) => edge.kind === 'option').map((edge) => `${optionKey(edge)}>${edge.to}`).sort();
  return JSON.stringify([menu.say, options]);
}

function optionKey(edge: Edge): string {
  return edge.label.slice('option:'.length);
}

/** A way to a person counts only when callers can find it: its label or the prompt says so. */
function isAnnounced(menu: MenuNode, edge: Edge): boolean {
  if (edge.optionLabel !== undefined && namesPerson(edge.optionLabel)) return true;
  const keys = menu.edges.filter((each) => each.kind === 'option').map(optionKey);
  return announcesPersonKey(menu.say, optionKey(edge), keys);
}
