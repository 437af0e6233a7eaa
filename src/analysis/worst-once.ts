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
  const { base, components: { components, componentOf }, incoming } = walk;
  const count = components.length;
  const value = new Float64Array(count).fill(-1);
  const from = new Int32Array(count).fill(-1);
  let worst = 0;
  let worstAt = -1;
  // Sources first, as in worstCounts: every component after those with edges into it.
  for (let index = count - 1; index >= 0; index--) {
    const members = components[index]!;
    let bestIn = -1;
    let bestFrom = -1;
    let total = 0;
    for (const vertex of members) {
      total += weight[vertex]!;
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
    value[index] = bestIn + total;
    from[index] = bestFrom;
    if (worstAt < 0 || value[index]! > worst) {
      worst = value[index]!;
      worstAt = index;
    }
  }
  const onWorst = new Uint8Array(count);
  for (let at = worstAt; at >= 0; at = from[at]!) onWorst[at] = 1;
  return { worst, onWorst };
}
