// The flow as Mermaid or Graphviz DOT text, for `ivr-audit graph`: nodes marked by their worst
// finding, witness paths drawn thick. Both syntaxes get ids they cannot misread.
import type { Lang } from '../i18n/index.js';
import { reportWords } from '../i18n/report.js';
import type { Severity } from '../model/finding.js';
import { SEVERITY_COLORS, truncate } from './diagram.js';
import { escapeDotString, escapeMermaidLabel, visible } from './escape.js';
import type { FlowGraph, GraphNode } from './flowgraph.js';

const WITNESS_WIDTH = 3;
const PLAIN_EDGE = '#8c959f';

function markOf(node: GraphNode): Severity | 'missing' | undefined {
  return node.type === 'missing' ? 'missing' : node.severity;
}

/** Mermaid class names: plain words, so no keyword or punctuation rule of Mermaid's grammar applies. */
export const MERMAID_CLASSES: Readonly<Record<Severity | 'missing', string>> = {
  error: 'sevError',
  warning: 'sevWarning',
  info: 'sevInfo',
  missing: 'missingNode',
};

/** A box's kind in words: English for `graph`, the report's language in a Markdown report. */
function kindText(node: GraphNode, lang: Lang = 'en'): string {
  const t = reportWords(lang);
  if (node.type === 'missing') return t('diagram.not-a-node');
  const type = t('diagram.type', { type: node.type });
  return node.label && node.name === undefined ? `${type} · ${node.label}` : type;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Mermaid. Node ids are generated (`n0`, `n1`...) because Mermaid's id grammar rejects or
 * reinterprets many strings (`end`, spaces, dashes followed by `>`); the real id is in the label.
 */
export function formatMermaid(graph: FlowGraph, lang: Lang = 'en'): string {
  const keys = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = ['flowchart TD'];
  for (const node of graph.nodes) {
    const label = `"${escapeMermaidLabel(truncate(node.name ?? node.id, 60))}<br/>${escapeMermaidLabel(truncate(kindText(node, lang), 60))}"`;
    // Shapes: the entry is a stadium, an id that is not a node a hexagon, the rest rounded boxes.
    const shaped = node.entry ? `([${label}])` : node.type === 'missing' ? `{{${label}}}` : `(${label})`;
    lines.push(`  ${keys.get(node.id)}${shaped}`);
  }
  const witnessLinks = new Map<Severity, number[]>();
  graph.edges.forEach((edge, index) => {
    const caption = edge.captions.length > 0 ? `|"${escapeMermaidLabel(truncate(edge.captions.join(', '), 60))}"|` : '';
    lines.push(`  ${keys.get(edge.from)} -->${caption} ${keys.get(edge.to)}`);
    if (edge.witness) pushTo(witnessLinks, edge.witness, index);
  });
  const classes = new Map<Severity | 'missing', string[]>();
  for (const node of graph.nodes) {
    const mark = markOf(node);
    if (mark) pushTo(classes, mark, keys.get(node.id)!);
  }
  for (const [mark, ids] of classes) {
    const colors = SEVERITY_COLORS[mark];
    const dash = mark === 'missing' ? ',stroke-dasharray:5 3' : '';
    const name = MERMAID_CLASSES[mark];
    lines.push(`  classDef ${name} fill:${colors.fill},stroke:${colors.stroke},stroke-width:2px${dash}`);
    lines.push(`  class ${ids.join(',')} ${name}`);
  }
  for (const [severity, indexes] of witnessLinks) {
    lines.push(`  linkStyle ${indexes.join(',')} stroke:${SEVERITY_COLORS[severity].stroke},stroke-width:${WITNESS_WIDTH}px`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * DOT attribute list. Flow text is made visible piece by piece before it is joined (the label's
 * own line break must stay a line break), then DOT-escaped here.
 */
function dotAttributes(values: Record<string, string | number>): string {
  const list = Object.entries(values).map(([name, value]) => (typeof value === 'number' ? `${name}=${value}` : `${name}="${escapeDotString(value)}"`));
  return `[${list.join(', ')}]`;
}

/** What the format allows as a node id; these are written as they are. */
const PLAIN_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * DOT ids: node ids as written (quoted), so the .dot file reads like the flow. A target that is
 * not a node may hold any text, and a DOT id cannot carry every text exactly (a trailing backslash
 * escapes the closing quote): those get `?1`, `?2`..., which no node id can equal, and their text
 * goes in the label.
 */
export function dotIds(graph: FlowGraph): Map<string, string> {
  const ids = new Map<string, string>();
  let generated = 0;
  for (const node of graph.nodes) ids.set(node.id, PLAIN_ID.test(node.id) ? node.id : `?${++generated}`);
  return ids;
}

/** Graphviz DOT, nodes marked by severity (`class`, colors), witness edges thick. */
export function formatDot(graph: FlowGraph, name: string): string {
  const ids = dotIds(graph);
  const lines = [
    `digraph "${escapeDotString(visible(name))}" {`,
    '  rankdir=TB;',
    `  node [shape=box, style="rounded,filled", fontname="Helvetica", fillcolor="${SEVERITY_COLORS.clean.fill}", color="${SEVERITY_COLORS.clean.stroke}"];`,
    `  edge [fontname="Helvetica", fontsize=10, color="${PLAIN_EDGE}"];`,
  ];
  for (const node of graph.nodes) {
    const mark = markOf(node);
    const attributes: Record<string, string | number> = {
      label: `${visible(truncate(node.name ?? node.id, 60))}\n${visible(truncate(kindText(node), 60))}`,
      tooltip: visible(truncate([node.name ?? node.id, kindText(node), node.say].filter(Boolean).join(' | '), 300)),
    };
    if (mark) {
      attributes.class = mark;
      attributes.fillcolor = SEVERITY_COLORS[mark].fill;
      attributes.color = SEVERITY_COLORS[mark].stroke;
      attributes.penwidth = 2;
    }
    if (node.type === 'missing') attributes.style = 'rounded,filled,dashed';
    if (node.entry) attributes.peripheries = 2;
    lines.push(`  "${ids.get(node.id)}" ${dotAttributes(attributes)};`);
  }
  for (const edge of graph.edges) {
    const attributes: Record<string, string | number> = {};
    if (edge.captions.length > 0) attributes.label = visible(truncate(edge.captions.join(', '), 60));
    if (edge.witness) {
      attributes.class = `witness-${edge.witness}`;
      attributes.color = SEVERITY_COLORS[edge.witness].stroke;
      attributes.penwidth = WITNESS_WIDTH;
    }
    const suffix = Object.keys(attributes).length > 0 ? ` ${dotAttributes(attributes)}` : '';
    lines.push(`  "${ids.get(edge.from)}" -> "${ids.get(edge.to)}"${suffix};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
