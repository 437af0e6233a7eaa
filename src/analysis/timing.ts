// How long each step of a journey takes the caller, from what the flow says (or estimates).
import type { Flow, FlowNode, QueueNode, QueueStaffing, TransferNode, AgentNode } from '../model/flow.js';
import { erlangA, type QueueModel } from './erlang-a.js';

/** Seconds a caller takes to choose in a menu once the prompt has played (a documented assumption). */
export const MENU_RESPONSE_SECONDS = 3;
/** Seconds a caller takes to key in or say a datum (a documented assumption). */
export const INPUT_RESPONSE_SECONDS = 6;

export function words(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Length of a node's audio: `durationSeconds`, else its words at the flow's speaking rate. */
export function audioSeconds(node: FlowNode, flow: Flow): number {
  if (node.durationSeconds !== undefined) return node.durationSeconds;
  return (spokenWords(node.say) / flow.settings.wordsPerMinute) * 60;
}

/** Words of a prompt, counted once per prompt: the edited copies of a node a fix is measured on share it. */
function spokenWords(say: readonly string[]): number {
  let count = wordCounts.get(say);
  if (count === undefined) wordCounts.set(say, (count = say.reduce((sum, text) => sum + words(text), 0)));
  return count;
}

const wordCounts = new WeakMap<readonly string[], number>();

/** Rings before a transfer or agent answers: `rings`, else `ringTimeoutSeconds ÷ ringSeconds` rounded up. */
export function ringsOf(node: TransferNode | AgentNode, flow: Flow): number | undefined {
  if (node.rings !== undefined) return node.rings;
  if (node.type === 'transfer' && node.ringTimeoutSeconds !== undefined) {
    return Math.ceil(node.ringTimeoutSeconds / flow.settings.ringSeconds);
  }
  return undefined;
}

/**
 * A hold longer than this is a long one (seconds): the GetHuman standard's point at which callers
 * should be offered a callback, and the default limit of `hold-without-callback`.
 */
export const LONG_HOLD_SECONDS = 120;

/** Patience of a queue's callers: the queue's own, else the flow's `settings.patienceSeconds`. */
export function patienceOf(staffing: QueueStaffing, flow: Flow): number {
  return staffing.patienceSeconds ?? flow.settings.patienceSeconds;
}

/** Erlang A figures of a staffing entry, with its callers' patience. */
export function staffingModel(staffing: QueueStaffing, flow: Flow): QueueModel {
  return erlangA({ ...staffing, patienceSeconds: patienceOf(staffing, flow) });
}

/** Erlang A figures of a queue node's staffing, when the flow gives it. */
export function queueModel(node: QueueNode, flow: Flow): QueueModel | undefined {
  const staffing = node.queue === undefined ? undefined : flow.queues.get(node.queue);
  return staffing ? staffingModel(staffing, flow) : undefined;
}

/** What callers entering a queue go through, per caller, from its staffing (Erlang A). */
export interface ModelledWait {
  /** Share who hang up before an agent answers and before the limit. */
  abandon: number;
  /** Share still waiting when `maxWaitSeconds` runs out (0 without a limit). */
  timedOut: number;
  /** Seconds per caller spent waiting past {@link LONG_HOLD_SECONDS}, within the limit. */
  longSeconds: number;
}

export interface Wait {
  /** Expected seconds on hold per caller, within the limit; undefined when nothing says. */
  expected?: number;
  /** Longest possible hold: `maxWaitSeconds`, Infinity when unbounded. */
  max: number;
  /** Abandonment, timeouts and the long tail, when the queue has staffing and no stated estimate. */
  modelled?: ModelledWait;
}

/**
 * Expected wait: `expectedWaitSeconds` capped by `maxWaitSeconds`, else Erlang A's for the
 * staffing, with the limit applied (the wait ends at `maxWaitSeconds` for whoever is still there).
 * Erlang A has a steady state at any load, so a staffed queue always has a finite wait.
 */
export function waitOf(node: QueueNode, flow: Flow): Wait {
  // Every journey visit, rule and fix asks again; the figures integrate over the wait, so keep them.
  let byFlow = waits.get(node);
  if (!byFlow) waits.set(node, (byFlow = new WeakMap()));
  let wait = byFlow.get(flow);
  if (!wait) byFlow.set(flow, (wait = measureWait(node, flow)));
  return wait;
}

const waits = new WeakMap<QueueNode, WeakMap<Flow, Wait>>();

/**
 * Modelled waits by staffing entry, then by patience and limit: queue nodes that share a staffing
 * entry and a limit (most of a big flow's) integrate Erlang A once between them.
 */
const modelledWaits = new WeakMap<QueueStaffing, Map<string, Wait>>();

function measureWait(node: QueueNode, flow: Flow): Wait {
  const max = node.maxWaitSeconds ?? Number.POSITIVE_INFINITY;
  if (node.expectedWaitSeconds !== undefined) return { expected: Math.min(node.expectedWaitSeconds, max), max };
  const staffing = node.queue === undefined ? undefined : flow.queues.get(node.queue);
  if (!staffing) return { max };
  let byLimit = modelledWaits.get(staffing);
  if (!byLimit) modelledWaits.set(staffing, (byLimit = new Map()));
  const key = `${patienceOf(staffing, flow)}|${max}`;
  let wait = byLimit.get(key);
  if (!wait) byLimit.set(key, (wait = modelledWait(staffingModel(staffing, flow), max)));
  return wait;
}

function modelledWait(model: QueueModel, max: number): Wait {
  const expected = model.waitWithin(max);
  return {
    expected,
    max,
    modelled: {
      // Callers hang up at rate 1/patience while they wait: the share is the seconds waited ÷ patience.
      abandon: Math.min(1, expected / model.patienceSeconds),
      timedOut: Number.isFinite(max) ? model.stillWaiting(max) : 0,
      longSeconds: model.waitBetween(LONG_HOLD_SECONDS, max),
    },
  };
}

export interface StepTime {
  seconds: number;
  /** True when part of the step's time is not known (a queue without staffing, rings not given). */
  unknown: boolean;
}

/** Time a caller spends on one step, excluding the conversation with a person. */
export function stepTime(node: FlowNode, flow: Flow): StepTime {
  const audio = audioSeconds(node, flow);
  switch (node.type) {
    case 'menu':
      return { seconds: audio + MENU_RESPONSE_SECONDS, unknown: false };
    case 'input':
      return { seconds: audio + INPUT_RESPONSE_SECONDS, unknown: false };
    case 'transfer':
    case 'agent': {
      const rings = ringsOf(node, flow);
      return { seconds: audio + (rings ?? 0) * flow.settings.ringSeconds, unknown: rings === undefined && node.type === 'transfer' };
    }
    case 'queue': {
      const wait = waitOf(node, flow);
      return { seconds: audio + (wait.expected ?? 0), unknown: wait.expected === undefined };
    }
    default:
      return { seconds: audio, unknown: false };
  }
}
