// How long each step of a journey takes the caller, from what the flow says (or estimates).
import type { Flow, FlowNode, QueueNode, TransferNode, AgentNode } from '../model/flow.js';
import { erlangC, type QueueStats } from './erlang.js';

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
  const count = node.say.reduce((sum, text) => sum + words(text), 0);
  return (count / flow.settings.wordsPerMinute) * 60;
}

/** Rings before a transfer or agent answers: `rings`, else `ringTimeoutSeconds ÷ ringSeconds` rounded up. */
export function ringsOf(node: TransferNode | AgentNode, flow: Flow): number | undefined {
  if (node.rings !== undefined) return node.rings;
  if (node.type === 'transfer' && node.ringTimeoutSeconds !== undefined) {
    return Math.ceil(node.ringTimeoutSeconds / flow.settings.ringSeconds);
  }
  return undefined;
}

/** Erlang C figures of a queue node's staffing, when the flow gives it. */
export function queueStats(node: QueueNode, flow: Flow): QueueStats | undefined {
  const staffing = node.queue === undefined ? undefined : flow.queues.get(node.queue);
  return staffing ? erlangC(staffing) : undefined;
}

export interface Wait {
  /** Expected seconds on hold; undefined when nothing says. */
  expected?: number;
  /** Longest possible hold: `maxWaitSeconds`, Infinity when unbounded. */
  max: number;
  /** True when the staffing cannot keep up with the calls (the wait grows without bound). */
  overloaded: boolean;
}

/** Expected wait: `expectedWaitSeconds`, else Erlang C's average speed of answer, capped by `maxWaitSeconds`. */
export function waitOf(node: QueueNode, flow: Flow): Wait {
  const max = node.maxWaitSeconds ?? Number.POSITIVE_INFINITY;
  const stats = queueStats(node, flow);
  const modelled = node.expectedWaitSeconds ?? stats?.averageSpeedOfAnswerSeconds;
  // An overloaded queue (Erlang C gives no steady state) waits as long as it is allowed to.
  const expected = modelled === undefined ? undefined : Math.min(modelled, max);
  return {
    expected: expected !== undefined && Number.isFinite(expected) ? expected : undefined,
    max,
    overloaded: node.expectedWaitSeconds === undefined && stats?.stable === false,
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
