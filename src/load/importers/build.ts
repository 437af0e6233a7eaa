// What every importer shares: node ids made from platform names, node drafts with their exits, and the
// finishing rules that turn drafts into a Flow that format v1 can express (and `flowToYaml` can write).
import { announcesLeaveKey } from '../../util/spoken-keys.js';
import { isIdentityDatum } from '../identity.js';
import {
  DEFAULT_SETTINGS,
  type Channel,
  type Edge,
  type EdgeKind,
  type Flow,
  type FlowNode,
  type NodeType,
  type Outcome,
  type SourceLocation,
} from '../../model/flow.js';
import type { ImportFormat, ImportNote } from './types.js';
import { loaderEnglish } from '../../i18n/loader.js';

/**
 * The unknown an importer states for a queue whose in-queue flow is not in the file, in each platform's
 * words; a project that has that flow replaces it by what the flow plays.
 */
export const IN_QUEUE_FLOW_UNKNOWN = {
  connect: loaderEnglish('unknown.queue-flow-connect'),
  genesys: loaderEnglish('unknown.queue-flow-genesys'),
  twilio: loaderEnglish('unknown.queue-flow-twilio'),
} as const;

/** Words of an in-queue flow that tell callers how long they will wait or where they are in line (Connect metrics included). */
export const WAIT_WORDS = /\b(wait(ing)? time|minutes?|position|in line|ahead of you|EstimatedWaitTime|OldestContactAge|ContactsInQueue)\b/i;
/** Words that offer a callback. */
export const CALLBACK_WORDS = /\bcall(ed)? ?(you )?back\b/i;
/** Words that say a callback did not happen, or is only offered: the call does not end with one arranged. */
const NOT_ARRANGED = /\b(fail(s|ed|ure)?|error|unable|cannot|can ?not|can't|not|no|offer(ed)?|press|option|want|would you like)\b/i;

/**
 * Whether a message tells callers their callback is arranged ("we will call you back", a message held
 * in an attribute named `addedToCallbackQueueMessage`): names are read as words (`inCallbackQueue` is
 * "in callback queue"). A failure or an offer is not an arrangement.
 */
export function tellsCallbackArranged(texts: readonly string[]): boolean {
  return texts.some((raw) => {
    const words = raw.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ');
    return /\bcall ?(ed |you )?back\b/i.test(words) && !NOT_ARRANGED.test(words);
  });
}

/** Turns a platform name into a valid node id: invalid runs become `_`, and `_` is prefixed when needed. */
export function sanitizeId(raw: string): string {
  const id = raw.trim().replace(/[^A-Za-z0-9_.-]+/g, '_');
  if (id === '') return '_';
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

/**
 * Node ids of one flow. Platform objects claim ids first (so every reference can be resolved, forwards
 * too); synthetic nodes and references to missing objects get ids that can never merge with a real one.
 */
export class IdRegistry {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /** The id of a platform object: its sanitized name, suffixed `-2`, `-3`... when already taken. */
  claim(key: string, name: string): string {
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const id = this.fresh(name);
    this.byKey.set(key, id);
    return id;
  }

  /** A new unique id for a node that has no platform object of its own. */
  fresh(name: string): string {
    const base = sanitizeId(name);
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }

  lookup(key: string): string | undefined {
    return this.byKey.get(key);
  }

  /**
   * The target of a reference: the object's id when it exists, otherwise the sanitized name, kept distinct
   * from every real id so that the linter reports it as an unknown target instead of silently linking it.
   */
  resolve(key: string, name: string): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const missingKey = `\u0000missing\u0000${name}`;
    const previous = this.byKey.get(missingKey);
    if (previous !== undefined) return previous;
    const id = this.fresh(name);
    this.byKey.set(missingKey, id);
    return id;
  }
}

/** Facts of a node beyond the common ones; each importer fills what its platform states. */
export interface NodeFacts {
  timeoutSeconds?: number;
  retries?: number;
  collects?: string;
  identity?: boolean;
  to?: string;
  rings?: number;
  ringTimeoutSeconds?: number;
  context?: boolean;
  /** A transfer to another flow of the platform, not to a person. */
  toFlow?: boolean;
  queue?: string;
  maxWaitSeconds?: number;
  expectedWaitSeconds?: number;
  music?: boolean;
  announcements?: boolean;
  announceWait?: boolean;
  callback?: boolean;
  resolves?: number;
  channel?: Channel;
  flow?: string;
  outcome?: Outcome;
  /** A lookup's key (`callerId`, `account`) and the data it finds. */
  by?: string;
  provides?: string[];
  /** The hours of operation an `hours` node checks. */
  schedule?: string;
  /** An `hours` node that checks agents staffed, not hours. */
  staffing?: boolean;
  /** The in-queue flow a queue plays, by the name the export gives it. */
  holdFlow?: string;
}

/** A node under construction: its type may still change (a play with an error exit becomes a branch). */
export interface NodeDraft {
  id: string;
  type: NodeType;
  loc: SourceLocation;
  label?: string;
  say: string[];
  sayLoc?: SourceLocation;
  durationSeconds?: number;
  edges: Edge[];
  fieldLocs: Map<string, SourceLocation>;
  facts: NodeFacts;
}

export interface DraftInit {
  label?: string;
  say?: string[];
  sayLoc?: SourceLocation;
  facts?: NodeFacts;
}

/** What makes notes one: the same cause (`key`), shown at each further place by its name (`place`). */
export interface NoteCause {
  key: string;
  place: string;
}

/** Exit kinds that hold one target each (options and cases hold many). */
type SingleKind = Exclude<EdgeKind, 'option' | 'case'>;

export type ExitResult = 'added' | 'same' | 'taken';

const PROMISED: ReadonlySet<Outcome> = new Set(['voicemail', 'callback']);

/**
 * Whether an imported input asks for identity: platforms name the datum after a variable
 * (`customer input 3`, `Flow.PIN`), so the prompt's words count as well as the datum's.
 */
export function guessIdentity(collects: string, say: readonly string[]): boolean {
  return isIdentityDatum(collects) || isIdentityDatum(say.join(' '));
}

/** What callers hear and may do while waiting is set in the platform's in-queue flow, not the export. */
function unknownQueueKeys(facts: NodeFacts, edges: readonly Edge[]): Set<string> {
  const keys: string[] = (['maxWaitSeconds', 'announcements', 'announceWait', 'callback'] as const).filter((key) => facts[key] === undefined);
  if (!edges.some((edge) => edge.kind === 'timeout')) keys.push('onTimeout');
  return new Set(keys);
}

/** Collects node drafts, notes and unknown facts for one imported flow. */
export class FlowBuilder {
  readonly ids = new IdRegistry();
  private readonly drafts = new Map<string, NodeDraft>();
  private order: string[] = [];
  private readonly unknownCounts = new Map<string, { count: number; noun: string }>();
  private readonly promises: Array<{ from: string; outcome: Outcome }> = [];
  private readonly dropped = new Set<string>();
  private readonly noteList: Array<{ message: string; loc: SourceLocation; cause?: string; others: Array<{ loc: SourceLocation; name: string }> }> = [];

  /**
   * What a step with nowhere to go does: in a flow callers dial the call ends there; in a flow another flow
   * runs and gets back (a Twilio subflow), or one a queue plays, the caller goes back to it.
   */
  endsReturnToCaller = false;

  constructor(readonly file: string, readonly format: ImportFormat) {}

  /** Adds a node draft. Synthetic nodes name an `owner` and are kept right after it in the output. */
  node(id: string, type: NodeType, loc: SourceLocation, init: DraftInit = {}, owner?: string): NodeDraft {
    const draft: NodeDraft = {
      id,
      type,
      loc,
      label: init.label,
      say: init.say ?? [],
      sayLoc: init.sayLoc,
      edges: [],
      fieldLocs: new Map(),
      facts: { ...init.facts },
    };
    this.drafts.set(id, draft);
    const at = owner === undefined ? -1 : this.lastIndexOfFamily(owner);
    if (at < 0) this.order.push(id);
    else this.order.splice(at + 1, 0, id);
    return draft;
  }

  /** Index of the owner's last synthetic child (or of the owner), so children stay in creation order. */
  private lastIndexOfFamily(owner: string): number {
    let index = this.order.indexOf(owner);
    if (index < 0) return -1;
    while (index + 1 < this.order.length && this.order[index + 1]!.startsWith(`${owner}.`)) index += 1;
    return index;
  }

  get(id: string): NodeDraft | undefined {
    return this.drafts.get(id);
  }

  /** Takes out a node that another node has absorbed; the caller makes sure no exit leads to it any more. */
  remove(id: string): void {
    this.drafts.delete(id);
    this.order = this.order.filter((each) => each !== id);
  }

  /** Sets a single exit (`next`, `noInput`...). Reports whether the slot was free, or already holds this target. */
  exit(draft: NodeDraft, kind: SingleKind, to: string, loc: SourceLocation): ExitResult {
    const existing = draft.edges.find((edge) => edge.kind === kind);
    if (existing) return existing.to === to ? 'same' : 'taken';
    draft.edges.push({ kind, label: kind, from: draft.id, to, loc });
    return 'added';
  }

  /** Adds a menu option; a key already used is left out (format v1 options are a map). */
  option(draft: NodeDraft, key: string, to: string, loc: SourceLocation, optionLabel?: string): boolean {
    const label = `option:${key}`;
    if (key === '' || draft.edges.some((edge) => edge.label === label)) return false;
    draft.edges.push({ kind: 'option', label, from: draft.id, to, loc, optionLabel });
    return true;
  }

  /**
   * Adds a branch case. Its condition in words travels in `optionLabel` (the model has no `when` field;
   * `flowToYaml` writes it back as `when`).
   */
  case(draft: NodeDraft, to: string, loc: SourceLocation, when?: string, times?: number): void {
    const index = draft.edges.filter((edge) => edge.kind === 'case').length;
    draft.edges.push({ kind: 'case', label: `case:${index}`, from: draft.id, to, loc, optionLabel: when, ...(times === undefined ? {} : { times }) });
  }

  /**
   * An exit that the node's v1 type has no slot for (an error exit of a prompt, say). A target the node
   * already reaches adds nothing. A play becomes a branch, which can hold any number of exits; a branch
   * gets a case; on other types the exit is left out with a note, never silently.
   */
  extra(draft: NodeDraft, to: string, loc: SourceLocation, what: string): void {
    if (draft.edges.some((edge) => edge.to === to)) return;
    if (draft.type === 'play') this.playToBranch(draft);
    if (draft.type === 'branch') {
      this.case(draft, to, loc, what);
      return;
    }
    // One note per left-out target: two platform exits to the same place are one path.
    const dropped = `${draft.id}\u0000${to}`;
    if (this.dropped.has(dropped)) return;
    this.dropped.add(dropped);
    this.note(loaderEnglish('note.exit-left-out', { what, type: draft.type, id: draft.id, to }), loc, {
      key: `left out\u0000${what}\u0000${to}`,
      place: `${draft.type} \`${draft.id}\``,
    });
  }

  private playToBranch(draft: NodeDraft): void {
    draft.type = 'branch';
    for (const edge of draft.edges) {
      if (edge.kind === 'next') {
        edge.kind = 'default';
        edge.label = 'default';
      }
    }
  }

  /** A hangup standing for "the call ends here" where the platform leaves an exit unconnected. */
  end(owner: NodeDraft, loc: SourceLocation, outcome: Outcome = 'unresolved', label = 'end of call'): string {
    if (this.endsReturnToCaller) return this.backToCaller(owner, loc);
    const id = this.ids.fresh(`${owner.id}.end`);
    this.node(id, 'hangup', loc, { label, facts: { outcome } }, owner.id);
    return id;
  }

  private backToCaller(owner: NodeDraft, loc: SourceLocation): string {
    const id = this.ids.fresh(`${owner.id}.back`);
    this.node(id, 'return', loc, { label: 'back to the calling flow' }, owner.id);
    return id;
  }

  /** The agent who answers a queue: exports never show it, but a queue's answered exit leads to one. */
  agent(queue: NodeDraft, label?: string): NodeDraft {
    const id = this.ids.fresh(`${queue.id}.agent`);
    return this.node(id, 'agent', queue.loc, { label: label ?? 'agent answers' }, queue.id);
  }

  /**
   * Records that the call, after this node's next step, ends with help promised (a callback was created, a
   * voicemail recorded). Applied when the flow is finished, to the first hangup on that straight path.
   */
  promise(from: string, outcome: Outcome): void {
    this.promises.push({ from, outcome });
  }

  /** A fact the platform does not state. Repeated facts are counted: "prompt text held in variables (3 nodes)". */
  unknown(fact: string, noun = 'nodes'): void {
    const entry = this.unknownCounts.get(fact);
    if (entry) entry.count += 1;
    else this.unknownCounts.set(fact, { count: 1, noun });
  }

  /**
   * A note about something not mapped faithfully. Notes of one `cause` (one block type not mapped, one
   * exit left out towards one target) are one note at the first place, naming the others.
   */
  note(message: string, loc: SourceLocation, cause?: NoteCause): void {
    const same = cause === undefined ? undefined : this.noteList.find((note) => note.cause === cause.key);
    if (same) same.others.push({ loc, name: cause!.place });
    else this.noteList.push({ message, loc, cause: cause?.key, others: [] });
  }

  get notes(): ImportNote[] {
    return this.noteList.map(({ message, loc, others }) => {
      if (others.length === 0) return { message, loc };
      const names = others.map((other) => other.name);
      return {
        message: loaderEnglish(names.length === 1 ? 'note.same-elsewhere-one' : 'note.same-elsewhere', { message, count: String(names.length), places: names.join(', ') }),
        loc,
        places: others.map((other) => other.loc),
      };
    });
  }

  finish(meta: { name: string; description?: string; entry: string; entryLoc: SourceLocation }): Flow {
    for (const id of [...this.order]) this.completeExits(this.drafts.get(id)!);
    for (const promise of this.promises) this.applyPromise(promise.from, promise.outcome);
    for (const id of this.order) this.settleChosenLeaves(this.drafts.get(id)!);
    const nodes = new Map<string, FlowNode>();
    for (const id of this.order) nodes.set(id, toNode(this.drafts.get(id)!));
    if ([...nodes.values()].some((node) => node.type === 'queue')) this.unknown(loaderEnglish('unknown.staffing'), '');
    const unknowns = [...this.unknownCounts].map(([fact, { count, noun }]) =>
      count > 1 && noun !== '' ? loaderEnglish('unknown.counted', { fact, count: String(count), noun }) : fact);
    return {
      file: this.file,
      format: this.format,
      name: meta.name,
      description: meta.description,
      entry: meta.entry,
      entryLoc: meta.entryLoc,
      settings: { ...DEFAULT_SETTINGS },
      settingsGiven: new Set(),
      queues: new Map(),
      nodes,
      unknowns,
    };
  }

  /** Gives every node the exits its v1 type requires, the way the platform behaves when they are missing. */
  private completeExits(draft: NodeDraft): void {
    const has = (kind: EdgeKind): boolean => draft.edges.some((edge) => edge.kind === kind);
    if (draft.type === 'menu' && !has('option')) {
      // A menu that offers nothing only plays its prompt; keep where silence leads.
      const fallback = draft.edges.find((edge) => edge.kind === 'noInput' || edge.kind === 'noMatch');
      draft.type = 'play';
      draft.edges = fallback ? [{ ...fallback, kind: 'next', label: 'next' }] : [];
    }
    if (draft.type === 'play' && !has('next') && this.endsReturnToCaller) this.exit(draft, 'next', this.backToCaller(draft, draft.loc), draft.loc);
    if (draft.type === 'play' && !has('next')) {
      // Platforms end the call when a step has nowhere to go: the step becomes that end, prompt included.
      draft.type = 'hangup';
      draft.edges = [];
      draft.facts.outcome ??= 'unresolved';
    }
    if (draft.type === 'input' && !has('next')) this.exit(draft, 'next', this.end(draft, draft.loc), draft.loc);
    if (draft.type === 'branch' && !has('default')) {
      // Cases that cover every outcome (open/closed, true/false) need no "otherwise": the last case is it.
      const last = [...draft.edges].reverse().find((edge) => edge.kind === 'case');
      if (last) {
        last.kind = 'default';
        last.label = 'default';
        last.optionLabel = undefined;
      } else this.exit(draft, 'default', this.end(draft, draft.loc), draft.loc);
    }
    if (draft.type === 'queue' && !has('next')) this.exit(draft, 'next', this.agent(draft).id, draft.loc);
    if (draft.type === 'hours') {
      // An hours check with an exit left unconnected: the platform ends the call there.
      for (const kind of ['open', 'closed'] as const) if (!has(kind)) this.exit(draft, kind, this.end(draft, draft.loc), draft.loc);
    }
  }

  /**
   * Records that the call, after this node's next step, ends with help promised: the first hangup on that
   * straight path gets the outcome. A prompt shared on the way stops it, and the outcome stays unknown.
   */
  private applyPromise(from: string, outcome: Outcome): void {
    const start = this.drafts.get(from);
    if (!start) return;
    const edge = start.edges.find((candidate) => candidate.kind === 'next' || candidate.kind === 'default');
    if (!edge && start.type === 'hangup') {
      if (!PROMISED.has(start.facts.outcome ?? 'unresolved')) start.facts.outcome = outcome;
      return;
    }
    if (edge && this.settleEndAlong(edge, { outcome, replaces: (current) => !PROMISED.has(current) }) === 'stuck') {
      this.unknown(loaderEnglish(outcome === 'callback' ? 'unknown.callback-promised' : 'unknown.voicemail-promised', { from }));
    }
  }

  /**
   * A menu choice the prompt offers for ending the call ("to leave, press 2") that plays a goodbye and hangs
   * up: the caller chose to end the call, as a Genesys `menuDisconnect` says outright. Not a dead end.
   */
  private settleChosenLeaves(menu: NodeDraft): void {
    if (menu.type !== 'menu') return;
    const options = menu.edges.filter((edge) => edge.kind === 'option');
    const keys = options.map((edge) => edge.label.slice('option:'.length));
    for (const [index, edge] of options.entries()) {
      if (!announcesLeaveKey(menu.say, keys[index]!, keys)) continue;
      this.settleEndAlong(edge, { outcome: 'resolved', replaces: (current) => current === 'unresolved', labelled: (label) => `${label ?? 'end of call'} (the caller's choice)` });
    }
  }

  /**
   * Walks from an edge along single `next` steps (prompts) to the first hangup and gives it an outcome. A hangup
   * that other paths share is copied for this path only; a shared prompt or any other step on the way stops
   * the walk ('stuck'), since changing it would change other callers' outcome too. An end whose outcome
   * `replaces` refuses stays as it is.
   */
  private settleEndAlong(first: Edge, end: { outcome: Outcome; replaces: (current: Outcome) => boolean; labelled?: (label: string | undefined) => string }): 'settled' | 'stuck' | 'kept' {
    const incoming = this.incomingCounts();
    let edge: Edge | undefined = first;
    for (let steps = 0; edge && steps < 50; steps += 1) {
      const target = this.drafts.get(edge.to);
      if (!target) return 'kept';
      if (target.type === 'hangup') {
        if (!end.replaces(target.facts.outcome ?? 'unresolved')) return 'kept';
        const label = end.labelled ? end.labelled(target.label) : target.label;
        if ((incoming.get(target.id) ?? 0) <= 1) {
          target.facts.outcome = end.outcome;
          target.label = label;
          return 'settled';
        }
        const copy = this.ids.fresh(`${target.id}.${end.outcome}`);
        this.node(copy, 'hangup', target.loc, { label, say: target.say, sayLoc: target.sayLoc, facts: { outcome: end.outcome } }, edge.from);
        edge.to = copy;
        return 'settled';
      }
      if (target.type !== 'play' || (incoming.get(target.id) ?? 0) > 1) return 'stuck';
      edge = target.edges.find((candidate) => candidate.kind === 'next');
    }
    return 'kept';
  }

  private incomingCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const draft of this.drafts.values()) {
      for (const edge of draft.edges) counts.set(edge.to, (counts.get(edge.to) ?? 0) + 1);
    }
    return counts;
  }
}

/** Turns a finished draft into a model node, with the model's defaults where the platform said nothing. */
function toNode(draft: NodeDraft): FlowNode {
  const { facts } = draft;
  const base = {
    id: draft.id,
    loc: draft.loc,
    say: draft.say,
    sayLoc: draft.sayLoc,
    durationSeconds: draft.durationSeconds,
    label: draft.label,
    approval: false,
    edges: draft.edges,
    fieldLocs: draft.fieldLocs,
  };
  switch (draft.type) {
    case 'menu':
      return {
        ...base,
        type: 'menu',
        timeoutSeconds: facts.timeoutSeconds ?? 5,
        retries: facts.retries ?? 0,
      };
    case 'input': {
      const collects = facts.collects ?? 'input';
      return {
        ...base,
        type: 'input',
        collects,
        identity: facts.identity ?? guessIdentity(collects, draft.say),
        timeoutSeconds: facts.timeoutSeconds ?? 5,
        retries: facts.retries ?? 0,
      };
    }
    case 'transfer':
      return {
        ...base,
        type: 'transfer',
        to: facts.to ?? 'unknown',
        rings: facts.rings,
        ringTimeoutSeconds: facts.ringTimeoutSeconds,
        context: facts.context ?? false,
        toFlow: facts.toFlow ?? false,
      };
    case 'queue':
      return {
        ...base,
        type: 'queue',
        queue: facts.queue,
        maxWaitSeconds: facts.maxWaitSeconds,
        expectedWaitSeconds: facts.expectedWaitSeconds,
        music: facts.music ?? false,
        announcements: facts.announcements ?? false,
        announceWait: facts.announceWait ?? false,
        callback: facts.callback ?? false,
        unknown: unknownQueueKeys(facts, base.edges),
        ...(facts.holdFlow === undefined ? {} : { holdFlow: facts.holdFlow }),
      };
    case 'agent':
      return { ...base, type: 'agent', rings: facts.rings, resolves: facts.resolves ?? 0.8 };
    case 'deflect':
      return { ...base, type: 'deflect', channel: facts.channel ?? 'other' };
    case 'notify':
      return { ...base, type: 'notify', channel: facts.channel ?? 'other' };
    case 'lookup':
      return { ...base, type: 'lookup', by: facts.by ?? 'unknown', provides: facts.provides ?? [] };
    case 'hours':
      // Named as format v1 names a schedule (an id), so that `flowToYaml` writes a valid flow.
      return { ...base, type: 'hours', schedule: sanitizeId(facts.schedule ?? 'unknown'), ...(facts.staffing ? { staffing: true } : {}) };
    case 'subflow':
      return { ...base, type: 'subflow', flow: facts.flow ?? 'unknown' };
    case 'hangup':
      return { ...base, type: 'hangup', outcome: facts.outcome ?? 'unresolved' };
    case 'play':
    case 'branch':
    case 'return':
      return { ...base, type: draft.type };
  }
}

/** A number from an export value: numbers, or numeric strings as Connect writes them ("5"). */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Reads an own property of an object; undefined for anything else (never walks the prototype). */
export function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The file name without folders and extension: the flow's name when the export carries none. */
export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.(json|ya?ml)$/i, '') || name;
}
