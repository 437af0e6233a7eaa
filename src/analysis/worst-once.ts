// The costliest journey, each cycle counted once, as a dynamic programme over a prepared walk's
// components alone: what `worstCounts` in 'once' mode computes for non-negative weights, without
// witnesses per vertex, so that an edited flow's worst journey is cheap to measure again.
import type { CountingWalk } from './paths.js';

export interface WorstOnce {
  /** The costliest journey's weight; 0 when the walk reaches nothing. */
  worst: number;
  /** 1 for each component the costliest journey passes (one of them, when several tie). */
  onWorst: Uint8Array;
}

/** `weight` must be non-negative: a component then weighs the sum of its members. */
export function worstOnce(walk: CountingWalk, weight: ArrayLike<number>): WorstOnce {
  const { value, from } = heaviestArrivals(walk, componentWeights(walk, weight));
  let worst = 0;
  let worstAt = -1;
  for (let index = value.length - 1; index >= 0; index--) {
    if (value[index]! >= 0 && (worstAt < 0 || value[index]! > worst)) {
      worst = value[index]!;
      worstAt = index;
    }
  }
  const onWorst = new Uint8Array(value.length);
  for (let at = worstAt; at >= 0; at = from[at]!) onWorst[at] = 1;
  return { worst, onWorst };
}

/**
 * The costliest journey once one component's weight changes, for every component at once: the
 * journeys through it (arriving, then leaving, heaviest) change with it; those that avoid it do
 * not. A journey from the start avoids a component when it ends before it in topological order or
 * takes an edge that jumps over it.
 */
export class WorstByComponent {
  readonly #through: Float64Array;
  readonly #avoiding: Float64Array;

  constructor(walk: CountingWalk, weight: ArrayLike<number>) {
    const weights = componentWeights(walk, weight);
    const { value } = heaviestArrivals(walk, weights);
    const leaving = heaviestDepartures(walk, weights, value);
    const count = value.length;
    this.#through = new Float64Array(count).fill(-1);
    for (let index = 0; index < count; index++) if (value[index]! >= 0) this.#through[index] = value[index]! + leaving[index]! - weights[index]!;
    this.#avoiding = avoidingEach(walk, value, leaving);
  }

  /** The costliest journey with component `component` weighing `delta` more (a component not reached changes nothing). */
  worstWith(component: number, delta: number, worst: number): number {
    if (this.#through[component]! < 0) return worst;
    return Math.max(this.#avoiding[component]!, this.#through[component]! + delta);
  }
}

function componentWeights(walk: CountingWalk, weight: ArrayLike<number>): Float64Array {
  const { components } = walk.components;
  const weights = new Float64Array(components.length);
  components.forEach((members, index) => {
    let total = 0;
    for (const vertex of members) total += weight[vertex]!;
    weights[index] = total;
  });
  return weights;
}

/** Heaviest journey from the start arriving at each component, its weight included (-1: not reached), and the component before it. */
function heaviestArrivals(walk: CountingWalk, weights: Float64Array): { value: Float64Array; from: Int32Array } {
  const { base, components: { components, componentOf }, incoming } = walk;
  const count = components.length;
  const value = new Float64Array(count).fill(-1);
  const from = new Int32Array(count).fill(-1);
  // Sources first, as in worstCounts: every component after those with edges into it.
  for (let index = count - 1; index >= 0; index--) {
    let bestIn = -1;
    let bestFrom = -1;
    for (const vertex of components[index]!) {
      if (base[vertex]! > bestIn) {
        bestIn = base[vertex]!;
        bestFrom = -1;
      }
      for (let slot = incoming.offsets[vertex]!; slot < incoming.offsets[vertex + 1]!; slot++) {
        const other = componentOf[incoming.targets[slot]!]!;
        if (other === index || value[other]! < 0) continue;
        if (value[other]! > bestIn) {
          bestIn = value[other]!;
          bestFrom = other;
        }
      }
    }
    if (bestIn < 0) continue;
    value[index] = bestIn + weights[index]!;
    from[index] = bestFrom;
  }
  return { value, from };
}

/** Heaviest journey leaving each reached component, its weight included, to wherever it ends. */
function heaviestDepartures(walk: CountingWalk, weights: Float64Array, value: Float64Array): Float64Array {
  const { carried, components: { components, componentOf } } = walk;
  const leaving = new Float64Array(components.length);
  // Sinks first: every component after those it leads to.
  for (let index = 0; index < components.length; index++) {
    if (value[index]! < 0) continue;
    let after = 0;
    for (const vertex of components[index]!) {
      for (let slot = carried.offsets[vertex]!; slot < carried.offsets[vertex + 1]!; slot++) {
        const other = componentOf[carried.targets[slot]!]!;
        if (other !== index && leaving[other]! > after) after = leaving[other]!;
      }
    }
    leaving[index] = weights[index]! + after;
  }
  return leaving;
}

/** For each component, the heaviest journey from the start that does not pass it (-Infinity: every journey does). */
function avoidingEach(walk: CountingWalk, value: Float64Array, leaving: Float64Array): Float64Array {
  const { carried, components: { components, componentOf } } = walk;
  const count = components.length;
  // Topological position: sources (high indices) first.
  const position = (index: number): number => count - 1 - index;
  const avoiding = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  // Journeys ending before a component in topological order never pass it.
  let endedBefore = Number.NEGATIVE_INFINITY;
  for (let at = 0; at < count; at++) {
    const index = count - 1 - at;
    avoiding[index] = endedBefore;
    if (value[index]! >= 0 && value[index]! > endedBefore) endedBefore = value[index]!;
  }
  // Journeys that jump over it: an edge from before it to after it, heaviest first, each filling the positions still open.
  const jumps: Array<{ first: number; last: number; weight: number }> = [];
  components.forEach((members, index) => {
    if (value[index]! < 0) return;
    for (const vertex of members) {
      for (let slot = carried.offsets[vertex]!; slot < carried.offsets[vertex + 1]!; slot++) {
        const other = componentOf[carried.targets[slot]!]!;
        if (position(other) - position(index) > 1) jumps.push({ first: position(index) + 1, last: position(other) - 1, weight: value[index]! + leaving[other]! });
      }
    }
  });
  jumps.sort((a, b) => b.weight - a.weight);
  // nextOpen[p]: the first position at or after p not yet given a jump (path-halving union-find).
  const nextOpen = Int32Array.from({ length: count + 1 }, (_, at) => at);
  const open = (at: number): number => {
    let current = at;
    while (nextOpen[current] !== current) {
      nextOpen[current] = nextOpen[nextOpen[current]!]!;
      current = nextOpen[current]!;
    }
    return current;
  };
  for (const { first, last, weight } of jumps) {
    for (let at = open(first); at <= last; at = open(at + 1)) {
      const index = count - 1 - at;
      if (weight > avoiding[index]!) avoiding[index] = weight;
      nextOpen[at] = at + 1;
    }
  }
  return avoiding;
}
