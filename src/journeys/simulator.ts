// The caller simulator behind `ivr-audit call`: the flow played as a caller meets it, one step at a
// time, waiting for the caller's keys at each menu and input. The walk is re-run from the start with
// the keys so far at every key press, so the simulator follows exactly what journey tests check.
import type { JourneyGraph } from '../analysis/journey.js';
import type { MenuNode } from '../model/flow.js';
import { callClock as clock } from '../report/text.js';
import { readableJourneyId, readableNames } from '../rules/names.js';
import { optionKeys, walkJourney, type Walk, type WalkChoices, type WalkStep } from './walk.js';

/** What the simulator needs from a terminal: lines out, one key (or a typed answer) in. */
export interface CallerTerminal {
  write(text: string): void;
  /** Resolves with the keys the caller typed: one key for a short menu, a line for an input. `null` = hang up. */
  ask(question: Question): Promise<string | null>;
  /** Called with a prompt's text as it plays (for --speak); may wait until it has been said. */
  speak?(text: string): Promise<void>;
}

export interface Question {
  /** The step waiting for the caller. */
  step: WalkStep;
  /** True when the answer is typed and ended with Enter or # (an input, a menu with long options). */
  line: boolean;
  /** Keys a menu offers (empty for an input). */
  options: string[];
}

export interface CallOutcome {
  walk: Walk;
  /** The caller hung up before the flow ended the call. */
  hungUp: boolean;
  keys: string[];
}

/** One step as the caller lives it; `name` is how the step is called on screen. */
export function narrate(step: WalkStep, name: string = step.id): string {
  const node = step.node;
  const at = clock(step.at);
  const seconds = Math.round(step.seconds);
  const said = node.say.length > 0 ? `: "${node.say.join(' ')}"` : '';
  switch (node.type) {
    case 'queue': {
      const extras = [node.music && 'music', node.announceWait && 'wait announced', node.callback && 'callback offered'].filter(Boolean);
      return `${at}  on hold in ${name} for ${step.unknownTime ? 'an unknown time' : `about ${seconds} s`}${extras.length > 0 ? ` (${extras.join(', ')})` : ' (silence)'}${said}`;
    }
    case 'transfer':
      return `${at}  transferred by ${name} to ${node.to}: ringing ${step.unknownTime ? 'for an unknown time' : `${seconds} s`}${said}`;
    case 'agent':
      return `${at}  a person answers (${name})${seconds > 0 ? ` after ${seconds} s of ringing` : ''}${said}`;
    case 'hangup':
      return `${at}  the call ends (${name}, ${node.outcome})${said}`;
    default:
      return `${at}  ${name}${said}`;
  }
}

function answerOf(typed: string, question: Question): string {
  if (typed === 'w') return '';
  // A key no option offers is what callers do: the flow's no-match handling takes it.
  if (question.step.node.type === 'menu' && !question.options.includes(typed)) return '?';
  return typed;
}

/** Plays the flow on `terminal` until the call ends or the caller hangs up. */
export async function simulateCall(graph: JourneyGraph, terminal: CallerTerminal, choices: WalkChoices = {}): Promise<CallOutcome> {
  const keys: string[] = [];
  const names = readableNames(new Set(graph.vertices.map((vertex) => vertex.flow)));
  let shown = 0;
  for (;;) {
    const walk = walkJourney(graph, keys, choices);
    const waiting = walk.problem?.kind === 'keys-ran-out';
    const finished = waiting ? walk.steps.length - 1 : walk.steps.length;
    for (; shown < finished; shown++) {
      const step = walk.steps[shown]!;
      // Menus and inputs were shown as they asked; what the caller did is said when they answer.
      if (step.action) continue;
      terminal.write(`${narrate(step, readableJourneyId(step.id, step.node, names))}\n`);
      if (terminal.speak && step.node.say.length > 0) await terminal.speak(step.node.say.join(' '));
    }
    if (!waiting) return { walk, hungUp: false, keys };
    const step = walk.steps[walk.steps.length - 1]!;
    const options = step.node.type === 'menu' ? optionKeys(step.node as MenuNode) : [];
    terminal.write(`${narrate(step, readableJourneyId(step.id, step.node, names))}\n`);
    if (terminal.speak && step.node.say.length > 0) await terminal.speak(step.node.say.join(' '));
    const question: Question = { step, options, line: step.node.type === 'input' || options.some((key) => key.length > 1) };
    const typed = await terminal.ask(question);
    if (typed === null) {
      const last = walkJourney(graph, keys, choices);
      return { walk: last, hungUp: true, keys };
    }
    keys.push(answerOf(typed, question));
    shown = walk.steps.length;
  }
}
