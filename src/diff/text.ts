// `diff` for a terminal: per flow that changed, the score before and after, the drivers that moved,
// the metrics that differ and the findings that are new or fixed; then one summary line.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../model/finding.js';
import { visible } from '../report/escape.js';
import type { FlowChange } from './compare.js';
import type { DiffResult } from './index.js';
import { driverChangeText, metricChanges, scoreText, signed, summaryText } from './words.js';

export interface DiffTextOptions {
  color: boolean;
}

function findingLine(chalk: ChalkInstance, kind: 'new' | 'fixed', finding: Finding): string {
  const mark = kind === 'new' ? (finding.severity === 'error' ? chalk.red('new  ') : chalk.yellow('new  ')) : chalk.green('fixed');
  return `  ${mark}  ${chalk.dim(`${finding.line}:${finding.column}`)}  ${finding.severity.padEnd('warning'.length)}  ${visible(finding.message)}  ${chalk.dim(visible(finding.ruleId))}`;
}

function flowBlock(chalk: ChalkInstance, change: FlowChange): string {
  const lines = [`${chalk.underline(visible(change.file))}  ${change.status}`];
  const delta = change.scoreChange;
  const paint = delta === null || delta === 0 ? chalk.reset : delta < 0 ? chalk.red : chalk.green;
  lines.push(`  score ${scoreText(change)}${delta === null ? '' : `  ${paint(signed(delta))}`}`);
  const drivers = driverChangeText(change);
  if (drivers !== '') lines.push(`  ${chalk.dim('by driver:')} ${drivers}`);
  for (const [label, before, after] of metricChanges(change.before?.metrics ?? null, change.after?.metrics ?? null)) {
    lines.push(`  ${label}: ${before} → ${after}`);
  }
  for (const finding of change.newFindings) lines.push(findingLine(chalk, 'new', finding));
  for (const finding of change.fixedFindings) lines.push(findingLine(chalk, 'fixed', finding));
  return lines.join('\n');
}

export function formatDiffText(diff: DiffResult, options: DiffTextOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const blocks = diff.files.filter((change) => change.status !== 'unchanged').map((change) => flowBlock(chalk, change));
  const title = chalk.bold(`${visible(diff.base)} → ${visible(diff.head)}`);
  const summary = (diff.summary.regression ? chalk.red.bold('✖ ') : chalk.green('✔ ')) + summaryText(diff.summary);
  return `${[title, ...blocks, summary].join('\n\n')}\n`;
}
