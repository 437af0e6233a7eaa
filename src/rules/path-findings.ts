// Reporting of worst-case path counts, shared by the rules that count along journeys.
import type { WorstCounts } from '../analysis/paths.js';
import type { Msg } from '../i18n/index.js';
import type { FlowNode } from '../model/flow.js';
import { pathText } from './describe.js';
import type { RuleContext } from './types.js';

export interface CountMessages {
  bounded(count: number, path: string): Msg;
  unbounded(cycle: string): Msg;
}

/**
 * Reports where the worst count goes over `max`: at the step that crosses the limit (or, inside
 * a subflow, at the subflow node of this file the caller is in), naming the worst count reached
 * after crossing there and the counted steps of that journey. `counted` picks the steps worth
 * naming (the questions, not every step). Linear: each vertex finds its crossing step through
 * its witness predecessor, memoized.
 */
export function reportWorstCount(
  context: RuleContext,
  counts: WorstCounts,
  max: number,
  counted: (node: FlowNode, vertex: number) => boolean,
  messages: CountMessages,
): void {
  const { facts, report } = context;
  const journey = facts.journey;
  const over = (vertex: number): boolean => counts.value[vertex]! > max && counted(journey.vertices[vertex]!.node, vertex);
  const crossing = crossingSteps(journey.graph.size, counts, over);
  // For each crossing step, the worst vertex whose journey crosses there.
  const worstVia = new Map<number, number>();
  for (let vertex = 0; vertex < journey.graph.size; vertex++) {
    const step = crossing[vertex]!;
    if (step < 0 || !over(vertex)) continue;
    const best = worstVia.get(step);
    if (best === undefined || counts.value[vertex]! > counts.value[best]!) worstVia.set(step, vertex);
  }
  const reported = new Set<string>();
  for (const [crossed, worst] of [...worstVia].sort((a, b) => a[0] - b[0])) {
    const value = counts.value[worst]!;
    const unbounded = value === Number.POSITIVE_INFINITY;
    // An unbounded count is shown as the way in and once round the loop, from the crossing step;
    // a step in no loop that only inherits the count is left to the loop behind it.
    const own = unbounded ? counts.cycle(crossed) : [];
    const loop = unbounded && own.length === 0 ? loopBehind(counts, crossed) : own;
    if (unbounded && loop.length === 0) continue;
    const step = own.length > 0 || !unbounded ? crossed : loop[0]!;
    const anchor = facts.anchor(step);
    const key = `${anchor.id}|${unbounded}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const path = unbounded ? [...counts.witness(step), ...loop.slice(1)] : counts.witness(worst);
    const named = facts.ids(path.filter((vertex) => counted(journey.vertices[vertex]!.node, vertex)));
    const cycle = pathText(facts.ids(loop));
    report({
      message: unbounded ? messages.unbounded(cycle || pathText(named)) : messages.bounded(value, pathText(named)),
      loc: anchor.loc,
      nodeId: anchor.id,
      path: facts.ids(path),
      key: unbounded ? 'unbounded' : 'bounded',
      // Loops through one region of the flow (variants of one menu that all lead back the same way)
      // are one endless loop: one finding, naming where else callers enter it.
      ...(unbounded ? { cause: `loop ${journey.components.componentOf[loop[0] ?? step]}` } : {}),
    });
  }
}

/**
 * The loop that makes the count at `vertex` unbounded: a cycle through a weighted step of the first
 * unbounded step on its witness journey (where callers enter the loop), or [] when there is none.
 */
function loopBehind(counts: WorstCounts, vertex: number): number[] {
  const origin = counts.witness(vertex).find((step) => counts.value[step] === Number.POSITIVE_INFINITY);
  return origin === undefined ? [] : counts.cycle(origin);
}

/** The first step over the limit on each vertex's witness journey, or -1. */
function crossingSteps(size: number, counts: WorstCounts, over: (vertex: number) => boolean): Int32Array {
  const crossing = new Int32Array(size).fill(-2); // -2: not computed yet
  for (let vertex = 0; vertex < size; vertex++) {
    if (counts.value[vertex]! < 0) crossing[vertex] = -1;
  }
  for (let vertex = 0; vertex < size; vertex++) {
    if (crossing[vertex] !== -2) continue;
    const chain: number[] = [];
    let step = vertex;
    while (step >= 0 && crossing[step] === -2 && chain.length <= size) {
      chain.push(step);
      step = counts.previous(step);
    }
    let found = step >= 0 ? crossing[step]! : -1;
    for (let index = chain.length - 1; index >= 0; index--) {
      const member = chain[index]!;
      if (found < 0 && over(member)) found = member;
      crossing[member] = found;
    }
  }
  return crossing;
}
