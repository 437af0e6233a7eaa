// One caller's way through a flow: given what the caller does at each menu and input, follow the
// journey graph (subflows inlined) step by step, with the time each step takes. Used by journey
// tests (`ivr-audit test`) and the caller simulator (`ivr-audit call`); pure, no I/O.
import type { JourneyGraph } from '../analysis/journey.js';
import { isHelpPromised, isHuman, isIdentityQuestion, isPersonTransfer } from '../analysis/journey-facts.js';
import { INPUT_RESPONSE_SECONDS, MENU_RESPONSE_SECONDS, audioSeconds, stepTime } from '../analysis/timing.js';
import type { Edge, Flow, FlowNode, InputNode, MenuNode } from '../model/flow.js';

/** What the caller does when a menu or an input waits: keys or words, silence, or something unexpected. */
export type CallerAction = { kind: 'answer'; text: string } | { kind: 'silence' } | { kind: 'unexpected' };

/** `""` is silence, `"?"` something the flow does not expect; anything else is pressed or said as written. */
export function callerAction(key: string): CallerAction {
  if (key === '') return { kind: 'silence' };
  if (key === '?') return { kind: 'unexpected' };
  return { kind: 'answer', text: key };
}

export type HoursState = 'open' | 'closed' | 'holiday';

export interface WalkChoices {
  /** The time of the call, for `hours` nodes; open when not given. */
  hours?: HoursState;
  /**
   * Exits to take where the system decides (a branch's case, a queue's timeout, a lookup that finds
   * nothing, an agent who passes the caller on), by node id (or journey id inside a subflow) → exit
   * label (`case:0`, `timeout`, `notFound`, `next`).
   */
  take?: Readonly<Record<string, string>>;
}

export interface WalkStep {
  vertex: number;
  /** Journey id: the node id, prefixed by the subflow nodes it is called through (`verify/ask-pin`). */
  id: string;
  node: FlowNode;
  /** The flow the node is written in (the root flow or a subflow). */
  flow: Flow;
  /** Seconds since the system answered, when the step starts. */
  at: number;
  seconds: number;
  /** Part of the step's time is not known (a queue without staffing or estimate, rings not given). */
  unknownTime: boolean;
  /** What the caller did here, for menus and inputs. */
  action?: CallerAction;
  /** The attempt this is at a menu or input (1 = first; more when the prompt is repeated). */
  attempt?: number;
  /** The exit taken; absent on the last step and on steps into or out of a subflow. */
  exit?: string;
}

/**
 * How a call ends: with a person, with help promised, resolved by the system, not at all, or in
 * another flow of the platform that is not in the run (a hop whose target is not at hand).
 */
export type EndKind = 'person' | 'help' | 'resolved' | 'unresolved' | 'other-flow';

export type WalkProblem =
  | { kind: 'not-an-option'; id: string; key: string; options: string[] }
  | { kind: 'keys-ran-out'; id: string }
  | { kind: 'keys-left'; keys: string[] }
  | { kind: 'unknown-exit'; id: string; exit: string; exits: string[] }
  | { kind: 'loops'; id: string };

export interface Walk {
  steps: WalkStep[];
  /** Where the walk stopped: the last step's journey id. */
  endsAt: string;
  end: EndKind;
  /** Seconds from answer to the first person, when one is reached. */
  secondsToPerson?: number;
  /** Seconds from answer to the end of the last step. */
  totalSeconds: number;
  /** Rings before the system answers (not in the seconds, which count from the answer). */
  answerRings: number;
  identityQuestions: number;
  transfers: number;
  /** Why the walk could not follow the keys; absent when it could. */
  problem?: WalkProblem;
  /** True when some step's time is not known: seconds are lower bounds. */
  unknownTime: boolean;
}

/** A walk that takes this many steps without the caller doing anything is a loop the caller cannot leave. */
export const MAX_STEPS_WITHOUT_ACTION = 1000;

interface Slot {
  to: number;
  edge: Edge | null;
}

function slotsOf(graph: JourneyGraph, vertex: number): Slot[] {
  const slots: Slot[] = [];
  for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
    slots.push({ to: graph.targets[slot]!, edge: graph.edges[slot] ?? null });
  }
  return slots;
}

function byLabel(slots: readonly Slot[], label: string): Slot | undefined {
  return slots.find((slot) => slot.edge?.label === label);
}

function byKind(slots: readonly Slot[], kind: Edge['kind']): Slot | undefined {
  return slots.find((slot) => slot.edge?.kind === kind);
}

/** The exit a system step takes by itself: the call into a subflow, else `next`, else `default`, else the first. */
function usualExit(node: FlowNode, slots: readonly Slot[], hours: HoursState): Slot | undefined {
  const call = slots.find((slot) => slot.edge === null);
  if (call) return call;
  if (node.type === 'hours') {
    if (hours === 'open') return byKind(slots, 'open');
    return (hours === 'holiday' ? byKind(slots, 'holiday') : undefined) ?? byKind(slots, 'closed');
  }
  return byKind(slots, 'next') ?? byKind(slots, 'default') ?? (node.type === 'branch' ? slots[0] : undefined);
}

function endOf(node: FlowNode): EndKind {
  if (node.type === 'transfer' && node.toFlow) return 'other-flow';
  if (isHuman(node)) return 'person';
  if (isHelpPromised(node)) return 'help';
  if (node.type === 'hangup' && node.outcome === 'resolved') return 'resolved';
  if (node.type === 'deflect' && node.resolves === 'high') return 'resolved';
  return 'unresolved';
}

/** Seconds one attempt at a menu or input takes: the prompt, then the wait for silence or the answer. */
function attemptSeconds(node: MenuNode | InputNode, action: CallerAction, graph: JourneyGraph, vertex: number): number {
  const flow = graph.vertices[vertex]!.flow;
  const prompt = audioSeconds(node, flow);
  if (action.kind === 'silence') return prompt + node.timeoutSeconds;
  return prompt + (node.type === 'menu' ? MENU_RESPONSE_SECONDS : INPUT_RESPONSE_SECONDS);
}

/** A system step's time; a queue left by its timeout holds the caller for the whole limit. */
function systemStepTime(node: FlowNode, graph: JourneyGraph, vertex: number, exit: Edge | null): { seconds: number; unknown: boolean } {
  const flow = graph.vertices[vertex]!.flow;
  if (node.type === 'queue' && exit?.kind === 'timeout' && node.maxWaitSeconds !== undefined) {
    return { seconds: audioSeconds(node, flow) + node.maxWaitSeconds, unknown: false };
  }
  return stepTime(node, flow);
}

/** Option keys a menu offers, as written. */
export function optionKeys(node: MenuNode): string[] {
  return node.edges.filter((edge) => edge.kind === 'option').map((edge) => edge.label.slice('option:'.length));
}

/** Follows the caller's keys through the journey graph from its entry. */
export function walkJourney(graph: JourneyGraph, keys: readonly string[], choices: WalkChoices = {}): Walk {
  const hours = choices.hours ?? 'open';
  const take = choices.take ?? {};
  const steps: WalkStep[] = [];
  let clock = 0;
  let next = 0;
  let identityQuestions = 0;
  let transfers = 0;
  let secondsToPerson: number | undefined;
  let unknownTime = false;
  let problem: WalkProblem | undefined;
  let idle = 0;
  let vertex = graph.entry;
  // Failed attempts at the menu or input the caller is at; reset when the caller moves on.
  let attempts = 0;

  const push = (step: Omit<WalkStep, 'vertex' | 'id' | 'node' | 'flow' | 'at'>): WalkStep => {
    const journeyVertex = graph.vertices[vertex]!;
    const made: WalkStep = { vertex, id: journeyVertex.id, node: journeyVertex.node, flow: journeyVertex.flow, at: clock, ...step };
    steps.push(made);
    clock += step.seconds;
    if (step.unknownTime) unknownTime = true;
    return made;
  };

  let end: EndKind = 'unresolved';
  while (vertex >= 0) {
    const { node, flow, id } = graph.vertices[vertex]!;
    const slots = slotsOf(graph, vertex);
    let chosen: Slot | undefined;
    if (node.type === 'menu' || node.type === 'input') {
      if (next >= keys.length) {
        problem = { kind: 'keys-ran-out', id };
        push({ seconds: audioSeconds(node, flow), unknownTime: false });
        break;
      }
      const action = callerAction(keys[next++]!);
      idle = 0;
      const step = push({ seconds: attemptSeconds(node, action, graph, vertex), unknownTime: false, action, attempt: attempts + 1 });
      if (action.kind === 'answer') {
        chosen = node.type === 'menu' ? byLabel(slots, `option:${action.text}`) : byKind(slots, 'next');
        if (!chosen && node.type === 'menu') {
          problem = { kind: 'not-an-option', id, key: action.text, options: optionKeys(node) };
          break;
        }
        if (isIdentityQuestion(node)) identityQuestions++;
      } else {
        attempts++;
        // The prompt is repeated `retries` times before the failure exit is taken.
        if (attempts <= node.retries) continue;
        chosen = byKind(slots, action.kind === 'silence' ? 'noInput' : 'noMatch');
        if (!chosen) {
          // Without the exit the platform disconnects the caller (docs/format.md).
          end = 'unresolved';
          break;
        }
      }
      attempts = 0;
      if (chosen) step.exit = chosen.edge?.label;
    } else {
      if (++idle > MAX_STEPS_WITHOUT_ACTION) {
        problem = { kind: 'loops', id };
        break;
      }
      const wanted = take[id];
      if (wanted !== undefined) {
        chosen = byLabel(slots, wanted);
        if (!chosen) {
          problem = { kind: 'unknown-exit', id, exit: wanted, exits: slots.flatMap((slot) => (slot.edge ? [slot.edge.label] : [])) };
          break;
        }
      } else if (node.type !== 'agent') {
        // A person takes the call at an agent; callers go on past it only when the journey says so.
        chosen = usualExit(node, slots, hours);
      }
      const time = systemStepTime(node, graph, vertex, chosen?.edge ?? null);
      push({ seconds: time.seconds, unknownTime: time.unknown, ...(chosen?.edge ? { exit: chosen.edge.label } : {}) });
      if (isPersonTransfer(node)) transfers++;
      if (isHuman(node) && endOf(node) === 'person' && secondsToPerson === undefined) secondsToPerson = clock;
      if (!chosen) {
        end = endOf(node);
        break;
      }
    }
    vertex = chosen!.to;
  }
  if (!problem && next < keys.length) problem = { kind: 'keys-left', keys: keys.slice(next) };
  const last = steps[steps.length - 1];
  return {
    steps,
    endsAt: last?.id ?? '',
    end,
    ...(secondsToPerson === undefined ? {} : { secondsToPerson }),
    totalSeconds: clock,
    answerRings: graph.vertices[graph.entry]?.flow.settings.answerRings ?? 0,
    identityQuestions,
    transfers,
    ...(problem ? { problem } : {}),
    unknownTime,
  };
}
