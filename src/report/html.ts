// The auditor's report: one self-contained HTML file. Inline CSS and SVG only, no script at all,
// nothing loaded from anywhere (a Content-Security-Policy says so to the browser as well), and
// a print stylesheet so "Save as PDF" gives a clean document. Every string that comes from a flow
// goes through `h`: control, bidi and zero-width characters made visible, then HTML-escaped.
import type { Finding } from '../model/finding.js';
import type { Flow } from '../model/flow.js';
import type { AuditResult, FileResult, Score } from '../model/result.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { SEVERITY_COLORS, diagramOmission, renderDiagram, type LayoutEngine } from './diagram.js';
import { h, quotedPrompt, richText } from './html-text.js';
import { TIMELINE_COLORS, timelinesSection } from './timeline.js';
import { portfolioSection, worstFirst, type RankedFile } from './portfolio.js';
import { installedScoringDocs, scoreExplained } from './score-explained.js';
import { buildFlowGraph } from './flowgraph.js';
import { drawableGraph } from './structure.js';
import { pathText } from './markdown.js';
import { DRIVER_NAMES, fastestToHuman, fixSavings, metricRows, plural, severityCounts } from './text.js';

export interface HtmlOptions {
  /** Flows by file name, for the diagrams; a file missing here gets a note instead. */
  flows: ReadonlyMap<string, Flow>;
  /** The layout engine (Graphviz); without it the report has no diagrams. */
  layout?: LayoutEngine;
  /** Shown under the title, e.g. the date the report was made. */
  generated?: string;
  /** Link to docs/scoring.md; by default the copy installed with the tool, as a file URL. */
  scoringDocs?: string;
  /** What was audited, for the title page (the paths given to `report`). */
  scope?: string;
}

/** Nothing may load or run: styles are inline, pictures are inline SVG. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";


const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 4px; overflow-wrap: anywhere; }
h3 { font-size: 15px; margin: 20px 0 8px; }
.meta, .file, .note { color: var(--muted); }
.file { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
td.rule { overflow-wrap: normal; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
.flow { border-top: 2px solid var(--line); margin-top: 32px; padding-top: 16px; }
.score { display: inline-block; font-weight: 700; padding: 2px 10px; border-radius: 12px; border: 1px solid var(--line); margin: 6px 0; }
.grade-A, .grade-B { background: #dafbe1; border-color: #1a7f37; }
.grade-C { background: #fff8c5; border-color: #9a6700; }
.grade-D, .grade-F { background: #ffebe9; border-color: #cf222e; }
.sev { font-weight: 600; white-space: nowrap; }
.sev-error { color: ${SEVERITY_COLORS.error.stroke}; }
.sev-warning { color: ${SEVERITY_COLORS.warning.stroke}; }
.sev-info { color: ${SEVERITY_COLORS.info.stroke}; }
.path { color: var(--muted); font-size: 12px; }
dl.metrics { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.metrics dt { color: var(--muted); }
dl.metrics dd { margin: 0; font-weight: 600; }
.diagram-box { overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; }
svg.diagram, svg.drivers, svg.timeline { max-width: 100%; height: auto; }
figure.timeline-figure { margin: 8px 0 16px; }
figure.timeline-figure figcaption { margin-bottom: 4px; }
.give-up-mark { color: ${TIMELINE_COLORS.giveUp}; font-weight: 700; margin-right: 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 12px; font-size: 12px; color: var(--muted); margin: 6px 0; padding: 0; list-style: none; }
.legend span.swatch { display: inline-block; width: 12px; height: 12px; border: 2px solid; border-radius: 3px; vertical-align: -2px; margin-right: 4px; }
td code, li code, p code { background: var(--soft); border-radius: 3px; padding: 0 3px; overflow-wrap: anywhere; }
q.prompt { font-style: italic; }
.explain { margin: 24px 0; }
.explain-tables { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.explain-tables table.grades { width: auto; min-width: 160px; }
table.grades .score { margin: 0; padding: 0 8px; }
.explain-tables table.drivers-explained { flex: 1 1 420px; width: auto; }
table.drivers-explained th { white-space: normal; }
.flow-overview { display: flex; flex-wrap: wrap; gap: 8px 32px; align-items: flex-start; }
.portfolio-charts { display: flex; flex-wrap: wrap; gap: 16px; }
svg.distribution { max-width: 100%; height: auto; }
header.title-page .scope { font-size: 15px; margin: 4px 0; overflow-wrap: anywhere; }
/* No paper size here: A4 and Letter both print, the printer's (or --paper's) size wins. */
@page { margin: 12mm 12mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; line-height: 1.3; }
  h1 { font-size: 22pt; }
  h2 { font-size: 14pt; }
  h3 { font-size: 10.5pt; margin: 10px 0 4px; break-after: avoid; }
  header.title-page { padding-top: 18mm; margin-bottom: 10mm; }
  .front { break-after: page; }
  .flow { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
  table { margin: 4px 0 8px; }
  th, td { padding: 2px 5px; }
  code { font-size: 8pt; }
  .path { font-size: 8pt; }
  ol.fixes { margin: 4px 0; padding-left: 22px; font-size: 8pt; }
  ol.fixes li { margin-bottom: 2px; break-inside: avoid; }
  ol.fixes li br { display: none; }
  ol.fixes li .note::before { content: " — "; }
  table.findings { font-size: 8pt; }
  tr, figure, dl.metrics, svg.drivers, svg.timeline, svg.distribution, .explain-tables { break-inside: avoid; }
  .legend { break-after: avoid; margin: 2px 0; }
  .diagram-box { overflow: visible; border: none; padding: 0; }
  /* A diagram fits one page, whatever the flow's size: the legend stays with it. */
  svg.diagram { max-height: 235mm; width: auto; }
  .diagram-small svg.diagram { max-height: 120mm; }
  .legend { font-size: 7.5pt; gap: 8px; }
  table.findings td, table.findings th { padding: 1px 4px; }
  svg.drivers { width: 82mm; }
  svg.timeline { width: 100%; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The largest points lost to one driver in any flow: one scale for every chart, so flows compare at a glance. */
export function driverScale(result: AuditResult): number {
  let max = 5;
  for (const file of result.files) {
    for (const points of Object.values(file.score?.drivers ?? {})) max = Math.max(max, points);
  }
  return max;
}

/** Points lost per effort driver as a horizontal bar chart. */
export function driverChart(score: Score, scale: number): string {
  const entries = Object.entries(score.drivers);
  const rowHeight = 24;
  const labelWidth = 190;
  const barWidth = 320;
  const width = labelWidth + barWidth + 70;
  const height = entries.length * rowHeight + 8;
  const rows = entries.map(([driver, points], index) => {
    const y = 4 + index * rowHeight;
    const length = Math.max(0, Math.min(barWidth, (points / scale) * barWidth));
    const name = DRIVER_NAMES[driver as keyof typeof DRIVER_NAMES] ?? driver;
    const value = Math.round(points * 10) / 10;
    return `<g class="driver"><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="12" fill="#1f2328">${h(name)}</text>`
      + `<rect x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="14" fill="#f6f8fa"/>`
      + `<rect class="bar" x="${labelWidth}" y="${y + 4}" width="${Math.round(length * 10) / 10}" height="14" fill="${value > 0 ? '#cf222e' : '#d0d7de'}"/>`
      + `<text x="${labelWidth + barWidth + 8}" y="${y + 16}" font-size="12" fill="#57606a">${value > 0 ? `−${value}` : '0'}</text></g>`;
  });
  return `<svg class="drivers" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Score points lost per effort driver" font-family="system-ui, sans-serif">${rows.join('')}</svg>`;
}

function scoreSection(file: FileResult, scale: number): string {
  if (!file.score) return '<p><span class="score">not scored</span></p>';
  return `<p><span class="score grade-${h(file.score.grade)}">${file.score.value}/100 · grade ${h(file.score.grade)}</span></p>
<h3>Where the points go</h3>
${driverChart(file.score, scale)}`;
}

function metricsSection(file: FileResult): string {
  if (!file.metrics) return '<h3>Journey metrics</h3>\n<p class="note">Not analyzed.</p>';
  const rows = metricRows(file.metrics).map(([name, value]) => `<dt>${h(name)}</dt><dd>${h(value)}</dd>`).join('');
  return `<h3>Journey metrics</h3>\n<dl class="metrics">${rows}</dl>`;
}

function fixesSection(file: FileResult): string {
  if (file.fixes.length === 0) return '';
  const items = file.fixes.map((fix) => `<li><strong>+${fix.gain}</strong> ${richText(fix.title)}<br><span class="note">${richText(fix.description)} ${h(fixSavings(fix))}</span>`
    + `${fix.ruleIds.length > 0 ? ` <span class="note">(${fix.ruleIds.map((id) => `<code>${h(id)}</code>`).join(', ')})</span>` : ''}</li>`);
  return `<h3>Fixes, most effort saved first</h3>\n<ol class="fixes">${items.join('\n')}</ol>`;
}

/** The prompt a finding quotes, as the flow writes it: a message may shorten or normalize it. */
function promptOf(finding: Finding, flow: Flow | undefined): string {
  if (finding.nodeId === undefined || !finding.message.includes('"')) return '';
  const say = flow?.nodes.get(finding.nodeId)?.say ?? [];
  return say.length > 0 ? `prompt: ${quotedPrompt(say)}` : '';
}

function findingRow(finding: Finding, flow: Flow | undefined): string {
  const details = [
    finding.nodeId !== undefined ? `node <code>${h(finding.label ?? finding.nodeId)}</code>` : '',
    promptOf(finding, flow),
    finding.path && finding.path.length > 0 ? `path: ${h(pathText(finding.pathLabels ?? finding.path))}` : '',
  ].filter(Boolean).join('<br>');
  return `<tr class="finding"><td class="num">${finding.line}:${finding.column}</td><td class="sev sev-${finding.severity}">${finding.severity}</td>`
    + `<td class="rule"><a href="${h(finding.docs)}">${h(finding.ruleId)}</a></td><td>${richText(finding.message)}${details ? `<div class="path">${details}</div>` : ''}</td></tr>`;
}

function findingsSection(file: FileResult, flow: Flow | undefined): string {
  if (file.findings.length === 0) return '<h3>Findings</h3>\n<p class="note">No findings.</p>';
  return `<h3>Findings (${file.findings.length})</h3>
<table class="findings">
<thead><tr><th class="num">Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead>
<tbody>
${file.findings.map((finding) => findingRow(finding, flow)).join('\n')}
</tbody>
</table>`;
}

function unknownsSection(file: FileResult): string {
  if (file.unknowns.length === 0) return '';
  return `<h3>Not stated in the flow</h3>\n<p class="note">Rules that need these facts stayed quiet.</p>\n<ul>${file.unknowns.map((unknown) => `<li>${richText(unknown)}</li>`).join('')}</ul>`;
}

function legend(): string {
  const items: Array<[keyof typeof SEVERITY_COLORS, string]> = [
    ['error', 'worst finding: error'],
    ['warning', 'worst finding: warning'],
    ['info', 'worst finding: info'],
    ['clean', 'no finding'],
    ['missing', 'named by an exit, not a node'],
  ];
  const swatches = items.map(([kind, text]) => `<li><span class="swatch" style="background:${SEVERITY_COLORS[kind].fill};border-color:${SEVERITY_COLORS[kind].stroke}"></span>${text}</li>`);
  return `<ul class="legend">${swatches.join('')}<li>thick border: entry · colored thick arrows: a finding's witness path</li></ul>`;
}

/** Diagrams of up to this many boxes print at most 120 mm tall. */
const SMALL_DIAGRAM_NODES = 30;

function diagramSection(file: FileResult, index: number, options: HtmlOptions): string {
  const flow = options.flows.get(file.file);
  const heading = '<h3>Diagram</h3>';
  if (!flow) return `${heading}\n<p class="note">No diagram: the file could not be read as a flow.</p>`;
  const { graph, condensed } = drawableGraph(buildFlowGraph(flow, file.findings));
  const omission = diagramOmission(graph);
  if (omission !== undefined) {
    return `${heading}\n<p class="note diagram-omitted">Diagram omitted: ${h(omission)}. <code>${TOOL_NAME} graph ${h(file.file)} --format dot</code> gives the whole graph for Graphviz.</p>`;
  }
  if (!options.layout) return `${heading}\n<p class="note">No diagram: the layout engine is not available.</p>`;
  const svg = renderDiagram(graph, options.layout, {
    idPrefix: `f${index + 1}`,
    title: `Diagram of ${flow.name}`,
  });
  const structure = condensed
    ? `<p class="note diagram-structure">${h(`${file.flow?.nodes ?? flow.nodes.size} nodes: drawn by structure, each loop collapsed into one stacked box.`)} <code>${TOOL_NAME} graph ${h(file.file)} --format dot</code> gives every step.</p>\n`
    : '';
  // Print: a small flow's diagram shares its page; a big one may take a whole page.
  const size = graph.nodes.length <= SMALL_DIAGRAM_NODES ? ' diagram-small' : '';
  return `${heading}\n${structure}<figure class="diagram-figure${size}">\n${legend()}\n<div class="diagram-box">\n${svg}\n</div>\n</figure>`;
}

function flowSection({ file, number }: RankedFile, options: HtmlOptions, scale: number): string {
  const title = file.flow ? h(file.flow.name) : '<em>not a flow</em>';
  const index = number - 1;
  return `<section class="flow" id="flow-${number}">
<h2>${title}</h2>
<p class="file">${h(file.file)}</p>
<div class="flow-overview">
<div>${scoreSection(file, scale)}</div>
<div>${metricsSection(file)}</div>
</div>
${timelinesSection(file)}
${fixesSection(file)}
${findingsSection(file, options.flows.get(file.file))}
${unknownsSection(file)}
${diagramSection(file, index, options)}
</section>`;
}

export function formatHtml(result: AuditResult, options: HtmlOptions): string {
  const { errors, warnings, infos, files } = result.summary;
  const totals = `${plural(files, 'flow file')} · ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`;
  const scale = driverScale(result);
  const ranked: RankedFile[] = worstFirst(result.files).map((file, index) => ({ file, number: index + 1 }));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(`${TOOL_NAME} ${VERSION}`)}">
<title>IVR audit report</title>
<style>${STYLE}</style>
</head>
<body>
<div class="front">
<header class="title-page">
<h1>IVR audit report</h1>
${options.scope ? `<p class="scope">${h(options.scope)}</p>\n` : ''}<p class="meta">${h(`${TOOL_NAME} ${VERSION}`)}${options.generated ? ` · ${h(options.generated)}` : ''} · ${h(totals)}</p>
</header>
${portfolioSection(result, ranked)}
${scoreExplained(options.scoringDocs ?? installedScoringDocs())}
</div>
<main>
${ranked.map((entry) => flowSection(entry, options, scale)).join('\n')}
</main>
</body>
</html>
`;
}
