// The expected-effort model of docs/scoring.md: each journey step costs effort points by driver;
// callers split by `share`; an absorbing Markov chain gives the expected effort, a longest-path
// pass the worst journey.
import { isIdentityQuestion, Kind, type Given, type JourneyFacts } from '../analysis/journey-facts.js';
import { absorptionProbability, ConvergenceError, expectedTotals, type Chain } from '../analysis/markov.js';
import { worstCounts } from '../analysis/paths.js';
import { ringsOf, waitOf } from '../analysis/timing.js';
import { afterHoursOnly, hoursShares, unstaffedAfterHours } from '../analysis/hours.js';
import type { Edge, Flow, FlowNode, HoursNode, QueueNode } from '../model/flow.js';
import { isEntryFlow } from '../model/flow.js';
import type { Driver } from '../model/result.js';
import { ASSUMED_SHARES, DEFLECTION_RESOLVES, type Weights } from './weights.js';

export const DRIVERS: readonly Driver[] = ['waiting', 'repeating', 'transfers', 'navigation', 'channel', 'deadEnds', 'generic'];

export type DriverCosts = Record<Driver, number>;

export function zeroDrivers(): DriverCosts {
  return { waiting: 0, repeating: 0, transfers: 0, navigation: 0, channel: 0, deadEnds: 0, generic: 0 };
}

export interface Effort {
  /** Blend of expected and worst effort, by driver. */
  drivers: DriverCosts;
  total: number;
  expected: number;
  worst: number;
  /** Expected seconds in the flow; null when the chain could not be solved. */
  expectedSeconds: number | null;
  /** Share of callers who end with no person and no help promised. */
  shareWithoutHelp: number;
  /** Share of the worst journey in `total`: `worstShare`, or 1 when the chain could not be solved. */
  blend: number;
}

/** Extra absorbing states after the journey's vertices. */
const RESOLVED = 0;
const DROPPED = 1;
const TRAPPED = 2;
const EXTRA_STATES = 3;

/**
 * Effort points of one visit to each vertex, split by driver; a call that ends unresolved is
 * charged apart (`withDeadEnds`), because it costs only callers who never reached a person.
 */
function stepCosts(journey: JourneyFacts, weights: Weights): Float64Array[] {
  const size = journey.graph.size;
  const costs = DRIVERS.map(() => new Float64Array(size + EXTRA_STATES));
  const add = (driver: Driver, vertex: number, points: number): void => {
    costs[DRIVERS.indexOf(driver)]![vertex]! += points;
  };
  const context = contextOf(journey);
  journey.vertices.forEach(({ node }, vertex) => addVisitCosts(journey, weights, context, vertex, node, (driver, points) => add(driver, vertex, points)));
  const entry = journey.graph.entry;
  if (entry >= 0) {
    const settings = journey.vertices[entry]!.flow.settings;
    add('waiting', entry, settings.answerRings * settings.ringSeconds * weights.ringSecond);
  }
  // A file only ever run by another flow or a queue (`kind: subflow`, `queue-flow`...) is not a dead end for
  // lacking a person: its callers go on, or a person is already there.
  if (entry >= 0 && !journey.humanAhead[entry] && isEntryFlow(journey.vertices[entry]!.flow)) add('deadEnds', entry, weights.deadEnd);
  add('deadEnds', size + DROPPED, weights.deadEnd);
  add('deadEnds', size + TRAPPED, weights.trap);
  return costs;
}

/** A journey's step costs for one set of weights, and the same with dead ends charged as the worst journey counts them. */
interface JourneyCosts {
  weights: Weights;
  costs: Float64Array[];
  worst: Float64Array[];
}

const costsByJourney = new WeakMap<JourneyFacts, JourneyCosts>();

/** The step costs of a journey, computed once for the weights it is scored with (the score, a fix's measure and the report read them). */
function costsOf(journey: JourneyFacts, weights: Weights): JourneyCosts {
  let found = costsByJourney.get(journey);
  if (found?.weights !== weights) {
    const costs = stepCosts(journey, weights);
    costsByJourney.set(journey, (found = { weights, costs, worst: withDeadEnds(costs, journey, journey.reachWithoutHelp, weights) }));
  }
  return found;
}

/** What the cost of a visit reads beyond its own node: the questions asked again, the steps only reached after hours. */
interface CostContext {
  repeated: ReadonlySet<number>;
  afterHours: Uint8Array;
}

function costContext(journey: JourneyFacts): CostContext {
  return { repeated: new Set(journey.repeats.map(([, path]) => path.at(-1)!)), afterHours: afterHoursOnly(journey) };
}

/** Adds what one visit to `vertex` costs, by driver, were its node `node` (the vertex's own, or an edited one). */
function addVisitCosts(journey: JourneyFacts, weights: Weights, { repeated, afterHours }: CostContext, vertex: number, node: FlowNode, add: (driver: Driver, points: number) => void): void {
  const flow = journey.vertices[vertex]!.flow;
  const seconds = journey.seconds[vertex]!;
  switch (node.type) {
    case 'queue': {
      const wait = waitOf(node, flow);
      // After hours a queue staffed for open hours is like an overloaded one: callers wait as long as it lets them.
      const unanswered = afterHours[vertex] === 1 && unstaffedAfterHours(node, flow);
      const hold = unanswered ? Math.min(weights.overloadedHoldSeconds, wait.max) : wait.expected ?? Math.min(weights.unknownHoldSeconds, wait.max);
      // Past two minutes each second costs more: the long tail is where a limit, a callback and music matter.
      const long = unanswered ? 0 : wait.modelled?.longSeconds ?? 0;
      const factor = node.music || node.announcements ? 1 : weights.silentHoldFactor;
      const waiting = node.callback ? 1 - ASSUMED_SHARES.callbackTaken : 1;
      add('waiting', (hold * weights.holdSecond + long * weights.longHoldSecond) * factor * waiting);
      add('navigation', (seconds - (wait.expected ?? 0)) * weights.listenSecond);
      break;
    }
    case 'transfer':
    case 'agent': {
      const rings = ringsOf(node, flow) ?? 0;
      add('waiting', rings * flow.settings.ringSeconds * weights.ringSecond);
      add('navigation', (seconds - rings * flow.settings.ringSeconds) * weights.listenSecond);
      if (node.type === 'transfer' && !node.toFlow) add('transfers', weights.warmTransfer + (node.context ? 0 : contextLost(journey.given(vertex), weights)));
      break;
    }
    default:
      add('navigation', seconds * weights.listenSecond);
  }
  if (node.type === 'menu') add('navigation', weights.menu);
  if (isIdentityQuestion(node)) add('repeating', weights.identityQuestion);
  if (repeated.has(vertex)) add('repeating', weights.repeatedQuestion);
  if (node.type === 'deflect') add('channel', weights.channelSwitch);
  if (node.approval) add('transfers', weights.approvalHop);
}

/**
 * Effort points of one visit to `vertex`, all drivers together, were its node `node`: what a
 * fix that only changes how a step is done (not where callers go) changes, there and only there.
 */
export function visitEffort(journey: JourneyFacts, weights: Weights, vertex: number, node: FlowNode): number {
  let total = 0;
  addVisitCosts(journey, weights, contextOf(journey), vertex, node, (_driver, points) => {
    total += points;
  });
  return total;
}

const costContexts = new WeakMap<JourneyFacts, CostContext>();

function contextOf(journey: JourneyFacts): CostContext {
  let context = costContexts.get(journey);
  if (!context) costContexts.set(journey, (context = costContext(journey)));
  return context;
}

/**
 * What a transfer without context costs beyond a warm one: what the caller already gave, up to
 * `coldTransfer` in all. Nothing is lost before the caller has said anything.
 */
export function contextLost(given: Given, weights: Weights): number {
  if (given.answers <= 0) return 0;
  const lost = weights.coldTransferPerAnswer * (given.answers + given.identity) + (weights.coldTransferPerMinute * given.seconds) / 60;
  return Math.min(Math.max(0, weights.coldTransfer - weights.warmTransfer), lost);
}

/** The costs with a dead end charged at each unresolved end `charged` marks. */
function withDeadEnds(costs: Float64Array[], journey: JourneyFacts, charged: ArrayLike<number>, weights: Weights): Float64Array[] {
  const result = costs.map((perDriver) => Float64Array.from(perDriver));
  const deadEnds = result[DRIVERS.indexOf('deadEnds')]!;
  const kinds = journey.kinds;
  for (let vertex = 0; vertex < kinds.length; vertex++) {
    if (!charged[vertex] || !(kinds[vertex]! & (Kind.DeadEnd | Kind.Deflect))) continue;
    const node = journey.vertices[vertex]!.node;
    if (kinds[vertex]! & Kind.DeadEnd) deadEnds[vertex]! += weights.deadEnd;
    // The call ends in the other channel: a dead end for every caller it does not resolve.
    else if (node.type === 'deflect' && !node.edges.some((edge) => edge.kind === 'next')) {
      deadEnds[vertex]! += weights.deadEnd * (1 - DEFLECTION_RESOLVES[node.resolves ?? 'low']);
    }
  }
  return result;
}

interface Step {
  to: number;
  share: number;
}

/** Where callers go from a vertex, and in what shares (summing to 1, or nothing for an end). */
function transitions(journey: JourneyFacts, vertex: number, trapped: boolean): Step[] {
  const { offsets, targets, edges } = journey.graph;
  const size = journey.graph.size;
  const { node, flow } = journey.vertices[vertex]!;
  const out: Array<{ to: number; edge: Edge | null }> = [];
  for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) out.push({ to: targets[slot]!, edge: edges[slot] ?? null });
  // After hours, nobody answers a queue staffed for open hours: its callers wait for its other exits.
  const unanswered = node.type === 'queue' && afterHoursOnly(journey)[vertex] === 1 && unstaffedAfterHours(node, flow);
  const exits = unanswered ? out.filter((step) => step.edge?.kind !== 'next') : out;
  const steps = unanswered && exits.length === 0 ? [{ to: size + DROPPED, share: 1 }] : splitShares(node, flow, exits, size);
  if (!trapped) return steps;
  // A loop with no way out: callers give up and hang up, a little more at every step.
  const keep = 1 - ASSUMED_SHARES.trapGiveUp;
  return [...steps.map((step) => ({ to: step.to, share: step.share * keep })), { to: size + TRAPPED, share: ASSUMED_SHARES.trapGiveUp }];
}

function splitShares(node: FlowNode, flow: Flow, out: Array<{ to: number; edge: Edge | null }>, size: number): Step[] {
  if (out.length === 0) return [];
  const fixed: Step[] = [];
  const rest: Array<{ to: number; edge: Edge | null }> = [];
  let remaining = 1;
  const take = (to: number, share: number): void => {
    const amount = Math.min(Math.max(share, 0), remaining);
    fixed.push({ to, share: amount });
    remaining -= amount;
  };
  const implicit = (kind: Edge['kind']): number => {
    switch (kind) {
      case 'noInput':
      case 'noMatch':
        return ASSUMED_SHARES.inputError;
      case 'noAnswer':
        return ASSUMED_SHARES.noAnswer;
      case 'busy':
        return ASSUMED_SHARES.busy;
      case 'full':
        return ASSUMED_SHARES.full;
      case 'notFound':
        return ASSUMED_SHARES.notFound;
      case 'error':
        return ASSUMED_SHARES.backendError;
      default:
        return -1;
    }
  };
  for (const step of out) {
    const kind = step.edge?.kind;
    if (kind === 'timeout' && node.type === 'queue') {
      take(step.to, timeoutShare(node, flow));
      continue;
    }
    if (node.type === 'hours' && (kind === 'closed' || kind === 'holiday')) {
      take(step.to, closedExitShare(node, flow, kind, out));
      continue;
    }
    const assumed = kind === undefined ? -1 : implicit(kind);
    if (assumed >= 0) take(step.to, assumed);
    else if (step.edge?.share !== undefined) take(step.to, step.edge.share);
    else rest.push(step);
  }
  if (node.type === 'transfer' && !out.some((step) => step.edge?.kind === 'next')) {
    // Answered, the call leaves the flow for a person: the journey ends there.
    fixed.push({ to: size + RESOLVED, share: remaining });
    remaining = 0;
  }
  if (node.type === 'agent') {
    // A person resolves `resolves` of the callers; the others go on to `next`.
    const resolved = Math.min(node.resolves, remaining);
    fixed.push({ to: size + RESOLVED, share: resolved });
    remaining -= resolved;
  }
  if (node.type === 'queue' && !out.some((step) => step.edge?.kind === 'timeout') && node.maxWaitSeconds !== undefined) {
    // The wait ends with no `onTimeout`: the platform drops the call.
    take(size + DROPPED, timeoutShare(node, flow));
  }
  if (node.type === 'queue') {
    const abandon = abandonShare(node, flow);
    if (abandon > 0) take(size + DROPPED, abandon);
  }
  if (rest.length > 0) {
    for (const step of rest) fixed.push({ to: step.to, share: remaining / rest.length });
    remaining = 0;
  } else if (remaining > 1e-12 && fixed.length > 0) {
    // Shares that leave callers unaccounted for are spread over the stated exits.
    const total = 1 - remaining;
    for (const step of fixed) step.share = total > 0 ? step.share / total : 1 / fixed.length;
  }
  // Rounding must not push a share past 1: the solver checks the chain strictly.
  return fixed.filter((step) => step.share > 0).map((step) => ({ to: step.to, share: Math.min(1, step.share) }));
}

/** Callers an `hours` node sends to `closed` or `holiday`; without a `holiday` exit, holidays go to `closed`. */
function closedExitShare(node: HoursNode, flow: Flow, kind: 'closed' | 'holiday', out: ReadonlyArray<{ edge: Edge | null }>): number {
  const shares = hoursShares(node, flow);
  if (kind === 'holiday') return shares.holiday;
  return out.some((step) => step.edge?.kind === 'holiday') ? shares.closed - shares.holiday : shares.closed;
}

/** Callers still on hold when `maxWaitSeconds` runs out: Erlang A's for a staffed queue, else assumed. */
function timeoutShare(node: QueueNode, flow: Flow): number {
  if (node.maxWaitSeconds === undefined) return 0;
  return waitOf(node, flow).modelled?.timedOut ?? ASSUMED_SHARES.timeout;
}

/**
 * Callers who hang up on the hold, a dead end: Erlang A's abandonment for a staffed queue (those
 * who take a callback no longer wait, so they do not hang up), else an assumed share for a hold
 * with no limit. A platform export's limit lives in its in-queue flow: not charged there.
 */
function abandonShare(node: QueueNode, flow: Flow): number {
  const modelled = waitOf(node, flow).modelled;
  if (modelled) return modelled.abandon * (node.callback ? 1 - ASSUMED_SHARES.callbackTaken : 1);
  const endless = node.maxWaitSeconds === undefined && !node.unknown?.has('maxWaitSeconds');
  return endless ? ASSUMED_SHARES.unboundedHoldGiveUp : 0;
}

function closedComponents(journey: JourneyFacts): Uint8Array {
  const { components, componentOf } = journey.components;
  const { offsets, targets } = journey.graph;
  const trapped = new Uint8Array(journey.graph.size);
  const kinds = journey.kinds;
  components.forEach((members, index) => {
    const closed = members.every((vertex) => {
      if (offsets[vertex] === offsets[vertex + 1] || kinds[vertex]! & Kind.Human) return false;
      for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) if (componentOf[targets[slot]!] !== index) return false;
      return true;
    });
    if (closed) for (const vertex of members) trapped[vertex] = 1;
  });
  return trapped;
}

/**
 * The chain runs in two layers, before and after the caller has met a person, so that what a
 * call costs and whether it ends "without help" can depend on that history: state
 * `layer * layerSize + index`, where index is a journey vertex or one of the extra end states.
 */
function buildChain(journey: JourneyFacts): { chain: Chain; layerSize: number } {
  let built = chains.get(journey);
  if (!built) chains.set(journey, (built = layeredChain(journey)));
  return built;
}

/** The chain of each journey, built once: the score and every fix's share of callers helped read it. */
const chains = new WeakMap<JourneyFacts, { chain: Chain; layerSize: number }>();

function layeredChain(journey: JourneyFacts): { chain: Chain; layerSize: number } {
  const vertices = journey.graph.size;
  const layerSize = vertices + EXTRA_STATES;
  const size = 2 * layerSize;
  const trapped = closedComponents(journey);
  const kinds = journey.kinds;
  const offsets = new Int32Array(size + 1);
  const targets: number[] = [];
  const probabilities: number[] = [];
  for (let state = 0; state < size; state++) {
    offsets[state] = targets.length;
    const layer = state < layerSize ? 0 : 1;
    const vertex = state - layer * layerSize;
    if (vertex >= vertices) continue;
    const next = layer === 1 || kinds[vertex]! & Kind.Human ? 1 : 0;
    for (const step of transitions(journey, vertex, trapped[vertex] === 1)) {
      targets.push(next * layerSize + step.to);
      probabilities.push(step.share);
    }
  }
  offsets[size] = targets.length;
  return { chain: { size, offsets, targets: Int32Array.from(targets), probabilities: Float64Array.from(probabilities) }, layerSize };
}

/** Per-state rewards of the two-layer chain: `before` in the first layer, `after` in the second. */
function layered(before: ArrayLike<number>, after: ArrayLike<number>, layerSize: number): Float64Array {
  const rewards = new Float64Array(2 * layerSize);
  for (let index = 0; index < layerSize; index++) {
    rewards[index] = before[index] ?? 0;
    rewards[layerSize + index] = after[index] ?? 0;
  }
  return rewards;
}

/** Expected and worst effort of a journey graph, by driver. */
export function measureEffort(journey: JourneyFacts, weights: Weights): Effort {
  const entry = journey.graph.entry;
  const { costs, worst: worstCosts } = costsOf(journey, weights);
  if (entry < 0) {
    const drivers = zeroDrivers();
    drivers.deadEnds = weights.deadEnd;
    return { drivers, total: weights.deadEnd, expected: weights.deadEnd, worst: weights.deadEnd, expectedSeconds: null, shareWithoutHelp: 1, blend: 1 };
  }
  const { chain, layerSize } = buildChain(journey);
  const everywhere = new Uint8Array(journey.graph.size).fill(1);
  const beforePerson = withDeadEnds(costs, journey, everywhere, weights);
  const expectedByDriver = zeroDrivers();
  let expectedSeconds: number | null = null;
  let shareWithoutHelp = 0;
  let solved = true;
  try {
    DRIVERS.forEach((driver, index) => {
      const rewards = layered(beforePerson[index]!, costs[index]!, layerSize);
      expectedByDriver[driver] = finiteOr(expectedTotals(chain, rewards).values[entry]!, weights.trap);
    });
    const seconds = new Float64Array(layerSize);
    seconds.set(journey.seconds);
    const settings = journey.vertices[entry]!.flow.settings;
    seconds[entry]! += settings.answerRings * settings.ringSeconds;
    const time = expectedTotals(chain, layered(seconds, seconds, layerSize)).values[entry]!;
    expectedSeconds = Number.isFinite(time) ? time : null;
    shareWithoutHelp = absorptionProbability(chain, withoutHelpGoals(journey, chain.size))[entry]!;
  } catch (error) {
    // A chain the solver cannot settle (a huge tangled loop) leaves the worst journey to judge.
    if (!(error instanceof ConvergenceError)) throw error;
    solved = false;
  }
  const { worst, worstByDriver } = worstEffort(journey, worstCosts);
  const blend = solved ? weights.worstShare : 1;
  const drivers = zeroDrivers();
  for (const driver of DRIVERS) drivers[driver] = (1 - blend) * expectedByDriver[driver] + blend * worstByDriver[driver];
  const expected = DRIVERS.reduce((sum, driver) => sum + expectedByDriver[driver], 0);
  const total = DRIVERS.reduce((sum, driver) => sum + drivers[driver], 0);
  return { drivers, total, expected, worst, expectedSeconds, shareWithoutHelp, blend };
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

/** Ends without help, in the first layer: the caller never met a person. */
function withoutHelpGoals(journey: JourneyFacts, size: number): Uint8Array {
  const goals = new Uint8Array(size);
  const kinds = journey.kinds;
  for (let vertex = 0; vertex < kinds.length; vertex++) {
    if (kinds[vertex]! & Kind.DeadEnd || (kinds[vertex]! & Kind.Deflect && journey.vertices[vertex]!.node.edges.length === 0)) goals[vertex] = 1;
  }
  goals[journey.graph.size + DROPPED] = 1;
  goals[journey.graph.size + TRAPPED] = 1;
  return goals;
}

/** The costliest journey, each cycle counted once, with its cost by driver. */
function worstEffort(journey: JourneyFacts, costs: Float64Array[]): { worst: number; worstByDriver: DriverCosts } {
  const { worst, path } = worstWitness(journey, costs);
  const worstByDriver = zeroDrivers();
  if (path.length === 0) return { worst: 0, worstByDriver };
  // Split the worst journey's cost by driver along its witness, then scale to the exact total
  // (a cycle counted once may include members the witness does not pass).
  let along = 0;
  DRIVERS.forEach((driver, index) => {
    const sum = path.reduce((acc, vertex) => acc + costs[index]![vertex]!, 0);
    worstByDriver[driver] = sum;
    along += sum;
  });
  if (along > 0) for (const driver of DRIVERS) worstByDriver[driver] *= worst / along;
  return { worst, worstByDriver };
}

/** The costliest journey's cost and its witness (vertices from the entry); empty without one. */
function worstWitness(journey: JourneyFacts, costs: Float64Array[]): { worst: number; path: number[] } {
  const size = journey.graph.size;
  const total = vertexTotals(costs, size);
  const counts = worstCounts(journey.graph, { start: journey.graph.entry, weight: total, cycles: 'once' });
  let worstVertex = -1;
  for (let vertex = 0; vertex < size; vertex++) {
    if (counts.value[vertex]! >= 0 && (worstVertex < 0 || counts.value[vertex]! > counts.value[worstVertex]!)) worstVertex = vertex;
  }
  if (worstVertex < 0) return { worst: 0, path: [] };
  return { worst: counts.value[worstVertex]!, path: counts.witness(worstVertex) };
}

function vertexTotals(costs: Float64Array[], size: number): Float64Array {
  const total = new Float64Array(size);
  for (const perDriver of costs) for (let vertex = 0; vertex < size; vertex++) total[vertex]! += perDriver[vertex]!;
  return total;
}

/** What each vertex weighs on the worst journey, all drivers together (dead ends charged as the score does). */
export function worstWeights(journey: JourneyFacts, weights: Weights): Float64Array {
  return vertexTotals(costsOf(journey, weights).worst, journey.graph.size);
}

/** The two-layer chain the expected effort is solved on, and the size of a layer (vertices, then the end states). */
export function effortChain(journey: JourneyFacts): { chain: Chain; layerSize: number } {
  return buildChain(journey);
}

/** The journey the score counts as the worst (as vertices from the entry): the one a report draws. */
export function worstJourneyPath(journey: JourneyFacts, weights: Weights): number[] {
  if (journey.graph.entry < 0) return [];
  return worstWitness(journey, costsOf(journey, weights).worst).path;
}

/** Where a step's callers go next: a vertex, or how the call ends when the chain stops there. */
export type NextStep = { to: number; share: number } | { end: 'resolved' | 'dropped' | 'trapped'; share: number };

/** The shares in which callers leave a vertex, as the expected-effort chain splits them. */
export function nextSteps(journey: JourneyFacts, vertex: number): NextStep[] {
  const size = journey.graph.size;
  const trapped = closedComponentsOf(journey)[vertex] === 1;
  return transitions(journey, vertex, trapped).map((step): NextStep => {
    if (step.to < size) return step;
    const end = step.to === size + RESOLVED ? 'resolved' : step.to === size + DROPPED ? 'dropped' : 'trapped';
    return { end, share: step.share };
  });
}

const closedByJourney = new WeakMap<JourneyFacts, Uint8Array>();

function closedComponentsOf(journey: JourneyFacts): Uint8Array {
  let closed = closedByJourney.get(journey);
  if (!closed) closedByJourney.set(journey, (closed = closedComponents(journey)));
  return closed;
}

/** Effort points one visit to a journey step costs the caller, by driver, as the score charges them. */
export function stepEffort(journey: JourneyFacts, weights: Weights, vertex: number): DriverCosts {
  const { costs } = costsOf(journey, weights);
  const drivers = zeroDrivers();
  DRIVERS.forEach((driver, index) => {
    drivers[driver] = costs[index]![vertex]!;
  });
  return drivers;
}

/** Share of callers (0–1) whose journey passes at least one of `vertices` (0 when the chain cannot be solved). */
export function visitShare(journey: JourneyFacts, vertices: readonly number[]): number {
  const entry = journey.graph.entry;
  if (entry < 0 || vertices.length === 0) return 0;
  const { chain, layerSize } = buildChain(journey);
  const goals = new Uint8Array(chain.size);
  for (const vertex of vertices) {
    goals[vertex] = 1;
    goals[layerSize + vertex] = 1;
  }
  try {
    return absorptionProbability(chain, goals)[entry]!;
  } catch (error) {
    if (!(error instanceof ConvergenceError)) throw error;
    return 0;
  }
}
