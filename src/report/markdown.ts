// Markdown, for a pull-request comment (`lint -f markdown`) or an audit document
// (`report --format markdown`, which adds a summary table, drivers, metrics and Mermaid diagrams).
import type { Finding } from '../model/finding.js';
import type { Flow } from '../model/flow.js';
import { formatDecimal, type Lang } from '../i18n/index.js';
import { loaderText } from '../i18n/loader.js';
import { labelsIn } from './loader-words.js';
import { reportDate, reportWords, type ReportWords } from '../i18n/report.js';
import type { AuditResult, FileResult, Fix } from '../model/result.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { DIAGRAM_NODE_LIMIT } from './diagram.js';
import { escapeMarkdown } from './escape.js';
import { buildFlowGraph } from './flowgraph.js';
import { formatMermaid } from './graphtext.js';
import { driverName, fastestToHuman, fixSavings, metricRows, severityCounts } from './text.js';

export interface MarkdownOptions {
  /** The auditor's report: summary table first, drivers, metrics and diagrams per flow. */
  report?: boolean;
  /** Flows by file, for the Mermaid diagrams of the report. */
  flows?: ReadonlyMap<string, Flow>;
  /** Shown under the report's title, as given (see `date`). */
  generated?: string;
  /** The day the report was made: "generated December 5, 2026", in the report's language. */
  date?: Date;
  /** The language; by default the run's (`result.reportLang`), else English. */
  lang?: Lang;
}

interface Context extends MarkdownOptions {
  lang: Lang;
  t: ReportWords;
}

/** Witness paths longer than this show their two ends; the JSON output has them whole. */
const MAX_PATH_NODES = 20;

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

export function pathText(path: readonly string[], lang: Lang = 'en'): string {
  const shown = path.length <= MAX_PATH_NODES
    ? path
    : [...path.slice(0, MAX_PATH_NODES / 2), reportWords(lang)('flow.path-more', { count: path.length - MAX_PATH_NODES }), ...path.slice(-MAX_PATH_NODES / 2)];
  return shown.join(' → ');
}

/**
 * A finding's witness path to show under its message, in the steps' report names; undefined when
 * it has none or the message already spells it (time-to-human names the fastest path itself).
 */
export function shownPath(finding: Finding, stepName: (step: string) => string, lang: Lang): string | undefined {
  const steps = finding.pathLabels ?? finding.path;
  if (!steps || steps.length === 0) return undefined;
  // The message as the rule wrote it: the report may rename the steps in it afterwards.
  const spelt = (path: readonly string[] | undefined): boolean => path !== undefined && finding.message.includes(path.join(' → '));
  if (spelt(steps) || spelt(finding.path)) return undefined;
  return pathText(steps.map(stepName), lang);
}

function flowTitle(file: FileResult): string {
  return file.flow ? `${escapeMarkdown(file.flow.name)} (${escapeMarkdown(file.file)})` : escapeMarkdown(file.file);
}

function scoreLine(file: FileResult, t: ReportWords): string {
  const counts = severityCounts(file);
  const score = file.score ? `**${t('markdown.score', { value: file.score.value, grade: file.score.grade })}**` : `**${t('markdown.not-scored')}**`;
  return `${score} · ${t('report.counts', { errors: counts.error, warnings: counts.warning, infos: counts.info })}`;
}

function findingRow(finding: Finding, { lang, t, flows }: Context): string[] {
  // Import notes are the loader's words, written in English: shown in the report's language.
  const flow = flows?.get(finding.file);
  const text = finding.ruleId === 'import-note' ? loaderText(lang, finding.message, 'note', flow?.format) : labelsIn(finding.message, flow, lang);
  const path = shownPath(finding, (step) => loaderText(lang, step, 'label', flow?.format), lang);
  const message = path === undefined ? escapeMarkdown(text) : `${escapeMarkdown(text)}<br>${escapeMarkdown(t('flow.path', { path }))}`;
  return [
    `${finding.line}:${finding.column}`,
    t('report.severity', { severity: finding.severity }),
    `[${escapeMarkdown(finding.ruleId)}](${encodeURI(finding.docs)})`,
    message,
  ];
}

function fixLines(fixes: readonly Fix[], { lang, t }: Context): string[] {
  if (fixes.length === 0) return [];
  return [
    t('markdown.fixes', { fixes: `**${t('markdown.fixes-word')}**` }),
    '',
    ...fixes.map((fix, index) => `${index + 1}. **+${fix.gain}** ${escapeMarkdown(fix.title)}: ${escapeMarkdown(fix.description)} ${escapeMarkdown(fixSavings(fix, lang))}`),
    '',
  ];
}

function driverLines(file: FileResult, { lang, t }: Context): string[] {
  if (!file.score) return [];
  const rows = Object.entries(file.score.drivers)
    .sort(([, a], [, b]) => b - a)
    .map(([driver, points]) => [escapeMarkdown(driverName(driver as keyof typeof file.score.drivers, lang)), formatDecimal(lang, Math.round(points * 10) / 10)]);
  return [`**${t('flow.where-points-go')}**`, '', ...table([t('markdown.col-driver'), t('markdown.col-points')], rows), ''];
}

function metricLines(file: FileResult, { lang, t }: Context): string[] {
  if (!file.metrics) return [];
  return [`**${t('flow.metrics')}**`, '', ...table([t('markdown.col-metric'), t('markdown.col-value')], metricRows(file.metrics, lang).map(([name, value]) => [name, escapeMarkdown(value)])), ''];
}

function diagramLines(file: FileResult, { flows, lang, t }: Context): string[] {
  const flow = flows?.get(file.file);
  if (!flow) return [];
  if (flow.nodes.size > DIAGRAM_NODE_LIMIT) {
    return [`_${t('diagram.omitted-short', { reason: t('diagram.too-many-nodes', { nodes: flow.nodes.size, limit: DIAGRAM_NODE_LIMIT }) })}_`, ''];
  }
  return [`**${t('diagram.heading')}**`, '', '```mermaid', formatMermaid(buildFlowGraph(flow, file.findings, lang), lang).trimEnd(), '```', ''];
}

function fileSection(file: FileResult, context: Context): string[] {
  const { t } = context;
  const lines = [`${context.report ? '##' : '###'} ${flowTitle(file)}`, '', scoreLine(file, t), ''];
  if (context.report) lines.push(...driverLines(file, context), ...metricLines(file, context));
  if (file.findings.length > 0) {
    const header = [t('flow.col-line'), t('flow.col-severity'), t('flow.col-rule'), t('flow.col-message')];
    lines.push(...table(header, file.findings.map((finding) => findingRow(finding, context))), '');
  }
  lines.push(...fixLines(file.fixes, context));
  if (file.unknowns.length > 0) {
    lines.push(t('markdown.unknowns', { heading: `**${t('flow.unknowns')}**` }), '', ...file.unknowns.map((unknown) => `- ${escapeMarkdown(loaderText(context.lang, unknown, 'unknown', file.flow?.format))}`), '');
  }
  if (context.report) lines.push(...diagramLines(file, context));
  return lines;
}

function summaryTable(result: AuditResult, { lang, t }: Context): string[] {
  const rows = result.files.map((file) => {
    const counts = severityCounts(file);
    return [
      file.flow ? escapeMarkdown(file.flow.name) : `_${t('report.not-a-flow')}_`,
      escapeMarkdown(file.file),
      file.score ? String(file.score.value) : t('report.not-scored'),
      file.score?.grade ?? '–',
      String(counts.error),
      String(counts.warning),
      escapeMarkdown(fastestToHuman(file.metrics, lang)),
    ];
  });
  const header = (['portfolio.col-flow', 'portfolio.col-file', 'portfolio.col-score', 'portfolio.col-grade', 'portfolio.col-errors', 'portfolio.col-warnings', 'portfolio.col-fastest'] as const).map((key) => t(key));
  return [...table(header, rows), ''];
}

function totalsLine(result: AuditResult, t: ReportWords): string {
  const { errors, warnings, infos, files } = result.summary;
  return t('report.problems', { problems: errors + warnings + infos, counts: t('report.counts', { errors, warnings, infos }), files });
}

export function formatMarkdown(result: AuditResult, options: MarkdownOptions = {}): string {
  const lang = options.lang ?? result.reportLang ?? 'en';
  const t = reportWords(lang);
  const context: Context = { ...options, lang, t };
  const lines: string[] = [];
  if (options.report) {
    const generated = options.date === undefined ? options.generated : t('report.generated', { date: reportDate(lang, options.date) });
    lines.push(`# ${t('report.title')}`, '', `${TOOL_NAME} ${VERSION}${generated ? ` · ${escapeMarkdown(generated)}` : ''} · ${totalsLine(result, t)}`, '');
    lines.push(...summaryTable(result, context));
    for (const file of result.files) lines.push(...fileSection(file, context));
  } else {
    lines.push(`## ${TOOL_NAME}`, '', totalsLine(result, t), '');
    // A pull-request comment shows only what needs attention; clean, unscored files add nothing.
    for (const file of result.files) {
      if (file.findings.length > 0 || file.score !== null) lines.push(...fileSection(file, context));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
