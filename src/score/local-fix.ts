// Fixes that only change how a step is done (music on a hold, the wait announced, context on a
// transfer) leave every journey, every share and every other step's cost as they are. Their effect
// on the score follows from what the first analysis already has: the expected visits to the step,
// the worst journey, and the findings the change silences. No re-analysis, at any size.
import { expectedVisits } from '../analysis/markov.js';
import { hasSelfLoop, prepareWalk, type CountingWalk } from '../analysis/paths.js';
import { WorstByComponent, worstOnce } from '../analysis/worst-once.js';
import type { Facts } from '../analysis/facts.js';
import type { EditValue } from '../load/yaml-edit.js';
import type { PlacedFinding } from '../model/finding.js';
import type { Flow, FlowNode } from '../model/flow.js';
import { findRule } from '../rules/index.js';
import { effortChain, visitEffort, worstWeights, type Effort } from './effort.js';
import type { Measured } from './fixes.js';
import { ERROR_CEILING } from './index.js';
import { penaltyPoints, type Weights } from './weights.js';

/** A change that sets keys of some nodes and does nothing else. */
export interface NodePatch {
  ids: readonly string[];
  values: Readonly<Record<string, EditValue>>;
}

/**
 * Keys whose value only two things read (docs/scoring.md#local-fixes): the cost of a visit to the
 * step, and one rule's check of that step, which a `true` value silences. A patch of these keys
 * is measured without a re-analysis; test/fix-rescore.test.ts checks it against a full one.
 */
const LOCAL_KEYS: Readonly<Record<string, { type: FlowNode['type']; silences: string }>> = {
  music: { type: 'queue', silences: 'silent-hold' },
  announceWait: { type: 'queue', silences: 'no-wait-estimate' },
  context: { type: 'transfer', silences: 'cold-transfer' },
};

/** The rules a local patch can silence: a measure of an edited flow needs all their findings. */
export const SILENCEABLE_RULES: ReadonlySet<string> = new Set(Object.values(LOCAL_KEYS).map(({ silences }) => silences));

/** Whether a patch only turns on local keys of nodes of the flow (so it can be measured locally). */
export function isLocalPatch(flow: Flow, patch: NodePatch | undefined): patch is NodePatch {
  if (!patch || patch.ids.length === 0) return false;
  const keys = Object.entries(patch.values);
  if (keys.length === 0) return false;
  return patch.ids.every((id) => {
    const node = flow.nodes.get(id);
    return node !== undefined && keys.every(([key, value]) => value === true && Object.hasOwn(LOCAL_KEYS, key) && LOCAL_KEYS[key]!.type === node.type);
  });
}

/** The nodes a patch makes of the flow's (or of `nodes`, the nodes already edited). */
export function patchedNodes(flow: Flow, patch: NodePatch, nodes: ReadonlyMap<string, FlowNode> = new Map()): Map<string, FlowNode> {
  const patched = new Map<string, FlowNode>();
  for (const id of patch.ids) {
    const node = nodes.get(id) ?? flow.nodes.get(id);
    if (node) patched.set(id, { ...node, ...patch.values } as FlowNode);
  }
  return patched;
}

export interface LocalBase {
  flow: Flow;
  facts: Facts;
  /** Every finding the flow's score was computed from (loader, subflows and rules). */
  findings: readonly PlacedFinding[];
  weights: Weights;
  effort: Effort;
  measured: Measured;
}

/** The state of the measure: nodes edited so far, and what the flow then costs, kept up to date edit by edit. */
interface State {
  nodes: Map<string, FlowNode>;
  /** Change of each vertex's cost per visit, and so of its weight on the worst journey (the same for local keys). */
  delta: Map<number, number>;
  expected: number;
  /** The worst journey's weight, or a bound above it: the last one measured, as weights only went down since. */
  worst: number;
  /** The weight of a journey the last measure found the worst, now: a bound below it. */
  witness: number;
  onWorst: Uint8Array;
  /** Weights on the worst journey, once one has changed. */
  weight: Float64Array | undefined;
  /** Findings silenced, and the penalty points and errors left. */
  silenced: Set<number>;
  points: number;
  errors: number;
}

/** Measures local patches of one flow against its first analysis. */
export class LocalMeasure {
  readonly #base: LocalBase;
  readonly #visits: Float64Array;
  readonly #layerSize: number;
  readonly #walk: CountingWalk;
  readonly #weight: Float64Array;
  readonly #worst: number;
  readonly #onWorst: Uint8Array;
  /** Penalty points and errors of the flow's own findings. */
  readonly #points: number;
  readonly #errors: number;
  /** Finding indices by `ruleId|nodeId` for every node a finding is about. */
  readonly #about = new Map<string, number[]>();
  #cumulative: State;
  #byComponent: WorstByComponent | undefined;

  private constructor(base: LocalBase, visits: Float64Array, layerSize: number, walk: CountingWalk, weight: Float64Array, worst: { worst: number; onWorst: Uint8Array }) {
    this.#base = base;
    this.#worst = worst.worst;
    this.#onWorst = worst.onWorst;
    this.#points = base.findings.reduce((sum, finding) => sum + scoredPoints(finding, base.weights), 0);
    this.#errors = base.findings.filter((finding) => finding.severity === 'error').length;
    this.#visits = visits;
    this.#layerSize = layerSize;
    this.#walk = walk;
    this.#weight = weight;
    base.findings.forEach((finding, index) => {
      for (const id of aboutNodes(finding)) {
        const key = `${finding.ruleId}|${id}`;
        const indices = this.#about.get(key);
        if (indices) indices.push(index);
        else this.#about.set(key, [index]);
      }
    });
    this.#cumulative = this.#fresh();
  }

  /**
   * The measure of a flow, or undefined when its analysis does not allow one (a chain solved
   * iteratively or with no end, an entry that is not reached): its fixes are then re-analysed.
   */
  static of(base: LocalBase): LocalMeasure | undefined {
    const journey = base.facts.journey;
    const entry = journey.graph.entry;
    if (entry < 0 || base.effort.blend === 1) return undefined;
    const { chain, layerSize } = effortChain(journey);
    const visits = expectedVisits(chain, entry);
    if (!visits || !visits.every(Number.isFinite)) return undefined;
    const walk = prepareWalk(journey.graph, entry, new Uint8Array(journey.graph.size));
    const weight = worstWeights(journey, base.weights);
    if (!weight.every((value) => value >= 0)) return undefined;
    const measure = new LocalMeasure(base, visits, layerSize, walk, weight, worstOnce(walk, weight));
    // The measure must give the flow's own score before it measures any change of it.
    const own = measure.#measured(base.effort.expected, measure.#worst, measure.#points, measure.#errors);
    const same = own.score === base.measured.score && Math.abs(own.effortPoints - base.measured.effortPoints) <= 1e-9 * Math.max(1, base.measured.effortPoints);
    return same ? measure : undefined;
  }

  /** The flow with a patch applied alone. */
  alone(patch: NodePatch): Measured {
    const state = this.#fresh();
    const changed = patchedNodes(this.#base.flow, patch);
    this.#edit(state, changed);
    const components = new Set([...state.delta.keys()].map((vertex) => this.#walk.components.componentOf[vertex]!));
    if (components.size === 1) {
      // One component changed: the worst journey follows from the journeys through it and around it.
      this.#byComponent ??= new WorstByComponent(this.#walk, this.#weight);
      const delta = [...state.delta.values()].reduce((sum, each) => sum + each, 0);
      state.worst = this.#byComponent.worstWith([...components][0]!, delta, this.#worst);
    } else if (components.size > 1) {
      this.#measureWorst(state);
    }
    return this.#measured(state.expected, state.worst, state.points, state.errors);
  }

  /**
   * The score of the flow with this patch and every patch given here before it applied (the
   * ranked fixes so far). The worst journey is measured again only when the bounds it lies
   * between give different scores.
   */
  then(patch: NodePatch): number {
    const state = this.#cumulative;
    if (this.#edit(state, patchedNodes(this.#base.flow, patch, state.nodes))) this.#measureWorst(state);
    const score = this.#measured(state.expected, state.worst, state.points, state.errors).score;
    if (state.witness === state.worst || this.#measured(state.expected, state.witness, state.points, state.errors).score === score) return score;
    this.#measureWorst(state);
    return this.#measured(state.expected, state.worst, state.points, state.errors).score;
  }

  /** The nodes a patch makes of the flow's. */
  patched(patch: NodePatch): Map<string, FlowNode> {
    return patchedNodes(this.#base.flow, patch);
  }

  /** The nodes the patches given to `then` have made so far. */
  get edited(): ReadonlyMap<string, FlowNode> {
    return this.#cumulative.nodes;
  }

  /**
   * Share of callers whose journey passes one step, when its visits say it: a step on no loop is
   * passed at most once. Undefined otherwise (several steps, or a step on a loop).
   */
  passing(ids: readonly string[]): number | undefined {
    if (ids.length !== 1) return undefined;
    const journey = this.#base.facts.journey;
    const vertex = journey.rootVertex(ids[0]!);
    if (vertex === undefined) return 0;
    const { components, componentOf } = journey.components;
    if (components[componentOf[vertex]!]!.length !== 1 || hasSelfLoop(journey.graph, vertex)) return undefined;
    return Math.min(1, this.#visitsOf(vertex));
  }

  #fresh(): State {
    return {
      nodes: new Map(), delta: new Map(), expected: this.#base.effort.expected, worst: this.#worst, witness: this.#worst, onWorst: this.#onWorst, weight: undefined,
      silenced: new Set(), points: this.#points, errors: this.#errors,
    };
  }

  #visitsOf(vertex: number): number {
    return this.#visits[vertex]! + this.#visits[this.#layerSize + vertex]!;
  }

  /**
   * Records edited nodes: their cost changes, the expected effort, the findings they silence, and
   * the bounds of the worst journey. True when a cost went up, so the worst journey must be measured again.
   */
  #edit(state: State, changed: ReadonlyMap<string, FlowNode>): boolean {
    const { facts, weights } = this.#base;
    const journey = facts.journey;
    const { componentOf } = this.#walk.components;
    let heavier = false;
    for (const [id, node] of changed) {
      state.nodes.set(id, node);
      const vertex = journey.rootVertex(id);
      if (vertex === undefined) continue;
      const delta = visitEffort(journey, weights, vertex, node) - visitEffort(journey, weights, vertex, journey.vertices[vertex]!.node);
      const previous = state.delta.get(vertex) ?? 0;
      if (delta === previous) continue;
      if (delta > previous) heavier = true;
      // A lighter step keeps the last worst journey's weight as a bound above, and lowers the bound below when it is on it.
      if (state.onWorst[componentOf[vertex]!] === 1) state.witness += delta - previous;
      state.delta.set(vertex, delta);
      state.expected += this.#visitsOf(vertex) * (delta - previous);
      if (state.weight) state.weight[vertex] = this.#weight[vertex]! + delta;
    }
    for (const id of changed.keys()) this.#silence(state, id);
    return heavier;
  }

  /** Measures the worst journey of the edited flow on the components. */
  #measureWorst(state: State): void {
    if (!state.weight) {
      state.weight = Float64Array.from(this.#weight);
      for (const [vertex, delta] of state.delta) state.weight[vertex] = this.#weight[vertex]! + delta;
    }
    ({ worst: state.worst, onWorst: state.onWorst } = worstOnce(this.#walk, state.weight));
    state.witness = state.worst;
  }

  /** Takes off the findings about `id` that the edited nodes now silence: every node such a finding is about is edited so. */
  #silence(state: State, id: string): void {
    const node = state.nodes.get(id)!;
    for (const [key, { silences }] of Object.entries(LOCAL_KEYS)) {
      if (!isSilencedAt(node, key)) continue;
      for (const index of this.#about.get(`${silences}|${id}`) ?? []) {
        const finding = this.#base.findings[index]!;
        if (state.silenced.has(index) || !aboutNodes(finding).every((other) => isSilencedAt(state.nodes.get(other), key))) continue;
        state.silenced.add(index);
        state.points -= scoredPoints(finding, this.#base.weights);
        if (finding.severity === 'error') state.errors--;
      }
    }
  }

  /** The score of docs/scoring.md from the journey's expected and worst effort and the findings' points and errors. */
  #measured(expected: number, worst: number, points: number, errors: number): Measured {
    const { weights, effort, measured } = this.#base;
    const total = (1 - effort.blend) * expected + effort.blend * worst;
    const raw = 100 * Math.exp(-total / weights.scale);
    const value = Math.max(0, Math.min(errors > 0 ? ERROR_CEILING : 100, Math.round(raw - Math.min(points, weights.penaltyCap))));
    return { score: value, effortPoints: total + (points * weights.scale) / 100, expectedSeconds: measured.expectedSeconds };
  }
}

function isSilencedAt(node: FlowNode | undefined, key: string): boolean {
  return node !== undefined && (node as unknown as Record<string, unknown>)[key] === true;
}

/** The nodes of this file a finding is about: its own and its other places'; none when one has no node or it is inside a subflow. */
function aboutNodes(finding: PlacedFinding): string[] {
  if (finding.inside !== undefined || finding.nodeId === undefined) return [];
  const places = (finding.places ?? []).map((place) => place.nodeId);
  if (places.some((id) => id === undefined)) return [];
  return [finding.nodeId, ...(places as string[])];
}

/** What a finding takes off the score before the cap: its severity's points for a penalty rule, else nothing. */
function scoredPoints(finding: PlacedFinding, weights: Weights): number {
  return findRule(finding.ruleId)?.meta.scoring === 'penalty' ? penaltyPoints(finding.severity, weights) : 0;
}
