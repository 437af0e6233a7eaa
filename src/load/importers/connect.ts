// Amazon Connect flows: the flow language (`"Version": "2019-10-30"`, `Actions[]`), also wrapped in a
// `Content` string or object as the AWS APIs and Terraform return it, and the older `modules[]` export.
// Both are first read into one shape (ConnectAction), then mapped to format v1 nodes by one set of rules.
import type { FlowKind, HoldExperience, SourceLocation } from '../../model/flow.js';
import {
  FlowBuilder,
  CALLBACK_WORDS,
  tellsCallbackArranged,
  IN_QUEUE_FLOW_UNKNOWN,
  WAIT_WORDS,
  baseName,
  field,
  isRecord,
  numberFrom,
  text,
  type DraftInit,
  type NodeDraft,
} from './build.js';
import { connectLabel } from './connect-labels.js';
import { isOpaqueValue } from './placeholders.js';
import { child, readDocument, type SourceDocument } from './source.js';
import type { FlowReference, ImportOptions, ImportProblem, ImportResult } from './types.js';
import { isKeypadKey } from '../../util/spoken-keys.js';
import { loaderEnglish } from '../../i18n/loader.js';

const FLOW_LANGUAGE_VERSION = '2019-10-30';

/** A transition: the target as written and the pointer of the value that names it. */
interface Transition {
  to: string;
  pointer: string;
}

interface Condition extends Transition {
  operator: string;
  operands: string[];
}

interface ErrorExit extends Transition {
  errorType: string;
}

interface Param {
  value: unknown;
  /** Absent for parameters implied by a legacy block type (StoreUserInput stores input). */
  pointer?: string;
}

/** One action of either export form, in flow-language terms. */
interface ConnectAction {
  rawId: string;
  id: string;
  type: string;
  pointer: string;
  params: Map<string, Param>;
  next?: Transition;
  conditions: Condition[];
  errors: ErrorExit[];
  /** Names the console keeps beside the action (the flow a transfer goes to). */
  flowName?: string;
  /** The first name the console keeps in the action's Metadata (its queue, flow, Lambda...), for its label. */
  metadataName?: string;
  /** The Lex bot's name the console keeps (the parameters hold only its alias ARN). */
  botName?: string;
  /** The flows an event-hook action sets, by hook (`CustomerQueue`...); legacy `Set...Flow` blocks included. */
  hooks?: Array<{ hook: string; name: string }>;
}

interface Located {
  doc: SourceDocument;
  legacy: boolean;
  name?: string;
  description?: string;
  /** The wrapper's `Type` (`CONTACT_FLOW`, `CUSTOMER_QUEUE`...), or `MODULE` for a `ContactFlowModule`. */
  type?: string;
  /** The wrapper's `Id` and `Arn`: how other flows name this one once deployed. */
  ids: string[];
}

export function importConnect(file: string, source: string, options: ImportOptions = {}): ImportResult {
  const read = readDocument(file, source);
  const problems = [...read.problems];
  if (!read.doc) return { format: 'connect', problems };
  const located = locateFlow(read.doc, problems);
  if (!located) return { format: 'connect', problems };
  const { doc, legacy } = located;
  const actions = legacy ? readModules(doc, problems) : readActions(doc, problems);
  if (actions.length === 0) {
    problems.push({ ruleId: 'schema', message: 'the flow has no actions', loc: doc.locate('') });
    return { format: 'connect', problems };
  }
  const builder = new FlowBuilder(file, 'connect');
  claimIds(builder, actions, doc, problems);
  for (const action of actions) mapAction(builder, doc, action, options);
  const name = located.name ?? baseName(file);
  const kind = located.type === undefined ? options.kind ?? inferKind(actions, name) : kindOfType(located.type) ?? options.kind ?? inferKind(actions, name);
  if (kind === 'queue-flow' || kind === 'hold') keepWaiting(builder, actions);
  for (const [id, name] of queueFlowsOfQueues(actions, nonEmpty(field(doc.data, legacy ? 'start' : 'StartAction')))) {
    const queue = builder.get(id);
    if (!queue) continue;
    queue.facts.holdFlow = name;
    if (options.resolveFlow?.(name) === undefined) builder.unknown(loaderEnglish('unknown.flow-not-linted', { name }), '');
  }

  const startPointer = legacy ? '/start' : '/StartAction';
  const start = nonEmpty(field(doc.data, legacy ? 'start' : 'StartAction'));
  if (start === undefined) {
    problems.push({ ruleId: 'schema', message: `the flow has no \`${startPointer.slice(1)}\`: its first action is taken as the start`, loc: doc.locate('') });
  }
  const flow = builder.finish({
    name,
    description: located.description,
    entry: start === undefined ? actions[0]!.id : builder.ids.resolve(start, start),
    entryLoc: doc.locate(start === undefined ? '' : startPointer),
  });
  if (kind !== undefined && kind !== 'flow') flow.kind = kind;
  if (kind === 'queue-flow' || kind === 'hold') flow.hold = holdExperience(actions, flow.name);
  const aliases = [...new Set([located.name, text(field(field(doc.data, 'Metadata'), 'name')), ...located.ids].filter((name): name is string => name !== undefined && name !== ''))];
  return { format: 'connect', flow, problems, notes: builder.notes, aliases, references: referencesOf(actions) };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isFlowLanguage(data: unknown): boolean {
  return field(data, 'Version') === FLOW_LANGUAGE_VERSION && (Array.isArray(field(data, 'Actions')) || typeof field(data, 'StartAction') === 'string');
}

function isLegacy(data: unknown): boolean {
  return Array.isArray(field(data, 'modules')) && String(field(data, 'version')) === '1';
}

/** Where the wrapped forms keep the flow: `{Name, Content}` (Terraform, CLI), `{ContactFlow: {Content}}` (API). */
const WRAPPERS = ['', '/ContactFlow', '/ContactFlowModule'] as const;

/** Finds the flow in the document, unwrapping `Content` (a JSON string or an object). */
function locateFlow(doc: SourceDocument, problems: ImportProblem[]): Located | undefined {
  const root = doc.data;
  const rootName = text(field(field(root, 'metadata'), 'name'));
  if (isFlowLanguage(root)) return { doc, legacy: false, name: text(field(field(root, 'Metadata'), 'name')), ids: [] };
  if (isLegacy(root)) return { doc, legacy: true, name: rootName, description: text(field(field(root, 'metadata'), 'description')), ids: [] };
  for (const wrapper of WRAPPERS) {
    const holder = wrapper === '' ? root : field(root, wrapper.slice(1));
    const content = field(holder, 'Content');
    if (content === undefined) continue;
    const meta = {
      name: text(field(holder, 'Name')),
      description: text(field(holder, 'Description')),
      type: wrapper === '/ContactFlowModule' ? 'MODULE' : text(field(holder, 'Type')),
      ids: [text(field(holder, 'Id')), text(field(holder, 'Arn'))].filter((id): id is string => id !== undefined),
    };
    const pointer = `${wrapper}/Content`;
    if (isRecord(content)) {
      const inner = doc.at(pointer);
      if (isFlowLanguage(content) || isLegacy(content)) return { doc: inner, legacy: isLegacy(content), ...meta };
    } else if (typeof content === 'string') {
      const opened = doc.openEmbedded(pointer);
      if (!opened.doc && opened.problems.some((problem) => problem.ruleId === 'yaml-syntax')) {
        // The export itself is well formed; the flow text it carries is not: one finding at `Content`.
        const reason = opened.problems.find((problem) => problem.ruleId === 'yaml-syntax')!.message;
        problems.push({ ruleId: 'schema', message: `\`Content\` is not valid JSON, so the flow in it cannot be read: ${reason}`, loc: doc.locate(pointer) });
        return undefined;
      }
      problems.push(...opened.problems);
      if (!opened.doc) return undefined;
      const data = opened.doc.data;
      if (isFlowLanguage(data) || isLegacy(data)) return { doc: opened.doc, legacy: isLegacy(data), ...meta };
    }
    problems.push({ ruleId: 'schema', message: '`Content` does not hold an Amazon Connect flow (`"Version": "2019-10-30"` with `Actions`)', loc: doc.locate(pointer) });
    return undefined;
  }
  problems.push({
    ruleId: 'schema',
    message: 'not an Amazon Connect flow: expected `"Version": "2019-10-30"` with `StartAction` and `Actions`, a `Content` wrapper, or a legacy `modules` export',
    loc: doc.locate(''),
  });
  return undefined;
}

/** Reads flow-language actions; malformed parts are reported and skipped, never fatal. */
function readActions(doc: SourceDocument, problems: ImportProblem[]): ConnectAction[] {
  const list = field(doc.data, 'Actions');
  if (!Array.isArray(list)) {
    problems.push({ ruleId: 'schema', message: '`Actions` must be a list of actions', loc: doc.locate('/Actions') });
    return [];
  }
  const metadata = field(field(doc.data, 'Metadata'), 'ActionMetadata');
  return list.flatMap((raw, index): ConnectAction[] => {
    const pointer = `/Actions/${index}`;
    if (!isRecord(raw)) {
      problems.push({ ruleId: 'schema', message: 'an action must be an object', loc: doc.locate(pointer) });
      return [];
    }
    const rawId = identifierOf(raw.Identifier, index, doc, pointer, problems);
    const params = new Map<string, Param>();
    const parameters = raw.Parameters;
    if (isRecord(parameters)) {
      for (const key of Object.keys(parameters)) params.set(key, { value: parameters[key], pointer: child(pointer, 'Parameters', key) });
    }
    const transitions = raw.Transitions;
    const action: ConnectAction = {
      rawId,
      id: '',
      type: typeOf(raw.Type, doc, pointer, problems),
      pointer,
      params,
      conditions: [],
      errors: [],
      flowName: consoleFlowName(field(metadata, rawId)),
      metadataName: metadataName(field(metadata, rawId)),
      botName: consoleBotName(field(metadata, rawId)),
    };
    if (transitions !== undefined && !isRecord(transitions)) {
      problems.push({ ruleId: 'schema', message: '`Transitions` must be an object', loc: doc.locate(`${pointer}/Transitions`) });
      return [action];
    }
    const nextAction = field(transitions, 'NextAction');
    if (typeof nextAction === 'string') action.next = { to: nextAction, pointer: `${pointer}/Transitions/NextAction` };
    listOf(field(transitions, 'Conditions')).forEach((condition, j) => {
      const to = field(condition, 'NextAction');
      if (typeof to !== 'string') return;
      const body = field(condition, 'Condition');
      action.conditions.push({
        to,
        pointer: `${pointer}/Transitions/Conditions/${j}/NextAction`,
        operator: text(field(body, 'Operator')) ?? 'Equals',
        operands: listOf(field(body, 'Operands')).map((operand) => String(operand)),
      });
    });
    listOf(field(transitions, 'Errors')).forEach((error, j) => {
      const to = field(error, 'NextAction');
      if (typeof to !== 'string') return;
      action.errors.push({ to, pointer: `${pointer}/Transitions/Errors/${j}/NextAction`, errorType: text(field(error, 'ErrorType')) ?? 'Error' });
    });
    return [action];
  });
}

/**
 * The name the console keeps for the flow or module an action names: `ContactFlow: { text }`,
 * `contactFlowModuleName`, or a parameter's `displayName`.
 */
function consoleFlowName(entry: unknown): string | undefined {
  const parameters = field(entry, 'parameters');
  return firstName([
    field(field(entry, 'ContactFlow'), 'text'),
    field(entry, 'contactFlowModuleName'),
    field(field(parameters, 'FlowModuleId'), 'displayName'),
    field(field(parameters, 'ContactFlowId'), 'displayName'),
  ]);
}

/** The Lex V2 bot's name the console keeps beside its alias (`lexV2BotName`). */
function consoleBotName(entry: unknown): string | undefined {
  return firstName([field(entry, 'lexV2BotName'), field(field(field(field(entry, 'parameters'), 'LexV2Bot'), 'AliasArn'), 'lexV2BotName')]);
}

/** The first of `values` that is a name (text, not blank), trimmed. */
function firstName(values: readonly unknown[]): string | undefined {
  return values.map((value) => text(value)?.trim()).find((name) => name !== undefined && name !== '');
}

/** The first `{ text }` the console keeps for an action (`queue: { id, text: 'Billing' }`). */
function metadataName(entry: unknown): string | undefined {
  if (!isRecord(entry)) return undefined;
  return firstName(Object.values(entry).map((value) => field(value, 'text')));
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function identifierOf(value: unknown, index: number, doc: SourceDocument, pointer: string, problems: ImportProblem[]): string {
  if (typeof value === 'string' && value !== '') return value;
  problems.push({ ruleId: 'schema', message: 'an action needs an `Identifier` (its id)', loc: doc.locate(pointer) });
  return `action-${index + 1}`;
}

function typeOf(value: unknown, doc: SourceDocument, pointer: string, problems: ImportProblem[]): string {
  if (typeof value === 'string' && value !== '') return value;
  problems.push({ ruleId: 'schema', message: 'an action needs a `Type`', loc: doc.locate(pointer) });
  return 'Unknown';
}

/** Legacy block types, as the flow-language actions they correspond to. */
const LEGACY_TYPES: Readonly<Record<string, string>> = {
  PlayPrompt: 'MessageParticipant',
  GetUserInput: 'GetParticipantInput',
  StoreUserInput: 'GetParticipantInput',
  CheckAttribute: 'Compare',
  CheckHoursOfOperation: 'CheckHoursOfOperation',
  CheckStaffing: 'CheckStaffing',
  InvokeExternalResource: 'InvokeLambdaFunction',
  SetQueue: 'UpdateContactTargetQueue',
  Disconnect: 'DisconnectParticipant',
  Loop: 'Loop',
  CreateCallback: 'CreateCallbackContact',
  SetAttributes: 'UpdateContactAttributes',
  SetLoggingBehavior: 'UpdateFlowLoggingBehavior',
  SetVoice: 'UpdateContactTextToSpeechVoice',
  SetRecordingBehavior: 'UpdateContactRecordingBehavior',
  SetEventHook: 'UpdateContactEventHooks',
  SetWhisperFlow: 'UpdateContactEventHooks',
  SetCustomerQueueFlow: 'UpdateContactEventHooks',
  SetHoldFlow: 'UpdateContactEventHooks',
  SetDisconnectFlow: 'UpdateContactEventHooks',
  SetContactFlow: 'UpdateContactEventHooks',
};

/** The hook a legacy `Set...Flow` block sets; `SetContactFlow` says which in its `Type` parameter. */
const LEGACY_HOOKS: Readonly<Record<string, string>> = {
  SetCustomerQueueFlow: 'CustomerQueue',
  SetHoldFlow: 'CustomerHold',
  SetWhisperFlow: 'CustomerWhisper',
};

function legacyHook(legacyType: string, params: ReadonlyMap<string, Param>): string | undefined {
  if (legacyType === 'SetContactFlow') return text(params.get('Type')?.value);
  return Object.hasOwn(LEGACY_HOOKS, legacyType) ? LEGACY_HOOKS[legacyType] : undefined;
}

/** `Transfer` blocks: the kind of transfer is in the module's `target`. */
const LEGACY_TRANSFERS: Readonly<Record<string, string>> = {
  Queue: 'TransferContactToQueue',
  Flow: 'TransferToFlow',
  PhoneNumber: 'TransferParticipantToThirdParty',
  ThirdParty: 'TransferParticipantToThirdParty',
};

/** Legacy parameter names, as the flow-language parameters they correspond to. */
const LEGACY_PARAMS: Readonly<Record<string, string>> = {
  Timeout: 'InputTimeLimitSeconds',
  PhoneNumber: 'ThirdPartyPhoneNumber',
  TimeLimit: 'ThirdPartyConnectionTimeLimitSeconds',
  Queue: 'QueueId',
  FunctionArn: 'LambdaFunctionARN',
  AudioPrompt: 'PromptId',
  Attribute: 'ComparisonValue',
  ContactFlow: 'ContactFlowId',
};

/** Legacy branch conditions, as flow-language errors (or NextAction, for Success). */
const LEGACY_ERRORS: Readonly<Record<string, string>> = {
  Error: 'NoMatchingError',
  Timeout: 'InputTimeLimitExceeded',
  NoMatch: 'NoMatchingCondition',
  AtCapacity: 'QueueAtCapacity',
};

/** Legacy branch conditions that are conditions with a fixed operand in the flow language. */
const LEGACY_FIXED_CONDITIONS: Readonly<Record<string, string>> = {
  True: 'True',
  False: 'False',
  Looping: 'ContinueLooping',
  Complete: 'DoneLooping',
};

/** Reads the older export: `modules[]` with `branches[]` and `parameters[]`. */
function readModules(doc: SourceDocument, problems: ImportProblem[]): ConnectAction[] {
  const list = field(doc.data, 'modules') as unknown[];
  return list.flatMap((raw, index): ConnectAction[] => {
    const pointer = `/modules/${index}`;
    if (!isRecord(raw)) {
      problems.push({ ruleId: 'schema', message: 'a module must be an object', loc: doc.locate(pointer) });
      return [];
    }
    const rawId = identifierOf(raw.id, index, doc, pointer, problems);
    const legacyType = typeOf(raw.type, doc, pointer, problems);
    const type = legacyType === 'Transfer'
      ? LEGACY_TRANSFERS[String(raw.target)] ?? 'Transfer'
      : LEGACY_TYPES[legacyType] ?? legacyType;
    const params = new Map<string, Param>();
    let ssml = false;
    listOf(raw.parameters).forEach((parameter, j) => {
      const name = text(field(parameter, 'name'));
      if (name === undefined) return;
      if (name === 'TextToSpeechType') ssml = field(parameter, 'value') === 'ssml';
      params.set(LEGACY_PARAMS[name] ?? name, { value: field(parameter, 'value'), pointer: `${pointer}/parameters/${j}/value` });
    });
    const spoken = params.get('Text');
    if (ssml && spoken) {
      params.delete('Text');
      params.set('SSML', spoken);
    }
    if (legacyType === 'StoreUserInput') params.set('StoreInput', { value: 'True' });
    const action: ConnectAction = { rawId, id: '', type, pointer, params, conditions: [], errors: [] };
    const resourceName = [...listOf(raw.parameters)].map((parameter) => text(field(parameter, 'resourceName'))).find(Boolean);
    if (type === 'TransferToFlow') action.flowName = resourceName;
    const hook = legacyHook(legacyType, params);
    const target = resourceName ?? text(params.get('ContactFlowId')?.value);
    if (hook !== undefined && target !== undefined) action.hooks = [{ hook, name: flowNameIn(target) }];
    listOf(raw.branches).forEach((branch, j) => {
      const to = field(branch, 'transition');
      const condition = text(field(branch, 'condition')) ?? '';
      if (typeof to !== 'string') return;
      const at = `${pointer}/branches/${j}/transition`;
      if (condition === 'Success') action.next = { to, pointer: at };
      else if (condition === 'Evaluate') {
        action.conditions.push({
          to,
          pointer: at,
          operator: text(field(branch, 'conditionType')) ?? 'Equals',
          operands: [String(field(branch, 'conditionValue') ?? '')],
        });
      } else if (Object.hasOwn(LEGACY_FIXED_CONDITIONS, condition)) {
        action.conditions.push({ to, pointer: at, operator: 'Equals', operands: [LEGACY_FIXED_CONDITIONS[condition]!] });
      } else {
        action.errors.push({ to, pointer: at, errorType: LEGACY_ERRORS[condition] ?? condition });
      }
    });
    return [action];
  });
}

/** Gives every action its node id before any is mapped, so transitions can point forwards. */
function claimIds(builder: FlowBuilder, actions: ConnectAction[], doc: SourceDocument, problems: ImportProblem[]): void {
  for (const action of actions) {
    if (builder.ids.lookup(action.rawId) !== undefined) {
      problems.push({ ruleId: 'schema', message: `action id \`${action.rawId}\` is repeated; transitions reach only the first one`, loc: doc.locate(action.pointer) });
      action.id = builder.ids.fresh(action.rawId);
    } else {
      action.id = builder.ids.claim(action.rawId, action.rawId);
    }
  }
}

const PLAYS = new Set(['MessageParticipant', 'MessageParticipantIteratively']);
const INPUTS = new Set(['GetParticipantInput', 'ConnectParticipantWithLexBot']);
const BRANCHES = new Set([
  'Compare', 'CheckMetricData', 'GetMetricData', 'DistributeByPercentage', 'CheckVoiceId', 'CheckOutboundCallStatus', 'Loop',
]);
/** Checks of the hours of operation or of the agents staffed: the model's `hours` decision. */
const HOURS_CHECKS = new Set(['CheckHoursOfOperation', 'CheckStaffing']);
/** Calls to a backend: a branch whose error exits are the backend-failure path (`onError`). */
const BACKEND_CALLS = new Set(['InvokeLambdaFunction', 'InvokeExternalResource']);
/** Actions that only run while an agent is on the call (hold, resume): a person is there. */
const AGENT_PRESENT = new Set(['UpdatePreviousContactParticipantState', 'HoldParticipantConnection', 'ResumeContact']);
/** Steps that only change settings of the contact: silent, the call passes on. */
const SETTINGS_STEPS = new Set([
  'UpdateContactAttributes', 'UpdateFlowAttributes', 'UpdateContactEventHooks', 'UpdateFlowLoggingBehavior',
  'UpdateContactTextToSpeechVoice', 'UpdateContactRecordingBehavior', 'UpdateContactRecordingAndAnalyticsBehavior',
  'UpdateContactData', 'UpdateContactRoutingBehavior', 'UpdateContactCallbackNumber', 'UpdateContactMediaProcessing',
  'UpdateContactTargetQueue', 'UpdateContactMediaStreamingBehavior', 'UpdateRoutingCriteria',
]);
const RETURNS = new Set(['EndFlowExecution', 'EndFlowModuleExecution', 'ReturnFromFlowModule']);

/** Short words for what a branch tests, used in each case's `when`. */
const BRANCH_SUBJECTS: Readonly<Record<string, string>> = {
  CheckHoursOfOperation: 'in hours of operation',
  CheckStaffing: 'agents staffed',
  InvokeLambdaFunction: 'Lambda result',
  InvokeExternalResource: 'Lambda result',
  DistributeByPercentage: 'random percentage',
  Loop: 'loop',
};

interface MapContext {
  builder: FlowBuilder;
  doc: SourceDocument;
  action: ConnectAction;
  options: ImportOptions;
}

function mapAction(builder: FlowBuilder, doc: SourceDocument, action: ConnectAction, options: ImportOptions): void {
  const context: MapContext = { builder, doc, action, options };
  const { type } = action;
  if (PLAYS.has(type)) mapPlay(context);
  else if (agentsOnlineCondition(action) !== undefined) mapHoursCheck(context);
  else if (INPUTS.has(type)) mapInput(context);
  else if (BRANCHES.has(type)) mapBranch(context);
  else if (HOURS_CHECKS.has(type)) mapHoursCheck(context);
  else if (BACKEND_CALLS.has(type)) mapBackendCall(context);
  else if (AGENT_PRESENT.has(type)) mapAgentPresent(context);
  else if (type === 'TransferContactToQueue') mapQueue(context);
  else if (type === 'TransferParticipantToThirdParty') mapThirdParty(context);
  else if (type === 'TransferToFlow') mapTransferToFlow(context);
  else if (type === 'InvokeFlowModule') mapModule(context);
  else if (type === 'DisconnectParticipant') node(context, 'hangup');
  else if (RETURNS.has(type)) node(context, 'return');
  else if (type === 'TransferContactToAgent') node(context, 'agent');
  else if (type === 'CreateCallbackContact') {
    passThrough(context);
    builder.promise(action.id, 'callback');
  } else {
    passThrough(context);
    if (!SETTINGS_STEPS.has(type)) {
      builder.note(loaderEnglish('note.connect-unmapped', { type }), doc.locate(action.pointer), {
        key: `unmapped\u0000${type}`,
        place: `\`${action.id}\``,
      });
    }
  }
}

/** Parameters that hold a v1 field's value, so findings about that field can point at it. */
const PARAM_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['InputTimeLimitSeconds', 'timeoutSeconds'],
  ['ThirdPartyConnectionTimeLimitSeconds', 'ringTimeoutSeconds'],
  ['ThirdPartyPhoneNumber', 'to'],
  ['ContactFlowId', 'to'],
];

function node(context: MapContext, type: NodeDraft['type'], init: DraftInit = {}): NodeDraft {
  const { builder, doc, action } = context;
  const label = init.label ?? connectLabel({
    type: action.type,
    params: new Map([...action.params].map(([key, param]) => [key, param.value])),
    nodeType: type,
    say: init.say ?? [],
    ...(action.metadataName === undefined ? {} : { metadataName: action.metadataName }),
    ...(action.botName === undefined ? {} : { botName: action.botName }),
  });
  const draft = builder.node(action.id, type, doc.locate(action.pointer), { ...init, label });
  for (const [param, key] of PARAM_FIELDS) {
    const pointer = action.params.get(param)?.pointer;
    if (pointer !== undefined) draft.fieldLocs.set(key, doc.locate(pointer));
  }
  if (draft.sayLoc) draft.fieldLocs.set('say', draft.sayLoc);
  return draft;
}

function target(context: MapContext, transition: Transition): string {
  return context.builder.ids.resolve(transition.to, transition.to);
}

function where(context: MapContext, transition: Transition): SourceLocation {
  return context.doc.locate(transition.pointer);
}

/** Sets the first free slot among `kinds`; when all hold other targets the exit is handled as an extra. */
function fill(context: MapContext, draft: NodeDraft, kinds: Array<'next' | 'default' | 'noInput' | 'noMatch' | 'full' | 'noAnswer' | 'busy' | 'timeout' | 'error'>, transition: Transition, what: string): void {
  const to = target(context, transition);
  const loc = where(context, transition);
  for (const kind of kinds) {
    if (context.builder.exit(draft, kind, to, loc) !== 'taken') return;
  }
  context.builder.extra(draft, to, loc, what);
}

/** NextAction, then every condition and error as extra exits (a prompt with a distinct error exit becomes a branch). */
function passOn(context: MapContext, draft: NodeDraft): void {
  const { builder, action } = context;
  if (action.next) builder.exit(draft, 'next', target(context, action.next), where(context, action.next));
  for (const condition of action.conditions) builder.extra(draft, target(context, condition), where(context, condition), describeCondition(action, condition));
  for (const error of action.errors) builder.extra(draft, target(context, error), where(context, error), error.errorType);
}

function passThrough(context: MapContext, label?: string): NodeDraft {
  const draft = node(context, 'play', label === undefined ? {} : { label });
  passOn(context, draft);
  return draft;
}

/** The prompt of an action, as written; prompts held in attributes or recordings are unknown, not invented. */
function prompt(context: MapContext): { say: string[]; sayLoc?: SourceLocation } {
  const { action, builder, doc } = context;
  const say: string[] = [];
  let sayLoc: SourceLocation | undefined;
  const messages = action.params.get('Messages');
  const sources: Array<{ key: string; value: unknown; pointer?: string }> = [];
  for (const key of ['Text', 'SSML', 'PromptId', 'Media']) {
    const param = action.params.get(key);
    if (param) sources.push({ key, value: param.value, pointer: param.pointer });
  }
  if (messages && Array.isArray(messages.value)) {
    messages.value.forEach((message, index) => {
      for (const key of ['Text', 'SSML', 'PromptId', 'Media']) {
        const value = field(message, key);
        if (value !== undefined) sources.push({ key, value, pointer: messages.pointer && child(messages.pointer, index, key) });
      }
    });
  }
  for (const source of sources) {
    sayLoc ??= source.pointer === undefined ? undefined : doc.locate(source.pointer);
    if ((source.key === 'Text' || source.key === 'SSML') && typeof source.value === 'string') {
      if (isOpaqueValue(source.value)) builder.unknown(loaderEnglish('unknown.prompt-in-attributes'), 'prompts');
      else say.push(source.key === 'SSML' ? speechOfSsml(source.value) : source.value);
    } else {
      builder.unknown(loaderEnglish('unknown.recorded-prompts'), 'prompts');
    }
  }
  return { say: say.filter((line) => line !== ''), sayLoc };
}

/** The words of an SSML prompt: tags are markup, not speech. */
function speechOfSsml(ssml: string): string {
  return ssml.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim();
}

function mapPlay(context: MapContext): void {
  const spoken = prompt(context);
  const draft = node(context, 'play', spoken);
  passOn(context, draft);
  // A message held in an attribute is known only by the attribute's name: it still says what it tells.
  const held = ['Text', 'SSML', 'PromptId'].map((key) => context.action.params.get(key)?.value).filter((value): value is string => typeof value === 'string');
  if (tellsCallbackArranged([...spoken.say, ...held])) context.builder.promise(context.action.id, 'callback');
}

/** `GetParticipantInput` / Lex: a menu when it branches on what the caller pressed or said, else an input. */
function mapInput(context: MapContext): void {
  const { action, builder } = context;
  const limit = action.params.get('InputTimeLimitSeconds')?.value;
  const timeoutSeconds = numberFrom(limit);
  if (limit !== undefined && timeoutSeconds === undefined) builder.unknown(loaderEnglish('unknown.input-limits'), 'nodes');
  const stores = String(action.params.get('StoreInput')?.value).toLowerCase() === 'true';
  if (action.conditions.length === 0 && !stores) {
    // Neither branching on the answer nor storing it: to the caller it is only a prompt.
    mapPlay(context);
    return;
  }
  const spoken = prompt(context);
  if (action.conditions.length === 0) {
    // Stored input: Connect has one Error exit for both silence and invalid input.
    const validation = field(action.params.get('InputValidation')?.value, 'PhoneNumberValidation');
    // Connect stores the digits without naming them. The datum is named after the action, so that two
    // inputs are never taken for the same question (which would read as the caller repeating themselves).
    const collects = validation === undefined ? `customer input ${action.rawId}` : `phone number ${action.rawId}`;
    const draft = node(context, 'input', { ...spoken, facts: { collects, timeoutSeconds, retries: 0 } });
    builder.unknown(loaderEnglish('unknown.connect-input'), 'inputs');
    if (action.next) builder.exit(draft, 'next', target(context, action.next), where(context, action.next));
    const timeout = action.errors.find((error) => error.errorType === 'InputTimeLimitExceeded');
    if (timeout) fill(context, draft, ['noInput'], timeout, timeout.errorType);
    for (const error of action.errors) {
      if (error === timeout) continue;
      fill(context, draft, ['noMatch'], error, error.errorType);
      // Without a timeout exit, silence takes the same Error exit as invalid input.
      if (!timeout) fill(context, draft, ['noInput'], error, error.errorType);
    }
    return;
  }
  const draft = node(context, 'menu', {
    ...spoken,
    // Connect plays a menu once: repeating it takes a Loop in the flow itself.
    facts: { timeoutSeconds, retries: 0 },
  });
  for (const condition of action.conditions) {
    for (const operand of condition.operands) {
      if (!builder.option(draft, operand, target(context, condition), where(context, condition))) {
        builder.note(loaderEnglish('note.option-twice', { option: operand, id: draft.id }), where(context, condition));
      }
    }
  }
  const byType = (type: string): ErrorExit | undefined => action.errors.find((error) => error.errorType === type);
  const timeout = byType('InputTimeLimitExceeded');
  const noMatch = byType('NoMatchingCondition');
  if (timeout) fill(context, draft, ['noInput'], timeout, timeout.errorType);
  if (noMatch) fill(context, draft, ['noMatch'], noMatch, noMatch.errorType);
  for (const error of action.errors) {
    if (error !== timeout && error !== noMatch) fill(context, draft, ['noMatch', 'noInput'], error, error.errorType);
  }
  // NextAction on a menu is the console's "Default": where an unmatched key goes.
  if (action.next) fill(context, draft, ['noMatch'], action.next, 'default');
  if (action.type === 'ConnectParticipantWithLexBot') {
    // A bot has no timeout exit: it re-prompts a silent caller itself and then takes its Error exit (or,
    // without one, the fallback), so silence goes where that exit goes.
    const silence = byType('NoMatchingError') ?? noMatch ?? action.next;
    if (silence && !draft.edges.some((edge) => edge.kind === 'noInput')) builder.exit(draft, 'noInput', target(context, silence), where(context, silence));
    adviseKeypad(context, draft);
  }
}

/**
 * A Lex bot is a speech menu: its intents are the options, its fallback the no-match path. When no
 * option is a key, callers who cannot speak or be understood (noise, accent, a speech impairment) have
 * no other way through: advised as a note, since the bot itself may accept DTMF.
 */
function adviseKeypad(context: MapContext, draft: NodeDraft): void {
  const keys = draft.edges.filter((edge) => edge.kind === 'option').map((edge) => edge.label.slice('option:'.length));
  if (keys.some(isKeypadKey)) return;
  // "menu `id`" reads as the block's label ("Lex bot OrderBot"); one note per bot and set of intents.
  context.builder.note(
    loaderEnglish('note.speech-only', { id: draft.id, intents: keys.map((key) => `"${key}"`).join(', '), first: keys[0] ?? 'sales' }),
    context.doc.locate(context.action.pointer),
    { key: `speech only\u0000${draft.label ?? draft.id}\u0000${keys.join('\u0000')}`, place: `menu \`${draft.id}\`` },
  );
}

function describeCondition(action: ConnectAction, condition: Condition): string {
  const subject = text(action.params.get('ComparisonValue')?.value) ?? BRANCH_SUBJECTS[action.type] ?? action.type;
  if (action.type === 'Loop') {
    const count = action.params.get('LoopCount')?.value;
    return condition.operands.includes('ContinueLooping') ? `loop again (up to ${String(count ?? '?')} times)` : 'loop done';
  }
  return `${subject} ${condition.operator} ${condition.operands.join(', ')}`.trim();
}

/** How often a `Loop` block's "loop again" exit can be taken (its LoopCount), when the export says. */
function loopTimes(action: ConnectAction, condition: Condition): number | undefined {
  if (action.type !== 'Loop' || !condition.operands.includes('ContinueLooping')) return undefined;
  const count = numberFrom(action.params.get('LoopCount')?.value);
  return count !== undefined && Number.isInteger(count) && count >= 1 ? count : undefined;
}

/** Decisions: conditions are cases; "no matching condition" (or NextAction) is the default; errors are cases. */
function mapBranch(context: MapContext): void {
  const { action, builder } = context;
  const draft = node(context, 'branch');
  const done = action.type === 'Loop' ? action.conditions.find((condition) => condition.operands.includes('DoneLooping')) : undefined;
  const noMatch = action.errors.find((error) => error.errorType === 'NoMatchingCondition');
  for (const condition of action.conditions) {
    if (condition !== done) builder.case(draft, target(context, condition), where(context, condition), describeCondition(action, condition), loopTimes(action, condition));
  }
  for (const fallback of [done, noMatch, action.next]) {
    if (fallback) fill(context, draft, ['default'], fallback, fallback === action.next ? 'success' : 'no condition matched');
  }
  for (const error of action.errors) {
    if (error !== noMatch) builder.extra(draft, target(context, error), where(context, error), `error: ${error.errorType}`);
  }
}

/**
 * `TransferContactToQueue`: the caller waits for an agent. The export never shows the answered call (the
 * contact leaves the flow), so an agent node stands for it. NextAction and errors are the ways queuing fails.
 */
function mapQueue(context: MapContext): void {
  const { action, builder } = context;
  // The default customer queue flow plays music; a custom one (set by an event hook) is not in this file.
  const draft = node(context, 'queue', { facts: { music: true } });
  builder.exit(draft, 'next', builder.agent(draft).id, draft.loc);
  const capacity = action.errors.find((error) => error.errorType === 'QueueAtCapacity');
  if (capacity) fill(context, draft, ['full'], capacity, capacity.errorType);
  for (const error of action.errors) {
    if (error !== capacity) fill(context, draft, ['full'], error, error.errorType);
  }
  if (action.next) fill(context, draft, ['full'], action.next, 'not queued');
  builder.unknown(loaderEnglish('unknown.queue-timeout'), 'queues');
  builder.unknown(IN_QUEUE_FLOW_UNKNOWN.connect, 'queues');
}

/** `TransferParticipantToThirdParty`: its connection time limit is how long the phone rings. */
function mapThirdParty(context: MapContext): void {
  const { action, builder } = context;
  const number = text(action.params.get('ThirdPartyPhoneNumber')?.value);
  const ringTimeoutSeconds = numberFrom(action.params.get('ThirdPartyConnectionTimeLimitSeconds')?.value);
  if (ringTimeoutSeconds === undefined) builder.unknown(loaderEnglish('unknown.transfer-rings'), 'transfers');
  const draft = node(context, 'transfer', { facts: { to: number ?? 'phone number', ringTimeoutSeconds, context: false } });
  // The third party is a person. With "resume flow after disconnect" (`ContinueFlowExecution`), the
  // caller comes back to NextAction once they hang up; otherwise the flow is over for this contact.
  const answered = builder.node(builder.ids.fresh(`${draft.id}.answered`), 'agent', draft.loc, { label: `${number ?? 'the third party'} answers` }, draft.id);
  builder.exit(draft, 'next', answered.id, draft.loc);
  const resumes = String(action.params.get('ContinueFlowExecution')?.value).toLowerCase() === 'true';
  if (resumes && action.next) builder.exit(answered, 'next', target(context, action.next), where(context, action.next));
  const timeout = action.errors.find((error) => error.errorType === 'ConnectionTimeLimitExceeded');
  if (timeout) fill(context, draft, ['noAnswer'], timeout, timeout.errorType);
  for (const error of action.errors) {
    if (error !== timeout) fill(context, draft, ['busy', 'noAnswer'], error, error.errorType);
  }
}

/** A readable name for the flow a transfer or module names, however the export spells it. */
function flowNameOf(action: ConnectAction, key: string): string {
  if (action.flowName) return action.flowName;
  return flowNameIn(text(action.params.get(key)?.value) ?? 'another flow');
}

/** The flow name inside a reference: a deploy placeholder, an attribute path, an ARN, or the name itself. */
function flowNameIn(raw: string): string {
  const patterns = [
    /\{\{\s*(?:contactFlows|flowModules|modules)\.([^.}\s]+)/,
    /\$\{[A-Z]:([^:}]+):[A-Z]\}/,
    /^\$\.(?:FlowAttributes|Attributes|External)\.(.+)$/,
    /\/(?:contact-flow|flow-module)\/([^/]+)$/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(raw);
    if (match?.[1]) return match[1];
  }
  return raw;
}

/**
 * `TransferToFlow`: the call leaves this flow for another one, with its attributes. A subflow (without
 * `next`: the other flow ends the call) when the caller of the importer can name its file; otherwise an
 * external transfer that keeps context. Its NextAction and errors are the ways the transfer fails.
 */
function mapTransferToFlow(context: MapContext): void {
  const { action, builder, options } = context;
  const name = flowNameOf(action, 'ContactFlowId');
  const path = options.resolveFlow?.(name);
  if (path !== undefined) {
    const draft = node(context, 'subflow', { facts: { flow: path } });
    for (const failure of [...action.errors, ...(action.next ? [action.next] : [])]) {
      builder.extra(draft, target(context, failure), where(context, failure), 'transfer failed');
    }
    return;
  }
  builder.unknown(loaderEnglish('unknown.flow-transfers'), 'transfers');
  builder.unknown(loaderEnglish('unknown.flow-not-linted', { name }), '');
  // A hop to another flow, not a new person: the contact and its attributes go on there.
  const draft = node(context, 'transfer', { facts: { to: `flow ${name}`, context: true, toFlow: true } });
  for (const error of action.errors) fill(context, draft, ['noAnswer', 'busy'], error, error.errorType);
  if (action.next) fill(context, draft, ['noAnswer', 'busy'], action.next, 'transfer failed');
}

/** `InvokeFlowModule`: runs a module and comes back. A subflow when its file is known, else an opaque step. */
function mapModule(context: MapContext): void {
  const { action, builder, options } = context;
  const name = flowNameOf(action, 'FlowModuleId');
  const path = options.resolveFlow?.(name);
  if (path !== undefined) {
    const draft = node(context, 'subflow', { facts: { flow: path } });
    passOn(context, draft);
    return;
  }
  builder.unknown(loaderEnglish('unknown.flow-modules'), 'modules');
  builder.unknown(loaderEnglish('unknown.flow-not-linted', { name }), '');
  passThrough(context, `module ${name}`);
}

/** The name an ARN, placeholder or attribute reference gives a resource (hours, a Lambda), else undefined. */
function resourceName(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const patterns = [
    /\{\{\s*[A-Za-z]+\.([^.}\s]+)/,
    /\$\{[A-Z]:([^:}]+):[A-Z]\}/,
    /^\$\.(?:FlowAttributes|Attributes|External)\.(.+)$/,
    /:function:([^:/]+)/,
    /\/(?:operating-hours|queue)\/([^/]+)$/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(raw);
    if (match?.[1]) return match[1];
  }
  return raw;
}

/**
 * `CheckHoursOfOperation` / `CheckStaffing`: the `hours` decision. True is `open`, False `closed`; for
 * staffing, "no agent staffed" is closed-like: nobody will answer. An error exit that goes somewhere
 * else becomes a branch in front of the check (`onError`: the check itself failed).
 */
/**
 * A `CheckMetricData` that asks whether any agent is online, available or staffed ("greater than 0"): a
 * staffing check whose "no agent" side is its no-match exit. Its condition, else undefined.
 */
function agentsOnlineCondition(action: ConnectAction): Condition | undefined {
  if (action.type !== 'CheckMetricData') return undefined;
  const metric = text(action.params.get('MetricType')?.value) ?? '';
  if (!/agents?_?(online|available|staffed)/i.test(metric.replace(/NumberOf/i, ''))) return undefined;
  const [only, ...others] = action.conditions;
  if (!only || others.length > 0) return undefined;
  const operand = Number(only.operands[0]);
  const anyAgent = (only.operator === 'NumberGreaterThan' && operand === 0) || (only.operator === 'NumberGreaterOrEqualTo' && operand === 1);
  return anyAgent ? only : undefined;
}

/** What an agent-count check counts, in words: "agents online". */
function agentMetricWords(action: ConnectAction): string {
  const metric = (text(action.params.get('MetricType')?.value) ?? '').replace(/NumberOf/i, '');
  return metric.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();
}

function mapHoursCheck(context: MapContext): void {
  const { action, builder, doc } = context;
  const agentCount = agentsOnlineCondition(action);
  const staffing = action.type === 'CheckStaffing' || agentCount !== undefined;
  const hoursRef = text(action.params.get('Hours')?.value) ?? text(action.params.get('HoursOfOperationId')?.value);
  const queueRef = text(action.params.get('QueueId')?.value) ?? text(action.params.get('Queue')?.value);
  const onQueue = queueRef === undefined ? '' : ` on ${resourceName(queueRef)}`;
  const schedule = agentCount ? `${agentMetricWords(action)}${onQueue}` : staffing ? `agents staffed${onQueue}` : resourceName(hoursRef) ?? "the queue's hours of operation";
  const exits: Array<{ kind: 'open' | 'closed'; transition: Transition }> = [];
  for (const condition of action.conditions) {
    const operand = (condition.operands[0] ?? '').toLowerCase();
    if (condition === agentCount || operand === 'true') exits.push({ kind: 'open', transition: condition });
    else if (operand === 'false') exits.push({ kind: 'closed', transition: condition });
  }
  // An agent count that matches nothing is zero: nobody will answer.
  const none = agentCount ? action.errors.find((error) => error.errorType === 'NoMatchingCondition') : undefined;
  if (none) exits.push({ kind: 'closed', transition: none });
  const targets = new Set(exits.map((exit) => target(context, exit.transition)));
  const failures = action.errors.filter((error) => error !== none && !targets.has(target(context, error)));
  const loc = doc.locate(action.pointer);
  let hours: NodeDraft;
  if (failures.length > 0) {
    const guard = node(context, 'branch');
    hours = builder.node(builder.ids.fresh(`${action.id}.${staffing ? 'staffed' : 'hours'}`), 'hours', loc, { label: agentCount ? `${agentMetricWords(action)}?` : staffing ? 'agents staffed?' : 'open now?', facts: { schedule, staffing } }, guard.id);
    builder.exit(guard, 'default', hours.id, loc);
    for (const failure of failures) fill(context, guard, ['error'], failure, `error: ${failure.errorType}`);
  } else {
    hours = node(context, 'hours', { facts: { schedule, staffing }, ...(agentCount ? { label: `${agentMetricWords(action)}?` } : {}) });
  }
  for (const exit of exits) {
    if (builder.exit(hours, exit.kind, target(context, exit.transition), where(context, exit.transition)) === 'taken') {
      builder.note(loaderEnglish('note.exit-twice', { id: hours.id, kind: exit.kind }), where(context, exit.transition));
    }
  }
  // NextAction, when written, is taken when no condition matched: the closed-like side (unless it is where errors go).
  const failed = new Set(failures.map((failure) => target(context, failure)));
  if (action.next && !(agentCount && failed.has(target(context, action.next)))) builder.exit(hours, 'closed', target(context, action.next), where(context, action.next));
  if (!schedule.startsWith('agents') && hoursRef === undefined) builder.unknown(loaderEnglish('unknown.hours-read'), 'checks');
}

/**
 * `InvokeLambdaFunction`: a system step. NextAction is success (the default, conditions on the result
 * are cases); error exits are the backend-failure path, `onError`.
 */
function mapBackendCall(context: MapContext): void {
  const { action, builder } = context;
  const draft = node(context, 'branch');
  const noMatch = action.errors.find((error) => error.errorType === 'NoMatchingCondition');
  for (const condition of action.conditions) builder.case(draft, target(context, condition), where(context, condition), describeCondition(action, condition));
  for (const fallback of [noMatch, action.next]) {
    if (fallback) fill(context, draft, ['default'], fallback, fallback === action.next ? 'success' : 'no condition matched');
  }
  for (const error of action.errors) {
    if (error !== noMatch) fill(context, draft, ['error', 'default'], error, `error: ${error.errorType}`);
  }
}

/**
 * Hold and resume (`UpdatePreviousContactParticipantState`) run only while an agent is connected to the
 * contact: a person is on the call, and the flow goes on with them.
 */
function mapAgentPresent(context: MapContext): void {
  const { action, builder } = context;
  const state = text(action.params.get('ParticipantState')?.value) ?? text(action.params.get('PreviousContactParticipantState')?.value);
  const draft = node(context, 'agent', { label: `agent on the call${state === undefined ? '' : ` (${state})`}` });
  if (action.next) builder.exit(draft, 'next', target(context, action.next), where(context, action.next));
  for (const error of action.errors) builder.extra(draft, target(context, error), where(context, error), error.errorType);
}

/** Wrapper `Type`s, as flow kinds. Transfer flows (`QUEUE_TRANSFER`, `AGENT_TRANSFER`) route callers: flows. */
const KINDS_OF_TYPES: Readonly<Record<string, FlowKind>> = {
  CONTACT_FLOW: 'flow',
  QUEUE_TRANSFER: 'flow',
  AGENT_TRANSFER: 'flow',
  CUSTOMER_QUEUE: 'queue-flow',
  CUSTOMER_HOLD: 'hold',
  AGENT_HOLD: 'hold',
  CUSTOMER_WHISPER: 'whisper',
  AGENT_WHISPER: 'whisper',
  OUTBOUND_WHISPER: 'whisper',
  MODULE: 'module',
};

function kindOfType(type: string): FlowKind | undefined {
  return Object.hasOwn(KINDS_OF_TYPES, type) ? KINDS_OF_TYPES[type] : undefined;
}

/** Actions that hand the caller on: a flow that has one routes callers, it is not played to a waiting caller. */
const ROUTING_ACTIONS = new Set(['TransferContactToQueue', 'TransferToFlow', 'TransferParticipantToThirdParty', 'TransferContactToAgent']);

/**
 * The kind of a flow that does not state it. A module ends with `EndFlowModuleExecution`. A flow that
 * loops messages (`MessageParticipantIteratively`) or ends its run (`EndFlowExecution`) without ever
 * routing the caller is played to someone already connected or queued: whisper and hold flows say so in
 * their names, the others are customer queue flows.
 */
function inferKind(actions: readonly ConnectAction[], name: string): FlowKind | undefined {
  const types = new Set(actions.map((action) => action.type));
  if (types.has('EndFlowModuleExecution') || types.has('ReturnFromFlowModule')) return 'module';
  if ([...types].some((type) => ROUTING_ACTIONS.has(type))) return undefined;
  if (!types.has('MessageParticipantIteratively') && !types.has('EndFlowExecution')) return undefined;
  if (/whisper/i.test(name)) return 'whisper';
  if (/hold/i.test(name)) return 'hold';
  return 'queue-flow';
}

/** Event hooks that name the flow played in a part of the call, as the kind that makes that flow. */
const HOOK_ROLES: Readonly<Record<string, FlowReference['role']>> = {
  CustomerQueue: 'queue-flow',
  CustomerHold: 'hold',
  AgentHold: 'hold',
  CustomerWhisper: 'whisper',
  AgentWhisper: 'whisper',
};

/** The other flows the actions name: transfers, modules, and the flows event hooks set. */
function referencesOf(actions: readonly ConnectAction[]): FlowReference[] {
  const references: FlowReference[] = [];
  for (const action of actions) {
    if (action.type === 'TransferToFlow') references.push({ name: flowNameOf(action, 'ContactFlowId'), role: 'transfer' });
    if (action.type === 'InvokeFlowModule') references.push({ name: flowNameOf(action, 'FlowModuleId'), role: 'module' });
    for (const { hook, name } of hooksOf(action)) {
      if (Object.hasOwn(HOOK_ROLES, hook)) references.push({ name, role: HOOK_ROLES[hook]! });
    }
  }
  return references;
}

/** The flows an action sets as event hooks: `UpdateContactEventHooks`' `EventHooks`, or a legacy block's. */
function hooksOf(action: ConnectAction): Array<{ hook: string; name: string }> {
  if (action.hooks) return action.hooks;
  if (action.type !== 'UpdateContactEventHooks') return [];
  const hooks = action.params.get('EventHooks')?.value;
  if (!isRecord(hooks)) return [];
  return Object.keys(hooks).flatMap((hook) => {
    const value = text(hooks[hook]);
    return value === undefined ? [] : [{ hook, name: flowNameIn(value) }];
  });
}

/**
 * The customer queue flow each queue plays: the one a `CustomerQueue` hook sets on the way to it, when
 * every way sets the same one. Followed from the start over every transition, keeping the hook last set.
 */
function queueFlowsOfQueues(actions: readonly ConnectAction[], start: string | undefined): Map<string, string> {
  const byRaw = new Map(actions.map((action) => [action.rawId, action]));
  const seen = new Map<string, Set<string>>();
  const first = start === undefined ? actions[0] : byRaw.get(start);
  const queue: Array<[ConnectAction, string]> = first ? [[first, '']] : [];
  while (queue.length > 0) {
    const [action, inherited] = queue.shift()!;
    const states = seen.get(action.rawId) ?? new Set<string>();
    if (states.has(inherited)) continue;
    states.add(inherited);
    seen.set(action.rawId, states);
    const set = hooksOf(action).find((hook) => hook.hook === 'CustomerQueue')?.name ?? inherited;
    for (const transition of [action.next, ...action.conditions, ...action.errors]) {
      const next = transition === undefined ? undefined : byRaw.get(transition.to);
      if (next) queue.push([next, set]);
    }
  }
  const played = new Map<string, string>();
  for (const action of actions) {
    const states = seen.get(action.rawId);
    if (action.type !== 'TransferContactToQueue' || !states || states.size !== 1) continue;
    const [name] = states;
    if (name) played.set(action.id, name);
  }
  return played;
}

/** The words an action speaks (text or SSML, not recorded audio): its own, and the messages of a message loop. */
function spokenOf(action: ConnectAction): string[] {
  const own = ['Text', 'SSML'].map((key) => action.params.get(key)?.value);
  const messages = listOf(action.params.get('Messages')?.value).flatMap((message) => ['Text', 'SSML'].map((key) => field(message, key)));
  return [...own, ...messages].filter((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * What callers hear in a customer queue (or hold) flow. Words the export holds tell whether the wait or a
 * callback is announced; a message held in an attribute leaves that unknown. A looped audio prompt is
 * music; a flow that plays nothing is silence.
 */
function holdExperience(actions: readonly ConnectAction[], name: string): HoldExperience {
  const playing = actions.filter((action) => PLAYS.has(action.type) || INPUTS.has(action.type));
  const spoken = playing.flatMap(spokenOf);
  const readable = spoken.filter((value) => !isOpaqueValue(value));
  const hidden = spoken.length > readable.length;
  const told = (words: RegExp): boolean | undefined => (readable.some((value) => words.test(value)) ? true : hidden ? undefined : false);
  const loops = actions.filter((action) => action.type === 'MessageParticipantIteratively');
  const repeat = loops.map((action) => numberFrom(action.params.get('InterruptFrequencySeconds')?.value)).find((seconds) => seconds !== undefined);
  const offersCallback = actions.some((action) => action.type === 'CreateCallbackContact') ? true : told(CALLBACK_WORDS);
  return {
    flow: name,
    // Recorded audio played in a loop is what platforms call hold music; its words cannot be read.
    music: loops.some((action) => listOf(action.params.get('Messages')?.value).some((message) => field(message, 'PromptId') !== undefined)),
    announcements: spoken.length > 0,
    announceWait: actions.some((action) => action.type === 'GetMetricData') && hidden ? undefined : told(WAIT_WORDS),
    callback: offersCallback,
    ...(repeat === undefined ? {} : { repeatSeconds: repeat }),
  };
}

/**
 * In a customer queue or hold flow, a message loop with nowhere to go plays until an agent takes the caller:
 * the caller stays in queue (or on hold), which is a `return` to the queue, not the end of the call.
 */
function keepWaiting(builder: FlowBuilder, actions: readonly ConnectAction[]): void {
  for (const action of actions) {
    const draft = action.type === 'MessageParticipantIteratively' ? builder.get(action.id) : undefined;
    if (!draft || draft.edges.some((edge) => edge.kind === 'next' || edge.kind === 'default')) continue;
    const id = builder.ids.fresh(`${draft.id}.waiting`);
    builder.node(id, 'return', draft.loc, { label: 'caller keeps waiting' }, draft.id);
    if (draft.type === 'branch') builder.exit(draft, 'default', id, draft.loc);
    else builder.exit(draft, 'next', id, draft.loc);
  }
}
