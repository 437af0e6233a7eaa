import { isDeadEndOutcome, isHelpPromised, isHuman, type JourneyFacts } from '../analysis/journey-facts.js';
import { plainDeadEnds } from '../analysis/dead-ends.js';
import { afterHoursOnly } from '../analysis/hours.js';
import { msg } from '../i18n/index.js';
import { CLOSED_EXIT_KINDS, type FlowNode } from '../model/flow.js';
import { pathText } from './describe.js';
import type { Rule } from './types.js';

/** Words that tell callers when to call again: a weekday, a clock time, "opening hours" (en, es). */
const HOURS_WORDS = new RegExp(
  [
    '\\b(mon|tues|wednes|thurs|fri|satur|sun)days?\\b',
    '\\b(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?)\\b',
    '\\b\\d{1,2}([:.]\\d{2})?\\s*(a\\.?m\\.?|p\\.?m\\.?|h)\\b',
    '\\b\\d{1,2}[:.]\\d{2}\\b',
    '\\b(opening|business|office) hours\\b',
    '\\bhorarios?\\b',
    '\\b(open|opens|abrimos|abierto|atendemos) (from|at|again|tomorrow|de|a partir|ma[nñ]ana)\\b',
  ].join('|'),
  'iu',
);

/** Whether a step tells callers the opening hours. */
export function announcesHours(node: FlowNode): boolean {
  return node.say.some((text) => HOURS_WORDS.test(text));
}

/** Hang-ups callers reach after hours with no hours announced, no callback, no voicemail: [hours vertex, path]. */
function bareClosedEnds(journey: JourneyFacts): Array<{ hours: number; path: number[] }> {
  const { size, offsets, targets, edges } = journey.graph;
  const found: Array<{ hours: number; path: number[] }> = [];
  const seenEnds = new Set<number>();
  journey.vertices.forEach((vertex, hours) => {
    if (vertex.node.type !== 'hours' || !journey.reach[hours]) return;
    const parent = new Int32Array(size).fill(-1);
    const seen = new Uint8Array(size);
    const queue: number[] = [];
    for (let slot = offsets[hours]!; slot < offsets[hours + 1]!; slot++) {
      const kind = edges[slot]?.kind;
      const next = targets[slot]!;
      if (kind === undefined || !CLOSED_EXIT_KINDS.has(kind) || seen[next]) continue;
      seen[next] = 1;
      parent[next] = hours;
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const current = queue[head]!;
      const node = journey.vertices[current]!.node;
      // A person, help promised or the hours told: the caller is not left in the dark.
      if (isHuman(node) || isHelpPromised(node) || announcesHours(node)) continue;
      if (isDeadEndOutcome(node)) {
        if (!seenEnds.has(current)) {
          seenEnds.add(current);
          const path: number[] = [];
          for (let step = current; step >= 0; step = step === hours ? -1 : parent[step]!) path.push(step);
          found.push({ hours, path: path.reverse() });
        }
        continue;
      }
      for (let slot = offsets[current]!; slot < offsets[current + 1]!; slot++) {
        const next = targets[slot]!;
        if (seen[next]) continue;
        seen[next] = 1;
        parent[next] = current;
        queue.push(next);
      }
    }
  });
  return found;
}

export const afterHoursDeadEnd: Rule = {
  meta: {
    id: 'after-hours-dead-end',
    category: 'effort',
    severity: 'error',
    description: 'After hours, callers are hung up on without hearing the opening hours, a callback or voicemail.',
    details:
      'Callers sent from the `closed` (or `holiday`) exit of an `hours` node reach a hang-up with outcome `unresolved` or `abandoned`, and nothing on the way tells them when the line is open, offers a callback or takes a message. They cannot tell a closed line from a broken one, and call again at random. Announce the hours (a weekday, a time, "opening hours"), or offer voicemail or a callback. A hang-up that the closed side reaches only after joining the way open-hours callers take is a dead end at any hour: dead-end reports it.',
    options: [],
    driver: 'deadEnds',
    scoring: 'journey',
  },
  check({ facts, report }) {
    const journey = facts.journey;
    const reported = new Set<string>();
    // Where the way from the closed exit joins the way callers take while the line is open before its
    // end, the hour is not the cause: the end is a dead end at any hour, dead-end's finding.
    const plain = plainDeadEnds(journey);
    const closedOnly = afterHoursOnly(journey);
    const joinsOpenWay = (path: number[]): boolean => path.slice(1, -1).some((step) => journey.reach[step] && !closedOnly[step]);
    for (const { hours, path } of bareClosedEnds(journey)) {
      const end = path.at(-1)!;
      if (plain[end] && joinsOpenWay(path)) continue;
      const anchor = facts.anchor(end);
      if (reported.has(anchor.id)) continue;
      reported.add(anchor.id);
      const ids = facts.ids(path);
      const exit = journey.graph.edges[firstSlot(journey, hours, path[1]!)]?.kind ?? 'closed';
      const check = journey.vertices[hours]!.node;
      // A staffing check's closed side is "no agent staffed", said in those words.
      const unstaffed = check.type === 'hours' && check.staffing === true && exit === 'closed';
      const where = { hours: ids[0]!, end: ids.at(-1)!, path: pathText(ids) };
      report({
        message: unstaffed
          ? msg('after-hours-dead-end.unstaffed', where)
          : msg('after-hours-dead-end.closed', { ...where, when: exit === 'holiday' ? 'holiday' : 'closed', exit }),
        loc: anchor.loc,
        nodeId: anchor.id,
        path: ids,
      });
    }
  },
};

function firstSlot(journey: JourneyFacts, from: number, to: number): number {
  const { offsets, targets, edges } = journey.graph;
  for (let slot = offsets[from]!; slot < offsets[from + 1]!; slot++) {
    const kind = edges[slot]?.kind;
    if (targets[slot] === to && kind !== undefined && CLOSED_EXIT_KINDS.has(kind)) return slot;
  }
  return offsets[from]!;
}
