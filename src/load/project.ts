// The platform exports linted together, as one project: which file each reference between flows names,
// the kind other flows give an export (the in-queue flow a hook sets...), and what the queues play.
import { dirname, relative } from 'node:path';
import type { Flow, FlowKind, FlowNode, HoldExperience, QueueNode } from '../model/flow.js';
import type { FlowReference, ImportOptions } from './importers/index.js';
import { baseName } from './importers/build.js';

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
   * What callers hear in queue: the hold experience of the project's customer queue flow. Only when there is
   * one (the one a hook sets, when exports set one), since an export does not say which queue plays which.
   */
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

/** The unknown an importer states for a queue whose in-queue flow is not in the file. */
export const QUEUE_FLOW_UNKNOWN = 'what the customer queue flow announces while callers wait';

/** True for that unknown, counted or not ("... (2 queues)"). */
export function isQueueFlowUnknown(fact: string): boolean {
  return fact === QUEUE_FLOW_UNKNOWN || fact.startsWith(`${QUEUE_FLOW_UNKNOWN} (`);
}

/**
 * A flow whose queues play the project's customer queue flow: each fact that flow states replaces what the
 * queue did not know, and the unknown about the in-queue flow goes.
 */
export function withHoldExperience(flow: Flow, hold: HoldExperience): Flow {
  if (!flow.unknowns.some(isQueueFlowUnknown)) return flow;
  const nodes = new Map<string, FlowNode>();
  for (const [id, node] of flow.nodes) nodes.set(id, node.type === 'queue' ? holding(node, hold) : node);
  const unknowns = flow.unknowns.filter((fact) => !isQueueFlowUnknown(fact));
  const left = (['announcements', 'announceWait', 'callback'] as const).filter((key) => hold[key] === undefined);
  if (left.length > 0) unknowns.push(`what the customer queue flow \`${hold.flow}\` tells callers (${left.join(', ')}: held in attributes)`);
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
