// Writes a flow as format v1 YAML (`ivr-audit import`), so a team can review or migrate an export. Only the
// keys format v1 allows for each node type are written; where the model lacks a required key, a faithful
// stand-in is added and explained in a comment. Maps are built pair by pair: ids such as `__proto__` or
// `null` are ordinary keys, and the yaml package quotes whatever would read back as something else.
import { Document, Pair, Scalar, YAMLMap, type Node as YamlNode } from 'yaml';
import { EXIT_KEY, SINGLE_EXIT_KINDS, type Edge, type EdgeKind, type Flow, type FlowNode, type NodeType, type Schedule } from '../../model/flow.js';
import { DAYS, MINUTES_PER_DAY } from '../schedule.js';

type SingleKind = Exclude<EdgeKind, 'option' | 'case'>;

/** The v1 key of each single exit. */
const SINGLE_KINDS: readonly SingleKind[] = SINGLE_EXIT_KINDS;

/** The exits format v1 allows on each node type. */
const ALLOWED_EXITS: Readonly<Record<NodeType, readonly EdgeKind[]>> = {
  play: ['next'],
  menu: ['option', 'noInput', 'noMatch'],
  input: ['next', 'noInput', 'noMatch'],
  branch: ['case', 'default', 'error'],
  transfer: ['next', 'noAnswer', 'busy'],
  queue: ['next', 'timeout', 'full'],
  agent: ['next'],
  deflect: ['next'],
  notify: ['next'],
  lookup: ['next', 'notFound'],
  hours: ['open', 'closed', 'holiday'],
  subflow: ['next'],
  return: [],
  hangup: [],
};

type Entry = readonly [string, unknown];

/** A node as it will be written: its id, its keys in order, and why anything was changed. */
interface WrittenNode {
  id: string;
  entries: Entry[];
  comments: string[];
}

/** Hands out ids for stand-in nodes that no node of the flow already uses. */
class FreshIds {
  private readonly taken: Set<string>;

  constructor(ids: Iterable<string>) {
    this.taken = new Set(ids);
  }

  get(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n += 1) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

export function flowToYaml(flow: Flow): string {
  const fresh = new FreshIds(flow.nodes.keys());
  const written: WrittenNode[] = [];
  for (const node of flow.nodes.values()) written.push(...writeNode(node, fresh));

  const doc = new Document(new YAMLMap());
  const root = doc.contents as YAMLMap;
  const add = (map: YAMLMap, key: string, value: unknown): void => {
    map.items.push(new Pair(new Scalar(key), toYamlNode(doc, value)));
  };
  add(root, 'version', 1);
  add(root, 'name', flow.name === '' ? 'imported flow' : flow.name);
  if (flow.description !== undefined && flow.description !== '') add(root, 'description', flow.description);
  if (flow.kind !== undefined && flow.kind !== 'flow') add(root, 'kind', flow.kind);
  add(root, 'entry', flow.entry);
  const settings = [...flow.settingsGiven].map((key): Entry => [key, flow.settings[key]]);
  if (settings.length > 0) add(root, 'settings', mapOf(doc, settings));
  if (flow.queues.size > 0) {
    add(root, 'queues', mapOf(doc, [...flow.queues.values()].map((queue): Entry => [queue.id, {
      agents: queue.agents,
      callsPerHour: queue.callsPerHour,
      ahtSeconds: queue.ahtSeconds,
      targetAnswerSeconds: queue.targetAnswerSeconds,
      patienceSeconds: queue.patienceSeconds,
      afterHoursAgents: queue.afterHoursAgents,
    }])));
  }
  // An `hours` node must name an entry of `schedules`: write the timetables the flow has.
  if (flow.schedules !== undefined && flow.schedules.size > 0) {
    add(root, 'schedules', mapOf(doc, [...flow.schedules.values()].map((schedule): Entry => [schedule.id, scheduleEntry(schedule)])));
  }
  for (const node of written) {
    const original = flow.nodes.get(node.id);
    if (original?.type === 'hours' && !flow.schedules?.has(original.schedule)) {
      node.comments.push(`ivr-audit import: the export names hours \`${original.schedule}\` but not their times; add them under \`schedules\``);
    }
  }
  const nodes = new YAMLMap();
  for (const node of written) {
    const key = new Scalar(node.id);
    if (node.comments.length > 0) key.commentBefore = node.comments.map((comment) => ` ${comment}`).join('\n');
    nodes.items.push(new Pair(key, mapOf(doc, node.entries)));
  }
  root.items.push(new Pair(new Scalar('nodes'), nodes));
  doc.commentBefore = header(flow);
  return doc.toString({ lineWidth: 0 });
}

function scheduleEntry(schedule: Schedule): Record<string, unknown> {
  return {
    timezone: schedule.timezone,
    open: openingTexts(schedule.openMinutes),
    holidays: schedule.holidays.length > 0 ? schedule.holidays : undefined,
    closedShare: schedule.closedShare,
  };
}

/** Weekly intervals back to "mon 08:00-18:00" entries, one per day an interval touches. */
export function openingTexts(intervals: ReadonlyArray<readonly [number, number]>): string[] {
  const texts: string[] = [];
  for (const [start, end] of intervals) {
    for (let day = Math.floor(start / MINUTES_PER_DAY); day * MINUTES_PER_DAY < end; day++) {
      const from = Math.max(start, day * MINUTES_PER_DAY) - day * MINUTES_PER_DAY;
      const to = Math.min(end, (day + 1) * MINUTES_PER_DAY) - day * MINUTES_PER_DAY;
      if (to > from) texts.push(`${DAYS[day % 7]} ${clock(from)}-${clock(to)}`);
    }
  }
  return texts;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function header(flow: Flow): string {
  const lines = [
    flow.format === 'ivr-audit'
      ? ' Written by ivr-audit.'
      : ` Converted by ivr-audit from ${FORMAT_NAMES[flow.format]}: ${flow.file}`,
  ];
  if (flow.unknowns.length > 0) {
    lines.push(' Facts the export does not state (left out, not guessed):');
    for (const unknown of flow.unknowns) lines.push(`   - ${unknown}`);
  }
  return lines.join('\n');
}

const FORMAT_NAMES: Readonly<Record<Flow['format'], string>> = {
  'ivr-audit': 'format v1',
  connect: 'Amazon Connect',
  twilio: 'Twilio Studio',
  genesys: 'Genesys Architect',
};

/** A YAML map from ordered entries, built pair by pair so that no key is ever a plain-object key. */
function mapOf(doc: Document, entries: readonly Entry[]): YAMLMap {
  const map = new YAMLMap();
  for (const [key, value] of entries) {
    if (value !== undefined) map.items.push(new Pair(new Scalar(key), toYamlNode(doc, value)));
  }
  return map;
}

function toYamlNode(doc: Document, value: unknown): YamlNode {
  if (value instanceof YAMLMap) return value;
  return doc.createNode(value);
}

function firstOf(node: FlowNode, kind: SingleKind): Edge | undefined {
  return node.edges.find((edge) => edge.kind === kind);
}

/**
 * The node as v1 YAML keys, plus any stand-in nodes a missing required key needs. Stand-ins follow the
 * platform's behaviour: a step with nowhere to go ends the call, a queue's answered call reaches an agent.
 */
function writeNode(node: FlowNode, fresh: FreshIds): WrittenNode[] {
  const comments: string[] = [];
  const extra: WrittenNode[] = [];
  let type: NodeType = node.type;
  const exits = new Map<SingleKind, string>();
  for (const kind of SINGLE_KINDS) {
    const edge = firstOf(node, kind);
    if (edge) exits.set(kind, edge.to);
  }
  const options = node.edges.filter((edge) => edge.kind === 'option');
  const cases = node.edges.filter((edge) => edge.kind === 'case');

  const standIn = (kind: 'hangup' | 'agent', why: string): string => {
    const id = fresh.get(`${node.id}.${kind === 'agent' ? 'agent' : 'end'}`);
    extra.push({ id, entries: kind === 'agent' ? [['type', 'agent']] : [['type', 'hangup'], ['outcome', 'unresolved']], comments: [why] });
    return id;
  };

  if (type === 'menu' && options.length === 0) {
    type = 'play';
    const fallback = exits.get('noInput') ?? exits.get('noMatch');
    exits.clear();
    if (fallback !== undefined) exits.set('next', fallback);
    comments.push('ivr-audit import: this menu offers no option, so it is written as a prompt');
  }
  if (type === 'play' && !exits.has('next')) {
    type = 'hangup';
    comments.push('ivr-audit import: nothing follows this prompt, so the call ends here');
  }
  if (type === 'input' && !exits.has('next')) {
    exits.set('next', standIn('hangup', 'ivr-audit import: the export gives no exit after this input; the call ends'));
  }
  if (type === 'branch' && !exits.has('default')) {
    exits.set('default', standIn('hangup', 'ivr-audit import: no exit when no case holds; the call ends'));
  }
  if (type === 'queue' && !exits.has('next')) {
    exits.set('next', standIn('agent', 'ivr-audit import: the export has no answered exit; an agent answers here'));
  }

  const allowed = ALLOWED_EXITS[type];
  // An exit whose target is still written elsewhere on the node loses no path (a menu's no-input as `next`).
  const kept = new Set([...exits].filter(([kind]) => allowed.includes(kind)).map(([, to]) => to));
  const dropped = node.edges.filter((edge) => !allowed.includes(edge.kind) && !kept.has(edge.to));
  if (dropped.length > 0) {
    comments.push(`ivr-audit import: exits a ${type} cannot hold were left out: ${dropped.map((edge) => `${edge.label} -> ${edge.to}`).join(', ')}`);
  }

  const entries: Entry[] = [['type', type]];
  if (node.label !== undefined) entries.push(['label', node.label]);
  if (node.say.length === 1) entries.push(['say', node.say[0]]);
  else if (node.say.length > 1) entries.push(['say', node.say]);
  if (node.durationSeconds !== undefined && node.durationSeconds >= 0) entries.push(['durationSeconds', node.durationSeconds]);
  if (node.approval) entries.push(['approval', true]);
  if (node.offer !== undefined) entries.push(['offer', node.offer]);
  entries.push(...factsOf(node, type));
  if (allowed.includes('option')) entries.push(['options', optionsOf(options)]);
  if (allowed.includes('case') && cases.length > 0) entries.push(['cases', cases.map(caseOf)]);
  for (const kind of SINGLE_KINDS) {
    const key = EXIT_KEY[kind];
    const to = exits.get(kind);
    if (to !== undefined && allowed.includes(kind)) entries.push([key, to]);
  }
  return [{ id: node.id, entries, comments }, ...extra];
}

/** The keys of the node's own type; a node written as another type (a stand-in) keeps only what fits. */
function factsOf(node: FlowNode, type: NodeType): Entry[] {
  if (type === 'hangup') return [['outcome', node.type === 'hangup' ? node.outcome : 'unresolved']];
  if (type !== node.type) return [];
  const positive = (value: number | undefined): number | undefined => (value !== undefined && value > 0 ? value : undefined);
  const flag = (value: boolean): true | undefined => (value ? true : undefined);
  switch (node.type) {
    case 'menu':
      return [['timeoutSeconds', positive(node.timeoutSeconds)], ['retries', Math.max(0, Math.round(node.retries))]];
    case 'input':
      return [
        ['collects', node.collects === '' ? 'unknown' : node.collects],
        // An explicit `identity: false` would silence the loader's inference from `collects`: written only when true.
        ['identity', flag(node.identity)],
        ['timeoutSeconds', positive(node.timeoutSeconds)],
        ['retries', Math.max(0, Math.round(node.retries))],
      ];
    case 'transfer':
      return [
        ['to', node.to === '' ? 'unknown' : node.to],
        node.rings !== undefined ? ['rings', Math.max(0, Math.round(node.rings))] : ['ringTimeoutSeconds', node.ringTimeoutSeconds],
        ['context', flag(node.context)],
        ['toFlow', flag(node.toFlow)],
      ];
    case 'queue':
      return [
        ['queue', node.queue],
        ['maxWaitSeconds', positive(node.maxWaitSeconds)],
        ['expectedWaitSeconds', node.expectedWaitSeconds],
        ['music', flag(node.music)],
        ['announcements', flag(node.announcements)],
        ['announceWait', flag(node.announceWait)],
        ['callback', flag(node.callback)],
      ];
    case 'agent':
      return [['rings', node.rings], ['resolves', node.resolves === 0.8 ? undefined : node.resolves]];
    case 'deflect':
      return [['channel', node.channel], ['resolves', node.resolves]];
    case 'notify':
      return [['channel', node.channel]];
    case 'lookup':
      return [['by', node.by === '' ? 'unknown' : node.by], ['provides', node.provides.length > 0 ? node.provides : ['unknown']]];
    case 'hours':
      return [['schedule', node.schedule]];
    case 'subflow':
      return [['flow', node.flow === '' ? 'unknown' : node.flow]];
    default:
      return [];
  }
}

/** `options`: a key per option; the short form (a bare target) unless a label or share is known. */
function optionsOf(options: readonly Edge[]): YAMLMap {
  const map = new YAMLMap();
  for (const edge of options) {
    const key = edge.label.startsWith('option:') ? edge.label.slice('option:'.length) : edge.optionLabel ?? edge.to;
    const detailed = edge.optionLabel !== undefined || edge.share !== undefined;
    const value = new YAMLMap();
    if (detailed) {
      value.items.push(new Pair(new Scalar('next'), new Scalar(edge.to)));
      if (edge.optionLabel !== undefined) value.items.push(new Pair(new Scalar('label'), new Scalar(edge.optionLabel)));
      if (edge.share !== undefined) value.items.push(new Pair(new Scalar('share'), new Scalar(edge.share)));
    }
    map.items.push(new Pair(new Scalar(key), detailed ? value : new Scalar(edge.to)));
  }
  return map;
}

/** A branch case; its condition in words travels in the edge's `optionLabel` (see FlowBuilder.case). */
function caseOf(edge: Edge): Record<string, unknown> {
  const written: Record<string, unknown> = {};
  if (edge.optionLabel !== undefined) written.when = edge.optionLabel;
  written.next = edge.to;
  if (edge.share !== undefined) written.share = edge.share;
  if (edge.times !== undefined) written.times = edge.times;
  return written;
}
