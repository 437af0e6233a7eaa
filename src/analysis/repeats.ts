// Steps that ask the caller again for a datum they already gave on the same journey, or that
// a lookup had already found.
import type { JourneyFacts } from './journey-facts.js';
import { normalizeWords } from '../load/identity.js';

/**
 * Pairs of distinct steps knowing the same datum where the second asks for it after the first:
 * [first asker or lookup, journey from it to the second asker (excluding the first)].
 *
 * One breadth-first walk per datum, from all its askers and lookups at once. Each vertex keeps at
 * most two origin labels: enough to know that some origin other than any given one reaches it, so
 * each walk is linear in the graph.
 */
export function repeatedAsks(journey: JourneyFacts): Array<[number, number[]]> {
  const askersByDatum = new Map<string, number[]>();
  const lookupsByDatum = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, datum: string, vertex: number): void => {
    const list = map.get(datum);
    if (list) list.push(vertex);
    else map.set(datum, [vertex]);
  };
  journey.vertices.forEach((vertex, index) => {
    if (!journey.reach[index]) return;
    const { node } = vertex;
    if (node.type === 'input') add(askersByDatum, normalizeWords(node.collects), index);
    if (node.type === 'lookup') for (const datum of new Set(node.provides.map(normalizeWords))) add(lookupsByDatum, datum, index);
  });
  const found: Array<[number, number[]]> = [];
  const walk = new LabelledWalk(journey.graph.size);
  for (const [datum, askers] of askersByDatum) {
    const lookups = lookupsByDatum.get(datum) ?? [];
    if (askers.length + lookups.length >= 2) walk.run(journey, askers, lookups, found);
  }
  return found;
}

/** Typed arrays reused across data, so a flow with many repeated data does not churn memory. */
class LabelledWalk {
  readonly #first: Int32Array;
  readonly #second: Int32Array;
  readonly #parentFirst: Int32Array;
  readonly #parentSecond: Int32Array;
  readonly #isAsker: Uint8Array;

  constructor(size: number) {
    this.#first = new Int32Array(size).fill(-1);
    this.#second = new Int32Array(size).fill(-1);
    this.#parentFirst = new Int32Array(size);
    this.#parentSecond = new Int32Array(size);
    this.#isAsker = new Uint8Array(size);
  }

  run(journey: JourneyFacts, askers: readonly number[], lookups: readonly number[], found: Array<[number, number[]]>): void {
    const { offsets, targets, edges } = journey.graph;
    const touched: number[] = [];
    const queue: number[] = [];
    const visit = (vertex: number, origin: number, from: number): void => {
      if (this.#first[vertex] === origin || this.#second[vertex] === origin) return;
      if (this.#first[vertex] === -1) {
        this.#first[vertex] = origin;
        this.#parentFirst[vertex] = from;
        touched.push(vertex);
      } else if (this.#second[vertex] === -1) {
        this.#second[vertex] = origin;
        this.#parentSecond[vertex] = from;
      } else return;
      queue.push(vertex, origin);
    };
    for (const asker of askers) this.#isAsker[asker] = 1;
    for (const asker of askers) {
      for (let slot = offsets[asker]!; slot < offsets[asker + 1]!; slot++) visit(targets[slot]!, asker, asker);
    }
    // A lookup knows the datum only for the callers it found: those who go on by `next`.
    for (const lookup of lookups) {
      for (let slot = offsets[lookup]!; slot < offsets[lookup + 1]!; slot++) {
        if (edges[slot]?.kind === 'next') visit(targets[slot]!, lookup, lookup);
      }
    }
    for (let head = 0; head < queue.length; head += 2) {
      const vertex = queue[head]!;
      const origin = queue[head + 1]!;
      if (this.#isAsker[vertex]) {
        // Back at the same step is a retry; another step asking the same datum is a repeat.
        if (vertex !== origin) found.push([origin, this.#trace(vertex, origin)]);
        continue;
      }
      for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) visit(targets[slot]!, origin, vertex);
    }
    for (const vertex of touched) {
      this.#first[vertex] = -1;
      this.#second[vertex] = -1;
    }
    for (const asker of askers) this.#isAsker[asker] = 0;
  }

  #trace(vertex: number, origin: number): number[] {
    const path = [vertex];
    let step = vertex;
    while (path.length <= this.#first.length) {
      const parent = this.#first[step] === origin ? this.#parentFirst[step]! : this.#parentSecond[step]!;
      if (parent === origin) break;
      path.push(parent);
      step = parent;
    }
    return path.reverse();
  }
}
