// The flow as an inline SVG diagram. Graphviz's `dot` (compiled to WebAssembly, shipped inside the
// npm package, so nothing is fetched) places the nodes and routes the arrows; this module draws
// the SVG itself, so every piece of text stays under our escaping and styling. The engine is
// loaded by the caller (only the report code path needs it), so `lint` start-up never pays for it.
import type { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Lang } from '../i18n/index.js';
import { reportWords } from '../i18n/report.js';
import type { Severity } from '../model/finding.js';
import { escapeDotString, escapeXmlAttribute, escapeXmlText, visible } from './escape.js';
import type { FlowGraph, GraphEdge, GraphNode } from './flowgraph.js';

/** What the diagrams need of Graphviz: one synchronous call once the WebAssembly is loaded. */
export type LayoutEngine = Pick<Graphviz, 'layout'>;

/**
 * Past this many boxes even a structural diagram is a wall of boxes: the report says so instead.
 * (Big flows are drawn with their loops collapsed first, see structure.ts.)
 */
export const DIAGRAM_NODE_LIMIT = 1500;

/**
 * Past this estimate of the layout's work Graphviz takes many seconds: it adds a dummy node for
 * each rank an arrow crosses. Measured on a 2-core machine: a 1,000-node flow with short back
 * edges is about 4,000 units and 4 s.
 */
export const DIAGRAM_WORK_LIMIT = 12000;

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
  let work = graph.nodes.length;
  for (const edge of graph.edges) work += Math.max(1, Math.abs((level.get(edge.to) ?? 0) - (level.get(edge.from) ?? 0)));
  return work;
}

/** Why a graph gets no diagram, or undefined when it can be drawn. */
export function diagramOmission(graph: FlowGraph, lang: Lang = 'en'): string | undefined {
  const t = reportWords(lang);
  if (graph.nodes.length > DIAGRAM_NODE_LIMIT) {
    return t('diagram.too-many-boxes', { boxes: graph.nodes.length, limit: DIAGRAM_NODE_LIMIT });
  }
  if (layoutWork(graph) > DIAGRAM_WORK_LIMIT) {
    return t('diagram.too-much-work', { arrows: graph.edges.length });
  }
  return undefined;
}

let engine: Promise<LayoutEngine> | undefined;

/** For the report and graph commands: an ES dynamic import, paid for only when a diagram is drawn. */
export function loadLayoutEngine(): Promise<LayoutEngine> {
  engine ??= import('@hpcc-js/wasm-graphviz').then(({ Graphviz: loader }) => loader.load());
  return engine;
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
  // Its own hue: a missing target is not an error swatch with another fill.
  missing: { stroke: '#8250df', fill: '#fbefff' },
};

const EDGE_COLOR = '#8c959f';
const FONT = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";
/** Monospace advance at 12px and 11px: node and label boxes are sized from character counts. */
const CHAR_WIDTH = 7.3;
const SMALL_CHAR_WIDTH = 6.7;
const MAX_ID_CHARS = 30;
const MAX_CAPTION_CHARS = 26;
const NODE_HEIGHT = 44;
/** Graphviz works in points, 72 to the inch; sizes are given to it in inches. */
const POINTS_PER_INCH = 72;

/** Shortens by code points, before escaping, so an entity or surrogate pair is never cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function nodeClass(node: GraphNode): keyof typeof SEVERITY_COLORS {
  return node.type === 'missing' ? 'missing' : (node.severity ?? 'clean');
}

/** The box's second line: its kind in words (and its label), in the report's language. */
function kindLine(node: GraphNode, lang: Lang): string {
  const t = reportWords(lang);
  if (node.type === 'missing') return t('diagram.not-a-node');
  if (node.type === 'loop') return t('diagram.loop', { count: node.members ?? 0 });
  const type = t('diagram.type', { type: node.type });
  return node.label && node.name === undefined ? `${type} · ${node.label}` : type;
}

function nodeLines(node: GraphNode, lang: Lang): [string, string] {
  const name = node.refersTo === undefined ? node.name ?? node.id : `→ ${node.name ?? node.refersTo}`;
  return [truncate(name.replace(/\s+/g, ' '), MAX_ID_CHARS), truncate(kindLine(node, lang).replace(/\s+/g, ' '), MAX_ID_CHARS)];
}

function nodeWidth(node: GraphNode, lang: Lang): number {
  const [first, second] = nodeLines(node, lang);
  return Math.max(64, Math.max([...first].length * CHAR_WIDTH, [...second].length * SMALL_CHAR_WIDTH) + 24);
}

function edgeCaptionText(edge: GraphEdge): string {
  return truncate(edge.captions.join(', ').replace(/\s+/g, ' '), MAX_CAPTION_CHARS);
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

interface Point {
  x: number;
  y: number;
}

/** An SVG path through Graphviz's cubic B-spline control points (1 + 3n of them), then to the arrow's tip. */
export function edgePath(points: readonly Point[], tip?: Point): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${round(first!.x)},${round(first!.y)}`;
  for (let index = 0; index + 2 < rest.length; index += 3) {
    const [c1, c2, end] = [rest[index]!, rest[index + 1]!, rest[index + 2]!];
    d += ` C${round(c1.x)},${round(c1.y)} ${round(c2.x)},${round(c2.y)} ${round(end.x)},${round(end.y)}`;
  }
  if (tip) d += ` L${round(tip.x)},${round(tip.y)}`;
  return d;
}

interface Placed {
  nodes: Array<{ node: GraphNode; x: number; y: number; width: number; height: number }>;
  edges: Array<{ edge: GraphEdge; points: Point[]; tip?: Point; label?: Point }>;
  width: number;
  height: number;
}

/**
 * The DOT Graphviz lays out. Ids are indexes (`n0`...), boxes have a fixed size computed here
 * and no label, so Graphviz never measures flow text; captions are passed only for their size.
 * The limits on network simplex and crossing minimization keep a 1,000-node flow to seconds.
 */
export function layoutDot(graph: FlowGraph, lang: Lang = 'en'): string {
  const keys = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = [
    'digraph G {',
    '  graph [rankdir=TB, nodesep=0.39, ranksep=0.61, mclimit=0.1, nslimit=1, nslimit1=1];',
    `  node [shape=box, fixedsize=true, label="", height=${NODE_HEIGHT / POINTS_PER_INCH}];`,
    '  edge [fontname="Courier", fontsize=11];',
  ];
  graph.nodes.forEach((node, index) => lines.push(`  n${index} [width=${(nodeWidth(node, lang) / POINTS_PER_INCH).toFixed(3)}];`));
  for (const edge of graph.edges) {
    const from = keys.get(edge.from);
    const to = keys.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const caption = edgeCaptionText(edge);
    lines.push(`  ${from} -> ${to}${caption === '' ? '' : ` [label="${escapeDotString(visible(caption))}"]`};`);
  }
  lines.push('}');
  return lines.join('\n');
}

interface LaidOut {
  bb: string;
  objects?: Array<{ _gvid: number; name: string; pos?: string }>;
  edges?: Array<{ tail: number; head: number; pos?: string; lp?: string }>;
}

function parsePoint(text: string, height: number): Point {
  const [x = 0, y = 0] = text.split(',').map(Number);
  // Graphviz's y axis points up; SVG's points down.
  return { x, y: height - y };
}

/** Graphviz `pos` of an edge: optional `s,x,y` and `e,x,y` ends, then the spline's points. */
export function parseEdgePos(pos: string, height: number): { points: Point[]; tip?: Point } {
  const points: Point[] = [];
  let tip: Point | undefined;
  for (const part of pos.trim().split(/\s+/)) {
    if (part.startsWith('e,')) tip = parsePoint(part.slice(2), height);
    else if (!part.startsWith('s,')) points.push(parsePoint(part, height));
  }
  return { points, tip };
}

/** Runs Graphviz and reads back where it put every box, arrow and caption. */
export function placeGraph(graph: FlowGraph, layout: LayoutEngine, lang: Lang = 'en'): Placed {
  const result = JSON.parse(layout.layout(layoutDot(graph, lang), 'json', 'dot')) as LaidOut;
  const [, , width = 0, height = 0] = result.bb.split(',').map(Number);
  const positions = new Map<string, Point>();
  const names: string[] = [];
  for (const object of result.objects ?? []) {
    names[object._gvid] = object.name;
    if (object.pos) positions.set(object.name, parsePoint(object.pos, height));
  }
  const nodes = graph.nodes.map((node, index) => {
    const at = positions.get(`n${index}`) ?? { x: 0, y: 0 };
    return { node, x: at.x, y: at.y, width: nodeWidth(node, lang), height: NODE_HEIGHT };
  });
  const edgeAt = new Map<string, { points: Point[]; tip?: Point; label?: Point }>();
  for (const edge of result.edges ?? []) {
    const route = parseEdgePos(edge.pos ?? '', height);
    edgeAt.set(`${names[edge.tail]}>${names[edge.head]}`, { ...route, label: edge.lp ? parsePoint(edge.lp, height) : undefined });
  }
  const keys = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const edges = graph.edges.flatMap((edge) => {
    const route = edgeAt.get(`${keys.get(edge.from)}>${keys.get(edge.to)}`);
    return route ? [{ edge, ...route }] : [];
  });
  return { nodes, edges, ...extent(nodes, edges, width, height) };
}

const MARGIN = 12;

/** The picture's size: Graphviz's bounding box can leave out the loop of an arrow back to its own node. */
function extent(nodes: Placed['nodes'], edges: Placed['edges'], width: number, height: number): { width: number; height: number } {
  let right = width;
  let bottom = height;
  for (const node of nodes) {
    right = Math.max(right, node.x + node.width / 2);
    bottom = Math.max(bottom, node.y + node.height / 2);
  }
  for (const edge of edges) {
    for (const point of edge.points) {
      right = Math.max(right, point.x);
      bottom = Math.max(bottom, point.y);
    }
    if (edge.label) {
      right = Math.max(right, edge.label.x + ([...edgeCaptionText(edge.edge)].length * SMALL_CHAR_WIDTH) / 2 + 4);
      bottom = Math.max(bottom, edge.label.y + 8);
    }
  }
  return { width: Math.ceil(right + MARGIN), height: Math.ceil(bottom + MARGIN) };
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

function nodeTooltip(node: GraphNode, lang: Lang): string {
  const t = reportWords(lang);
  const kind = node.type === 'missing' ? t('diagram.missing-tooltip') : kindLine(node, lang);
  const parts = [node.refersTo === undefined ? node.name ?? node.id : t('diagram.drawn-again', { name: node.name ?? node.refersTo }), kind];
  if (node.label && node.name === undefined && node.type !== 'loop') parts.push(node.label);
  if (node.say) parts.push(t('diagram.says', { say: truncate(node.say, 300) }));
  if (node.findings > 0) parts.push(t('diagram.findings', { count: node.findings, severity: t('report.severity', { severity: node.severity ?? 'info' }) }));
  return parts.join(' | ');
}

function renderNode(placed: Placed['nodes'][number], lang: Lang): string {
  const { node, x, y, width, height } = placed;
  const kind = nodeClass(node);
  const colors = SEVERITY_COLORS[kind];
  const [first, second] = nodeLines(node, lang);
  const left = x - width / 2;
  const top = y - height / 2;
  const strokeWidth = node.entry ? 3 : node.severity ? 2 : 1;
  const dash = node.type === 'missing' ? ' stroke-dasharray="5 3"' : '';
  // A collapsed loop is drawn as a stack of two boxes.
  const stack = node.type === 'loop'
    ? `<rect x="${round(left + 4)}" y="${round(top - 4)}" width="${round(width)}" height="${round(height)}" rx="6" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="1"/>`
    : '';
  // A reference box is a pill: the step itself is drawn once, elsewhere.
  const group = node.refersTo === undefined ? `node node-${kind}${node.entry ? ' entry' : ''}${node.type === 'loop' ? ' loop' : ''}` : `ref ref-${kind}`;
  const corner = node.refersTo === undefined ? 6 : height / 2;
  return [
    `<g class="${group}">`,
    `<title>${escapeXmlText(visible(nodeTooltip(node, lang)))}</title>`,
    stack,
    `<rect x="${round(left)}" y="${round(top)}" width="${round(width)}" height="${round(height)}" rx="${round(corner)}" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="${strokeWidth}"${dash}/>`,
    `<text x="${round(x)}" y="${round(y - 3)}" text-anchor="middle" font-size="12" font-weight="600" fill="#1f2328">${escapeXmlText(visible(first))}</text>`,
    `<text x="${round(x)}" y="${round(y + 13)}" text-anchor="middle" font-size="11" fill="#57606a">${escapeXmlText(visible(second))}</text>`,
    '</g>',
  ].join('');
}

function renderEdge(placed: Placed['edges'][number], prefix: string): string {
  const { edge, points, tip, label } = placed;
  const color = edge.witness ? SEVERITY_COLORS[edge.witness].stroke : EDGE_COLOR;
  const width = edge.witness ? 3 : 1.4;
  const marker = `${prefix}-arrow-${edge.witness ?? 'plain'}`;
  const parts = [
    `<g class="edge${edge.witness ? ` witness witness-${edge.witness}` : ''}">`,
    `<path d="${edgePath(points, tip)}" fill="none" stroke="${color}" stroke-width="${width}" marker-end="url(#${marker})"/>`,
  ];
  const caption = edgeCaptionText(edge);
  if (caption !== '' && label !== undefined) {
    const boxWidth = [...caption].length * SMALL_CHAR_WIDTH + 8;
    parts.push(
      `<rect x="${round(label.x - boxWidth / 2)}" y="${round(label.y - 8)}" width="${round(boxWidth)}" height="16" rx="3" fill="#ffffff" fill-opacity="0.9"/>`,
      `<text x="${round(label.x)}" y="${round(label.y + 4)}" text-anchor="middle" font-size="11" fill="#424a53">${escapeXmlText(visible(caption))}</text>`,
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
  /** The language of the boxes' kind lines and tooltips (default English). */
  lang?: Lang;
}

/** The SVG of a flow graph. Every piece of text is escaped; nothing refers outside the SVG. */
export function renderDiagram(graph: FlowGraph, layout: LayoutEngine, options: DiagramOptions): string {
  const lang = options.lang ?? 'en';
  const placed = placeGraph(graph, layout, lang);
  const prefix = options.idPrefix.replace(/[^A-Za-z0-9_-]/g, '');
  return [
    `<svg class="diagram" viewBox="0 0 ${placed.width} ${placed.height}" width="${placed.width}" height="${placed.height}" role="img" aria-label="${escapeXmlAttribute(visible(options.title))}" font-family="${escapeXmlAttribute(FONT)}">`,
    `<defs>${markerDefs(prefix)}</defs>`,
    // Witness edges last, so their color is drawn over the plain arrows they cross.
    `<g class="edges">${[...placed.edges].sort((a, b) => Number(a.edge.witness !== undefined) - Number(b.edge.witness !== undefined)).map((edge) => renderEdge(edge, prefix)).join('')}</g>`,
    `<g class="nodes">${placed.nodes.map((node) => renderNode(node, lang)).join('')}</g>`,
    '</svg>',
  ].join('\n');
}
