// The platform exports linted together, as one project: which file each reference between flows names,
// the kind other flows give an export (the in-queue flow a hook sets...), and what the queues play.
import { dirname, relative } from 'node:path';
import type { Flow, FlowKind, FlowNode, HoldExperience, QueueNode } from '../model/flow.js';
import type { FlowReference, ImportOptions } from './importers/index.js';
import { IN_QUEUE_FLOW_UNKNOWN, baseName } from './importers/build.js';
import { loaderEnglish } from '../i18n/loader.js';

/** One export of the run, as the first reading found it. */
export interface ProjectMember {
  /** Absolute path. */
  path: string;
  /** Names other exports may use for it: its own names, ids and ARNs (the file name is added here). */
  aliases: readonly string[];
  references: readonly FlowReference[];
  kind?: FlowKind;
  hold?: HoldExperience;
}

/** The kind a reference's role gives the flow it names; a transfer says nothing about its target. */
const KINDS_OF_ROLES: Readonly<Record<FlowReference['role'], FlowKind | undefined>> = {
  transfer: undefined,
  module: 'module',
  'queue-flow': 'queue-flow',
  whisper: 'whisper',
  hold: 'hold',
};

/** Names compared without case, spaces or punctuation: `Acme Main` is `acme_main`. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The forms a name is referred by: itself, and the last part of an ARN or path (`.../contact-flow/<id>`). */
function keysOf(name: string): string[] {
  const last = name.split(/[/:]/).pop() ?? name;
  return [...new Set([nameKey(name), nameKey(last)])].filter((key) => key !== '');
}

export class Project {
  private readonly byKey = new Map<string, string | null>();
  private readonly kinds = new Map<string, FlowKind>();
  private readonly members = new Map<string, ProjectMember>();

  constructor(members: readonly ProjectMember[]) {
    for (const member of members) {
      this.members.set(member.path, member);
      for (const alias of [...member.aliases, baseName(member.path)]) {
        for (const key of keysOf(alias)) {
          const known = this.byKey.get(key);
          // A name two exports share names neither: the reference stays unresolved, never guessed.
          if (known === undefined) this.byKey.set(key, member.path);
          else if (known !== member.path) this.byKey.set(key, null);
        }
      }
    }
    for (const member of members) {
      for (const reference of member.references) {
        const target = this.find(reference.name);
        const kind = KINDS_OF_ROLES[reference.role];
        if (target !== undefined && kind !== undefined && !this.kinds.has(target)) this.kinds.set(target, kind);
      }
    }
  }

  get size(): number {
    return this.members.size;
  }

  /** The absolute path of the export a reference names, when exactly one export of the run has that name. */
  find(name: string): string | undefined {
    for (const key of keysOf(name)) {
      const path = this.byKey.get(key);
      if (path) return path;
    }
    return undefined;
  }

  /**
   * How to import a member so that its references become subflows of the files they name, and it gets the
   * kind the other exports give it. Undefined when the project changes nothing for it.
   */
  importOptions(path: string): ImportOptions | undefined {
    const member = this.members.get(path);
    if (!member) return undefined;
    const linked = member.references.some((reference) => this.find(reference.name) !== undefined);
    const kind = this.kinds.get(path);
    if (!linked && kind === undefined) return undefined;
    return {
      resolveFlow: (name) => {
        const target = this.find(name);
        return target === undefined ? undefined : relative(dirname(path), target) || baseName(target);
      },
      ...(kind === undefined ? {} : { kind }),
    };
  }

  /**
   * What callers hear in a queue: the in-queue flow the queue names (`holdFlow`), when it is a member;
   * otherwise the project's customer queue flow, when there is one (the one a hook sets, when exports set
   * one), since the queue does not say which it plays.
   */
  holdFor(queue: Pick<QueueNode, 'holdFlow'>): HoldExperience | undefined {
    if (queue.holdFlow !== undefined) {
      const named = this.find(queue.holdFlow);
      return named === undefined ? undefined : this.members.get(named)?.hold;
    }
    return this.holdExperience();
  }

  /** The hold experience of the project's one customer queue flow, if it has one. */
  holdExperience(): HoldExperience | undefined {
    const hooked = this.queueFlows().filter((member) => this.kinds.get(member.path) === 'queue-flow');
    const candidates = hooked.length > 0 ? hooked : this.queueFlows();
    return candidates.length === 1 ? candidates[0]!.hold : undefined;
  }

  /** The names of the project's customer queue flows, for the unknown a queue keeps when there are several. */
  queueFlowNames(): string[] {
    return this.queueFlows().map((member) => member.hold?.flow ?? baseName(member.path));
  }

  private queueFlows(): ProjectMember[] {
    return [...this.members.values()].filter((member) => (member.kind ?? this.kinds.get(member.path)) === 'queue-flow' && member.hold);
  }
}

/** True for the unknown an importer states for a queue whose in-queue flow is not in the file, counted or not ("... (2 queues)"). */
export function isQueueFlowUnknown(fact: string): boolean {
  return Object.values(IN_QUEUE_FLOW_UNKNOWN).some((unknown) => fact === unknown || fact.startsWith(`${unknown} (`));
}

/**
 * A flow whose queues play in-queue flows of the project: each fact such a flow states replaces what the
 * queue did not know. The unknown about the in-queue flow goes when every queue has its flow.
 */
export function withHoldExperience(flow: Flow, holdFor: (queue: QueueNode) => HoldExperience | undefined): Flow {
  if (!flow.unknowns.some(isQueueFlowUnknown)) return flow;
  const nodes = new Map<string, FlowNode>();
  const played = new Map<string, HoldExperience>();
  let unheard = 0;
  for (const [id, node] of flow.nodes) {
    const hold = node.type === 'queue' ? holdFor(node) : undefined;
    if (node.type === 'queue' && hold === undefined) unheard += 1;
    if (hold) played.set(hold.flow, hold);
    nodes.set(id, node.type === 'queue' && hold ? holding(node, hold) : node);
  }
  if (played.size === 0) return flow;
  const unknowns = unheard > 0 ? [...flow.unknowns] : flow.unknowns.filter((fact) => !isQueueFlowUnknown(fact));
  for (const hold of played.values()) {
    const left = (['announcements', 'announceWait', 'callback'] as const).filter((key) => hold[key] === undefined);
    if (left.length > 0) unknowns.push(loaderEnglish('unknown.queue-flow-tells', { flow: hold.flow, names: left.join(', ') }));
  }
  return { ...flow, nodes, unknowns };
}

function holding(queue: QueueNode, hold: HoldExperience): QueueNode {
  const unknown = new Set(queue.unknown);
  const known: Partial<Pick<QueueNode, 'music' | 'announcements' | 'announceWait' | 'callback'>> = {};
  for (const key of ['music', 'announcements', 'announceWait', 'callback'] as const) {
    const value = hold[key];
    if (value === undefined) continue;
    known[key] = value;
    unknown.delete(key);
  }
  return { ...queue, ...known, unknown };
}
