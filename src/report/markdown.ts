// Markdown, for a pull-request comment (`lint -f markdown`) or an audit document
// (`report --format markdown`, which adds a summary table, drivers, metrics and Mermaid diagrams).
import type { Finding } from '../model/finding.js';
import type { Flow } from '../model/flow.js';
import type { AuditResult, FileResult, Fix } from '../model/result.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { DIAGRAM_NODE_LIMIT } from './diagram.js';
import { escapeMarkdown } from './escape.js';
import { buildFlowGraph } from './flowgraph.js';
import { formatMermaid } from './graphtext.js';
import { DRIVER_NAMES, fastestToHuman, fixSavings, metricRows, plural, severityCounts } from './text.js';

export interface MarkdownOptions {
  /** The auditor's report: summary table first, drivers, metrics and diagrams per flow. */
  report?: boolean;
  /** Flows by file, for the Mermaid diagrams of the report. */
  flows?: ReadonlyMap<string, Flow>;
  /** Shown under the report's title, e.g. the date it was made. */
  generated?: string;
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

export function pathText(path: readonly string[]): string {
  const shown = path.length <= MAX_PATH_NODES
    ? path
    : [...path.slice(0, MAX_PATH_NODES / 2), `… ${path.length - MAX_PATH_NODES} more …`, ...path.slice(-MAX_PATH_NODES / 2)];
  return shown.join(' → ');
}

function flowTitle(file: FileResult): string {
  return file.flow ? `${escapeMarkdown(file.flow.name)} (${escapeMarkdown(file.file)})` : escapeMarkdown(file.file);
}

function scoreLine(file: FileResult): string {
  const counts = severityCounts(file);
  const score = file.score ? `**Score ${file.score.value}/100, grade ${file.score.grade}**` : '**Not scored**';
  return `${score} · ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
}

function findingRow(finding: Finding): string[] {
  const message = finding.path && finding.path.length > 0
    ? `${escapeMarkdown(finding.message)}<br>path: ${escapeMarkdown(pathText(finding.pathLabels ?? finding.path))}`
    : escapeMarkdown(finding.message);
  return [
    `${finding.line}:${finding.column}`,
    finding.severity,
    `[${escapeMarkdown(finding.ruleId)}](${encodeURI(finding.docs)})`,
    message,
  ];
}

function fixLines(fixes: readonly Fix[]): string[] {
  if (fixes.length === 0) return [];
  return [
    '**Fixes**, most effort saved first:',
    '',
    ...fixes.map((fix, index) => `${index + 1}. **+${fix.gain}** ${escapeMarkdown(fix.title)}: ${escapeMarkdown(fix.description)} ${escapeMarkdown(fixSavings(fix))}`),
    '',
  ];
}

function driverLines(file: FileResult): string[] {
  if (!file.score) return [];
  const rows = Object.entries(file.score.drivers)
    .sort(([, a], [, b]) => b - a)
    .map(([driver, points]) => [DRIVER_NAMES[driver as keyof typeof DRIVER_NAMES] ?? escapeMarkdown(driver), `${Math.round(points * 10) / 10}`]);
  return ['**Where the points go**', '', ...table(['Driver', 'Points lost'], rows), ''];
}

function metricLines(file: FileResult): string[] {
  if (!file.metrics) return [];
  return ['**Journey metrics**', '', ...table(['Metric', 'Value'], metricRows(file.metrics).map(([name, value]) => [name, escapeMarkdown(value)])), ''];
}

function diagramLines(file: FileResult, flows: ReadonlyMap<string, Flow> | undefined): string[] {
  const flow = flows?.get(file.file);
  if (!flow) return [];
  if (flow.nodes.size > DIAGRAM_NODE_LIMIT) {
    return [`_Diagram omitted: ${flow.nodes.size} nodes is more than the ${DIAGRAM_NODE_LIMIT} a diagram can show legibly._`, ''];
  }
  return ['**Diagram**', '', '```mermaid', formatMermaid(buildFlowGraph(flow, file.findings)).trimEnd(), '```', ''];
}

function fileSection(file: FileResult, options: MarkdownOptions): string[] {
  const lines = [`${options.report ? '##' : '###'} ${flowTitle(file)}`, '', scoreLine(file), ''];
  if (options.report) lines.push(...driverLines(file), ...metricLines(file));
  if (file.findings.length > 0) {
    lines.push(...table(['Line', 'Severity', 'Rule', 'Message'], file.findings.map(findingRow)), '');
  }
  lines.push(...fixLines(file.fixes));
  if (file.unknowns.length > 0) {
    lines.push('**Not stated in the flow** (rules that need these stayed quiet):', '', ...file.unknowns.map((unknown) => `- ${escapeMarkdown(unknown)}`), '');
  }
  if (options.report) lines.push(...diagramLines(file, options.flows));
  return lines;
}

function summaryTable(result: AuditResult): string[] {
  const rows = result.files.map((file) => {
    const counts = severityCounts(file);
    return [
      file.flow ? escapeMarkdown(file.flow.name) : '_not a flow_',
      escapeMarkdown(file.file),
      file.score ? String(file.score.value) : 'not scored',
      file.score?.grade ?? '–',
      String(counts.error),
      String(counts.warning),
      escapeMarkdown(fastestToHuman(file.metrics)),
    ];
  });
  return [...table(['Flow', 'File', 'Score', 'Grade', 'Errors', 'Warnings', 'Fastest to a person'], rows), ''];
}

function totalsLine(result: AuditResult): string {
  const { errors, warnings, infos, files } = result.summary;
  return `${plural(errors + warnings + infos, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info) in ${plural(files, 'file')}`;
}

export function formatMarkdown(result: AuditResult, options: MarkdownOptions = {}): string {
  const lines: string[] = [];
  if (options.report) {
    lines.push('# IVR audit report', '', `${TOOL_NAME} ${VERSION}${options.generated ? ` · ${escapeMarkdown(options.generated)}` : ''} · ${totalsLine(result)}`, '');
    lines.push(...summaryTable(result));
    for (const file of result.files) lines.push(...fileSection(file, options));
  } else {
    lines.push(`## ${TOOL_NAME}`, '', totalsLine(result), '');
    // A pull-request comment shows only what needs attention; clean, unscored files add nothing.
    for (const file of result.files) {
      if (file.findings.length > 0 || file.score !== null) lines.push(...fileSection(file, options));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
