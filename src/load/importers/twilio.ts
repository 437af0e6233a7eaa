// Twilio Studio flow definitions: `states[]` with `type`, `transitions[{event, next}]` and `properties`, and
// `initial_state` (usually the trigger). Also the REST API's `{ friendly_name, definition: {...} }` wrapper.
// In Studio a transition without `next` ends the execution: for a call, the call ends there.
import type { FlowKind, HoldExperience, Outcome, SourceLocation } from '../../model/flow.js';
import { CALLBACK_WORDS, FlowBuilder, tellsCallbackArranged, IN_QUEUE_FLOW_UNKNOWN, WAIT_WORDS, baseName, field, isRecord, numberFrom, text, type DraftInit, type NodeDraft } from './build.js';
import { hasPlaceholder, isOpaqueValue } from './placeholders.js';
import { readDocument, type SourceDocument } from './source.js';
import type { FlowReference, ImportOptions, ImportProblem, ImportResult } from './types.js';
import { isKeypadKey } from '../../util/spoken-keys.js';
import { loaderEnglish } from '../../i18n/loader.js';

interface Transition {
  event: string;
  next?: string;
  /** The `next` value when there is one, else the transition object. */
  pointer: string;
  conditions: unknown[];
}

interface State {
  name: string;
  id: string;
  type: string;
  pointer: string;
  properties: Record<string, unknown>;
  transitions: Transition[];
}

interface Context {
  builder: FlowBuilder;
  doc: SourceDocument;
  state: State;
  options: ImportOptions;
  /** Every state by name, for widgets that read another widget's result. */
  states: ReadonlyMap<string, State>;
  /** The flow's own SID (`FW...`), when the export gives it: a webhook back to it is a return, not a hop. */
  ownSid?: string;
}

export function importTwilio(file: string, source: string, options: ImportOptions = {}): ImportResult {
  const read = readDocument(file, source);
  const problems = [...read.problems];
  if (!read.doc) return { format: 'twilio', problems };
  const wrapped = !isDefinition(read.doc.data) && isDefinition(field(read.doc.data, 'definition'));
  const doc = wrapped ? read.doc.at('/definition') : read.doc;
  if (!isDefinition(doc.data)) {
    const states = field(doc.data, 'states');
    const problem = states !== undefined && !Array.isArray(states)
      ? { message: '`states` must be a list of widgets', pointer: '/states' }
      : { message: 'not a Twilio Studio flow: expected `states` and `initial_state`', pointer: '' };
    problems.push({ ruleId: 'schema', message: problem.message, loc: doc.locate(problem.pointer) });
    return { format: 'twilio', problems };
  }
  const states = readStates(doc, problems);
  const initialName = text(field(doc.data, 'initial_state')) ?? '';
  const trigger = states.find((state) => state.type === 'trigger' && state.name === initialName) ?? states.find((state) => state.type === 'trigger');
  const start = trigger ? startOf(trigger) : 'call';
  if (start === 'messages') return { format: 'twilio', problems, skipped: MESSAGING_ONLY };
  // A flow only a parent flow starts is a subflow: when it ends, the parent goes on (`completed`).
  const kind: FlowKind | undefined = start === 'parent' ? 'subflow' : options.kind;
  const builder = new FlowBuilder(file, 'twilio');
  builder.endsReturnToCaller = kind !== undefined && RETURNING_KINDS.has(kind);
  const ownSid = text(field(read.doc.data, 'sid'));
  for (const state of states) {
    if (builder.ids.lookup(state.name) !== undefined) {
      problems.push({ ruleId: 'schema', message: `state name \`${state.name}\` is repeated; transitions reach only the first one`, loc: doc.locate(state.pointer) });
      state.id = builder.ids.fresh(state.name);
    } else state.id = builder.ids.claim(state.name, state.name);
  }
  let entry: { id: string; loc: SourceLocation } | undefined;
  const initial = text(field(doc.data, 'initial_state')) ?? '';
  const byName = new Map<string, State>();
  for (const state of states) if (!byName.has(state.name)) byName.set(state.name, state);
  for (const state of states) {
    const context: Context = { builder, doc, state, options, states: byName, ownSid };
    if (state.type === 'trigger') {
      const started = mapTrigger(context);
      if (state.name === initial) entry = started;
    } else mapState(context);
  }
  for (const state of states) foldKeysIntoMenu({ builder, doc, state, options, states: byName, ownSid }, states);
  for (const state of states) gatherNoMatchFromSplit({ builder, doc, state, options, states: byName, ownSid });
  entry ??= { id: builder.ids.resolve(initial, initial || 'initial_state'), loc: doc.locate('/initial_state') };
  const flow = builder.finish({
    name: text(field(read.doc.data, 'friendly_name')) ?? baseName(file),
    description: text(field(doc.data, 'description')),
    entry: entry.id,
    entryLoc: entry.loc,
  });
  if (kind !== undefined && kind !== 'flow') flow.kind = kind;
  // What this flow plays when a queue's wait URL runs it: read by projects for the queues that name it.
  flow.hold = holdExperience(states, flow.name);
  const aliases = [flow.name, ownSid].filter((name): name is string => name !== undefined && name !== '' && !isOpaqueValue(name));
  return { format: 'twilio', flow, problems, notes: builder.notes, aliases, references: referencesOf(states, ownSid) };
}

export const MESSAGING_ONLY = 'a Twilio Studio flow for messages only: its trigger starts no call (no incomingCall, incomingParent or incomingRequest)';

/** Kinds whose ends send the caller back: to the parent flow, or to the queue a wait flow plays in. */
const RETURNING_KINDS: ReadonlySet<FlowKind> = new Set(['subflow', 'module', 'queue-flow', 'hold']);

/**
 * How a flow starts for a call: a call comes in, a parent flow runs it (`run-subflow`), or a REST request
 * starts it on a call (an outbound call, a callback). A trigger that starts only on messages is no call flow.
 */
function startOf(trigger: State): 'call' | 'parent' | 'request' | 'messages' {
  const started = (event: string): boolean => trigger.transitions.some((transition) => transition.event === event && transition.next !== undefined);
  if (started('incomingCall')) return 'call';
  if (started('incomingParent')) return 'parent';
  if (started('incomingRequest')) return 'request';
  return trigger.transitions.some((transition) => transition.next !== undefined) ? 'messages' : 'call';
}

/**
 * The Studio flow a URL runs: a flow webhook (`https://webhooks.twilio.com/v1/Accounts/AC.../Flows/FW...`)
 * names it by SID. A webhook back to the flow itself (`?FlowEvent=return`) is how a redirect comes back.
 */
export function flowOfWebhook(url: string, ownSid?: string): string | undefined {
  const match = /\/Flows\/([A-Za-z0-9_-]+)/.exec(url);
  if (!match?.[1] || /[?&]FlowEvent=return\b/.test(url)) return undefined;
  return match[1] === ownSid ? undefined : match[1];
}

/** The flow a `run-subflow` names: its SID, or the name inside a deploy placeholder (`${support_subflow_sid}`). */
function subflowName(state: State): string {
  const sid = text(state.properties.flow_sid);
  if (sid === undefined || sid === '') return state.name;
  const placeholder = /^\s*(?:\$\{|\{\{)\s*(?:var\.)?([A-Za-z0-9_.-]+?)(?:_sid|Sid|_SID)?\s*(?:\}|\}\})\s*$/.exec(sid);
  return placeholder?.[1] ?? sid;
}

function waitUrlOf(state: State): string | undefined {
  return text(state.properties.waitUrl) ?? text(state.properties.wait_url);
}

/** The other flows an export names, and the part each plays: a subflow, a redirect's target, a wait flow. */
function referencesOf(states: readonly State[], ownSid: string | undefined): FlowReference[] {
  const references: FlowReference[] = [];
  for (const state of states) {
    if (state.type === 'run-subflow') references.push({ name: subflowName(state), role: 'module' });
    const url = state.type === 'add-twiml-redirect' ? text(state.properties.url) : QUEUE_TYPES.has(state.type) ? waitUrlOf(state) : undefined;
    const flow = url === undefined ? undefined : flowOfWebhook(url, ownSid);
    if (flow !== undefined) references.push({ name: flow, role: state.type === 'add-twiml-redirect' ? 'transfer' : 'queue-flow' });
  }
  return references;
}

/**
 * What callers hear when this flow plays to them in a queue: its spoken words (a wait told, a callback
 * offered), recorded audio as music; words held in Liquid variables leave those facts unknown.
 */
function holdExperience(states: readonly State[], name: string): HoldExperience {
  const spoken = states.flatMap((state) => [text(state.properties.say)].filter((say): say is string => say !== undefined && say.trim() !== ''));
  const readable = spoken.filter((say) => !hasPlaceholder(say));
  const hidden = readable.length < spoken.length;
  const told = (words: RegExp): boolean | undefined => (readable.some((say) => words.test(say)) ? true : hidden ? undefined : false);
  const asksForCallback = states.some((state) => state.type === 'gather-input-on-call' && CALLBACK_WORDS.test(text(state.properties.say) ?? ''));
  return {
    flow: name,
    music: states.some((state) => (text(state.properties.play) ?? '').trim() !== ''),
    announcements: spoken.length > 0,
    announceWait: told(WAIT_WORDS),
    callback: asksForCallback ? true : told(CALLBACK_WORDS),
  };
}

function isDefinition(data: unknown): boolean {
  return Array.isArray(field(data, 'states')) && typeof field(data, 'initial_state') === 'string';
}

function readStates(doc: SourceDocument, problems: ImportProblem[]): State[] {
  const list = field(doc.data, 'states') as unknown[];
  return list.flatMap((raw, index): State[] => {
    const pointer = `/states/${index}`;
    const name = field(raw, 'name');
    if (!isRecord(raw) || typeof name !== 'string' || name === '') {
      problems.push({ ruleId: 'schema', message: 'a state needs a `name`', loc: doc.locate(pointer) });
      return [];
    }
    const transitions = (Array.isArray(raw.transitions) ? raw.transitions : []).map((transition: unknown, j: number): Transition => {
      const next = text(field(transition, 'next'));
      const at = `${pointer}/transitions/${j}`;
      return {
        event: text(field(transition, 'event')) ?? '',
        next: next === '' ? undefined : next,
        pointer: next ? `${at}/next` : at,
        conditions: Array.isArray(field(transition, 'conditions')) ? (field(transition, 'conditions') as unknown[]) : [],
      };
    });
    return [{
      name,
      id: '',
      type: text(raw.type) ?? 'unknown',
      pointer,
      properties: isRecord(raw.properties) ? raw.properties : {},
      transitions,
    }];
  });
}

/** The trigger is not a step of the call: the call starts where its `incomingCall` transition leads. */
function mapTrigger(context: Context): { id: string; loc: SourceLocation } {
  const { builder, doc, state } = context;
  const call = ['incomingCall', 'incomingParent', 'incomingRequest']
    .map((name) => state.transitions.find((transition) => transition.event === name && transition.next))
    .find((transition) => transition !== undefined);
  if (call?.next) return { id: builder.ids.resolve(call.next, call.next), loc: doc.locate(call.pointer) };
  // No voice entry: a call reaching this flow ends at once.
  const draft = builder.node(state.id, 'hangup', doc.locate(state.pointer), { label: `${state.name} (no incomingCall transition)` });
  builder.note(loaderEnglish('note.trigger-no-call', { name: state.name }), draft.loc);
  return { id: draft.id, loc: draft.loc };
}

/** Silent steps that only set data or send something elsewhere: the call passes on. */
const PASS_THROUGH = new Set(['set-variables', 'send-message', 'fork-stream', 'send-to-auto-pilot', 'add-twiml-redirect']);

/** Events that mean "done, go on" for a pass-through step. */
const MAIN_EVENTS = ['next', 'sent', 'success', 'completed', 'return', 'audioComplete'];

function mapState(context: Context): void {
  switch (context.state.type) {
    case 'say-play':
      return mapSay(context);
    case 'gather-input-on-call':
      return mapGather(context);
    case 'split-based-on':
      return mapSplit(context);
    case 'connect-call-to':
      return mapConnectCall(context);
    case 'send-to-flex':
    case 'enqueue-call':
      return mapQueue(context);
    case 'record-voicemail':
      return mapVoicemail(context);
    case 'run-subflow':
      return mapSubflow(context);
    case 'add-twiml-redirect':
      return mapRedirect(context);
    case 'make-http-request':
    case 'run-function':
      return mapRequest(context);
    default:
      return mapPassThrough(context);
  }
}

/** Widget properties that hold a v1 field's value, so findings about that field can point at it. */
const PROPERTY_FIELDS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  'gather-input-on-call': [['timeout', 'timeoutSeconds'], ['loop', 'retries']],
  'connect-call-to': [['timeout', 'ringTimeoutSeconds'], ['to', 'to']],
};

function node(context: Context, type: NodeDraft['type'], init: DraftInit = {}): NodeDraft {
  const { builder, doc, state } = context;
  // The state's name is its id; when it had to be changed to be one, the label keeps it as written.
  const label = init.label ?? (state.id === state.name ? undefined : state.name);
  const draft = builder.node(state.id, type, doc.locate(state.pointer), { ...init, label });
  for (const [property, key] of PROPERTY_FIELDS[state.type] ?? []) {
    if (Object.hasOwn(state.properties, property)) draft.fieldLocs.set(key, doc.locate(`${state.pointer}/properties/${property}`));
  }
  if (draft.sayLoc) draft.fieldLocs.set('say', draft.sayLoc);
  return draft;
}

function event(context: Context, name: string): Transition | undefined {
  return context.state.transitions.find((transition) => transition.event === name);
}

/** Where a transition leads: its `next`, or a new end of call when it has none. */
function targetOf(context: Context, draft: NodeDraft, transition: Transition, outcome: Outcome = 'unresolved'): { to: string; loc: SourceLocation } {
  const loc = context.doc.locate(transition.pointer);
  if (transition.next) return { to: context.builder.ids.resolve(transition.next, transition.next), loc };
  return { to: context.builder.end(draft, loc, outcome, `end of call (${transition.event} has no next)`), loc };
}

/** Exits the mapping has no slot for: a prompt grows into a branch, other types get a note. */
function extras(context: Context, draft: NodeDraft, handled: ReadonlySet<Transition>): void {
  for (const transition of context.state.transitions) {
    // `hangup` means the caller hung up: the call is over, it is not a path of the flow.
    if (handled.has(transition) || transition.event === 'hangup') continue;
    const { to, loc } = targetOf(context, draft, transition);
    context.builder.extra(draft, to, loc, transition.event);
  }
}

/** The prompt of a widget: `say` as written (Liquid included), recordings (`play`) unknown. */
function prompt(context: Context): { say: string[]; sayLoc?: SourceLocation } {
  const { builder, doc, state } = context;
  const say = text(state.properties.say);
  const play = text(state.properties.play);
  if (say !== undefined && say.trim() !== '') {
    const sayLoc = doc.locate(`${state.pointer}/properties/say`);
    if (isOpaqueValue(say)) {
      builder.unknown(loaderEnglish('unknown.prompt-in-variables'), 'prompts');
      return { say: [], sayLoc };
    }
    if (hasPlaceholder(say)) builder.unknown(loaderEnglish('unknown.prompt-liquid'), 'prompts');
    return { say: [say], sayLoc };
  }
  if (play !== undefined && play.trim() !== '') {
    builder.unknown(loaderEnglish('unknown.recorded-prompts'), 'prompts');
    return { say: [], sayLoc: doc.locate(`${state.pointer}/properties/play`) };
  }
  return { say: [] };
}

/** `say-play`: an announcement, repeated `loop` times; with no next the call ends after it. */
function mapSay(context: Context): void {
  const spoken = prompt(context);
  const loop = numberFrom(context.state.properties.loop);
  const say = loop !== undefined && loop > 1 && loop <= 10 ? Array.from({ length: loop }, () => spoken.say).flat() : spoken.say;
  const draft = node(context, 'play', { ...spoken, say });
  const done = event(context, 'audioComplete');
  if (done?.next) context.builder.exit(draft, 'next', targetOf(context, draft, done).to, context.doc.locate(done.pointer));
  extras(context, draft, new Set(done ? [done] : []));
  if (tellsCallbackArranged(spoken.say)) context.builder.promise(draft.id, 'callback');
}

/**
 * `gather-input-on-call`: a menu when it waits for one key (the choice is then made by a split), otherwise an
 * input. `keypress` and `speech` are the menu's options; `timeout` is what silence does (`loop` plays the
 * prompt that many times first).
 */
function mapGather(context: Context): void {
  const { builder, state } = context;
  const spoken = prompt(context);
  const loop = numberFrom(state.properties.loop);
  const facts = {
    timeoutSeconds: numberFrom(state.properties.timeout) ?? 5,
    retries: loop !== undefined && loop >= 1 ? Math.floor(loop) - 1 : 0,
  };
  const keypress = event(context, 'keypress');
  const speech = event(context, 'speech');
  const timeout = event(context, 'timeout');
  const single = numberFrom(state.properties.number_of_digits) === 1;
  const draft = single
    ? node(context, 'menu', { ...spoken, facts })
    : node(context, 'input', { ...spoken, facts: { ...facts, collects: state.name } });
  if (single) {
    for (const [key, transition] of [['keypress', keypress], ['speech', speech]] as const) {
      if (!transition) continue;
      const { to, loc } = targetOf(context, draft, transition);
      builder.option(draft, key, to, loc, key === 'keypress' ? 'any key' : undefined);
    }
  } else {
    const main = keypress ?? speech;
    if (main) {
      const { to, loc } = targetOf(context, draft, main);
      builder.exit(draft, 'next', to, loc);
    }
    if (speech && speech !== main) {
      // Speech where digits are expected: the closest v1 exit is "not understood".
      const { to, loc } = targetOf(context, draft, speech);
      if (builder.exit(draft, 'noMatch', to, loc) === 'taken') builder.extra(draft, to, loc, 'speech');
    }
  }
  if (timeout) {
    const { to, loc } = targetOf(context, draft, timeout);
    builder.exit(draft, 'noInput', to, loc);
  }
  extras(context, draft, new Set([keypress, speech, timeout].filter((transition): transition is Transition => transition !== undefined)));
}

/** `split-based-on`: each `match` transition is a case (its conditions in words); `noMatch` is the default. */
function mapSplit(context: Context): void {
  const { builder, state } = context;
  const check = hoursCheckRead(context);
  if (check) {
    mapHoursSplit(context, check);
    return;
  }
  const draft = node(context, 'branch');
  const handled = new Set<Transition>();
  for (const transition of state.transitions) {
    if (transition.event !== 'match') continue;
    handled.add(transition);
    const { to, loc } = targetOf(context, draft, transition);
    builder.case(draft, to, loc, describeConditions(transition.conditions));
  }
  const noMatch = event(context, 'noMatch');
  if (noMatch) {
    handled.add(noMatch);
    const { to, loc } = targetOf(context, draft, noMatch);
    builder.exit(draft, 'default', to, loc);
  }
  extras(context, draft, handled);
}

function describeConditions(conditions: unknown[]): string | undefined {
  const words = conditions.map((condition) => text(field(condition, 'friendly_name'))
    ?? `${text(field(condition, 'type')) ?? 'matches'} ${String(field(condition, 'value') ?? '')}`.trim());
  return words.length > 0 ? words.join(' and ') : undefined;
}

/** `connect-call-to`: its `timeout` is how long the other phone rings; without a next the call leaves the flow. */
function mapConnectCall(context: Context): void {
  const { builder, state } = context;
  const ringTimeoutSeconds = numberFrom(state.properties.timeout);
  if (ringTimeoutSeconds === undefined) builder.unknown(loaderEnglish('unknown.transfer-rings'), 'transfers');
  const to = text(state.properties.to) ?? text(state.properties.noun) ?? 'number';
  const draft = node(context, 'transfer', { facts: { to: to === '' ? 'number' : to, ringTimeoutSeconds, context: false } });
  const completed = event(context, 'callCompleted');
  if (completed?.next) {
    // Whoever answers (a number, a SIP address, a Client, a placeholder) is a person; after the
    // conversation the caller goes on to callCompleted's next.
    const answered = builder.node(builder.ids.fresh(`${draft.id}.answered`), 'agent', draft.loc, { label: `${draft.facts.to ?? 'the number'} answers` }, draft.id);
    builder.exit(draft, 'next', answered.id, draft.loc);
    builder.exit(answered, 'next', targetOf(context, answered, completed).to, context.doc.locate(completed.pointer));
  }
  extras(context, draft, new Set(completed ? [completed] : []));
}

/**
 * `send-to-flex` / `enqueue-call`: the caller waits for an agent. The answered call is not a transition, so
 * an agent node stands for it; `callComplete` is where the call goes after the conversation. Twilio plays
 * its default hold music unless a wait URL replaces it.
 */
function mapQueue(context: Context): void {
  const { builder, state } = context;
  const queueName = text(state.properties.queue_name) ?? text(state.properties.workflow) ?? text(state.properties.workflow_sid);
  const draft = node(context, 'queue', { label: queueName === undefined ? undefined : `${state.name} (${queueName})`, facts: waitFacts(context) });
  const agent = builder.agent(draft);
  builder.exit(draft, 'next', agent.id, draft.loc);
  const handled = new Set<Transition>();
  const complete = event(context, 'callComplete');
  if (complete) {
    handled.add(complete);
    if (complete.next) builder.exit(agent, 'next', targetOf(context, agent, complete).to, context.doc.locate(complete.pointer));
  }
  let emptyFailureSeen = false;
  for (const name of ['failedToEnqueue', 'callFailure']) {
    const failure = event(context, name);
    if (!failure) continue;
    handled.add(failure);
    // Two empty failures are one hang-up: a second made-up hang-up would only be unreachable.
    if (!failure.next && emptyFailureSeen) continue;
    emptyFailureSeen ||= !failure.next;
    const { to, loc } = targetOf(context, draft, failure);
    if (builder.exit(draft, 'full', to, loc) === 'taken') builder.extra(draft, to, loc, failure.event);
  }
  extras(context, draft, handled);
  builder.unknown(loaderEnglish('unknown.queue-timeout'), 'queues');
}

const QUEUE_TYPES = new Set(['send-to-flex', 'enqueue-call']);

/**
 * What callers hear in a Twilio queue: without a wait URL, Twilio's default hold music and nothing else;
 * with one, what that URL plays, known only when it is a flow linted with this one (the project fills it in).
 */
function waitFacts(context: Context): DraftInit['facts'] {
  const url = waitUrlOf(context.state);
  if (url === undefined || url.trim() === '') return { music: true, announcements: false, announceWait: false, callback: false };
  const flow = flowOfWebhook(url, context.ownSid);
  context.builder.unknown(IN_QUEUE_FLOW_UNKNOWN.twilio, 'queues');
  return { music: true, ...(flow === undefined ? {} : { holdFlow: flow }) };
}

/** `record-voicemail`: the caller leaves a message; the call ends with help promised. */
function mapVoicemail(context: Context): void {
  const { builder } = context;
  const draft = node(context, 'play', prompt(context));
  const done = event(context, 'recordingComplete');
  if (done?.next) {
    builder.exit(draft, 'next', targetOf(context, draft, done).to, context.doc.locate(done.pointer));
    builder.promise(draft.id, 'voicemail');
  } else {
    const loc = context.doc.locate(done?.pointer ?? context.state.pointer);
    builder.exit(draft, 'next', builder.end(draft, loc, 'voicemail', 'voicemail recorded'), loc);
  }
  // A caller who leaves no message (`noAudio` with nowhere to go) was offered the voicemail all the same.
  const silent = event(context, 'noAudio');
  extras(context, draft, new Set([done, silent?.next ? undefined : silent].filter((transition): transition is Transition => transition !== undefined)));
}

/** `run-subflow`: a subflow when its file is linted with this one, else an opaque step naming the flow. */
function mapSubflow(context: Context): void {
  const { builder, options, state } = context;
  const name = subflowName(state);
  const path = options.resolveFlow?.(name);
  const draft = path === undefined ? node(context, 'play', { label: `${state.name} (subflow ${name})` }) : node(context, 'subflow', { facts: { flow: path } });
  if (path === undefined) builder.unknown(loaderEnglish('unknown.flow-not-linted', { name }), '');
  const completed = event(context, 'completed');
  if (completed) {
    const { to, loc } = targetOf(context, draft, completed);
    builder.exit(draft, 'next', to, loc);
  }
  extras(context, draft, new Set(completed ? [completed] : []));
}

/**
 * `add-twiml-redirect` to another Studio flow's webhook: the call moves on to that flow, as a subflow
 * without `next` when it is linted with this one (a hop to a flow, not a transfer to a person). Any other
 * redirect runs TwiML elsewhere and comes back on `return`.
 */
function mapRedirect(context: Context): void {
  const { builder, options, state } = context;
  const url = text(state.properties.url) ?? '';
  const flow = flowOfWebhook(url, context.ownSid);
  if (flow === undefined) {
    mapPassThrough(context);
    return;
  }
  const path = options.resolveFlow?.(flow);
  if (path === undefined) {
    builder.unknown(loaderEnglish('unknown.flow-not-linted', { name: flow }), '');
    mapPassThrough(context);
    return;
  }
  const draft = node(context, 'subflow', { label: `${state.name} (flow ${flow})`, facts: { flow: path } });
  // A redirect that fails to reach the other flow is not a way on from it: noted and left out, as for Connect.
  for (const transition of state.transitions) {
    if (transition.event === 'return' || transition.event === 'hangup' || !transition.next) continue;
    const { to, loc } = targetOf(context, draft, transition);
    builder.extra(draft, to, loc, 'redirect failed');
  }
}

/** `make-http-request` / `run-function`: a system step; success goes on, failure is the backend-failure path. */
function mapRequest(context: Context): void {
  const { builder, state } = context;
  const what = state.type === 'run-function' ? 'Function' : 'HTTP request';
  const draft = node(context, 'branch', { label: `${state.name} (${what})` });
  const success = event(context, 'success');
  const failure = event(context, 'fail') ?? event(context, 'failed');
  if (success) {
    const { to, loc } = targetOf(context, draft, success);
    builder.exit(draft, 'default', to, loc);
  }
  if (failure) {
    const { to, loc } = targetOf(context, draft, failure);
    if (builder.exit(draft, 'error', to, loc) === 'taken') builder.extra(draft, to, loc, failure.event);
  }
  extras(context, draft, new Set([success, failure].filter((transition): transition is Transition => transition !== undefined)));
}

/** Steps that do not talk to the caller; unknown widget types are read the same way, with a note. */
function mapPassThrough(context: Context): void {
  const { builder, state } = context;
  const draft = node(context, 'play', prompt(context));
  const main = MAIN_EVENTS.map((name) => event(context, name)).find((transition) => transition !== undefined)
    ?? state.transitions.find((transition) => transition.event !== 'hangup');
  if (main?.next) builder.exit(draft, 'next', targetOf(context, draft, main).to, context.doc.locate(main.pointer));
  extras(context, draft, new Set(main ? [main] : []));
  if (!PASS_THROUGH.has(state.type)) {
    builder.note(loaderEnglish('note.twilio-unmapped', { type: state.type }), draft.loc, {
      key: `unmapped\u0000${state.type}`,
      place: `\`${draft.id}\``,
    });
  }
}

/** Words that name a business-hours check, in a widget's name, URL or function. */
const HOURS_CHECK_WORDS = /schedul|hours|business|holiday|opening|office/i;

interface HoursCheckRead {
  /** The function or request widget that checks the hours. */
  widget: State;
  /** The result field the split reads (`isOpen`, `closed`...). */
  result: string;
}

/** A split that reads the open/closed result of a business-hours function (`{{widgets.check.parsed.isOpen}}`). */
function hoursCheckRead(context: Context): HoursCheckRead | undefined {
  const input = text(context.state.properties.input) ?? '';
  const match = /widgets\.([A-Za-z0-9_-]+)\.(?:parsed\.)?([A-Za-z0-9_.]+)/.exec(input);
  if (!match) return undefined;
  const widget = context.states.get(match[1]!);
  if (!widget || (widget.type !== 'run-function' && widget.type !== 'make-http-request')) return undefined;
  const described = [widget.name, text(widget.properties.url), text(widget.properties.function_sid)].join(' ');
  const result = match[2]!;
  if (!HOURS_CHECK_WORDS.test(described) || !/open|closed|holiday/i.test(result)) return undefined;
  return { widget, result };
}

/**
 * The split on a business-hours function's result is the model's `hours` decision. A case whose value
 * is true (or "open") is `open` when the result says "open", `closed` when it says "closed"; a case
 * naming a holiday is `holiday`; `noMatch` is the other side.
 */
function mapHoursSplit(context: Context, check: HoursCheckRead): void {
  const { builder, state } = context;
  const parameters = Array.isArray(check.widget.properties.parameters) ? check.widget.properties.parameters : [];
  const named = parameters.map((parameter) => (field(parameter, 'key') === 'name' ? text(field(parameter, 'value')) : undefined)).find(Boolean);
  const draft = node(context, 'hours', { facts: { schedule: named ?? check.widget.name } });
  const saysClosed = /closed/i.test(check.result);
  const handled = new Set<Transition>();
  let truthSide: 'open' | 'closed' | undefined;
  for (const transition of state.transitions) {
    if (transition.event !== 'match') continue;
    handled.add(transition);
    const words = transition.conditions.map((condition) => `${String(field(condition, 'value') ?? '')} ${text(field(condition, 'friendly_name')) ?? ''}`).join(' ');
    const truthy = /\b(true|yes|open|1)\b/i.test(words) && !/\bnot_equal|not equal/i.test(words);
    const kind = /holiday/i.test(words) ? 'holiday' : truthy !== saysClosed ? 'open' : 'closed';
    if (kind !== 'holiday') truthSide = kind;
    const { to, loc } = targetOf(context, draft, transition);
    if (builder.exit(draft, kind, to, loc) === 'taken') builder.extra(draft, to, loc, `${kind} (again)`);
  }
  const noMatch = event(context, 'noMatch');
  if (noMatch) {
    handled.add(noMatch);
    const { to, loc } = targetOf(context, draft, noMatch);
    builder.exit(draft, truthSide === 'closed' ? 'open' : 'closed', to, loc);
  }
  extras(context, draft, handled);
}

/** The keys a split's `match` transition tests a pressed digit for: `equal_to 1`, `matches_any_of 1, 2`. */
function keysOfMatch(transition: Transition): string[] | undefined {
  if (transition.conditions.length !== 1) return undefined;
  const condition = transition.conditions[0];
  const type = text(field(condition, 'type'));
  const value = String(field(condition, 'value') ?? '').trim();
  const keys = type === 'equal_to' ? [value] : type === 'matches_any_of' ? value.split(',').map((key) => key.trim()) : [];
  return keys.length > 0 && keys.every(isKeypadKey) ? keys : undefined;
}

/**
 * A one-key gather whose digit a split tests key by key (`{{widgets.menu.Digits}}` equal to 1, to 0...) is
 * one menu: the keys become its options and the split's `noMatch` its `onNoMatch`, so that the menu
 * rules see "press 0" and the keys callers have. The split, reached from nowhere else, goes.
 */
function foldKeysIntoMenu(context: Context, states: readonly State[]): void {
  const { builder, doc, state } = context;
  if (state.type !== 'split-based-on') return;
  const match = /widgets\.([A-Za-z0-9_-]+)\.Digits\b/.exec(text(state.properties.input) ?? '');
  const gather = match ? context.states.get(match[1]!) : undefined;
  const menu = gather ? builder.get(gather.id) : undefined;
  const split = builder.get(state.id);
  if (!gather || !menu || !split || menu.type !== 'menu') return;
  const pressed = menu.edges.find((edge) => edge.label === 'option:keypress' && edge.to === split.id);
  const reachedElsewhere = states.some((other) => other.transitions.some((transition) => transition.next === state.name && !(other === gather && transition.event === 'keypress')));
  const cases = state.transitions.filter((transition) => transition.event === 'match');
  const keyed = cases.map((transition) => ({ transition, keys: keysOfMatch(transition) }));
  if (!pressed || reachedElsewhere || cases.length === 0 || keyed.some(({ keys }) => keys === undefined)) return;
  menu.edges = menu.edges.filter((edge) => edge !== pressed);
  for (const { transition, keys } of keyed) {
    const to = split.edges.find((edge) => edge.kind === 'case' && edge.loc.pointer === doc.locate(transition.pointer).pointer)?.to
      ?? targetOf(context, split, transition).to;
    for (const key of keys!) builder.option(menu, key, to, doc.locate(transition.pointer));
  }
  const otherwise = split.edges.find((edge) => edge.kind === 'default');
  if (otherwise && !menu.edges.some((edge) => edge.kind === 'noMatch')) builder.exit(menu, 'noMatch', otherwise.to, otherwise.loc);
  builder.remove(split.id);
}

/**
 * A gather whose answer is judged by a split (`{{widgets.gather.Digits}}`): the split's `noMatch` is
 * what happens to an unexpected answer, so it is the gather's `onNoMatch` when the gather has none.
 */
function gatherNoMatchFromSplit(context: Context): void {
  const { builder, state } = context;
  if (state.type !== 'split-based-on') return;
  const input = text(state.properties.input) ?? '';
  const match = /widgets\.([A-Za-z0-9_-]+)\.(Digits|SpeechResult)\b/.exec(input);
  const gather = match ? context.states.get(match[1]!) : undefined;
  if (!gather || gather.type !== 'gather-input-on-call') return;
  const split = builder.get(state.id);
  const asked = builder.get(gather.id);
  const otherwise = split?.edges.find((edge) => edge.kind === 'default');
  if (!asked || !otherwise || asked.edges.some((edge) => edge.kind === 'noMatch')) return;
  // Only when the gather's answer really goes to this split.
  if (!asked.edges.some((edge) => edge.to === split!.id)) return;
  builder.exit(asked, 'noMatch', otherwise.to, otherwise.loc);
}
