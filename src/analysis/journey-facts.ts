// Journey facts: what callers go through, computed once per flow (across its subflows) and read
// by every effort rule and by the score.
import type { FlowNode } from '../model/flow.js';
import type { Program } from '../load/program.js';
import { buildJourney, type JourneyGraph, type JourneyVertex } from './journey.js';
import { Passage, prepareWalk, worstCounts, type CountingWalk, type LoopGraph, type WorstCounts } from './paths.js';
import { repeatedAsks } from './repeats.js';
import { reachable, reversed, stronglyConnectedComponents, toCsr, type Components, type CsrGraph } from './scc.js';
import { stepTime } from './timing.js';

/** A person takes the call: an agent, or a transfer that hands the call out of the flow. */
export function isHuman(node: FlowNode): boolean {
  return node.type === 'agent' || (node.type === 'transfer' && !node.edges.some((edge) => edge.kind === 'next'));
}

/**
 * A transfer that hands the caller to someone new. A hop to another flow of the platform (`toFlow`)
 * is not one: it counts only through what that flow does, once the flow is known.
 */
export function isPersonTransfer(node: FlowNode): boolean {
  return node.type === 'transfer' && !node.toFlow;
}

/** Help promised without a person now: voicemail, a callback, a queue that offers a callback. */
export function isHelpPromised(node: FlowNode): boolean {
  if (node.type === 'hangup') return node.outcome === 'voicemail' || node.outcome === 'callback';
  return node.type === 'queue' && node.callback;
}

export function isDeadEndOutcome(node: FlowNode): boolean {
  return node.type === 'hangup' && (node.outcome === 'unresolved' || node.outcome === 'abandoned');
}

/** Steps where the caller can only listen: they make up the preamble. */
export const LISTENING_STEPS: ReadonlySet<FlowNode['type']> = new Set(['play', 'branch', 'subflow', 'return']);

export function isIdentityQuestion(node: FlowNode): boolean {
  return node.type === 'input' && node.identity;
}

/** What a caller has handed over on the way to a step. */
export interface Given {
  /** Menu choices, inputs and talks with a person. */
  answers: number;
  /** Identity answers among them. */
  identity: number;
  /** Seconds spent in the flow. */
  seconds: number;
}

/** Bits of {@link JourneyFacts.kinds}: what a step is, as the walks over the journey ask it. */
export const enum Kind {
  Human = 1,
  Identity = 2,
  PersonTransfer = 4,
  Menu = 8,
  /** A menu choice, an input or a talk with a person: something the caller gives. */
  Answer = 16,
  Listening = 32,
  /** A hang-up that leaves the caller unresolved. */
  DeadEnd = 64,
  /** Help promised without a person: voicemail, a callback, a queue that offers one. */
  HelpPromised = 128,
  Deflect = 256,
}

/** How counts pass the steps: through all, starting again after a person, or only through listening steps. */
type WalkKind = 'pass' | 'resetAtPerson' | 'untilAction';

function passageOf(walk: WalkKind, kind: number): Passage {
  if (walk === 'resetAtPerson') return kind & Kind.Human ? Passage.Reset : Passage.Pass;
  if (walk === 'untilAction') return kind & Kind.Listening ? Passage.Pass : Passage.Block;
  return Passage.Pass;
}

export class JourneyFacts {
  readonly graph: JourneyGraph;
  #components?: Components;
  #reach?: Uint8Array;
  #withoutHelp?: Uint8Array;
  #humanAhead?: Uint8Array;
  #helpAhead?: Uint8Array;
  #identity?: WorstCounts;
  #transfers?: WorstCounts;
  #menus?: WorstCounts;
  #preamble?: WorstCounts;
  #seconds?: Float64Array;
  #unknownTime?: Uint8Array;
  #fastest?: FastestToHuman;
  #rootIndex?: Map<string, number>;
  #incoming?: CsrGraph;
  #kinds?: Uint16Array;
  #walks = new Map<WalkKind, CountingWalk>();
  #repeats?: Array<[number, number[]]>;
  #retrySlots?: Uint8Array;
  #countingGraph?: LoopGraph;
  #given?: { answers: WorstCounts; identity: WorstCounts; seconds: WorstCounts };

  constructor(program: Program) {
    this.graph = buildJourney(program);
  }

  get vertices(): JourneyVertex[] {
    return this.graph.vertices;
  }

  /** Second asks of a datum: [first asker, journey from it to the step that asks again]. */
  get repeats(): Array<[number, number[]]> {
    return (this.#repeats ??= repeatedAsks(this));
  }

  /** The vertex of a node of the root flow. */
  rootVertex(nodeId: string): number | undefined {
    if (!this.#rootIndex) {
      const index = new Map<string, number>();
      this.vertices.forEach((vertex, at) => {
        if (vertex.context === '') index.set(vertex.node.id, at);
      });
      this.#rootIndex = index;
    }
    return this.#rootIndex.get(nodeId);
  }

  /** What each vertex's node is, as {@link Kind} bits: read once, so walks test a byte, not a node. */
  get kinds(): Uint16Array {
    if (this.#kinds) return this.#kinds;
    const kinds = new Uint16Array(this.graph.size);
    this.vertices.forEach(({ node }, vertex) => {
      kinds[vertex] = (isHuman(node) ? Kind.Human : 0)
        | (isIdentityQuestion(node) ? Kind.Identity : 0)
        | (isPersonTransfer(node) ? Kind.PersonTransfer : 0)
        | (node.type === 'menu' ? Kind.Menu : 0)
        | (node.type === 'menu' || node.type === 'input' || node.type === 'agent' ? Kind.Answer : 0)
        | (LISTENING_STEPS.has(node.type) ? Kind.Listening : 0)
        | (isDeadEndOutcome(node) ? Kind.DeadEnd : 0)
        | (isHelpPromised(node) ? Kind.HelpPromised : 0)
        | (node.type === 'deflect' ? Kind.Deflect : 0);
    });
    return (this.#kinds = kinds);
  }

  get components(): Components {
    return (this.#components ??= stronglyConnectedComponents(this.graph));
  }

  /** Vertices a caller can reach from the entry. */
  get reach(): Uint8Array {
    return (this.#reach ??= reachable(this.graph, this.graph.entry, () => true));
  }

  /**
   * Vertices a caller can reach before meeting a person or being promised help. A queue that
   * offers a callback does not stop the walk: callers who time out of it did not take the offer.
   */
  get reachWithoutHelp(): Uint8Array {
    const kinds = this.kinds;
    return (this.#withoutHelp ??= reachable(this.graph, this.graph.entry, (vertex) => (kinds[vertex]! & Kind.Human) === 0));
  }

  /**
   * CSR slots of `onNoInput`/`onNoMatch` exits that bring the caller straight back to the same
   * step (directly, or through announcements and single-exit decisions): re-prompts, not progress.
   */
  get retrySlots(): Uint8Array {
    return (this.#retrySlots ??= findRetrySlots(this));
  }

  /**
   * The journey without retry exits and self-loops: what path counts walk, so a re-prompt is not one
   * more question. Counted loop exits (`times`) keep their count, so that their loops are bounded.
   */
  get countingGraph(): LoopGraph {
    if (this.#countingGraph) return this.#countingGraph;
    const { size, offsets, targets, edges } = this.graph;
    const retries = this.retrySlots;
    const kept = (slot: number, vertex: number): boolean => !retries[slot] && targets[slot] !== vertex;
    const countingOffsets = new Int32Array(size + 1);
    let count = 0;
    for (let vertex = 0; vertex < size; vertex++) {
      countingOffsets[vertex] = count;
      for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) if (kept(slot, vertex)) count++;
    }
    countingOffsets[size] = count;
    const countingTargets = new Int32Array(count);
    const times = new Int32Array(count);
    let at = 0;
    for (let vertex = 0; vertex < size; vertex++) {
      for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) {
        if (!kept(slot, vertex)) continue;
        countingTargets[at] = targets[slot]!;
        times[at++] = edges[slot]?.times ?? 0;
      }
    }
    return (this.#countingGraph = { size, offsets: countingOffsets, targets: countingTargets, times });
  }

  /** Vertices from which some journey leads to a person. */
  get humanAhead(): Uint8Array {
    return (this.#humanAhead ??= this.aheadOf(Kind.Human));
  }

  /** Vertices from which some journey leads to a person or help promised. */
  get helpAhead(): Uint8Array {
    return (this.#helpAhead ??= this.aheadOf(Kind.Human | Kind.HelpPromised));
  }

  /** Identity questions asked before a person takes the call (counting restarts after each person). */
  get identityQuestions(): WorstCounts {
    return (this.#identity ??= this.#count(this.#flag(Kind.Identity), 'resetAtPerson'));
  }

  /** Transfers to people along a journey, from the first ring to the end (flow hops not counted). */
  get transfers(): WorstCounts {
    return (this.#transfers ??= this.#count(this.#flag(Kind.PersonTransfer), 'pass'));
  }

  /** Menus passed before a person takes the call. */
  get menus(): WorstCounts {
    return (this.#menus ??= this.#count(this.#flag(Kind.Menu), 'resetAtPerson'));
  }

  /** Seconds of audio before the caller's first chance to act (a menu, an input) or a hand-over. */
  get preamble(): WorstCounts {
    if (this.#preamble) return this.#preamble;
    const listening = this.#flag(Kind.Listening);
    const seconds = this.seconds;
    for (let vertex = 0; vertex < listening.length; vertex++) listening[vertex] = listening[vertex] ? seconds[vertex]! : 0;
    return (this.#preamble = this.#count(listening, 'untilAction'));
  }

  /** Seconds each step takes (audio, response, rings, expected hold). */
  get seconds(): Float64Array {
    this.#timing();
    return this.#seconds!;
  }

  /** 1 where part of a step's time is not known. */
  get unknownTime(): Uint8Array {
    this.#timing();
    return this.#unknownTime!;
  }

  /** The fastest journey to a person, in seconds from the first ring (Dijkstra over step times). */
  get fastestToHuman(): FastestToHuman {
    return (this.#fastest ??= fastestToHuman(this));
  }

  #timing(): void {
    if (this.#seconds) return;
    const seconds = new Float64Array(this.graph.size);
    const unknown = new Uint8Array(this.graph.size);
    this.vertices.forEach((vertex, index) => {
      const time = stepTime(vertex.node, vertex.flow);
      seconds[index] = time.seconds;
      unknown[index] = time.unknown ? 1 : 0;
    });
    this.#seconds = seconds;
    this.#unknownTime = unknown;
  }

  /**
   * What the caller has given by the time they reach each step, on the journey that gave the
   * most (loops counted once): answers (menu choices, inputs, a talk with a person), identity
   * answers among them, and seconds spent. What a transfer without context throws away.
   */
  given(vertex: number): Given {
    this.#given ??= {
      answers: this.#count(this.#flag(Kind.Answer), 'pass', 'once'),
      identity: this.#count(this.#flag(Kind.Identity), 'pass', 'once'),
      seconds: this.#count(this.seconds, 'pass', 'once'),
    };
    const own = this.vertices[vertex]!.node;
    const before = (counts: WorstCounts, ownWeight: number): number => Math.max(0, counts.value[vertex]! - ownWeight);
    return {
      answers: before(this.#given.answers, own.type === 'menu' || own.type === 'input' || own.type === 'agent' ? 1 : 0),
      identity: before(this.#given.identity, isIdentityQuestion(own) ? 1 : 0),
      seconds: before(this.#given.seconds, this.seconds[vertex]!),
    };
  }

  /** 1 on the vertices with `kind`, 0 elsewhere: a weight of one per such step. */
  #flag(kind: Kind): Float64Array {
    const kinds = this.kinds;
    const weights = new Float64Array(kinds.length);
    for (let vertex = 0; vertex < kinds.length; vertex++) weights[vertex] = kinds[vertex]! & kind ? 1 : 0;
    return weights;
  }

  /** Worst counts of `weights` over the counting graph; counts of one walk kind share its components. */
  #count(weights: Float64Array, walk: WalkKind, cycles?: 'once'): WorstCounts {
    let prepared = this.#walks.get(walk);
    if (!prepared) {
      const kinds = this.kinds;
      const passages = new Uint8Array(this.graph.size);
      for (let vertex = 0; vertex < passages.length; vertex++) passages[vertex] = passageOf(walk, kinds[vertex]!);
      prepared = prepareWalk(this.countingGraph, this.graph.entry, passages);
      this.#walks.set(walk, prepared);
    }
    return worstCounts(this.countingGraph, { start: this.graph.entry, weight: weights, walk: prepared, ...(cycles ? { cycles } : {}) });
  }

  /**
   * Vertices from which some journey leads to a vertex whose node is a `goal`, walking back
   * from the goals; a vertex that fails `through` is neither marked nor walked through (so a
   * journey may not pass it on its way to the goal).
   */
  ahead(goal: (node: FlowNode) => boolean, through: (node: FlowNode) => boolean = () => true): Uint8Array {
    const goals = new Uint8Array(this.graph.size);
    this.vertices.forEach((vertex, index) => {
      goals[index] = goal(vertex.node) ? 1 : 0;
    });
    return this.#walkBack(goals, (from) => through(this.vertices[from]!.node));
  }

  /** {@link ahead} for goals that are {@link Kind} bits, read from {@link kinds} rather than from every node. */
  aheadOf(goalKinds: number): Uint8Array {
    const kinds = this.kinds;
    const goals = new Uint8Array(kinds.length);
    for (let vertex = 0; vertex < kinds.length; vertex++) goals[vertex] = kinds[vertex]! & goalKinds ? 1 : 0;
    return this.#walkBack(goals, () => true);
  }

  #walkBack(goals: Uint8Array, through: (vertex: number) => boolean): Uint8Array {
    const incoming = (this.#incoming ??= reversed(this.graph));
    const seen = new Uint8Array(this.graph.size);
    const queue: number[] = [];
    for (let vertex = 0; vertex < goals.length; vertex++) {
      if (!goals[vertex]) continue;
      seen[vertex] = 1;
      queue.push(vertex);
    }
    for (let head = 0; head < queue.length; head++) {
      const vertex = queue[head]!;
      for (let slot = incoming.offsets[vertex]!; slot < incoming.offsets[vertex + 1]!; slot++) {
        const from = incoming.targets[slot]!;
        if (seen[from] || !through(from)) continue;
        seen[from] = 1;
        queue.push(from);
      }
    }
    return seen;
  }
}


export interface FastestToHuman {
  /** Seconds from the first ring; undefined when no person can be reached. */
  seconds?: number;
  /** The journey, as vertices. */
  path: number[];
  /** True when a step on the path has an unknown duration (the figure is then a lower bound). */
  lowerBound: boolean;
}

/** Dijkstra on step times, with a binary heap; the call is answered after `answerRings`. */
function fastestToHuman(facts: JourneyFacts): FastestToHuman {
  const { graph } = facts;
  if (graph.entry < 0) return { path: [], lowerBound: false };
  const seconds = facts.seconds;
  const root = graph.vertices[graph.entry]!.flow;
  const distance = new Float64Array(graph.size).fill(Number.POSITIVE_INFINITY);
  const previous = new Int32Array(graph.size).fill(-1);
  const heap = new MinHeap();
  distance[graph.entry] = root.settings.answerRings * root.settings.ringSeconds + seconds[graph.entry]!;
  heap.push(graph.entry, distance[graph.entry]!);
  while (heap.size > 0) {
    const [vertex, cost] = heap.pop();
    if (cost > distance[vertex]!) continue;
    if (facts.kinds[vertex]! & Kind.Human) {
      const path: number[] = [];
      for (let step = vertex; step >= 0; step = previous[step]!) path.push(step);
      path.reverse();
      return { seconds: cost, path, lowerBound: path.some((step) => facts.unknownTime[step] === 1) };
    }
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
      const next = graph.targets[slot]!;
      const candidate = cost + seconds[next]!;
      if (candidate < distance[next]!) {
        distance[next] = candidate;
        previous[next] = vertex;
        heap.push(next, candidate);
      }
    }
  }
  return { path: [], lowerBound: false };
}

/**
 * Seconds from the first ring until each step begins, on the fastest journey there (Dijkstra over
 * step times, as `fastestToHuman`); Infinity where no journey leads.
 */
export function fastestArrivals(facts: JourneyFacts): Float64Array {
  const { graph } = facts;
  const arrival = new Float64Array(graph.size).fill(Number.POSITIVE_INFINITY);
  if (graph.entry < 0) return arrival;
  const seconds = facts.seconds;
  const root = graph.vertices[graph.entry]!.flow;
  const heap = new MinHeap();
  arrival[graph.entry] = root.settings.answerRings * root.settings.ringSeconds;
  heap.push(graph.entry, arrival[graph.entry]!);
  while (heap.size > 0) {
    const [vertex, cost] = heap.pop();
    if (cost > arrival[vertex]!) continue;
    const left = cost + seconds[vertex]!;
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
      const next = graph.targets[slot]!;
      if (left < arrival[next]!) {
        arrival[next] = left;
        heap.push(next, left);
      }
    }
  }
  return arrival;
}

class MinHeap {
  #items: number[] = [];
  #keys: number[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(item: number, key: number): void {
    this.#items.push(item);
    this.#keys.push(key);
    let index = this.#items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.#keys[parent]! <= key) break;
      this.#swap(index, parent);
      index = parent;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.#items[0]!, this.#keys[0]!];
    const lastItem = this.#items.pop()!;
    const lastKey = this.#keys.pop()!;
    if (this.#items.length > 0) {
      this.#items[0] = lastItem;
      this.#keys[0] = lastKey;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < this.#keys.length && this.#keys[left]! < this.#keys[smallest]!) smallest = left;
        if (right < this.#keys.length && this.#keys[right]! < this.#keys[smallest]!) smallest = right;
        if (smallest === index) break;
        this.#swap(index, smallest);
        index = smallest;
      }
    }
    return top;
  }

  #swap(a: number, b: number): void {
    [this.#items[a], this.#items[b]] = [this.#items[b]!, this.#items[a]!];
    [this.#keys[a], this.#keys[b]] = [this.#keys[b]!, this.#keys[a]!];
  }
}

/** Steps a caller only listens through on the way back to where they were asked. */
const PASS_THROUGH = new Set<FlowNode['type']>(['play', 'branch']);

function findRetrySlots(facts: JourneyFacts): Uint8Array {
  const { offsets, targets, edges } = facts.graph;
  const retries = new Uint8Array(targets.length);
  for (let vertex = 0; vertex < facts.graph.size; vertex++) {
    for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) {
      const kind = edges[slot]?.kind;
      if ((kind === 'noInput' || kind === 'noMatch') && leadsBack(facts, targets[slot]!, vertex)) retries[slot] = 1;
    }
  }
  return retries;
}

/** Whether every caller at `from` comes back to `home` through pass-through steps with one exit. */
function leadsBack(facts: JourneyFacts, from: number, home: number): boolean {
  const { offsets, targets } = facts.graph;
  let current = from;
  for (let steps = 0; steps <= facts.graph.size; steps++) {
    if (current === home) return true;
    const node = facts.vertices[current]!.node;
    // Only an exit every caller takes keeps them in the loop; a branch with other cases may lead out.
    if (!PASS_THROUGH.has(node.type) || offsets[current + 1]! - offsets[current]! !== 1) return false;
    current = targets[offsets[current]!]!;
  }
  return false;
}

/**
 * Vertices reached from the entry along edges `passes` allows, walking on from those `goesOn` allows
 * (a vertex it refuses is reached, not left).
 */
export function reachedAlong(
  journey: JourneyFacts,
  passes: (vertex: number, slot: number) => boolean,
  goesOn: (vertex: number) => boolean = () => true,
): Uint8Array {
  const { size, offsets, targets, entry } = journey.graph;
  const seen = new Uint8Array(size);
  const queue: number[] = [];
  if (entry >= 0) {
    seen[entry] = 1;
    queue.push(entry);
  }
  for (let head = 0; head < queue.length; head++) {
    const vertex = queue[head]!;
    if (!goesOn(vertex)) continue;
    for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) {
      const next = targets[slot]!;
      if (seen[next] || !passes(vertex, slot)) continue;
      seen[next] = 1;
      queue.push(next);
    }
  }
  return seen;
}

/**
 * Vertices callers reach only through edges `passes` refuses: reachable from the entry, but no longer
 * once those edges are left out. Rules use it to leave an end to the rule that reports its cause.
 */
export function reachedOnlyThrough(journey: JourneyFacts, passes: (vertex: number, slot: number) => boolean): Uint8Array {
  const { size } = journey.graph;
  const seen = reachedAlong(journey, passes);
  const reach = journey.reach;
  const only = new Uint8Array(size);
  for (let vertex = 0; vertex < size; vertex++) only[vertex] = reach[vertex] && !seen[vertex] ? 1 : 0;
  return only;
}
