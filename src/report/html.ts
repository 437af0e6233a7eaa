// The auditor's report: one self-contained HTML file. Inline CSS and SVG only, no script at all,
// nothing loaded from anywhere (a Content-Security-Policy says so to the browser as well), and
// a print stylesheet so "Save as PDF" gives a clean document. Every string that comes from a flow
// goes through `h`: control, bidi and zero-width characters made visible, then HTML-escaped.
import type { Finding } from '../model/finding.js';
import type { Flow } from '../model/flow.js';
import { formatDecimal, type Lang } from '../i18n/index.js';
import { loaderText } from '../i18n/loader.js';
import { labelsIn } from './loader-words.js';
import { reportDate, reportWords, type ReportWords } from '../i18n/report.js';
import type { AuditResult, FileResult, Score } from '../model/result.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { SEVERITY_COLORS, diagramOmission, renderDiagram, type LayoutEngine } from './diagram.js';
import { h, quotedPrompt, richText } from './html-text.js';
import { TIMELINE_COLORS, timelinesSection } from './timeline.js';
import { portfolioSection, worstFirst, type RankedFile } from './portfolio.js';
import { installedScoringDocs, scoreExplained } from './score-explained.js';
import { buildFlowGraph } from './flowgraph.js';
import { drawableGraph } from './structure.js';
import { shownPath } from './markdown.js';
import { driverName, fixSavings, metricRows } from './text.js';

export interface HtmlOptions {
  /** Flows by file name, for the diagrams; a file missing here gets a note instead. */
  flows: ReadonlyMap<string, Flow>;
  /** The layout engine (Graphviz); without it the report has no diagrams. */
  layout?: LayoutEngine;
  /** Shown under the title, as given (see `date` for the day the report was made). */
  generated?: string;
  /** The day the report was made: "generated December 5, 2026", in the report's language. */
  date?: Date;
  /** Link to docs/scoring.md; by default the copy installed with the tool, as a file URL. */
  scoringDocs?: string;
  /** What was audited, for the title page (the paths given to `report`). */
  scope?: readonly string[];
  /** The report's language; by default the run's (`result.reportLang`), else English. */
  lang?: Lang;
}

/** What every part of one report needs besides its file: the language, the same chart scale. */
interface Context {
  lang: Lang;
  t: ReportWords;
  scale: number;
  options: HtmlOptions;
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
/* Figures span the page: the browser's default 40px side margins narrow the legend and lengthen the page. */
figure.timeline-figure, figure.diagram-figure { margin: 8px 0 16px; }
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
  figure.diagram-figure { margin: 4px 0; }
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
export function driverChart(score: Score, scale: number, lang: Lang = 'en'): string {
  const entries = Object.entries(score.drivers);
  const rowHeight = 24;
  const labelWidth = 190;
  const barWidth = 320;
  const width = labelWidth + barWidth + 70;
  const height = entries.length * rowHeight + 8;
  const rows = entries.map(([driver, points], index) => {
    const y = 4 + index * rowHeight;
    const length = Math.max(0, Math.min(barWidth, (points / scale) * barWidth));
    const name = driverName(driver as keyof Score['drivers'], lang);
    const value = Math.round(points * 10) / 10;
    return `<g class="driver"><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="12" fill="#1f2328">${h(name)}</text>`
      + `<rect x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="14" fill="#f6f8fa"/>`
      + `<rect class="bar" x="${labelWidth}" y="${y + 4}" width="${Math.round(length * 10) / 10}" height="14" fill="${value > 0 ? '#cf222e' : '#d0d7de'}"/>`
      + `<text x="${labelWidth + barWidth + 8}" y="${y + 16}" font-size="12" fill="#57606a">${value > 0 ? `−${formatDecimal(lang, value)}` : '0'}</text></g>`;
  });
  return `<svg class="drivers" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${h(reportWords(lang)('flow.drivers-label'))}" font-family="system-ui, sans-serif">${rows.join('')}</svg>`;
}

function scoreSection(file: FileResult, { lang, t, scale }: Context): string {
  if (!file.score) return `<p><span class="score">${h(t('report.not-scored'))}</span></p>`;
  return `<p><span class="score grade-${h(file.score.grade)}">${h(t('flow.score', { value: file.score.value, grade: file.score.grade }))}</span></p>
<h3>${h(t('flow.where-points-go'))}</h3>
${driverChart(file.score, scale, lang)}`;
}

function metricsSection(file: FileResult, { lang, t }: Context): string {
  const heading = `<h3>${h(t('flow.metrics'))}</h3>`;
  if (!file.metrics) return `${heading}\n<p class="note">${h(t('flow.not-analyzed'))}</p>`;
  const rows = metricRows(file.metrics, lang).map(([name, value]) => `<dt>${h(name)}</dt><dd>${h(value)}</dd>`).join('');
  return `${heading}\n<dl class="metrics">${rows}</dl>`;
}

function fixesSection(file: FileResult, { lang, t }: Context): string {
  if (file.fixes.length === 0) return '';
  const items = file.fixes.map((fix) => `<li><strong>+${fix.gain}</strong> ${richText(fix.title)}<br><span class="note">${richText(fix.description)} ${h(fixSavings(fix, lang))}</span>`
    + `${fix.ruleIds.length > 0 ? ` <span class="note">(${fix.ruleIds.map((id) => `<code>${h(id)}</code>`).join(', ')})</span>` : ''}</li>`);
  return `<h3>${h(t('flow.fixes'))}</h3>\n<ol class="fixes">${items.join('\n')}</ol>`;
}

/** The prompt a finding quotes, as the flow writes it: a message may shorten or normalize it. */
function promptOf(finding: Finding, flow: Flow | undefined, t: ReportWords): string {
  if (finding.nodeId === undefined || !finding.message.includes('"')) return '';
  const say = flow?.nodes.get(finding.nodeId)?.say ?? [];
  // The catalog's words hold no markup, so the escaped prompt can be passed in as it is.
  return say.length > 0 ? t('flow.prompt', { prompt: quotedPrompt(say) }) : '';
}

function findingRow(finding: Finding, flow: Flow | undefined, { lang, t }: Context): string {
  const label = (text: string): string => loaderText(lang, text, 'label', flow?.format);
  // Import notes are the loader's words, written in English: shown in the report's language.
  const message = finding.ruleId === 'import-note' ? loaderText(lang, finding.message, 'note', flow?.format) : labelsIn(finding.message, flow, lang);
  const path = shownPath(finding, label, lang);
  const details = [
    finding.nodeId !== undefined ? t('flow.node', { node: `<code>${h(finding.label === undefined ? finding.nodeId : label(finding.label))}</code>` }) : '',
    promptOf(finding, flow, t),
    path === undefined ? '' : h(t('flow.path', { path })),
  ].filter(Boolean).join('<br>');
  return `<tr class="finding"><td class="num">${finding.line}:${finding.column}</td><td class="sev sev-${finding.severity}">${h(t('report.severity', { severity: finding.severity }))}</td>`
    + `<td class="rule"><a href="${h(finding.docs)}">${h(finding.ruleId)}</a></td><td>${richText(message)}${details ? `<div class="path">${details}</div>` : ''}</td></tr>`;
}

function findingsSection(file: FileResult, flow: Flow | undefined, context: Context): string {
  const { t } = context;
  if (file.findings.length === 0) return `<h3>${h(t('flow.findings'))}</h3>\n<p class="note">${h(t('flow.no-findings'))}</p>`;
  return `<h3>${h(t('flow.findings-count', { count: file.findings.length }))}</h3>
<table class="findings">
<thead><tr><th class="num">${h(t('flow.col-line'))}</th><th>${h(t('flow.col-severity'))}</th><th>${h(t('flow.col-rule'))}</th><th>${h(t('flow.col-message'))}</th></tr></thead>
<tbody>
${file.findings.map((finding) => findingRow(finding, flow, context)).join('\n')}
</tbody>
</table>`;
}

function unknownsSection(file: FileResult, { lang, t }: Context): string {
  if (file.unknowns.length === 0) return '';
  const items = file.unknowns.map((unknown) => `<li>${richText(loaderText(lang, unknown, 'unknown', file.flow?.format))}</li>`);
  return `<h3>${h(t('flow.unknowns'))}</h3>\n<p class="note">${h(t('flow.unknowns-note'))}</p>\n<ul>${items.join('')}</ul>`;
}

function legend(t: ReportWords): string {
  const worst = (severity: string): string => t('diagram.legend-worst', { severity: t('report.severity', { severity }) });
  const items: Array<[keyof typeof SEVERITY_COLORS, string]> = [
    ['error', worst('error')],
    ['warning', worst('warning')],
    ['info', worst('info')],
    ['clean', t('diagram.legend-clean')],
    ['missing', t('diagram.legend-missing')],
  ];
  const swatches = items.map(([kind, text]) => `<li><span class="swatch" style="background:${SEVERITY_COLORS[kind].fill};border-color:${SEVERITY_COLORS[kind].stroke}"></span>${h(text)}</li>`);
  return `<ul class="legend">${swatches.join('')}<li>${h(t('diagram.legend-marks'))}</li></ul>`;
}

/** Diagrams of up to this many boxes print at most 120 mm tall. */
const SMALL_DIAGRAM_NODES = 30;

function diagramSection(file: FileResult, index: number, { lang, t, options }: Context): string {
  const flow = options.flows.get(file.file);
  const heading = `<h3>${h(t('diagram.heading'))}</h3>`;
  if (!flow) return `${heading}\n<p class="note">${h(t('diagram.not-a-flow'))}</p>`;
  const { graph, condensed } = drawableGraph(buildFlowGraph(flow, file.findings, lang));
  const omission = diagramOmission(graph, lang);
  const command = `<code>${TOOL_NAME} graph ${h(file.file)} --format dot</code>`;
  if (omission !== undefined) {
    return `${heading}\n<p class="note diagram-omitted">${t('diagram.omitted', { reason: h(omission), command })}</p>`;
  }
  if (!options.layout) return `${heading}\n<p class="note">${h(t('diagram.no-layout'))}</p>`;
  const svg = renderDiagram(graph, options.layout, {
    idPrefix: `f${index + 1}`,
    title: t('diagram.title', { name: flow.name }),
    lang,
  });
  const structure = condensed
    ? `<p class="note diagram-structure">${t('diagram.structure', { nodes: file.flow?.nodes ?? flow.nodes.size, command })}</p>\n`
    : '';
  // Print: a small flow's diagram shares its page; a big one may take a whole page.
  const size = graph.nodes.length <= SMALL_DIAGRAM_NODES ? ' diagram-small' : '';
  return `${heading}\n${structure}<figure class="diagram-figure${size}">\n${legend(t)}\n<div class="diagram-box">\n${svg}\n</div>\n</figure>`;
}

function flowSection({ file, number }: RankedFile, context: Context): string {
  const title = file.flow ? h(file.flow.name) : `<em>${h(context.t('report.not-a-flow'))}</em>`;
  const index = number - 1;
  return `<section class="flow" id="flow-${number}">
<h2>${title}</h2>
<p class="file">${h(file.file)}</p>
<div class="flow-overview">
<div>${scoreSection(file, context)}</div>
<div>${metricsSection(file, context)}</div>
</div>
${timelinesSection(file, context.lang)}
${fixesSection(file, context)}
${findingsSection(file, context.options.flows.get(file.file), context)}
${unknownsSection(file, context)}
${diagramSection(file, index, context)}
</section>`;
}

/** "generated December 5, 2026", or the text the caller gave. */
function generatedText(options: HtmlOptions, lang: Lang, t: ReportWords): string | undefined {
  if (options.date !== undefined) return t('report.generated', { date: reportDate(lang, options.date) });
  return options.generated;
}

export function formatHtml(result: AuditResult, options: HtmlOptions): string {
  const lang = options.lang ?? result.reportLang ?? 'en';
  const t = reportWords(lang);
  const { errors, warnings, infos, files } = result.summary;
  const totals = t('report.totals', { files, counts: t('report.counts', { errors, warnings, infos }) });
  const context: Context = { lang, t, scale: driverScale(result), options };
  const ranked: RankedFile[] = worstFirst(result.files).map((file, index) => ({ file, number: index + 1 }));
  const generated = generatedText(options, lang, t);
  const title = h(t('report.title'));
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(`${TOOL_NAME} ${VERSION}`)}">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="front">
<header class="title-page">
<h1>${title}</h1>
${options.scope ? `<p class="scope">${h(t('report.scope', { paths: options.scope.join(', ') }))}</p>\n` : ''}<p class="meta">${h(`${TOOL_NAME} ${VERSION}`)}${generated ? ` · ${h(generated)}` : ''} · ${h(totals)}</p>
</header>
${portfolioSection(result, ranked, lang)}
${scoreExplained(options.scoringDocs ?? installedScoringDocs(), lang)}
</div>
<main>
${ranked.map((entry) => flowSection(entry, context)).join('\n')}
</main>
</body>
</html>
`;
}
