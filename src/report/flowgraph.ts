// The flow as a drawable graph with its findings: one view shared by the SVG diagram of the
// HTML report and by the Mermaid and DOT text of `ivr-audit graph`, so all three agree on which
// node is marked and which edge lies on a witness path.
import type { Lang } from '../i18n/index.js';
import { loaderText } from '../i18n/loader.js';
import { reportWords } from '../i18n/report.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js';
import { isMachineId } from '../rules/names.js';
import type { Edge, Flow, NodeType } from '../model/flow.js';
import { splitPointer } from '../util/pointer.js';

export interface GraphNode {
  id: string;
  /**
   * `missing`: an exit names this id but the flow has no such node (drawn as a ghost).
   * `loop`: the steps of one loop of a big flow collapsed into one box (see structure.ts).
   */
  type: NodeType | 'missing' | 'loop';
  label?: string;
  /** What people read for the node: its label when the id is machine-made (a Connect UUID). */
  name?: string;
  /** Prompts joined, for a tooltip. */
  say: string;
  entry: boolean;
  /** Worst severity among the findings about this node. */
  severity?: Severity;
  findings: number;
  /** For a collapsed loop: how many steps it stands for. */
  members?: number;
  /** For a reference box: the id of the node drawn again here (see structure.ts). */
  refersTo?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Exit captions of every exit from `from` to `to` (`1 Billing`, `no input`...), merged into one arrow. */
  captions: string[];
  /** Worst severity of the findings whose witness path walks this edge. */
  witness?: Severity;
}

export interface FlowGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** What an arrow says: the key pressed for options, the exit's kind in words (`no input`), nothing for a plain `next`. */
export function edgeCaption(edge: Edge, lang: Lang = 'en'): string {
  if (edge.kind === 'option') {
    const key = edge.label.slice('option:'.length);
    return edge.optionLabel ? `${key} ${edge.optionLabel}` : key;
  }
  const t = reportWords(lang);
  if (edge.kind === 'case') return t('diagram.case', { number: Number(edge.label.slice('case:'.length)) + 1 });
  return t('diagram.exit', { kind: edge.kind });
}

/** The node a finding is about: its `nodeId`, else the node its pointer lies under. */
export function findingNode(finding: Finding): string | undefined {
  if (finding.nodeId !== undefined) return finding.nodeId;
  const parts = splitPointer(finding.pointer);
  return parts[0] === 'nodes' && parts.length >= 2 ? parts[1] : undefined;
}

function worse(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** Edge key that cannot collide: node ids are strings, NUL never matters in a map key. */
function pairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

export function buildFlowGraph(flow: Flow, findings: readonly Finding[], lang: Lang = 'en'): FlowGraph {
  const severities = new Map<string, Severity>();
  const counts = new Map<string, number>();
  const witness = new Map<string, Severity>();
  for (const finding of findings) {
    const node = findingNode(finding);
    if (node !== undefined) {
      severities.set(node, worse(severities.get(node), finding.severity));
      counts.set(node, (counts.get(node) ?? 0) + 1);
    }
    const path = finding.path ?? [];
    for (let index = 1; index < path.length; index++) {
      const key = pairKey(path[index - 1]!, path[index]!);
      witness.set(key, worse(witness.get(key), finding.severity));
    }
  }
  const nodes: GraphNode[] = [];
  const edges = new Map<string, GraphEdge>();
  const missing = new Set<string>();
  for (const node of flow.nodes.values()) {
    // An importer's label ("agent answers") in the report's language; an author's name as written.
    const label = node.label === undefined ? undefined : loaderText(lang, node.label, 'label', flow.format);
    nodes.push({
      id: node.id,
      type: node.type,
      label,
      ...(isMachineId(node.id) && label ? { name: label } : {}),
      say: node.say.join(' '),
      entry: node.id === flow.entry,
      severity: severities.get(node.id),
      findings: counts.get(node.id) ?? 0,
    });
    for (const edge of node.edges) {
      if (!flow.nodes.has(edge.to)) missing.add(edge.to);
      const key = pairKey(edge.from, edge.to);
      const merged = edges.get(key) ?? { from: edge.from, to: edge.to, captions: [], witness: witness.get(key) };
      const caption = edgeCaption(edge, lang);
      if (caption !== '') merged.captions.push(caption);
      edges.set(key, merged);
    }
  }
  // An `entry` that names no node is drawn too, so the diagram shows where the call starts.
  if (!flow.nodes.has(flow.entry)) missing.add(flow.entry);
  for (const id of missing) {
    nodes.push({ id, type: 'missing', say: '', entry: id === flow.entry, severity: severities.get(id), findings: counts.get(id) ?? 0 });
  }
  return { nodes, edges: [...edges.values()] };
}
