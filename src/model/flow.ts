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
  | 'subflow'
  | 'return'
  | 'hangup';

export const NODE_TYPES: readonly NodeType[] = [
  'play', 'menu', 'input', 'branch', 'transfer', 'queue', 'agent', 'deflect', 'subflow', 'return', 'hangup',
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
  | 'default';

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
};

/** Exits written as one key holding one target, in the order the format lists them. */
export const SINGLE_EXIT_KINDS = ['next', 'default', 'noInput', 'noMatch', 'timeout', 'full', 'noAnswer', 'busy'] as const;

export interface Edge {
  kind: EdgeKind;
  /** `next`, `option:1`, `case:0`, ...: unique among the edges of one node. */
  label: string;
  from: string;
  to: string;
  /** Fraction of callers who take this exit, when the flow says so (0-1). */
  share?: number;
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
}
export interface QueueNode extends NodeBase {
  type: 'queue';
  queue?: string;
  maxWaitSeconds?: number;
  expectedWaitSeconds?: number;
  music: boolean;
  announcements: boolean;
  announceWait: boolean;
  callback: boolean;
}
export interface AgentNode extends NodeBase {
  type: 'agent';
  rings?: number;
  resolves: number;
}
export interface DeflectNode extends NodeBase { type: 'deflect'; channel: Channel }
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
  | SubflowNode
  | ReturnNode
  | HangupNode;

export interface FlowSettings {
  answerRings: number;
  ringSeconds: number;
  wordsPerMinute: number;
  language: Language;
}

export const DEFAULT_SETTINGS: Readonly<FlowSettings> = {
  answerRings: 1,
  ringSeconds: 6,
  wordsPerMinute: 150,
  language: 'en',
};

export interface QueueStaffing {
  id: string;
  agents: number;
  callsPerHour: number;
  ahtSeconds: number;
  targetAnswerSeconds: number;
  loc: SourceLocation;
}

/** Where a flow came from: format v1 YAML, or an importer. */
export type FlowFormat = 'ivr-audit' | 'connect' | 'twilio' | 'genesys';

export interface Flow {
  /** Path of the file as given by the user (or the name of an in-memory source). */
  file: string;
  format: FlowFormat;
  name: string;
  description?: string;
  /** `subflow`: a file only ever called by other flows (top-level `kind`); absent means a flow callers dial. */
  kind?: 'flow' | 'subflow';
  entry: string;
  entryLoc: SourceLocation;
  settings: FlowSettings;
  /** Which settings were written in the flow, as opposed to defaults. */
  settingsGiven: ReadonlySet<keyof FlowSettings>;
  /** Where each written setting's value is, for findings about a setting. */
  settingsLocs?: ReadonlyMap<string, SourceLocation>;
  queues: ReadonlyMap<string, QueueStaffing>;
  /** Nodes in source order; ids such as `__proto__` are ordinary keys here. */
  nodes: ReadonlyMap<string, FlowNode>;
  /** Facts the source format does not state (ring counts, staffing...), for the report. */
  unknowns: string[];
}
