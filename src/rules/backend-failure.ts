import { isDeadEndOutcome, isHelpPromised, isHuman, type JourneyFacts } from '../analysis/journey-facts.js';
import { msg } from '../i18n/index.js';
import { nodeMsg, pathText } from './describe.js';
import type { Rule } from './types.js';

/** A backend step whose failure path drops callers: the step, and the journey to the first hang-up. */
interface DroppedFailure {
  step: number;
  path: number[];
}

/**
 * Steps with an `onError` exit from which callers can reach neither a person, nor help promised, nor
 * the same step again (a retry), and do reach a hang-up that leaves them unresolved.
 */
function droppedFailures(journey: JourneyFacts): DroppedFailure[] {
  const { size, offsets, targets, edges } = journey.graph;
  const found: DroppedFailure[] = [];
  journey.vertices.forEach((_vertex, step) => {
    if (!journey.reach[step] || !hasErrorExit(journey, step)) return;
    const parent = new Int32Array(size).fill(-1);
    const seen = new Uint8Array(size);
    const queue: number[] = [];
    for (let slot = offsets[step]!; slot < offsets[step + 1]!; slot++) {
      const next = targets[slot]!;
      if (edges[slot]?.kind !== 'error' || seen[next]) continue;
      seen[next] = 1;
      parent[next] = step;
      queue.push(next);
    }
    if (queue.length === 0) return;
    let rescued = false;
    let firstEnd = -1;
    for (let head = 0; head < queue.length && !rescued; head++) {
      const current = queue[head]!;
      const node = journey.vertices[current]!.node;
      // A person, help promised, or back to the step that failed (a retry): the caller is not dropped.
      if (current === step || isHuman(node) || isHelpPromised(node)) {
        rescued = true;
        break;
      }
      if (isDeadEndOutcome(node) && firstEnd < 0) firstEnd = current;
      for (let slot = offsets[current]!; slot < offsets[current + 1]!; slot++) {
        const next = targets[slot]!;
        if (next === step) rescued = true;
        if (seen[next]) continue;
        seen[next] = 1;
        parent[next] = current;
        queue.push(next);
      }
    }
    if (rescued || firstEnd < 0) return;
    const path: number[] = [];
    for (let at = firstEnd; at >= 0; at = at === step ? -1 : parent[at]!) path.push(at);
    found.push({ step, path: path.reverse() });
  });
  return found;
}

function hasErrorExit(journey: JourneyFacts, step: number): boolean {
  const { offsets, edges } = journey.graph;
  for (let slot = offsets[step]!; slot < offsets[step + 1]!; slot++) if (edges[slot]?.kind === 'error') return true;
  return false;
}

export const backendFailure: Rule = {
  meta: {
    id: 'backend-failure',
    category: 'effort',
    severity: 'warning',
    description: 'When a backend step fails (`onError`), callers are dropped without a person, a callback or a retry.',
    details:
      'A Lambda, a Function or a data action that fails is not the caller\'s fault, yet the failure path hangs up on them: they call again and start over. From the `onError` exit of a `branch`, nothing leads to a person, to help promised (voicemail, a callback) or back to the step to try again. Send the failure path to a queue, offer a callback, or retry the step once.',
    options: [],
    driver: 'deadEnds',
    scoring: 'journey',
  },
  check({ facts, report }) {
    const reported = new Set<string>();
    for (const { step, path } of droppedFailures(facts.journey)) {
      const anchor = facts.anchor(step);
      if (reported.has(anchor.id)) continue;
      reported.add(anchor.id);
      const ids = facts.ids(path);
      const node = facts.journey.vertices[step]!.node;
      report({
        message: msg('backend-failure.hung-up', { node: nodeMsg(node), end: ids.at(-1)!, path: pathText(ids) }),
        loc: anchor.loc,
        nodeId: anchor.id,
        path: ids,
      });
    }
  },
};
