// Turns a document that passed the schema into the Flow model, keeping every position.
import {
  DEFAULT_SETTINGS,
  EXIT_KEY,
  SINGLE_EXIT_KINDS,
  type Channel,
  type Edge,
  type EdgeKind,
  type Flow,
  type FlowKind,
  type FlowNode,
  type FlowSettings,
  type Outcome,
  type QueueStaffing,
  type Resolution,
  type Schedule,
  type SourceLocation,
  type SourceRange,
} from '../model/flow.js';
import { joinPointer } from '../util/pointer.js';
import { FieldLocs } from './field-locs.js';
import { isIdentityDatum } from './identity.js';
import { openIntervals } from './schedule.js';
import type { Place } from './yaml.js';

type Data = Record<string, unknown>;

interface Context {
  file: string;
  places: ReadonlyMap<string, Place>;
  /** One array per set of keys written, shared by the nodes that write the same keys. */
  keySets: Map<string, readonly string[]>;
}

const NOWHERE: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function locate(context: Context, pointer: string, part: 'key' | 'value' = 'value'): SourceLocation {
  const place = context.places.get(pointer);
  const range = (part === 'key' ? place?.key : undefined) ?? place?.value ?? NOWHERE;
  return { file: context.file, pointer, ...range };
}

/** Builds the model of a schema-valid format v1 document. */
export function buildFlow(file: string, data: Data, places: ReadonlyMap<string, Place>): Flow {
  const context: Context = { file, places, keySets: new Map() };
  const nodes = new Map<string, FlowNode>();
  for (const [id, raw] of Object.entries(data.nodes as Data)) {
    nodes.set(id, buildNode(context, id, raw as Data));
  }
  const settingsData = (data.settings ?? {}) as Partial<FlowSettings>;
  const settings: FlowSettings = { ...DEFAULT_SETTINGS, ...settingsData };
  const queues = new Map<string, QueueStaffing>();
  for (const [id, raw] of Object.entries((data.queues ?? {}) as Data)) {
    const staffing = raw as Data;
    queues.set(id, {
      id,
      agents: staffing.agents as number,
      callsPerHour: staffing.callsPerHour as number,
      ahtSeconds: staffing.ahtSeconds as number,
      targetAnswerSeconds: (staffing.targetAnswerSeconds as number | undefined) ?? 20,
      ...(typeof staffing.patienceSeconds === 'number' ? { patienceSeconds: staffing.patienceSeconds } : {}),
      afterHoursAgents: staffing.afterHoursAgents as number | undefined,
      loc: locate(context, joinPointer('/queues', id), 'key'),
    });
  }
  return {
    file,
    format: 'ivr-audit',
    name: data.name as string,
    description: data.description as string | undefined,
    ...(typeof data.kind === 'string' && data.kind !== 'flow' ? { kind: data.kind as FlowKind } : {}),
    entry: data.entry as string,
    entryLoc: locate(context, '/entry'),
    settings,
    settingsGiven: new Set(Object.keys(settingsData) as Array<keyof FlowSettings>),
    settingsLocs: new Map(Object.keys(settingsData).map((key) => [key, locate(context, joinPointer('/settings', key))])),
    queues,
    ...(data.schedules === undefined ? {} : { schedules: buildSchedules(context, data.schedules as Data) }),
    nodes,
    unknowns: [],
  };
}

/** Schedules whose entries `checkSchedules` has already accepted. */
function buildSchedules(context: Context, raw: Data): Map<string, Schedule> {
  const schedules = new Map<string, Schedule>();
  for (const [id, value] of Object.entries(raw)) {
    const schedule = value as Data;
    schedules.set(id, {
      id,
      timezone: schedule.timezone as string,
      openMinutes: openIntervals(schedule.open as string[]),
      holidays: (schedule.holidays ?? []) as string[],
      closedShare: schedule.closedShare as number | undefined,
      loc: locate(context, joinPointer('/schedules', id), 'key'),
    });
  }
  return schedules;
}


function sharedKeys(context: Context, keys: string[]): readonly string[] {
  const signature = keys.join('\u0000');
  let shared = context.keySets.get(signature);
  if (!shared) context.keySets.set(signature, (shared = keys));
  return shared;
}

function buildNode(context: Context, id: string, raw: Data): FlowNode {
  const pointer = joinPointer('/nodes', id);
  const fieldLocs = new FieldLocs(context.file, pointer, sharedKeys(context, Object.keys(raw)), (key) => locate(context, joinPointer(pointer, key)));
  const say = raw.say === undefined ? [] : Array.isArray(raw.say) ? (raw.say as string[]) : [raw.say as string];
  const edges = buildEdges(context, id, pointer, raw);
  const base = {
    id,
    loc: locate(context, pointer, 'key'),
    say,
    sayLoc: raw.say === undefined ? undefined : locate(context, joinPointer(pointer, 'say')),
    sayItemLocs: Array.isArray(raw.say) ? raw.say.map((_, index) => locate(context, joinPointer(pointer, 'say', index))) : undefined,
    durationSeconds: raw.durationSeconds as number | undefined,
    label: raw.label as string | undefined,
    approval: raw.approval === true,
    offer: raw.offer as string | undefined,
    edges,
    fieldLocs,
  };
  const number = (key: string): number | undefined => raw[key] as number | undefined;
  const flag = (key: string): boolean => raw[key] === true;
  switch (raw.type as FlowNode['type']) {
    case 'menu':
      return {
        ...base,
        type: 'menu',
        timeoutSeconds: number('timeoutSeconds') ?? 5,
        retries: number('retries') ?? 2,
      };
    case 'input': {
      const collects = raw.collects as string;
      return {
        ...base,
        type: 'input',
        collects,
        identity: typeof raw.identity === 'boolean' ? raw.identity : isIdentityDatum(collects),
        timeoutSeconds: number('timeoutSeconds') ?? 5,
        retries: number('retries') ?? 2,
      };
    }
    case 'transfer':
      return {
        ...base,
        type: 'transfer',
        to: raw.to as string,
        rings: number('rings'),
        ringTimeoutSeconds: number('ringTimeoutSeconds'),
        context: flag('context'),
        toFlow: flag('toFlow'),
      };
    case 'queue':
      return {
        ...base,
        type: 'queue',
        queue: raw.queue as string | undefined,
        maxWaitSeconds: number('maxWaitSeconds'),
        expectedWaitSeconds: number('expectedWaitSeconds'),
        music: flag('music'),
        ...announcementsOf(context, pointer, raw.announcements),
        announceWait: flag('announceWait'),
        callback: flag('callback'),
      };
    case 'agent':
      return { ...base, type: 'agent', rings: number('rings'), resolves: number('resolves') ?? 0.8 };
    case 'deflect':
      return { ...base, type: 'deflect', channel: raw.channel as Channel, resolves: raw.resolves as Resolution | undefined };
    case 'notify':
      return { ...base, type: 'notify', channel: raw.channel as Channel };
    case 'lookup':
      return { ...base, type: 'lookup', by: raw.by as string, provides: raw.provides as string[] };
    case 'hours':
      return { ...base, type: 'hours', schedule: raw.schedule as string };
    case 'subflow':
      return { ...base, type: 'subflow', flow: raw.flow as string };
    case 'hangup':
      return { ...base, type: 'hangup', outcome: (raw.outcome as Outcome | undefined) ?? 'unresolved' };
    case 'play':
    case 'branch':
    case 'return':
      return { ...base, type: raw.type as 'play' | 'branch' | 'return' };
  }
}

function buildEdges(context: Context, from: string, pointer: string, raw: Data): Edge[] {
  const edges: Edge[] = [];
  const add = (kind: EdgeKind, label: string, to: string, at: string, extra: Partial<Edge> = {}): void => {
    edges.push({ kind, label, from, to, loc: locate(context, at), ...extra });
  };
  for (const [key, value] of Object.entries((raw.options ?? {}) as Data)) {
    const at = joinPointer(pointer, 'options', key);
    if (typeof value === 'string') add('option', `option:${key}`, value, at);
    else {
      const option = value as Data;
      add('option', `option:${key}`, option.next as string, joinPointer(at, 'next'), {
        share: option.share as number | undefined,
        optionLabel: option.label as string | undefined,
      });
    }
  }
  ((raw.cases ?? []) as Data[]).forEach((branchCase, index) => {
    add('case', `case:${index}`, branchCase.next as string, joinPointer(pointer, 'cases', index, 'next'), {
      share: branchCase.share as number | undefined,
      ...(typeof branchCase.times === 'number' ? { times: branchCase.times } : {}),
    });
  });
  // Options and cases are lists, read above; the other exits are one key each.
  for (const kind of SINGLE_EXIT_KINDS) {
    const key = EXIT_KEY[kind];
    if (typeof raw[key] === 'string') add(kind, kind, raw[key] as string, joinPointer(pointer, key));
  }
  return edges;
}

/** `announcements: true`, or the list of texts callers hear while they wait (true when not empty). */
function announcementsOf(context: Context, pointer: string, value: unknown): { announcements: boolean; announcementTexts: string[]; announcementLocs?: SourceLocation[] } {
  if (!Array.isArray(value)) return { announcements: value === true, announcementTexts: [] };
  const texts = value.filter((text): text is string => typeof text === 'string');
  const locs = texts.map((_, index) => locate(context, joinPointer(pointer, 'announcements', `${index}`)));
  return { announcements: texts.length > 0, announcementTexts: texts, announcementLocs: locs };
}
