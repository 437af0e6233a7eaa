// Fixes: concrete changes to the flow, each applied to the model and re-scored for its gain.
import { MAX_OFFERED_ERLANGS, offeredLoad } from '../analysis/erlang-a.js';
import { list, msg, render, type Lang, type Msg } from '../i18n/index.js';
import { SEVERITY_RANK, type Finding } from '../model/finding.js';
import type { Flow, FlowNode, Language, QueueNode, QueueStaffing } from '../model/flow.js';
import type { Fix, FixType } from '../model/result.js';
import { CLICHES, plainText } from '../rules/cliche-prompt.js';
import type { OptionValue } from '../rules/types.js';
import type { EditValue, TextEdit } from '../load/yaml-edit.js';
import { joinPointer } from '../util/pointer.js';
import { isKeypadKey } from '../util/spoken-keys.js';
import { closest } from '../util/suggest.js';
import { isLocalPatch, type NodePatch } from './local-fix.js';
import { addNode, baseNode, bypass, cloneFlow, ensureAgent, freshId, nextOf, patchNode, patchNodes, setExit, setExits } from './edit.js';

export interface FixCandidate {
  /** `fix`: the file then says what it means; `suggestion`: a change of what callers get, or a claim about the platform (docs/cli.md). */
  type: FixType;
  /** Rendered in the audit's language when the fix is ranked. */
  title: Msg;
  description: Msg;
  ruleIds: string[];
  nodeIds: string[];
  findings: Finding[];
  apply(flow: Flow): Flow;
  /** The same change as keys to set in a format v1 file, when it is that mechanical. */
  edits?: TextEdit[];
  /** The change as keys set on nodes, when that is all it does: such a change may be measured without a re-analysis. */
  patch?: NodePatch;
}

/** A change that sets the same keys on some nodes: applied in one copy of the flow, and described for a measure without a re-analysis. */
function patchOf(ids: readonly string[], values: Readonly<Record<string, EditValue>>): { apply(flow: Flow): Flow; patch: NodePatch } {
  return { apply: (target) => patchNodes(target, ids, () => values as Partial<FlowNode>), patch: { ids, values } };
}

/** Sets keys of one node: the edits of a mechanical fix. */
function nodeEdits(node: FlowNode, values: Readonly<Record<string, EditValue>>): TextEdit[] {
  return Object.entries(values).map(([key, value]) => ({ pointer: joinPointer(node.loc.pointer, key), value }));
}

/**
 * How many candidates that need a re-analysis are re-scored for a flow of `nodes` nodes: each
 * costs one analysis of the flow, so large flows get fewer (at least 5). Candidates measured
 * without one (src/score/local-fix.ts) are all re-scored, at any size.
 */
export function candidateBudget(nodes: number): number {
  return Math.max(5, Math.min(40, Math.floor(40_000 / Math.max(1, nodes))));
}

/** A rule's options as configured, so a fix meets the limit the user set. */
type RuleOptions = Readonly<Record<string, OptionValue>>;

type Proposer = (flow: Flow, findings: Finding[], options: RuleOptions) => Omit<FixCandidate, 'ruleIds' | 'findings'> | undefined;

const code = (id: string): string => `\`${id}\``;

/** "`a`, `b`": ids as the messages quote them. */
const codes = (nodes: ReadonlyArray<{ id: string }>): string => nodes.map((node) => code(node.id)).join(', ');

function nodeOf(flow: Flow, findings: Finding[]): FlowNode | undefined {
  const id = findings[0]?.nodeId;
  return id === undefined ? undefined : flow.nodes.get(id);
}

/** The nodes of the other places a finding of one cause lists. */
function placeNodes(flow: Flow, findings: Finding[]): FlowNode[] {
  return findings.flatMap((finding) => finding.places ?? []).map((place) => (place.nodeId === undefined ? undefined : flow.nodes.get(place.nodeId)))
    .filter((node): node is FlowNode => node !== undefined);
}

/** Root-flow nodes named on a finding's journey (ids inside subflows contain a `/`). */
function rootNodesOnPath(flow: Flow, finding: Finding): FlowNode[] {
  return (finding.path ?? []).filter((id) => !id.includes('/')).map((id) => flow.nodes.get(id)).filter((node): node is FlowNode => node !== undefined);
}

const PROPOSERS: Record<string, Proposer> = {
  'ring-limit': (flow, findings, options) => {
    // Within the limit the author configured (2 rings, or fewer when the limit is lower).
    const limit = typeof options.max === 'number' ? Math.max(0, Math.floor(options.max)) : 5;
    const node = nodeOf(flow, findings);
    if (!node) {
      const answerRings = Math.min(1, limit);
      return {
        type: 'fix',
        title: msg('fix.answer-rings.title', { answerRings }),
        description: msg('fix.answer-rings.description', { rings: flow.settings.answerRings }),
        nodeIds: [],
        apply: (target) => ({ ...cloneFlow(target), settings: { ...target.settings, answerRings } }),
        edits: [{ pointer: '/settings/answerRings', value: answerRings }],
      };
    }
    if (node.type !== 'transfer' && node.type !== 'agent') return undefined;
    const rings = Math.min(2, limit);
    return {
      type: 'fix',
      title: msg('fix.node-rings.title', { id: code(node.id), rings }),
      description: msg('fix.node-rings.description', { id: code(node.id), rings }),
      nodeIds: [node.id],
      // Change the key the flow uses: `rings`, or the ring time when that is how it is written.
      ...(node.rings !== undefined || node.type === 'agent'
        ? { apply: (target: Flow) => patchNode(target, node.id, { rings } as Partial<FlowNode>), edits: nodeEdits(node, { rings }) }
        : {
            apply: (target: Flow) => patchNode(target, node.id, { ringTimeoutSeconds: rings * flow.settings.ringSeconds } as Partial<FlowNode>),
            edits: nodeEdits(node, { ringTimeoutSeconds: rings * flow.settings.ringSeconds }),
          }),
    };
  },
  'identity-questions': (flow, findings) => {
    const questions = rootNodesOnPath(flow, findings[0]!).filter((node) => node.type === 'input' && node.identity);
    const drop = questions.slice(1).filter((node) => nextOf(node) !== undefined);
    if (drop.length === 0) return undefined;
    return {
      type: 'suggestion',
      title: msg('fix.identity-questions.title', { ids: codes(drop) }),
      description: msg('fix.identity-questions.description', { id: code(questions[0]!.id), count: drop.length }),
      nodeIds: drop.map((node) => node.id),
      apply: (target) => bypass(target, ...drop.map((node) => node.id)),
    };
  },
  'repeat-identity': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node || node.type !== 'input' || nextOf(node) === undefined) return undefined;
    const transfers = rootNodesOnPath(flow, findings[0]!).filter((step) => step.type === 'transfer' && !step.context);
    return {
      type: 'suggestion',
      title: transfers.length > 0
        ? msg('fix.repeat-identity.title-transfers', { transfers: codes(transfers), id: code(node.id) })
        : msg('fix.repeat-identity.title', { id: code(node.id) }),
      description: msg('fix.repeat-identity.description', { id: code(node.id), collects: node.collects }),
      nodeIds: [node.id, ...transfers.map((step) => step.id)],
      apply: (target) => patchNodes(bypass(target, node.id), transfers.map((step) => step.id), () => ({ context: true }) as Partial<FlowNode>),
    };
  },
  'transfer-chain': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node || node.type !== 'transfer' || nextOf(node) === undefined) return undefined;
    return {
      type: 'suggestion',
      title: msg('fix.transfer-chain.title', { id: code(node.id) }),
      description: msg('fix.transfer-chain.description'),
      nodeIds: [node.id],
      apply: (target) => bypass(target, node.id),
    };
  },
  'cold-transfer': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node) return undefined;
    // One cold transfer reached at several places is one fix: every one of them carries the context.
    const nodes = [node, ...placeNodes(flow, findings).filter((other) => other.id !== node.id)];
    return {
      type: 'suggestion',
      title: msg('fix.cold-transfer.title', { ids: codes(nodes), count: nodes.length }),
      description: msg('fix.cold-transfer.description', { to: node.type === 'transfer' ? node.to : msg('fix.cold-transfer.next-person') }),
      nodeIds: nodes.map((each) => each.id),
      ...patchOf(nodes.map((each) => each.id), { context: true }),
      edits: nodes.flatMap((each) => nodeEdits(each, { context: true })),
    };
  },
  'dead-end-hold': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node || node.type !== 'queue') return undefined;
    // Queues that fail the same way are one finding, and one fix for all of them.
    const queues = [node, ...placeNodes(flow, findings).filter((other) => other.type === 'queue' && other.id !== node.id)] as QueueNode[];
    const limit = (queue: QueueNode): number => queue.maxWaitSeconds ?? 120;
    return {
      type: 'suggestion',
      title: msg('fix.dead-end-hold.title', { ids: codes(queues), seconds: limit(node) }),
      description: msg('fix.dead-end-hold.description'),
      nodeIds: queues.map((queue) => queue.id),
      apply: (target) => queues.reduce((edited, queue) => {
        const id = freshId(edited, `${queue.id}-callback`);
        const withCallback = addNode(edited, { ...baseNode(id, queue), type: 'hangup', outcome: 'callback' });
        const limited = patchNode(withCallback, queue.id, { maxWaitSeconds: limit(queue) } as Partial<FlowNode>);
        return setExit(limited, queue.id, 'timeout', 'timeout', id);
      }, target),
    };
  },
  'silent-hold': (flow, findings) => queuePatch(flow, findings, { music: true }, 'silent-hold'),
  'no-wait-estimate': (flow, findings) => queuePatch(flow, findings, { announceWait: true }, 'no-wait-estimate'),
  'hold-without-callback': (flow, findings) => queuePatch(flow, findings, { callback: true }, 'hold-without-callback'),
  'dead-end': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node || node.type !== 'hangup') return undefined;
    // Hang-ups of one cause (exits left empty the same way) are fixed together.
    const ends = [node, ...placeNodes(flow, findings).filter((other) => other.type === 'hangup' && other.id !== node.id)];
    const where = codes(ends);
    return {
      type: 'suggestion',
      title: msg('fix.dead-end.title', { ids: where, ending: node.outcome === 'abandoned' ? 'cut' : 'unresolved' }),
      description: msg('fix.dead-end.description', { ids: where }),
      nodeIds: ends.map((end) => end.id),
      apply: (target) => ends.reduce((edited, end) => patchNode(edited, end.id, { outcome: 'callback' } as Partial<FlowNode>), target),
      edits: ends.flatMap((end) => nodeEdits(end, { outcome: 'callback' })),
    };
  },
  'no-human': (flow) => {
    const menus = [...flow.nodes.values()].filter((node) => node.type === 'menu');
    const near = flow.nodes.get(flow.entry) ?? flow.nodes.values().next().value;
    if (!near) return undefined;
    return {
      type: 'suggestion',
      title: msg(menus.length > 0 ? 'fix.no-human.title-menus' : 'fix.no-human.title'),
      description: msg('fix.no-human.description'),
      nodeIds: menus.map((node) => node.id),
      apply: (target) => {
        const { flow: withAgent, agentId } = ensureAgent(target, near);
        if (menus.length > 0) {
          const routed = setExits(withAgent, menus.map((menu) => ({ id: menu.id, kind: 'option', label: `option:${zeroKey(menu)}`, to: agentId })));
          return patchNodes(routed, menus.map((menu) => menu.id), (menu) => ({ say: announcedPrompt(menu, zeroKey(menu), target.settings.language) }));
        }
        const deadEnds = [...target.nodes.values()].filter((node) => node.type === 'hangup' && (node.outcome === 'unresolved' || node.outcome === 'abandoned'));
        return patchNodes(withAgent, deadEnds.map((node) => node.id), () => ({ type: 'agent', resolves: 0.8 }) as Partial<FlowNode>);
      },
    };
  },
  'no-zero-out': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node || node.type !== 'menu') return undefined;
    // A way to a person that the prompt keeps quiet about only needs saying.
    const silentKey = findings[0]!.data?.key;
    // Variants of one menu (the same prompt and options to the same places) are fixed together.
    const menus = [node, ...placeNodes(flow, findings).filter((other) => other.type === 'menu' && other.id !== node.id)];
    if (silentKey !== undefined) {
      return {
        type: 'suggestion',
        title: msg('fix.no-zero-out.title-say', { ids: codes(menus), key: silentKey }),
        description: msg('fix.no-zero-out.description-say'),
        nodeIds: menus.map((menu) => menu.id),
        apply: (target) => menus.reduce((edited, menu) => patchNode(edited, menu.id, { say: announcedPrompt(menu, silentKey, target.settings.language) }), target),
      };
    }
    return {
      type: 'suggestion',
      title: menus.length === 1
        ? msg('fix.no-zero-out.title-one', { key: zeroKey(node), id: code(node.id) })
        : msg('fix.no-zero-out.title-many', { key: zeroKey(node), ids: codes(menus) }),
      description: msg('fix.no-zero-out.description'),
      nodeIds: menus.map((menu) => menu.id),
      apply: (target) => menus.reduce((edited, menu) => withPersonOption(edited, menu), target),
    };
  },
  'no-exit': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node) return undefined;
    return {
      type: 'suggestion',
      title: msg('fix.no-exit.title', { id: code(node.id) }),
      description: msg('fix.no-exit.description'),
      nodeIds: [node.id],
      apply: (target) => {
        if (node.type === 'menu') return withPersonOption(target, node);
        const { flow: withAgent, agentId } = ensureAgent(target, node);
        return setExit(withAgent, node.id, node.type === 'queue' ? 'timeout' : 'noMatch', node.type === 'queue' ? 'timeout' : 'noMatch', agentId);
      },
    };
  },
  'long-preamble': (flow, findings) => {
    const plays = rootNodesOnPath(flow, findings[0]!).filter((node) => node.type === 'play');
    if (plays.length === 0) return undefined;
    return {
      type: 'suggestion',
      title: msg('fix.long-preamble.title', { ids: codes(plays) }),
      description: msg('fix.long-preamble.description'),
      nodeIds: plays.map((node) => node.id),
      apply: (target) => patchNodes(target, plays.map((node) => node.id), () => ({ durationSeconds: 10 / plays.length })),
    };
  },
  'queue-occupancy': (flow, findings, options) => {
    const id = findings[0]!.data?.queue;
    const staffing = id === undefined ? undefined : flow.queues.get(id);
    if (!staffing) return undefined;
    // Aim a little under the limit, and never above the 80% that leaves agents time to help.
    const target = Math.min(0.8, typeof options.max === 'number' ? options.max : 0.8);
    const agents = agentsFor(staffing, target);
    // A load beyond the model is a typo to correct, not a rota to staff.
    if (agents === undefined) return undefined;
    return {
      type: 'suggestion',
      title: msg('fix.queue-occupancy.title', { id: code(staffing.id), agents, percent: Math.round(target * 100) }),
      description: msg('fix.queue-occupancy.description', { agents: staffing.agents, calls: staffing.callsPerHour, aht: staffing.ahtSeconds }),
      nodeIds: [],
      apply: (target) => {
        const copy = cloneFlow(target);
        copy.queues.set(staffing.id, { ...staffing, agents });
        return copy;
      },
    };
  },
  'approval-hop': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node) return undefined;
    return {
      type: 'suggestion',
      title: msg('fix.approval-hop.title', { id: code(node.id) }),
      description: msg('fix.approval-hop.description'),
      nodeIds: [node.id],
      apply: (target) => (nextOf(node) !== undefined ? bypass(target, node.id) : patchNode(target, node.id, { approval: false })),
    };
  },
  'channel-switch': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node || node.type !== 'deflect') return undefined;
    return {
      type: 'suggestion',
      title: msg('fix.channel-switch.title', { channel: node.channel, id: code(node.id) }),
      description: msg('fix.channel-switch.description'),
      nodeIds: [node.id],
      apply: (target) => {
        if (nextOf(node) !== undefined) return bypass(target, node.id);
        return patchNode(target, node.id, { type: 'agent', resolves: 0.8 } as Partial<FlowNode>);
      },
    };
  },
  'cliche-prompt': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node) return undefined;
    const phrases = CLICHES[flow.settings.language].map(plainText);
    return {
      type: 'suggestion',
      title: msg('fix.cliche-prompt.title', { id: code(node.id) }),
      description: msg('fix.cliche-prompt.description'),
      nodeIds: [node.id],
      apply: (target) => patchNode(target, node.id, { say: node.say.map((text) => withoutPhrases(text, phrases)) }),
    };
  },
  'excessive-retries': (flow, findings, options) => {
    const node = nodeOf(flow, findings);
    if (!node || (node.type !== 'menu' && node.type !== 'input')) return undefined;
    // A finding at an error exit is a loop that asks again forever: send those callers to a person.
    const loops = node.edges.filter((edge) => (edge.kind === 'noInput' || edge.kind === 'noMatch')
      && findings.some((finding) => finding.pointer === edge.loc.pointer || finding.places?.some((place) => place.pointer === edge.loc.pointer)));
    // Within the limit the author configured.
    const retries = Math.min(2, typeof options.max === 'number' ? Math.max(0, Math.floor(options.max)) : 3);
    if (loops.length > 0) {
      return {
        // Where failing callers go is a change of the IVR, not of how the file says it.
        type: 'suggestion',
        title: msg('fix.excessive-retries.title-loop', { id: code(node.id) }),
        description: msg('fix.excessive-retries.description-loop', { exits: list('and', loops.map((edge) => code(edge.kind === 'noInput' ? 'onNoInput' : 'onNoMatch'))), id: code(node.id) }),
        nodeIds: [node.id],
        apply: (target) => {
          const { flow: withAgent, agentId } = ensureAgent(target, node);
          return setExits(withAgent, loops.map((edge) => ({ id: node.id, kind: edge.kind, label: edge.label, to: agentId })));
        },
      };
    }
    return {
      type: 'fix',
      title: msg('fix.excessive-retries.title', { retries, id: code(node.id) }),
      description: msg('fix.excessive-retries.description'),
      nodeIds: [node.id],
      apply: (target) => patchNode(target, node.id, { retries } as Partial<FlowNode>),
      edits: nodeEdits(node, { retries }),
    };
  },
  'missing-error-handling': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node) return undefined;
    return {
      type: 'suggestion',
      title: msg('fix.missing-error-handling.title', { id: code(node.id) }),
      description: msg('fix.missing-error-handling.description'),
      nodeIds: [node.id],
      apply: (target) => {
        const { flow: withAgent, agentId } = ensureAgent(target, node);
        const kinds = new Set(node.edges.map((edge) => edge.kind));
        let current = withAgent;
        if (!kinds.has('noInput')) current = setExit(current, node.id, 'noInput', 'noInput', agentId);
        if (!kinds.has('noMatch')) current = setExit(current, node.id, 'noMatch', 'noMatch', agentId);
        return current;
      },
    };
  },
  'unreachable-node': (flow, findings) => {
    const node = nodeOf(flow, findings);
    if (!node) return undefined;
    return {
      type: 'fix',
      title: msg('fix.unreachable-node.title', { id: code(node.id) }),
      description: msg('fix.unreachable-node.description'),
      nodeIds: [node.id],
      apply: (target) => {
        const copy = cloneFlow(target);
        copy.nodes.delete(node.id);
        return copy;
      },
    };
  },
  'unknown-target': (flow, findings) => {
    const finding = findings[0]!;
    const node = nodeOf(flow, findings);
    const edge = node?.edges.find((item) => item.loc.pointer === finding.pointer);
    const suggestion = edge ? closest(edge.to, [...flow.nodes.keys()]) : undefined;
    if (!node || !edge || suggestion === undefined) return undefined;
    return {
      type: 'fix',
      title: msg('fix.unknown-target.title', { id: code(node.id), suggestion: code(suggestion), target: code(edge.to) }),
      description: msg('fix.unknown-target.description'),
      nodeIds: [node.id],
      apply: (target) => setExit(target, node.id, edge.kind, edge.label, suggestion),
      edits: [{ pointer: edge.loc.pointer, value: suggestion }],
    };
  },
};

function queuePatch(
  flow: Flow,
  findings: Finding[],
  patch: Readonly<Record<string, boolean>>,
  ruleId: 'silent-hold' | 'no-wait-estimate' | 'hold-without-callback',
): ReturnType<Proposer> {
  const node = nodeOf(flow, findings);
  if (!node || node.type !== 'queue') return undefined;
  return {
    type: 'suggestion',
    title: msg(`fix.${ruleId}.title`, { id: code(node.id) }),
    description: msg(`fix.${ruleId}.description`),
    nodeIds: [node.id],
    ...patchOf([node.id], patch),
    edits: nodeEdits(node, patch),
  };
}

/** Adds a key to a person to a menu and the sentence that tells callers about it. */
function withPersonOption(flow: Flow, menu: FlowNode): Flow {
  const { flow: withAgent, agentId } = ensureAgent(flow, menu);
  const key = zeroKey(menu);
  return patchNode(setExit(withAgent, menu.id, 'option', `option:${key}`, agentId), menu.id, { say: announcedPrompt(menu, key, flow.settings.language) });
}

function announcedPrompt(menu: FlowNode, key: string, language: Language): string[] {
  const keypad = isKeypadKey(key);
  if (language === 'es') return [...menu.say, `Para hablar con una persona, ${keypad ? 'pulse' : 'diga'} ${key}.`];
  return [...menu.say, `To speak to a person, ${keypad ? 'press' : 'say'} ${key}.`];
}

function zeroKey(menu: FlowNode): string {
  const keys = new Set(menu.edges.filter((edge) => edge.kind === 'option').map((edge) => edge.label.slice('option:'.length)));
  return ['0', '*', '#', 'operator'].find((key) => !keys.has(key)) ?? 'agent';
}

function withoutPhrases(text: string, phrases: readonly string[]): string {
  let plain = ` ${plainText(text)} `;
  for (const phrase of phrases) plain = plain.split(` ${phrase} `).join(' ');
  return plain.trim();
}

/** Fewest agents that keep occupancy at or under `target`; undefined for a load beyond the model. */
function agentsFor(staffing: QueueStaffing, target: number): number | undefined {
  const offered = offeredLoad(staffing.callsPerHour, staffing.ahtSeconds);
  if (!(offered <= MAX_OFFERED_ERLANGS)) return undefined;
  return Math.max(Math.ceil(offered / target), Math.floor(staffing.agents) + 1);
}

/** Whether the findings of a rule can come with a fix or a suggestion (`rules --json` shows it). */
export function hasFixProposer(ruleId: string): boolean {
  return Object.hasOwn(PROPOSERS, ruleId);
}

/**
 * The findings a fix could be proposed for, one group per rule and node (or place), errors first:
 * when the budget cuts candidates, the fixes of the worst problems are kept.
 */
export function fixGroups(flow: Flow, findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  const ordered = [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  for (const finding of ordered) {
    // A step inside a subflow is fixed in its own file (linted on its own, it gets its fixes there).
    if (finding.file !== flow.file || finding.inside !== undefined || !Object.hasOwn(PROPOSERS, finding.ruleId)) continue;
    const key = `${finding.ruleId}|${finding.nodeId ?? finding.pointer}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()];
}

/**
 * Candidate fixes for a file's findings, one per group: every local patch (measured without a
 * re-analysis), and as many of the others as the flow's budget allows.
 * `localInPlace`: false when the flow's analysis allows no local measure (local patches then take
 * the budget too). `writableFirst`: the kinds of fixes `--fix` is to write; candidates it can write (edits of one
 * of those kinds) take the budget before the others, so that a big flow's many error findings
 * without a mechanical fix do not leave `--fix` nothing to write.
 */
export function proposeFixes(
  flow: Flow,
  findings: readonly Finding[],
  optionsOf: (ruleId: string) => RuleOptions = () => ({}),
  writableFirst?: ReadonlySet<FixType>,
  localInPlace = true,
): FixCandidate[] {
  const budget = candidateBudget(flow.nodes.size);
  const candidates: FixCandidate[] = [];
  for (const group of fixGroups(flow, findings)) {
    const ruleId = group[0]!.ruleId;
    const proposal = PROPOSERS[ruleId]!(flow, group, optionsOf(ruleId));
    // Only a format v1 file can be edited in place; an export is fixed on its platform.
    const edits = flow.format === 'ivr-audit' ? proposal?.edits : undefined;
    if (proposal) candidates.push({ ...proposal, edits, ruleIds: [ruleId], findings: group });
  }
  const writable = (candidate: FixCandidate): boolean => writableFirst !== undefined && candidate.edits !== undefined && writableFirst.has(candidate.type);
  const ordered = writableFirst === undefined ? candidates : [...candidates.filter(writable), ...candidates.filter((candidate) => !writable(candidate))];
  let analysed = 0;
  return ordered.filter((candidate) => (localInPlace && isLocalPatch(flow, candidate.patch)) || analysed++ < budget);
}

/** What the ranking needs to know of one version of the flow. */
export interface Measured {
  score: number;
  effortPoints: number;
  expectedSeconds: number | null;
}

/** Below this many effort points saved a change is no fix (rounding noise of the solver). */
const NOTHING_SAVED = 1e-6;

/** How the ranking measures versions of the flow. */
export interface FixMeasure {
  /** The flow with the candidate alone applied, and the share of callers whose journey passes what it changes. */
  alone(candidate: FixCandidate): { after: Measured; helped: number };
  /**
   * The score of the flow with this candidate and those given here before it applied: called once
   * per fix, in rank order. Undefined once it would cost more analyses than the budget allows.
   */
  then(candidate: FixCandidate): number | undefined;
  /** Whether local patches are measured without a re-analysis on this flow (then they take no budget). */
  readonly inPlace: boolean;
}

/**
 * Measures each candidate's effort saved (before the curve, the clamp and the penalty cap, so a
 * flow at 0 still gets a meaningful order), ranks by it, leaves out what saves nothing, and
 * applies the fixes in rank order for the cumulative score.
 */
export function rankFixes(candidates: readonly FixCandidate[], base: Measured, measure: FixMeasure, lang: Lang = 'en'): Fix[] {
  const ranked = candidates.map((candidate) => {
    const { after, helped } = measure.alone(candidate);
    return {
      candidate,
      helped,
      gain: after.score - base.score,
      effortSaved: base.effortPoints - after.effortPoints,
      secondsSaved: base.expectedSeconds === null || after.expectedSeconds === null ? 0 : base.expectedSeconds - after.expectedSeconds,
      line: candidate.findings[0]!.line,
    };
  });
  const useful = ranked.filter((item) => item.effortSaved > NOTHING_SAVED);
  // Compared at a precision no measure reaches, so that equal fixes measured two ways keep their order.
  useful.sort((a, b) => comparable(b.effortSaved) - comparable(a.effortSaved) || a.candidate.ruleIds[0]!.localeCompare(b.candidate.ruleIds[0]!) || a.line - b.line);
  const fixes: Fix[] = [];
  for (const { candidate, helped, gain, effortSaved, secondsSaved } of useful) {
    const cumulativeScore = measure.then(candidate);
    // A fix is listed with all its figures, or not at all.
    if (cumulativeScore === undefined) break;
    fixes.push({
      type: candidate.type,
      title: render(lang, candidate.title),
      description: render(lang, candidate.description),
      ruleIds: candidate.ruleIds,
      nodeIds: candidate.nodeIds,
      resolves: candidate.findings.map((finding) => finding.fingerprint),
      gain,
      effortSaved: Math.round(effortSaved * 100) / 100,
      secondsSaved: Math.round(secondsSaved),
      callersHelped: Math.round(helped * 1000) / 1000,
      cumulativeScore,
      ...(candidate.edits ? { edits: candidate.edits } : {}),
    });
  }
  return fixes;
}

function comparable(effortSaved: number): number {
  return Math.round(effortSaved * 1e6) / 1e6;
}

/**
 * The root-flow nodes a change touches: those it removes when it removes any (the steps around
 * them are only re-pointed), else those it changes; queues whose staffing changed; every node
 * when the settings changed.
 */
export function touchedNodes(flow: Flow, edited: Flow): string[] {
  if (JSON.stringify(flow.settings) !== JSON.stringify(edited.settings)) return [flow.entry];
  const removed = [...flow.nodes.keys()].filter((id) => !edited.nodes.has(id));
  if (removed.length > 0) return removed;
  const restaffed = new Set([...flow.queues.keys()].filter((id) => edited.queues.get(id) !== flow.queues.get(id)));
  return [...flow.nodes.values()]
    .filter((node) => edited.nodes.get(node.id) !== node || (node.type === 'queue' && node.queue !== undefined && restaffed.has(node.queue)))
    .map((node) => node.id);
}
