/**
 * Absorbing Markov chains, solved one strongly connected component at a time.
 *
 * The effort model (design/scoring.md) treats a flow as a chain whose states are nodes, whose
 * transition probabilities are caller shares, and whose absorbing states are the ends of a call.
 * Loops such as "press 9 to repeat" make the chain cyclic, so expected costs are the solution of
 * a linear system rather than a sum over paths. Solving the whole system at once would cost
 * O(n³); instead the graph is condensed into strongly connected components (SCCs) and solved
 * from the sinks upwards, so each component only sees its own states plus already-known values
 * of the states it leads to. In an IVR nearly every component is a single node, so the whole
 * solve is close to linear in nodes + edges.
 *
 * The module is pure and dependency-free.
 */

import { assertGraph, stronglyConnectedComponents, type Components } from './scc.js';

export type { Components } from './scc.js';

/**
 * A chain in compressed sparse row form. The outgoing edges of state i are the indices
 * e in [offsets[i], offsets[i + 1]): it moves to targets[e] with probability probabilities[e].
 * The positive probabilities of a state sum to 1 (within 1e-6), or the state has no edge of
 * positive probability, in which case it is absorbing. The solvers ignore edges with probability
 * 0, also when they look for components (a "repeat" option nobody takes is not a cycle); only
 * `stronglyConnectedComponents` (in scc.ts), which sees no probabilities, counts every edge. Repeated
 * edges to the same target add up.
 */
export interface Chain {
  size: number;
  /** Length size + 1, non-decreasing, offsets[0] = 0, offsets[size] = number of edges. */
  offsets: Int32Array;
  targets: Int32Array;
  probabilities: Float64Array;
}


export interface ExpectedTotals {
  /**
   * Expected total reward accumulated from each state until absorption (the reward of a state is
   * counted on every visit, the absorbing state's once). Infinity exactly when absorption is not
   * certain from the state (probability of absorption < 1): with positive probability it ends up
   * in a closed part of the chain and never stops accumulating, whatever the rewards there.
   */
  values: Float64Array;
  /**
   * 1 exactly when absorption from the state has probability 0: the state lies in a closed
   * component (a cycle with no way out, including a state whose only edge is a self-loop of
   * probability 1), or lies in a component whose every exit leads into such states (e.g. the
   * node that transfers into an endless hold loop). States that only *may* fall into a trap
   * (0 < probability of absorption < 1) get Infinity in `values` but 0 here, so callers can tell
   * "stuck for sure" from "stuck sometimes". Absorbing states are never trapped.
   */
  trapped: Uint8Array;
}

/** Knobs for the per-component solver; the defaults are what the audit uses. */
export interface SolverOptions {
  /** Components with at most this many states are solved by Gaussian elimination (default 300). */
  denseLimit?: number;
  /**
   * Tolerance of the Gauss-Seidel solution relative to the largest value in the component, in the
   * max norm (default 1e-9).
   */
  tolerance?: number;
  /**
   * Gauss-Seidel sweeps before giving up with a {@link ConvergenceError}. By default a work budget:
   * 2·10⁸ edge visits per component (a second or so), i.e. 2·10⁸ / edges sweeps, but never fewer
   * than 1,000 nor more than 100,000.
   */
  maxSweeps?: number;
}

const DEFAULT_DENSE_LIMIT = 300;
const DEFAULT_TOLERANCE = 1e-9;
const SWEEP_WORK_BUDGET = 2e8;
const MIN_SWEEPS = 1_000;
const MAX_SWEEPS = 100_000;
/** How far the positive probabilities of a state may sum from 1 (rounding of shares). */
const ROW_SUM_TOLERANCE = 1e-6;
/** A sweep changing no value by more than this × max |x| has hit floating-point resolution. */
const ROUNDING_FLOOR = 64 * Number.EPSILON;
/**
 * The error estimate δ·ρ/(1−ρ) rests on a ratio of max-norm changes, which wobbles; measured on
 * random tangles it could undershoot the true error several times, so stop a decade early.
 */
const ERROR_ESTIMATE_MARGIN = 0.1;
/** Successive change ratios that must agree before Gauss-Seidel extrapolates. */
const SETTLED_SWEEPS = 3;

/**
 * A component too large for elimination on which Gauss-Seidel did not reach the tolerance within
 * its sweeps (a huge, badly conditioned tangle, e.g. a long random walk). Its own class so that
 * callers can report the expected figures as unknown instead of failing the whole audit.
 */
export class ConvergenceError extends Error {
  constructor(
    readonly componentSize: number,
    readonly sweeps: number,
  ) {
    super(`markov: Gauss-Seidel did not converge within ${sweeps} sweeps on a component of ${componentSize} states`);
    this.name = 'ConvergenceError';
  }
}

// ---------------------------------------------------------------------------------------------
// Public solvers
// ---------------------------------------------------------------------------------------------

/**
 * Expected total reward from every state until absorption:
 * values[i] = reward[i] + Σ_j p_ij · values[j], with values[a] = reward[a] for absorbing a.
 *
 * Components are solved sinks first. Inside a component the system (I − P_cc)·x = r + P_out·x_known
 * is solved by Gaussian elimination with partial pivoting up to `denseLimit` states and by
 * Gauss-Seidel above (see {@link SolverOptions}). Where absorption is not certain the value is
 * Infinity, whatever the rewards, and `trapped` tells the sure traps apart (see
 * {@link ExpectedTotals}).
 *
 * @throws RangeError when the chain or the rewards are malformed (rewards must be finite), and
 * {@link ConvergenceError} when Gauss-Seidel does not reach the tolerance within `maxSweeps`.
 */
export function expectedTotals(chain: Chain, reward: Float64Array, options: SolverOptions = {}): ExpectedTotals {
  const { view, components } = prepared(chain);
  if (reward.length !== chain.size) {
    throw new RangeError(`expectedTotals: reward has length ${reward.length}, expected ${chain.size}`);
  }
  for (let i = 0; i < reward.length; i++) {
    if (!Number.isFinite(reward[i])) throw new RangeError(`expectedTotals: reward[${i}] is ${reward[i]}`);
  }
  return solveByComponents(view, reward, Infinity, resolveOptions(options), components);
}

/** A checked chain's positive view and its components, kept per chain: one chain is solved for many rewards. */
interface PreparedChain {
  view: Chain;
  components: Components;
}

const preparedChains = new WeakMap<Chain, PreparedChain>();

/** Checks the chain and condenses it once; a chain is read as immutable once it is solved. */
function prepared(chain: Chain): PreparedChain {
  let found = preparedChains.get(chain);
  if (!found) {
    assertChain(chain);
    const view = positiveView(chain);
    found = { view, components: stronglyConnectedComponents(view) };
    preparedChains.set(chain, found);
  }
  return found;
}

/**
 * Probability, from every state, of ending in a goal state:
 * x_goal = 1, x_absorbing = 0 for the other absorbing states, x_trapped = 0, and
 * x_i = Σ_j p_ij · x_j elsewhere. Solved with the same per-component solver as
 * {@link expectedTotals} (a reward of 1 on goal states and 0 elsewhere).
 *
 * A goal state is where the journey is considered over, so its own outgoing edges are ignored:
 * for an absorbing goal this is the probability of being absorbed there; for a goal that is not
 * absorbing it is the probability of ever reaching it. Results are clamped to [0, 1] to absorb
 * rounding.
 *
 * @throws RangeError when the chain or `isGoal` is malformed, and {@link ConvergenceError} when
 * Gauss-Seidel does not reach the tolerance within `maxSweeps`.
 */
export function absorptionProbability(chain: Chain, isGoal: Uint8Array, options: SolverOptions = {}): Float64Array {
  prepared(chain);
  if (isGoal.length !== chain.size) {
    throw new RangeError(`absorptionProbability: isGoal has length ${isGoal.length}, expected ${chain.size}`);
  }
  const base = new Float64Array(chain.size);
  for (let i = 0; i < chain.size; i++) base[i] = isGoal[i] ? 1 : 0;
  const { values } = solveByComponents(positiveView(chain, isGoal), base, 0, resolveOptions(options));
  for (let i = 0; i < values.length; i++) values[i] = Math.min(1, Math.max(0, values[i]));
  return values;
}

/**
 * Expected number of visits to each state of a walk from `start` until absorption: x_start counts
 * the start itself, and x_j = [j = start] + Σ_i x_i · p_ij. A change of the rewards alone then
 * changes the expected total from `start` by Σ_j x_j · Δreward_j, with no new solve; that is how a
 * fix that only changes what a step costs is measured (src/score/local-fix.ts).
 *
 * Components are solved sources first, each densely. Undefined when a reached component is larger
 * than `denseLimit` (no dense solve) or when the walk can fall into a closed part (visits without
 * end): the caller measures such a chain another way.
 */
export function expectedVisits(chain: Chain, start: number, options: SolverOptions = {}): Float64Array | undefined {
  const { view, components: { components, componentOf } } = prepared(chain);
  const denseLimit = options.denseLimit ?? DEFAULT_DENSE_LIMIT;
  const visits = new Float64Array(view.size);
  visits[start] = 1;
  const localIndex = new Int32Array(view.size);
  for (let id = components.length - 1; id >= 0; id--) {
    const members = components[id]!;
    if (!members.some((state) => visits[state]! > 0)) continue;
    if (members.length > denseLimit || !leavesComponent(view, members, id, componentOf)) return undefined;
    if (members.length === 1) {
      const loop = selfLoop(view, members[0]!);
      if (loop >= 1) return undefined;
      visits[members[0]!] = visits[members[0]!]! / (1 - loop);
    } else {
      solveVisitsDense(view, members, id, componentOf, localIndex, visits);
    }
    for (const state of members) {
      for (let e = view.offsets[state]!; e < view.offsets[state + 1]!; e++) {
        const target = view.targets[e]!;
        if (componentOf[target] !== id) visits[target]! += visits[state]! * view.probabilities[e]!;
      }
    }
  }
  return visits;
}

/** Whether a walk in the component can leave it (or stop in it): else it goes round for ever. */
function leavesComponent(view: Chain, members: number[], id: number, componentOf: Int32Array): boolean {
  return members.some((state) => {
    if (view.offsets[state] === view.offsets[state + 1]) return true;
    for (let e = view.offsets[state]!; e < view.offsets[state + 1]!; e++) if (componentOf[view.targets[e]!] !== id) return true;
    return false;
  });
}

/** Solves (I − P_ccᵀ)·x = inflow for a component's visits; `visits` holds the inflow on entry. */
function solveVisitsDense(view: Chain, members: number[], id: number, componentOf: Int32Array, localIndex: Int32Array, visits: Float64Array): void {
  const m = members.length;
  members.forEach((state, k) => {
    localIndex[state] = k;
  });
  const matrix = new Float64Array(m * m);
  const inflow = new Float64Array(m);
  members.forEach((state, column) => {
    inflow[column] = visits[state]!;
    matrix[column * m + column] += 1;
    for (let e = view.offsets[state]!; e < view.offsets[state + 1]!; e++) {
      const target = view.targets[e]!;
      if (componentOf[target] === id) matrix[localIndex[target]! * m + column] -= view.probabilities[e]!;
    }
  });
  const solution = gaussianElimination(matrix, inflow, m);
  members.forEach((state, k) => {
    visits[state] = solution[k]!;
  });
}

// ---------------------------------------------------------------------------------------------
// Per-component solver
// ---------------------------------------------------------------------------------------------

interface ResolvedOptions {
  denseLimit: number;
  tolerance: number;
  /** Undefined: derive from the work budget per component. */
  maxSweeps: number | undefined;
}

function resolveOptions(options: SolverOptions): ResolvedOptions {
  return {
    denseLimit: options.denseLimit ?? DEFAULT_DENSE_LIMIT,
    tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
    maxSweeps: options.maxSweeps,
  };
}

/**
 * x = base + P·x over a chain whose edges all have positive probability, absorbing states
 * keeping x = base. Trapped states (absorption probability 0) get `trappedValue`; a component
 * whose known successors include a non-finite value takes Infinity as a whole, because each of
 * its states reaches that successor with positive probability.
 */
function solveByComponents(
  view: Chain,
  base: Float64Array,
  trappedValue: number,
  options: ResolvedOptions,
  condensed: Components = stronglyConnectedComponents(view),
): ExpectedTotals {
  const { componentOf, components } = condensed;
  const values = new Float64Array(view.size);
  const trapped = new Uint8Array(view.size);
  const localIndex = new Int32Array(view.size);

  for (let id = 0; id < components.length; id++) {
    const members = components[id];

    if (isAbsorbing(view, members)) {
      values[members[0]] = base[members[0]];
      continue;
    }
    if (leadsOnlyIntoTraps(view, members, id, componentOf, trapped)) {
      for (const state of members) {
        trapped[state] = 1;
        values[state] = trappedValue;
      }
      continue;
    }

    const rhs = knownContribution(view, members, id, componentOf, base, values);
    if (rhs.some((value) => !Number.isFinite(value))) {
      for (const state of members) values[state] = Infinity;
      continue;
    }

    if (members.length === 1) {
      values[members[0]] = rhs[0] / (1 - selfLoop(view, members[0]));
    } else if (members.length <= options.denseLimit) {
      solveDense(view, members, id, componentOf, localIndex, rhs, values);
    } else {
      solveGaussSeidel(view, members, id, componentOf, rhs, values, options);
    }
  }

  return { values, trapped };
}

/** A single state without edges: the walk stops there. */
function isAbsorbing(view: Chain, members: number[]): boolean {
  return members.length === 1 && view.offsets[members[0]] === view.offsets[members[0] + 1];
}

/**
 * True when no edge leaves the component except into trapped states: then absorption from it
 * has probability 0. Covers closed components (no edge leaves at all) and components that lead
 * only into earlier traps. Only called for non-absorbing components, which have at least one edge.
 */
function leadsOnlyIntoTraps(view: Chain, members: number[], id: number, componentOf: Int32Array, trapped: Uint8Array): boolean {
  for (const state of members) {
    for (let e = view.offsets[state]; e < view.offsets[state + 1]; e++) {
      const target = view.targets[e];
      if (componentOf[target] !== id && trapped[target] === 0) return false;
    }
  }
  return true;
}

/** r_i + Σ_{j outside the component} p_ij · x_j for each member, in member order. */
function knownContribution(
  view: Chain,
  members: number[],
  id: number,
  componentOf: Int32Array,
  base: Float64Array,
  values: Float64Array,
): Float64Array {
  const rhs = new Float64Array(members.length);
  members.forEach((state, k) => {
    let sum = base[state];
    for (let e = view.offsets[state]; e < view.offsets[state + 1]; e++) {
      const target = view.targets[e];
      if (componentOf[target] !== id) sum += view.probabilities[e] * values[target];
    }
    rhs[k] = sum;
  });
  return rhs;
}

function selfLoop(view: Chain, state: number): number {
  let loop = 0;
  for (let e = view.offsets[state]; e < view.offsets[state + 1]; e++) {
    if (view.targets[e] === state) loop += view.probabilities[e];
  }
  return loop;
}

/** Builds (I − P_cc) densely and solves it; O(m³), fine for the few hundred states allowed. */
function solveDense(
  view: Chain,
  members: number[],
  id: number,
  componentOf: Int32Array,
  localIndex: Int32Array,
  rhs: Float64Array,
  values: Float64Array,
): void {
  const m = members.length;
  members.forEach((state, k) => {
    localIndex[state] = k;
  });
  const matrix = new Float64Array(m * m);
  members.forEach((state, row) => {
    matrix[row * m + row] += 1;
    for (let e = view.offsets[state]; e < view.offsets[state + 1]; e++) {
      const target = view.targets[e];
      if (componentOf[target] === id) matrix[row * m + localIndex[target]] -= view.probabilities[e];
    }
  });
  const solution = gaussianElimination(matrix, rhs, m);
  members.forEach((state, k) => {
    values[state] = solution[k];
  });
}

/**
 * Solves matrix · x = rhs (matrix m×m, row-major) by Gaussian elimination with partial pivoting.
 * Both arguments are overwritten; the returned array is `rhs`, now holding x.
 * For a component that is not closed, I − P_cc is irreducibly diagonally dominant and therefore
 * non-singular, so a zero pivot means the input broke the contract.
 */
function gaussianElimination(matrix: Float64Array, rhs: Float64Array, m: number): Float64Array {
  for (let col = 0; col < m; col++) {
    let pivot = col;
    let best = Math.abs(matrix[col * m + col]);
    for (let row = col + 1; row < m; row++) {
      const candidate = Math.abs(matrix[row * m + col]);
      if (candidate > best) {
        best = candidate;
        pivot = row;
      }
    }
    if (best === 0) throw new Error(`gaussianElimination: singular system at column ${col}`);
    if (pivot !== col) swapRows(matrix, rhs, m, pivot, col);

    const diagonal = matrix[col * m + col];
    for (let row = col + 1; row < m; row++) {
      const factor = matrix[row * m + col] / diagonal;
      if (factor === 0) continue;
      matrix[row * m + col] = 0;
      for (let k = col + 1; k < m; k++) matrix[row * m + k] -= factor * matrix[col * m + k];
      rhs[row] -= factor * rhs[col];
    }
  }
  for (let row = m - 1; row >= 0; row--) {
    let sum = rhs[row];
    for (let k = row + 1; k < m; k++) sum -= matrix[row * m + k] * rhs[k];
    rhs[row] = sum / matrix[row * m + row];
  }
  return rhs;
}

function swapRows(matrix: Float64Array, rhs: Float64Array, m: number, a: number, b: number): void {
  for (let k = 0; k < m; k++) {
    const t = matrix[a * m + k];
    matrix[a * m + k] = matrix[b * m + k];
    matrix[b * m + k] = t;
  }
  const t = rhs[a];
  rhs[a] = rhs[b];
  rhs[b] = t;
}

/**
 * Gauss-Seidel on a large component, updating `values` in place (starting from 0).
 *
 * Why it converges: the component is not closed, so I − P_cc is irreducibly diagonally dominant.
 * Why it is usually fast: members come in Tarjan's pop order, deepest-discovered first, so a state
 * is mostly updated after the states it moves to; along a cycle one sweep carries the new values
 * all the way round instead of one step.
 *
 * Stopping: the change δ of a sweep understates the remaining error when convergence is slow,
 * so the error is estimated as δ·ρ/(1−ρ), with ρ the larger of the last two ratios of successive
 * changes, and compared with tolerance × max |x| (with a safety margin, see
 * {@link ERROR_ESTIMATE_MARGIN}).
 *
 * Acceleration: when the ratio has settled on a slow rate (one dominant mode, e.g. a big cycle
 * with one rare exit) the remaining error is extrapolated away in one step, x += Δ·ρ/(1−ρ),
 * instead of waiting thousands of sweeps; later sweeps correct any error of that step, since
 * Gauss-Seidel converges from any start, and that rate stays in the error estimate.
 *
 * Once changes shrink to a few units in the last place the solution is as good as doubles allow
 * and the iteration stops. Components that converge too slowly even so (a long symmetric random
 * walk needs O(n²) sweeps) exhaust `maxSweeps` and raise a {@link ConvergenceError}.
 */
function solveGaussSeidel(
  view: Chain,
  members: number[],
  id: number,
  componentOf: Int32Array,
  rhs: Float64Array,
  values: Float64Array,
  options: ResolvedOptions,
): void {
  const m = members.length;
  const diagonal = new Float64Array(m);
  members.forEach((state, k) => {
    diagonal[k] = 1 - selfLoop(view, state);
  });
  const change = new Float64Array(m);
  let previousDelta = Number.NaN;
  // Ratios of successive changes since the start or the last extrapolation, newest last.
  const ratios: number[] = [];
  // The rate of the mode last extrapolated away. Whatever error that step left in the mode still
  // decays this slowly, but right after the step the faster modes dominate the changes and make
  // convergence look quick; keeping the rate in the error estimate stops that fooling the test.
  let slowRate = 0;

  const maxSweeps = options.maxSweeps ?? defaultSweeps(view, members);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let delta = 0;
    let scale = 0;
    for (let k = 0; k < m; k++) {
      const state = members[k];
      let sum = rhs[k];
      for (let e = view.offsets[state]; e < view.offsets[state + 1]; e++) {
        const target = view.targets[e];
        if (target !== state && componentOf[target] === id) sum += view.probabilities[e] * values[target];
      }
      const next = sum / diagonal[k];
      change[k] = next - values[state];
      values[state] = next;
      delta = Math.max(delta, Math.abs(change[k]));
      scale = Math.max(scale, Math.abs(next));
    }
    // Changes at the level of rounding noise: nothing more can be gained (and the ratio of two
    // noise-sized changes says nothing about convergence, so the estimate below cannot be used).
    if (delta <= ROUNDING_FLOOR * scale) return;

    const ratio = delta / previousDelta;
    previousDelta = delta;
    if (!Number.isFinite(ratio)) continue;
    ratios.push(ratio);
    if (ratios.length > SETTLED_SWEEPS) ratios.shift();

    if (ratios.length >= 2) {
      const rate = Math.max(ratios[ratios.length - 1], ratios[ratios.length - 2], slowRate);
      if (rate < 1 && (delta * rate) / (1 - rate) <= ERROR_ESTIMATE_MARGIN * options.tolerance * scale) return;
    }
    if (isSettledSlowRate(ratios)) {
      const step = ratio / (1 - ratio);
      for (let k = 0; k < m; k++) values[members[k]] += change[k] * step;
      slowRate = ratio;
      previousDelta = Number.NaN;
      ratios.length = 0;
    }
  }
  throw new ConvergenceError(m, maxSweeps);
}

/** Sweeps allowed by the work budget: a sweep visits every edge of the component once. */
function defaultSweeps(view: Chain, members: number[]): number {
  let edges = 0;
  for (const state of members) edges += view.offsets[state + 1] - view.offsets[state];
  return Math.min(MAX_SWEEPS, Math.max(MIN_SWEEPS, Math.ceil(SWEEP_WORK_BUDGET / Math.max(1, edges))));
}

/**
 * Slow (above 0.5 per sweep) and steady over the last {@link SETTLED_SWEEPS} ratios: one mode
 * dominates the error, so extrapolating along it is sound. Steadiness is measured against
 * 1 − ratio, because that is what the step ratio/(1 − ratio) divides by: a rate of 0.99997 must be
 * known to far better than 0.1% before extrapolating with it, or the step adds more error than it
 * removes (observed on a random walk whose modes decay at nearly the same rate).
 */
function isSettledSlowRate(ratios: number[]): boolean {
  if (ratios.length < SETTLED_SWEEPS) return false;
  const low = Math.min(...ratios);
  const high = Math.max(...ratios);
  return low > 0.5 && high < 1 && high - low <= 1e-3 * (1 - high);
}

// ---------------------------------------------------------------------------------------------
// Input handling
// ---------------------------------------------------------------------------------------------

/**
 * The chain restricted to edges of positive probability, minus the outgoing edges of `cut`
 * states (which thereby become absorbing). Zero-probability edges must not join components: a
 * "repeat" option nobody takes is not a cycle.
 */
function positiveView(chain: Chain, cut?: Uint8Array): Chain {
  const offsets = new Int32Array(chain.size + 1);
  let count = 0;
  for (let i = 0; i < chain.size; i++) {
    if (!cut?.[i]) {
      for (let e = chain.offsets[i]; e < chain.offsets[i + 1]; e++) if (chain.probabilities[e] > 0) count++;
    }
    offsets[i + 1] = count;
  }
  const targets = new Int32Array(count);
  const probabilities = new Float64Array(count);
  let next = 0;
  for (let i = 0; i < chain.size; i++) {
    if (cut?.[i]) continue;
    for (let e = chain.offsets[i]; e < chain.offsets[i + 1]; e++) {
      if (chain.probabilities[e] > 0) {
        targets[next] = chain.targets[e];
        probabilities[next] = chain.probabilities[e];
        next++;
      }
    }
  }
  return { size: chain.size, offsets, targets, probabilities };
}

function assertChain(chain: Chain): void {
  assertGraph(chain.size, chain.offsets, chain.targets);
  if (chain.probabilities.length !== chain.targets.length) {
    throw new RangeError('markov: probabilities and targets differ in length');
  }
  for (let i = 0; i < chain.size; i++) {
    let sum = 0;
    for (let e = chain.offsets[i]; e < chain.offsets[i + 1]; e++) {
      const p = chain.probabilities[e];
      if (!(p >= 0 && p <= 1)) throw new RangeError(`markov: edge ${e} has probability ${p}`);
      sum += p;
    }
    if (sum > 0 && Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
      throw new RangeError(`markov: the probabilities of state ${i} sum to ${sum}, not 1`);
    }
  }
}
