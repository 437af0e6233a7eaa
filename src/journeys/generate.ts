// Journey tests generated from a flow: one journey per exit not yet covered (every menu option,
// every no-input and no-match path, every system outcome), each the shortest way to that exit and
// then the shortest way to the end of the call, with expectations set to what the flow does today.
// A cover of every edge, not of every path, so a big flow gets a bounded file.
import type { JourneyGraph } from '../analysis/journey.js';
import type { Edge, FlowNode } from '../model/flow.js';
import { readableJourneyId, readableNames, type NodeNames } from '../rules/names.js';
import type { Expectations } from './testfile.js';
import { measuredSeconds } from './check.js';
import { walkJourney, type HoursState, type Walk } from './walk.js';

/** Journeys written at the most; the file says when exits were left uncovered. */
export const MAX_GENERATED_JOURNEYS = 200;

/** What a generated journey's caller types at an input: any answer takes `next`. */
const SAMPLE_ANSWER = '1234';

/** A journey as the test file writes it. */
export interface GeneratedJourney {
  name: string;
  keys: string[];
  at?: { hours: HoursState };
  take?: Record<string, string>;
  expect: Expectations;
}

interface Moves {
  keys: string[];
  hours?: HoursState;
  take?: Record<string, string>;
}

export interface Generated {
  journeys: GeneratedJourney[];
  /** Exits no generated journey takes (unreachable ones, or past the cap). */
  uncovered: number;
}

interface Move {
  keys: string[];
  hours?: HoursState;
  take?: string;
}

/** What the caller (or the test's `at` / `take`) must do for the walk to leave `node` by `edge`. */
function moveFor(node: FlowNode, edge: Edge | null): Move | undefined {
  if (edge === null) return { keys: [] };
  if (node.type === 'menu' || node.type === 'input') {
    const attempts = node.retries + 1;
    if (edge.kind === 'option') return { keys: [edge.label.slice('option:'.length)] };
    if (edge.kind === 'next') return { keys: [SAMPLE_ANSWER] };
    if (edge.kind === 'noInput') return { keys: Array<string>(attempts).fill('') };
    if (edge.kind === 'noMatch') return { keys: Array<string>(attempts).fill('?') };
    return undefined;
  }
  if (node.type === 'hours' && (edge.kind === 'open' || edge.kind === 'closed' || edge.kind === 'holiday')) {
    return { keys: [], hours: edge.kind };
  }
  return { keys: [], take: edge.label };
}

interface Trail {
  vertex: number;
  /** CSR slots taken from the entry, in order. */
  slots: number[];
}

/** Shortest trails (in steps) from `start` to every vertex. */
function shortestTrails(graph: JourneyGraph, start: number): Array<number[] | undefined> {
  const trails: Array<number[] | undefined> = new Array(graph.size);
  trails[start] = [];
  const queue: Trail[] = [{ vertex: start, slots: [] }];
  for (let head = 0; head < queue.length; head++) {
    const { vertex, slots } = queue[head]!;
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
      const to = graph.targets[slot]!;
      if (trails[to] !== undefined) continue;
      trails[to] = [...slots, slot];
      queue.push({ vertex: to, slots: trails[to]! });
    }
  }
  return trails;
}

function isEnd(graph: JourneyGraph, vertex: number): boolean {
  return graph.offsets[vertex] === graph.offsets[vertex + 1] || graph.vertices[vertex]!.node.type === 'agent';
}

/** The shortest trail from `start` to a vertex where the call ends. */
function trailToEnd(graph: JourneyGraph, start: number): number[] | undefined {
  const trails = shortestTrails(graph, start);
  let best: number[] | undefined;
  trails.forEach((trail, vertex) => {
    if (trail && isEnd(graph, vertex) && (!best || trail.length < best.length)) best = trail;
  });
  return best;
}

function sourceOf(graph: JourneyGraph, slot: number): number {
  // CSR: the source is the vertex whose slot range holds `slot`.
  let low = 0;
  let high = graph.size - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (graph.offsets[middle]! <= slot) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Keys, time of call and system choices that make the walk follow `slots`; undefined when they conflict. */
function movesOf(graph: JourneyGraph, slots: readonly number[]): Moves | undefined {
  const keys: string[] = [];
  const take: Record<string, string> = {};
  let hours: HoursState | undefined;
  for (const slot of slots) {
    const from = graph.vertices[sourceOf(graph, slot)]!;
    const move = moveFor(from.node, graph.edges[slot] ?? null);
    if (!move) return undefined;
    keys.push(...move.keys);
    if (move.hours) {
      if (hours !== undefined && hours !== move.hours) return undefined;
      hours = move.hours;
    }
    if (move.take !== undefined) {
      if (take[from.id] !== undefined && take[from.id] !== move.take) return undefined;
      take[from.id] = move.take;
    }
  }
  return { keys, ...(hours && hours !== 'open' ? { hours } : {}), ...(Object.keys(take).length > 0 ? { take } : {}) };
}

/** A take that names the exit the walk would take anyway says nothing; leave it out. */
function withoutUsualTakes(graph: JourneyGraph, moves: Moves): Moves {
  if (!moves.take) return moves;
  const plain = walkJourney(graph, moves.keys, { hours: moves.hours });
  const taken = new Map(plain.steps.map((step) => [step.id, step.exit]));
  const take = Object.fromEntries(Object.entries(moves.take).filter(([id, exit]) => taken.get(id) !== exit || !plain.steps.some((step) => step.id === id)));
  const { take: _, ...rest } = moves;
  return Object.keys(take).length > 0 ? { ...rest, take } : rest;
}

function expectationsOf(walk: Walk): Expectations {
  return {
    ends: walk.endsAt,
    maxSeconds: Math.ceil(measuredSeconds(walk)),
    maxIdentityQuestions: walk.identityQuestions,
    maxTransfers: walk.transfers,
  };
}

/** Exits a system step takes by itself: not worth naming in a journey's name. */
const USUAL_EXITS = new Set(['next', 'default', 'open']);

function nameOf(walk: Walk, names: NodeNames): string {
  const parts: string[] = [];
  let previous = '';
  let repeats = 1;
  const flush = (): void => {
    if (previous) parts.push(repeats > 1 ? previous.replace(' at ', ` ×${repeats} at `) : previous);
  };
  for (const step of walk.steps) {
    const name = readableJourneyId(step.id, step.node, names);
    let part = '';
    if (step.action?.kind === 'silence') part = `silence at ${name}`;
    else if (step.action?.kind === 'unexpected') part = `wrong key at ${name}`;
    else if (step.action) part = step.node.type === 'menu' ? `${step.action.text} at ${name}` : `answers ${name}`;
    else if (step.exit !== undefined && !USUAL_EXITS.has(step.exit)) part = `${name} ${step.exit}`;
    if (!part) continue;
    if (part === previous) {
      repeats++;
      continue;
    }
    flush();
    previous = part;
    repeats = 1;
  }
  flush();
  const last = walk.steps.at(-1);
  const end = last ? readableJourneyId(last.id, last.node, names) : walk.endsAt;
  return `${parts.length > 0 ? parts.join(', ') : 'no choices'} → ${end} (${walk.end})`;
}

export function generateJourneys(graph: JourneyGraph): Generated {
  const journeys: GeneratedJourney[] = [];
  const covered = new Uint8Array(graph.targets.length);
  const taken = new Set<string>();
  const names = readableNames(new Set(graph.vertices.map((vertex) => vertex.flow)));
  const trails = shortestTrails(graph, graph.entry);
  let uncovered = 0;
  for (let slot = 0; slot < graph.targets.length; slot++) {
    if (covered[slot]) continue;
    const from = sourceOf(graph, slot);
    const prefix = trails[from];
    const suffix = prefix ? trailToEnd(graph, graph.targets[slot]!) : undefined;
    const planned = prefix && suffix ? movesOf(graph, [...prefix, slot, ...suffix]) : undefined;
    if (!planned || journeys.length >= MAX_GENERATED_JOURNEYS) {
      uncovered++;
      continue;
    }
    const moves = withoutUsualTakes(graph, planned);
    const walk = walkJourney(graph, moves.keys, { hours: moves.hours, take: moves.take });
    if (walk.problem) {
      uncovered++;
      continue;
    }
    // Mark every exit this journey takes, so the next journeys go where none has been.
    for (const step of walk.steps) {
      for (let taken = graph.offsets[step.vertex]!; taken < graph.offsets[step.vertex + 1]!; taken++) {
        if ((graph.edges[taken]?.label ?? null) === (step.exit ?? null) && (step.exit !== undefined || graph.edges[taken] === null)) covered[taken] = 1;
      }
    }
    if (!covered[slot]) {
      uncovered++;
      continue;
    }
    let name = nameOf(walk, names);
    for (let copy = 2; taken.has(name); copy++) name = `${nameOf(walk, names)} #${copy}`;
    taken.add(name);
    journeys.push({
      name,
      keys: moves.keys,
      ...(moves.hours ? { at: { hours: moves.hours } } : {}),
      ...(moves.take ? { take: moves.take } : {}),
      expect: expectationsOf(walk),
    });
  }
  return { journeys, uncovered };
}
