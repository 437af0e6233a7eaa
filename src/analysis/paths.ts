// Worst-case counts along caller journeys, without enumerating paths: dynamic programming over
// the condensation of the graph into strongly connected components, linear in vertices + edges.
import { reachable, reversed, stronglyConnectedComponents, type Components, type CsrGraph } from './scc.js';

/** How a vertex treats the count that reaches it. */
export const enum Passage {
  /** The count goes on through the vertex. */
  Pass = 0,
  /** The vertex is counted, then successors start again from zero (reaching a person). */
  Reset = 1,
  /** The vertex is counted and the walk ends there (the caller can act, the call is handed over). */
  Block = 2,
}

export interface WorstCounts {
  /** Worst count on arrival at each vertex, its own weight included; -1 when the walk never reaches it; Infinity when a cycle adds to it. */
  value: Float64Array;
  /** A journey from the start (or a reset) to the vertex that realizes its value. */
  witness(vertex: number): number[];
  /** The step before the vertex on its witness, or -1. */
  previous(vertex: number): number;
  /** For an unbounded vertex: a cycle through it (or, if it weighs nothing, through a weighted vertex of its component), else []. */
  cycle(vertex: number): number[];
}

/**
 * A graph whose edges may be counted loops: `times[slot]` is how often the edge can be taken per
 * call (0: without limit). A cycle through such an edge is bounded.
 */
export interface LoopGraph extends CsrGraph {
  times?: Int32Array;
}

export interface WorstCountOptions {
  start: number;
  weight: ArrayLike<number>;
  passage?: ArrayLike<Passage>;
  /** 'unbounded' (default): a weighted cycle makes the count Infinity. 'once': a component counts each member once. */
  cycles?: 'unbounded' | 'once';
  /** The walk of {@link prepareWalk} for this graph, start and passage, when several counts share it. */
  walk?: CountingWalk;
}

/**
 * What every count with one start and one passage pattern shares, whatever it weighs: where the
 * walk starts again from zero, the graph of edges that carry a count, its components and its
 * predecessors. Prepared once, it serves each weight.
 */
export interface CountingWalk {
  /** 0 where a walk starts (the start, the successors of a reachable Reset), -1 elsewhere. */
  base: Float64Array;
  carried: LoopGraph;
  components: Components;
  incoming: CsrGraph;
}

export function prepareWalk(graph: LoopGraph, start: number, passage: ArrayLike<Passage>): CountingWalk {
  const { size, offsets, targets } = graph;
  // Counts flow only along edges out of Pass vertices; Reset vertices restart their successors.
  const reach = reachable(graph, start, (vertex) => passage[vertex] !== Passage.Block);
  const base = new Float64Array(size).fill(-1);
  base[start] = 0;
  for (let vertex = 0; vertex < size; vertex++) {
    if (!reach[vertex] || passage[vertex] !== Passage.Reset) continue;
    for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) base[targets[slot]!] = 0;
  }
  const carried = carriedGraph(graph, reach, passage);
  return { base, carried, components: stronglyConnectedComponents(carried), incoming: reversed(carried) };
}

export function worstCounts(graph: LoopGraph, options: WorstCountOptions): WorstCounts {
  const { size } = graph;
  const { start, weight } = options;
  const onceMode = options.cycles === 'once';
  const value = new Float64Array(size).fill(-1);
  const previous = new Int32Array(size).fill(-1);
  if (start < 0 || start >= size) return { value, witness: () => [], previous: () => -1, cycle: () => [] };

  const { base, carried, components: { components, componentOf }, incoming } = options.walk ?? prepareWalk(graph, start, options.passage ?? new Uint8Array(size));
  // Sources first: every component after those with edges into it.
  for (let index = components.length - 1; index >= 0; index--) {
    const members = components[index]!;
    let bestIn = -1;
    let bestVertex = -1;
    let bestFrom = -1;
    for (const vertex of members) {
      if (base[vertex]! > bestIn) {
        bestIn = base[vertex]!;
        bestVertex = vertex;
        bestFrom = -1;
      }
      for (let slot = incoming.offsets[vertex]!; slot < incoming.offsets[vertex + 1]!; slot++) {
        const from = incoming.targets[slot]!;
        if (componentOf[from] === index || value[from]! < 0) continue;
        if (value[from]! > bestIn) {
          bestIn = value[from]!;
          bestVertex = vertex;
          bestFrom = from;
        }
      }
    }
    if (bestVertex < 0) continue; // not reached
    const cyclic = members.length > 1 || hasSelfLoop(carried, members[0]!);
    if (!cyclic) {
      value[bestVertex] = bestIn + weight[bestVertex]!;
      previous[bestVertex] = bestFrom;
      continue;
    }
    const total = members.reduce((sum, vertex) => sum + weight[vertex]!, 0);
    const counted = total > 0 && !onceMode ? countedLoop(carried, members, componentOf, index, weight, total) : undefined;
    const inner = total > 0 && !onceMode ? Number.POSITIVE_INFINITY : bestIn + total;
    previous[bestVertex] = bestFrom;
    for (const vertex of members) value[vertex] = counted ? bestIn + counted.get(vertex)! : Math.max(inner, bestIn + weight[vertex]!);
    linkInside(carried, members, componentOf, index, bestVertex, previous);
  }

  const witness = (vertex: number): number[] => {
    const path: number[] = [];
    for (let step = vertex; step >= 0 && path.length <= size; step = previous[step]!) path.push(step);
    return path.reverse();
  };
  const cycle = (vertex: number): number[] => {
    if (value[vertex] !== Number.POSITIVE_INFINITY) return [];
    const component = componentOf[vertex]!;
    const members = components[component]!;
    const pivot = weight[vertex]! > 0 ? vertex : members.find((member) => weight[member]! > 0) ?? vertex;
    return cycleThrough(carried, pivot, (member) => componentOf[member] === component);
  };
  return { value, witness, previous: (vertex) => previous[vertex]!, cycle };
}

/**
 * The worst count added inside a cyclic component whose every cycle takes a counted loop exit:
 * for each member, the loop's full rounds (at most the exits' times, each weighing at most the
 * component) plus the heaviest way to the member without one (the component less its counted exits
 * has no cycle). Undefined when some cycle has no counted exit: the loop is endless.
 */
function countedLoop(graph: LoopGraph, members: readonly number[], componentOf: Int32Array, component: number, weight: ArrayLike<number>, total: number): Map<number, number> | undefined {
  const { offsets, targets, times } = graph;
  if (!times) return undefined;
  let rounds = 0;
  const inDegree = new Map<number, number>(members.map((vertex) => [vertex, 0]));
  const inside = (slot: number): boolean => componentOf[targets[slot]!] === component && times[slot] === 0;
  for (const vertex of members) {
    for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) {
      if (componentOf[targets[slot]!] !== component) continue;
      if (times[slot]! > 0) rounds += times[slot]!;
      else inDegree.set(targets[slot]!, inDegree.get(targets[slot]!)! + 1);
    }
  }
  if (rounds === 0) return undefined;
  // Kahn's order over the uncounted edges inside, carrying the heaviest way to each member.
  const heaviest = new Map<number, number>(members.map((vertex) => [vertex, weight[vertex]!]));
  const ready = members.filter((vertex) => inDegree.get(vertex) === 0);
  let removed = 0;
  while (ready.length > 0) {
    const vertex = ready.pop()!;
    removed++;
    for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) {
      if (!inside(slot)) continue;
      const next = targets[slot]!;
      heaviest.set(next, Math.max(heaviest.get(next)!, heaviest.get(vertex)! + weight[next]!));
      const left = inDegree.get(next)! - 1;
      inDegree.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (removed !== members.length) return undefined;
  for (const vertex of members) heaviest.set(vertex, rounds * total + heaviest.get(vertex)!);
  return heaviest;
}

/** The edges out of reached Pass vertices, the only ones a count travels along. */
function carriedGraph(graph: LoopGraph, reach: Uint8Array, passage: ArrayLike<Passage>): LoopGraph {
  const carries = (vertex: number): boolean => reach[vertex] === 1 && passage[vertex] === Passage.Pass;
  const offsets = new Int32Array(graph.size + 1);
  let count = 0;
  for (let vertex = 0; vertex < graph.size; vertex++) {
    offsets[vertex] = count;
    if (carries(vertex)) count += graph.offsets[vertex + 1]! - graph.offsets[vertex]!;
  }
  offsets[graph.size] = count;
  const targets = new Int32Array(count);
  const times = graph.times ? new Int32Array(count) : undefined;
  for (let vertex = 0; vertex < graph.size; vertex++) {
    if (!carries(vertex)) continue;
    targets.set(graph.targets.subarray(graph.offsets[vertex]!, graph.offsets[vertex + 1]!), offsets[vertex]!);
    times?.set(graph.times!.subarray(graph.offsets[vertex]!, graph.offsets[vertex + 1]!), offsets[vertex]!);
  }
  return { size: graph.size, offsets, targets, ...(times ? { times } : {}) };
}

export function hasSelfLoop(graph: CsrGraph, vertex: number): boolean {
  for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) if (graph.targets[slot] === vertex) return true;
  return false;
}

/** Breadth-first tree inside a component from its entry vertex, so witnesses reach every member. */
function linkInside(
  graph: CsrGraph,
  members: number[],
  componentOf: Int32Array,
  component: number,
  entry: number,
  previous: Int32Array,
): void {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let head = 0; head < queue.length && seen.size < members.length; head++) {
    const vertex = queue[head]!;
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
      const next = graph.targets[slot]!;
      if (componentOf[next] !== component || seen.has(next)) continue;
      seen.add(next);
      previous[next] = vertex;
      queue.push(next);
    }
  }
}

/** A shortest cycle from `pivot` back to itself, staying where `inside` allows: [pivot, ..., pivot]. */
export function cycleThrough(graph: CsrGraph, pivot: number, inside: (vertex: number) => boolean): number[] {
  const parent = new Map<number, number>();
  const queue: number[] = [];
  for (let slot = graph.offsets[pivot]!; slot < graph.offsets[pivot + 1]!; slot++) {
    const next = graph.targets[slot]!;
    if (next === pivot) return [pivot, pivot];
    if (inside(next) && !parent.has(next)) {
      parent.set(next, pivot);
      queue.push(next);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const vertex = queue[head]!;
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
      const next = graph.targets[slot]!;
      if (next === pivot) {
        const path = [pivot];
        for (let step: number | undefined = vertex; step !== undefined && step !== pivot; step = parent.get(step)) path.push(step);
        path.push(pivot);
        return [pivot, ...path.slice(1, -1).reverse(), pivot];
      }
      if (inside(next) && !parent.has(next)) {
        parent.set(next, vertex);
        queue.push(next);
      }
    }
  }
  return [];
}
