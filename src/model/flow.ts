// The shared vocabulary of a call flow. No logic lives here: loaders and importers build these
// values, analysis and rules only read them.

/** A place in a source file. Lines and columns are 1-based; `end*` is exclusive of nothing: it is the last position + 1. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a piece of the flow came from: a file, a range in it and the JSON pointer of the value. */
export interface SourceLocation extends SourceRange {
  file: string;
  pointer: string;
}

export type NodeType =
  | 'play'
  | 'menu'
  | 'input'
  | 'branch'
  | 'transfer'
  | 'queue'
  | 'agent'
  | 'deflect'
  | 'notify'
  | 'lookup'
  | 'hours'
  | 'subflow'
  | 'return'
  | 'hangup';

export const NODE_TYPES: readonly NodeType[] = [
  'play', 'menu', 'input', 'branch', 'transfer', 'queue', 'agent', 'deflect', 'notify', 'lookup', 'hours', 'subflow', 'return',
  'hangup',
];

/** Why a caller moves from one node to another. */
export type EdgeKind =
  | 'next'
  | 'option'
  | 'noInput'
  | 'noMatch'
  | 'timeout'
  | 'full'
  | 'noAnswer'
  | 'busy'
  | 'case'
  | 'default'
  | 'notFound'
  | 'open'
  | 'closed'
  | 'holiday'
  /** A system step (a Lambda, a Function, a data action) failed: the backend-failure path. */
  | 'error';

/** The format v1 key that writes each kind of exit (options and cases are lists of their own). */
export const EXIT_KEY: Readonly<Record<EdgeKind, string>> = {
  next: 'next',
  option: 'options',
  noInput: 'onNoInput',
  noMatch: 'onNoMatch',
  timeout: 'onTimeout',
  full: 'onFull',
  noAnswer: 'onNoAnswer',
  busy: 'onBusy',
  case: 'cases',
  default: 'default',
  notFound: 'onNotFound',
  open: 'open',
  closed: 'closed',
  holiday: 'holiday',
  error: 'onError',
};

/** Exits written as one key holding one target, in the order the format lists them. */
export const SINGLE_EXIT_KINDS = [
  'next', 'default', 'noInput', 'noMatch', 'timeout', 'full', 'noAnswer', 'busy', 'notFound', 'open', 'closed', 'holiday', 'error',
] as const;

/** Exits of an `hours` node that callers take when the schedule is not open. */
export const CLOSED_EXIT_KINDS: ReadonlySet<EdgeKind> = new Set(['closed', 'holiday']);

export interface Edge {
  kind: EdgeKind;
  /** `next`, `option:1`, `case:0`, ...: unique among the edges of one node. */
  label: string;
  from: string;
  to: string;
  /** Fraction of callers who take this exit, when the flow says so (0-1). */
  share?: number;
  /**
   * A counted loop: the exit is taken at most this many times per call, then callers take the
   * branch's `default` (Connect `Loop`, Genesys `loop`). Path counts bound the loop by it.
   */
  times?: number;
  /** Human label of a menu option, when given. */
  optionLabel?: string;
  /** Where the target id is written (the value). */
  loc: SourceLocation;
}

export type Outcome = 'resolved' | 'unresolved' | 'voicemail' | 'callback' | 'abandoned';
export type Channel = 'sms' | 'web' | 'email' | 'app' | 'chat' | 'store' | 'other';
export type Language = 'en' | 'es';

interface NodeBase {
  id: string;
  /** Where the node's key is written. */
  loc: SourceLocation;
  /** Prompts as written; empty when the node says nothing. */
  say: string[];
  /** Where the `say` value is written, when there is one. */
  sayLoc?: SourceLocation;
  /** Where each prompt of a `say` list is written. */
  sayItemLocs?: SourceLocation[];
  durationSeconds?: number;
  label?: string;
  approval: boolean;
  offer?: string;
  /** Exits in source order. */
  edges: Edge[];
  /**
   * Keys whose value the source does not state (an imported queue's wait limit or callback offer
   * lives in the platform's in-queue flow, not in the export). Rules that need them stay quiet.
   */
  unknown?: ReadonlySet<string>;
  /** Where the value of each of the node's own keys (`maxWaitSeconds`, `flow`...) is written, for findings about one field. */
  fieldLocs: ReadonlyMap<string, SourceLocation>;
}

export interface PlayNode extends NodeBase { type: 'play' }
export interface MenuNode extends NodeBase {
  type: 'menu';
  timeoutSeconds: number;
  retries: number;
}
export interface InputNode extends NodeBase {
  type: 'input';
  collects: string;
  /** Explicit `identity`, else inferred from `collects`. */
  identity: boolean;
  timeoutSeconds: number;
  retries: number;
}
export interface BranchNode extends NodeBase { type: 'branch' }
export interface TransferNode extends NodeBase {
  type: 'transfer';
  to: string;
  rings?: number;
  ringTimeoutSeconds?: number;
  context: boolean;
  /**
   * The call goes on in another flow of the platform (a Connect `TransferToFlow` whose file is not at
   * hand), not to a new person: not counted as a transfer between people.
   */
  toFlow: boolean;
}
export interface QueueNode extends NodeBase {
  type: 'queue';
  queue?: string;
  maxWaitSeconds?: number;
  expectedWaitSeconds?: number;
  music: boolean;
  /** True when callers hear messages while they wait (a list of texts counts as true). */
  announcements: boolean;
  /** The messages' texts, when the flow gives them, and where each is. */
  announcementTexts?: string[];
  announcementLocs?: SourceLocation[];
  announceWait: boolean;
  callback: boolean;
  /**
   * The in-queue flow that plays to callers waiting here, by the name the export gives it (a Genesys
   * `overrideInQueueFlow`, the customer queue flow a Connect hook sets on the way): read by projects.
   */
  holdFlow?: string;
}
export interface AgentNode extends NodeBase {
  type: 'agent';
  rings?: number;
  resolves: number;
}
/** How likely the other channel is to meet the caller's need: low (the default), medium or high. */
export type Resolution = 'low' | 'medium' | 'high';
export interface DeflectNode extends NodeBase {
  type: 'deflect';
  channel: Channel;
  /** Absent means `low`: a deflection that ends the call is a dead end for most callers. */
  resolves?: Resolution;
}
/** An opt-in message after the need is met ("we'll text you when it's ready"): not a channel switch. */
export interface NotifyNode extends NodeBase { type: 'notify'; channel: Channel }
/** The system looks the caller up (by their number, an account...) and so knows `provides` without asking. */
export interface LookupNode extends NodeBase {
  type: 'lookup';
  /** What the lookup keys on: `callerId`, `account`, ... (free text). */
  by: string;
  /** Names of the data the lookup finds, as `collects` would name them. */
  provides: string[];
}
/** Routes by a schedule's opening hours: exits `open`, `closed` and optionally `holiday`. */
export interface HoursNode extends NodeBase {
  type: 'hours';
  /** Name of an entry of the flow's `schedules`; an importer may name one the file does not define. */
  schedule: string;
  /**
   * The check is whether agents are staffed (Connect `CheckStaffing`), not the opening hours: its
   * `closed` exit means "no agent staffed", and findings say so.
   */
  staffing?: boolean;
}
export interface SubflowNode extends NodeBase { type: 'subflow'; flow: string }
export interface ReturnNode extends NodeBase { type: 'return' }
export interface HangupNode extends NodeBase { type: 'hangup'; outcome: Outcome }

export type FlowNode =
  | PlayNode
  | MenuNode
  | InputNode
  | BranchNode
  | TransferNode
  | QueueNode
  | AgentNode
  | DeflectNode
  | NotifyNode
  | LookupNode
  | HoursNode
  | SubflowNode
  | ReturnNode
  | HangupNode;

export interface FlowSettings {
  answerRings: number;
  ringSeconds: number;
  wordsPerMinute: number;
  language: Language;
  /** Mean seconds a caller waits on hold before hanging up (Erlang A's patience), for queues that do not say. */
  patienceSeconds: number;
}

export const DEFAULT_SETTINGS: Readonly<FlowSettings> = {
  answerRings: 1,
  ringSeconds: 6,
  wordsPerMinute: 150,
  language: 'en',
  // Mean patience: with it, the usual 5% abandonment goes with a 30 s average wait, since in Erlang A
  // abandonment = average wait ÷ patience (Mandelbaum & Zeltyn 2005, §4.6). docs/scoring.md.
  patienceSeconds: 600,
};

export interface QueueStaffing {
  id: string;
  agents: number;
  callsPerHour: number;
  ahtSeconds: number;
  targetAnswerSeconds: number;
  /** Mean patience of this queue's callers; the flow's `settings.patienceSeconds` when absent. */
  patienceSeconds?: number;
  /**
   * Agents logged in while the flow's schedules are closed. Absent: the staffing is for open hours
   * only, and callers who arrive after hours are never answered.
   */
  afterHoursAgents?: number;
  loc: SourceLocation;
}

/** A weekly timetable: when callers reach the open hours. */
export interface Schedule {
  id: string;
  /** IANA time zone name (`Europe/Madrid`). */
  timezone: string;
  /** Open intervals in minutes from Monday 00:00, merged and sorted. */
  openMinutes: Array<[number, number]>;
  /** Holiday dates as written (`2026-12-25`, or `12-25` for every year). */
  holidays: string[];
  /** Share of calls that arrive when closed (holidays included), when the flow states it (0-1). */
  closedShare?: number;
  loc: SourceLocation;
}

/**
 * What a flow is for. `flow`: callers dial it. The others are only ever run by another flow or by a queue:
 * `subflow` is called and returns, `module` is a platform flow module, `queue-flow` is what callers hear while
 * they wait in queue, `whisper` plays to the agent or caller as they are connected, `hold` plays while the
 * agent has the caller on hold. None of them is reported for never reaching a person by itself.
 */
export type FlowKind = 'flow' | 'subflow' | 'module' | 'queue-flow' | 'whisper' | 'hold';

export const FLOW_KINDS: readonly FlowKind[] = ['flow', 'subflow', 'module', 'queue-flow', 'whisper', 'hold'];

/**
 * True for flows played to callers waiting for an agent (an in-queue or hold flow): the wait, and any loop
 * of messages in it, ends when the agent takes the call, which the flow itself never shows.
 */
export function waitsForAgent(flow: Pick<Flow, 'kind'>): boolean {
  return flow.kind === 'queue-flow' || flow.kind === 'hold';
}

/** True for flows callers dial; false for flows only run by another flow or a queue. */
export function isEntryFlow(flow: Pick<Flow, 'kind'>): boolean {
  return flow.kind === undefined || flow.kind === 'flow';
}

/**
 * What an in-queue flow plays while callers wait: the hold experience of the queues that use it. A fact
 * is absent when the export does not tell (a message held in an attribute, say).
 */
export interface HoldExperience {
  /** The flow's name, for the report. */
  flow: string;
  music?: boolean;
  announcements?: boolean;
  announceWait?: boolean;
  callback?: boolean;
  /** How often the loop repeats its message, when the export says. */
  repeatSeconds?: number;
}

/** Where a flow came from: format v1 YAML, or an importer. */
export type FlowFormat = 'ivr-audit' | 'connect' | 'twilio' | 'genesys';

export interface Flow {
  /** Path of the file as given by the user (or the name of an in-memory source). */
  file: string;
  format: FlowFormat;
  name: string;
  description?: string;
  /** What the flow is for; absent means `flow`, a flow callers dial (see FlowKind). */
  kind?: FlowKind;
  /** What a customer-queue flow makes callers hear while they wait (read by importers from in-queue flows). */
  hold?: HoldExperience;
  entry: string;
  entryLoc: SourceLocation;
  settings: FlowSettings;
  /** Which settings were written in the flow, as opposed to defaults. */
  settingsGiven: ReadonlySet<keyof FlowSettings>;
  /** Where each written setting's value is, for findings about a setting. */
  settingsLocs?: ReadonlyMap<string, SourceLocation>;
  queues: ReadonlyMap<string, QueueStaffing>;
  /** Opening hours that `hours` nodes route by; absent when the flow has none. */
  schedules?: ReadonlyMap<string, Schedule>;
  /** Nodes in source order; ids such as `__proto__` are ordinary keys here. */
  nodes: ReadonlyMap<string, FlowNode>;
  /** Facts the source format does not state (ring counts, staffing...), for the report. */
  unknowns: string[];
}
