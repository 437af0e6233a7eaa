// The flow as an inline SVG diagram, laid out by dagre. dagre is loaded by the caller (only the
// report code path needs it), so `lint` start-up never pays for it.
import type dagreModule from '@dagrejs/dagre';
import type { Severity } from '../model/finding.js';
import { escapeXmlAttribute, escapeXmlText, visible } from './escape.js';
import type { FlowGraph, GraphEdge, GraphNode } from './flowgraph.js';

export type Dagre = typeof dagreModule;

/** Past this many nodes a diagram is unreadable and slow to lay out: the report says so instead. */
export const DIAGRAM_NODE_LIMIT = 300;

/**
 * Past this estimate of dagre's work the layout takes many seconds (it adds a dummy node per rank
 * an arrow crosses): a flow where every node falls back to one far-away agent is the usual cause.
 * Measured on a 2-core machine: 700 units took about 1.5 s, 2600 about 3.5 s.
 */
export const DIAGRAM_WORK_LIMIT = 2000;

/**
 * Estimated layout work: the ranks each arrow spans, with ranks taken as breadth-first levels
 * from the entry (nodes nothing reaches start levels of their own). Linear in the graph's size.
 */
export function layoutWork(graph: FlowGraph): number {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const list = next.get(edge.from);
    if (list) list.push(edge.to);
    else next.set(edge.from, [edge.to]);
  }
  const level = new Map<string, number>();
  const roots = [...graph.nodes].sort((a, b) => Number(b.entry) - Number(a.entry));
  for (const root of roots) {
    if (level.has(root.id)) continue;
    level.set(root.id, 0);
    const queue = [root.id];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      for (const to of next.get(id) ?? []) {
        if (level.has(to)) continue;
        level.set(to, level.get(id)! + 1);
        queue.push(to);
      }
    }
  }
  let work = 0;
  for (const edge of graph.edges) work += Math.max(1, Math.abs((level.get(edge.to) ?? 0) - (level.get(edge.from) ?? 0)));
  return work;
}

/** Why a flow gets no diagram, or undefined when it can be drawn. */
export function diagramOmission(graph: FlowGraph): string | undefined {
  if (graph.nodes.length > DIAGRAM_NODE_LIMIT) {
    return `${graph.nodes.length} nodes is more than the ${DIAGRAM_NODE_LIMIT} a diagram can show legibly`;
  }
  if (layoutWork(graph) > DIAGRAM_WORK_LIMIT) {
    return `its ${graph.edges.length} arrows cross too many levels of the flow to lay out in reasonable time`;
  }
  return undefined;
}

/** For the report and graph commands: an ES dynamic import, paid for only when a diagram is drawn. */
export async function loadDagre(): Promise<Dagre> {
  const loaded = (await import('@dagrejs/dagre')) as unknown as { default?: Dagre } & Dagre;
  return loaded.default ?? loaded;
}

export interface Palette {
  stroke: string;
  fill: string;
}

/** One color per severity, also used by the report's legend and the DOT output. */
export const SEVERITY_COLORS: Readonly<Record<Severity | 'clean' | 'missing', Palette>> = {
  error: { stroke: '#cf222e', fill: '#ffebe9' },
  warning: { stroke: '#9a6700', fill: '#fff8c5' },
  info: { stroke: '#0969da', fill: '#ddf4ff' },
  clean: { stroke: '#57606a', fill: '#ffffff' },
  missing: { stroke: '#cf222e', fill: '#f6f8fa' },
};

const EDGE_COLOR = '#8c959f';
const FONT = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";
/** Monospace advance at 12px and 11px: node and label boxes are sized from character counts. */
const CHAR_WIDTH = 7.3;
const SMALL_CHAR_WIDTH = 6.7;
const MAX_ID_CHARS = 30;
const MAX_CAPTION_CHARS = 26;

/** Shortens by code points, before escaping, so an entity or surrogate pair is never cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function nodeClass(node: GraphNode): keyof typeof SEVERITY_COLORS {
  return node.type === 'missing' ? 'missing' : (node.severity ?? 'clean');
}

function nodeLines(node: GraphNode): [string, string] {
  const kind = node.type === 'missing' ? 'not a node' : node.label && node.name === undefined ? `${node.type} · ${node.label}` : node.type;
  return [truncate((node.name ?? node.id).replace(/\s+/g, ' '), MAX_ID_CHARS), truncate(kind.replace(/\s+/g, ' '), MAX_ID_CHARS)];
}

function edgeCaptionText(edge: GraphEdge): string {
  return truncate(edge.captions.join(', ').replace(/\s+/g, ' '), MAX_CAPTION_CHARS);
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A smooth path through dagre's bend points: straight ends, quadratic curves at the bends. */
export function edgePath(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${round(first!.x)},${round(first!.y)}`;
  for (let index = 0; index < rest.length - 1; index++) {
    const bend = rest[index]!;
    const next = rest[index + 1]!;
    d += ` Q${round(bend.x)},${round(bend.y)} ${round((bend.x + next.x) / 2)},${round((bend.y + next.y) / 2)}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L${round(last.x)},${round(last.y)}`;
  return d;
}

interface Placed {
  nodes: Array<{ node: GraphNode; x: number; y: number; width: number; height: number }>;
  edges: Array<{ edge: GraphEdge; points: Array<{ x: number; y: number }>; labelX?: number; labelY?: number }>;
  width: number;
  height: number;
}

/** Runs dagre. Node ids are replaced by indexes: graphlib keeps nodes in plain objects, where ids such as `__proto__` would misbehave. */
export function placeGraph(graph: FlowGraph, dagre: Dagre): Placed {
  const layout = new dagre.graphlib.Graph({ multigraph: false });
  layout.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 44, edgesep: 12, marginx: 12, marginy: 12 });
  layout.setDefaultEdgeLabel(() => ({}));
  const keys = new Map<string, string>();
  graph.nodes.forEach((node, index) => {
    const key = `n${index}`;
    keys.set(node.id, key);
    const [first, second] = nodeLines(node);
    const width = Math.max([...first].length * CHAR_WIDTH, [...second].length * SMALL_CHAR_WIDTH) + 24;
    layout.setNode(key, { width: Math.max(width, 64), height: 44 });
  });
  graph.edges.forEach((edge) => {
    const from = keys.get(edge.from);
    const to = keys.get(edge.to);
    if (from === undefined || to === undefined) return;
    const caption = edgeCaptionText(edge);
    layout.setEdge(from, to, caption === ''
      ? { width: 0, height: 0 }
      : { width: [...caption].length * SMALL_CHAR_WIDTH + 8, height: 16, labelpos: 'c' });
  });
  dagre.layout(layout);
  const nodes = graph.nodes.map((node) => {
    const placed = layout.node(keys.get(node.id)!);
    return { node, x: placed.x ?? 0, y: placed.y ?? 0, width: placed.width, height: placed.height };
  });
  const edges = graph.edges.flatMap((edge) => {
    const from = keys.get(edge.from);
    const to = keys.get(edge.to);
    if (from === undefined || to === undefined) return [];
    const placed = layout.edge(from, to) as { points?: Array<{ x: number; y: number }>; x?: number; y?: number; width?: number };
    const hasLabel = (placed.width ?? 0) > 0;
    return [{ edge, points: placed.points ?? [], labelX: hasLabel ? placed.x : undefined, labelY: hasLabel ? placed.y : undefined }];
  });
  const size = layout.graph() as { width?: number; height?: number };
  return { nodes, edges, width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0) };
}

function markerDefs(prefix: string): string {
  const colors: Array<[string, string]> = [
    ['plain', EDGE_COLOR],
    ['error', SEVERITY_COLORS.error.stroke],
    ['warning', SEVERITY_COLORS.warning.stroke],
    ['info', SEVERITY_COLORS.info.stroke],
  ];
  return colors
    .map(([name, color]) => `<marker id="${prefix}-arrow-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`)
    .join('');
}

function nodeTooltip(node: GraphNode): string {
  const parts = [node.name ?? node.id, node.type === 'missing' ? 'named by an exit, but not a node of the flow' : node.type];
  if (node.label && node.name === undefined) parts.push(node.label);
  if (node.say) parts.push(`says: ${truncate(node.say, 300)}`);
  if (node.findings > 0) parts.push(`${node.findings} finding${node.findings === 1 ? '' : 's'}, worst: ${node.severity}`);
  return parts.join(' | ');
}

function renderNode(placed: Placed['nodes'][number]): string {
  const { node, x, y, width, height } = placed;
  const kind = nodeClass(node);
  const colors = SEVERITY_COLORS[kind];
  const [first, second] = nodeLines(node);
  const left = x - width / 2;
  const top = y - height / 2;
  const strokeWidth = node.entry ? 3 : node.severity ? 2 : 1;
  const dash = node.type === 'missing' ? ' stroke-dasharray="5 3"' : '';
  return [
    `<g class="node node-${kind}${node.entry ? ' entry' : ''}">`,
    `<title>${escapeXmlText(visible(nodeTooltip(node)))}</title>`,
    `<rect x="${round(left)}" y="${round(top)}" width="${round(width)}" height="${round(height)}" rx="6" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="${strokeWidth}"${dash}/>`,
    `<text x="${round(x)}" y="${round(y - 3)}" text-anchor="middle" font-size="12" font-weight="600" fill="#1f2328">${escapeXmlText(visible(first))}</text>`,
    `<text x="${round(x)}" y="${round(y + 13)}" text-anchor="middle" font-size="11" fill="#57606a">${escapeXmlText(visible(second))}</text>`,
    '</g>',
  ].join('');
}

function renderEdge(placed: Placed['edges'][number], prefix: string): string {
  const { edge, points, labelX, labelY } = placed;
  const color = edge.witness ? SEVERITY_COLORS[edge.witness].stroke : EDGE_COLOR;
  const width = edge.witness ? 3 : 1.4;
  const marker = `${prefix}-arrow-${edge.witness ?? 'plain'}`;
  const parts = [
    `<g class="edge${edge.witness ? ` witness witness-${edge.witness}` : ''}">`,
    `<path d="${edgePath(points)}" fill="none" stroke="${color}" stroke-width="${width}" marker-end="url(#${marker})"/>`,
  ];
  const caption = edgeCaptionText(edge);
  if (caption !== '' && labelX !== undefined && labelY !== undefined) {
    const boxWidth = [...caption].length * SMALL_CHAR_WIDTH + 8;
    parts.push(
      `<rect x="${round(labelX - boxWidth / 2)}" y="${round(labelY - 8)}" width="${round(boxWidth)}" height="16" rx="3" fill="#ffffff" fill-opacity="0.9"/>`,
      `<text x="${round(labelX)}" y="${round(labelY + 4)}" text-anchor="middle" font-size="11" fill="#424a53">${escapeXmlText(visible(caption))}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

export interface DiagramOptions {
  /** Unique per document: marker ids of several inline SVGs share the page's id space. */
  idPrefix: string;
  /** Accessible name of the picture. */
  title: string;
}

/** The SVG of a flow graph. Every piece of text is escaped; nothing refers outside the SVG. */
export function renderDiagram(graph: FlowGraph, dagre: Dagre, options: DiagramOptions): string {
  const placed = placeGraph(graph, dagre);
  const prefix = options.idPrefix.replace(/[^A-Za-z0-9_-]/g, '');
  return [
    `<svg class="diagram" viewBox="0 0 ${placed.width} ${placed.height}" width="${placed.width}" height="${placed.height}" role="img" aria-label="${escapeXmlAttribute(visible(options.title))}" font-family="${escapeXmlAttribute(FONT)}">`,
    `<defs>${markerDefs(prefix)}</defs>`,
    // Witness edges last, so their color is drawn over the plain arrows they cross.
    `<g class="edges">${[...placed.edges].sort((a, b) => Number(a.edge.witness !== undefined) - Number(b.edge.witness !== undefined)).map((edge) => renderEdge(edge, prefix)).join('')}</g>`,
    `<g class="nodes">${placed.nodes.map(renderNode).join('')}</g>`,
    '</svg>',
  ].join('\n');
}
