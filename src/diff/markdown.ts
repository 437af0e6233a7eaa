// `diff -f markdown`: a pull-request comment or job summary. One table of the flows that changed,
// the worst drop first; the new errors listed; the metrics that moved; unchanged flows folded away.
import type { Finding } from '../model/finding.js';
import { escapeMarkdown } from '../report/escape.js';
import { TOOL_NAME } from '../version.js';
import type { FlowChange } from './compare.js';
import type { DiffResult } from './index.js';
import { driverChangeText, metricChanges, scoreText, signed, summaryText } from './words.js';

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function changeRow(change: FlowChange): string[] {
  return [
    escapeMarkdown(change.file),
    change.status,
    escapeMarkdown(scoreText(change)),
    signed(change.scoreChange) || '–',
    escapeMarkdown(driverChangeText(change)) || '–',
    String(change.newFindings.length),
    String(change.fixedFindings.length),
  ];
}

function errorLine(file: string, finding: Finding): string {
  return `- ${escapeMarkdown(`${file}:${finding.line}:${finding.column}`)} ${escapeMarkdown(finding.message)} ([${escapeMarkdown(finding.ruleId)}](${encodeURI(finding.docs)}))`;
}

export function formatDiffMarkdown(diff: DiffResult): string {
  const changed = diff.files.filter((change) => change.status !== 'unchanged');
  const unchanged = diff.files.filter((change) => change.status === 'unchanged');
  const lines = [`## ${TOOL_NAME}: ${escapeMarkdown(diff.base)} → ${escapeMarkdown(diff.head)}`, '', `${diff.summary.regression ? '✖' : '✔'} ${escapeMarkdown(summaryText(diff.summary))}`, ''];
  if (changed.length > 0) {
    lines.push(...table(['Flow', 'Status', 'Score', 'Change', 'By driver', 'New findings', 'Fixed findings'], changed.map(changeRow)), '');
  }
  const errors = changed.flatMap((change) => change.newFindings.filter((finding) => finding.severity === 'error').map((finding) => errorLine(change.file, finding)));
  if (errors.length > 0) lines.push('### New errors', '', ...errors, '');
  const metrics = changed.flatMap((change) => metricChanges(change.before?.metrics ?? null, change.after?.metrics ?? null)
    .map(([label, before, after]) => [escapeMarkdown(change.file), label, escapeMarkdown(before), escapeMarkdown(after)]));
  if (metrics.length > 0) lines.push('### Journey metrics that changed', '', ...table(['Flow', 'Metric', 'Before', 'After'], metrics), '');
  if (unchanged.length > 0) {
    // Folded: a pull request that touches one flow of fifty should not scroll past forty-nine rows.
    lines.push('<details>', `<summary>${unchanged.length} unchanged flow${unchanged.length === 1 ? '' : 's'}</summary>`, '');
    lines.push(...table(['Flow', 'Score'], unchanged.map((change) => [escapeMarkdown(change.file), escapeMarkdown(scoreText(change))])), '', '</details>', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
