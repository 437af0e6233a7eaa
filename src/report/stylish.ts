import { Chalk, type ChalkInstance } from 'chalk';
import { formatDecimal, message, type Lang } from '../i18n/index.js';
import type { Finding, Severity } from '../model/finding.js';
import type { AuditResult, FileResult, Fix } from '../model/result.js';
import { visible } from './escape.js';


export interface StylishOptions {
  color: boolean;
  /** How many fixes to show per file. */
  maxFixes?: number;
}

const SEVERITY_WIDTH = 'warning'.length;

function paintSeverity(chalk: ChalkInstance, severity: Severity): string {
  const text = severity.padEnd(SEVERITY_WIDTH);
  if (severity === 'error') return chalk.red(text);
  if (severity === 'warning') return chalk.yellow(text);
  return chalk.blue(text);
}

function fileBlock(chalk: ChalkInstance, file: FileResult, maxFixes: number, lang: Lang): string[] {
  const lines = [chalk.underline(visible(file.file))];
  if (file.score) {
    const paint = file.score.value >= 80 ? chalk.green : file.score.value >= 60 ? chalk.yellow : chalk.red;
    lines.push(`  ${paint(message(lang, 'summary.score', { value: file.score.value, grade: file.score.grade }))}`);
  }
  if (file.unknowns.length > 0) {
    lines.push(`  ${chalk.dim(visible(message(lang, 'summary.unknowns', { unknowns: file.unknowns.join('; ') })))}`);
  }
  const positions = file.findings.map((finding) => `${finding.line}:${finding.column}`);
  const positionWidth = Math.max(0, ...positions.map((text) => text.length));
  file.findings.forEach((finding: Finding, index) => {
    lines.push(
      `  ${chalk.dim(positions[index]!.padEnd(positionWidth))}  ${paintSeverity(chalk, finding.severity)}  ${visible(finding.message)}  ${chalk.dim(visible(finding.ruleId))}`,
    );
  });
  const fixes = file.fixes.slice(0, maxFixes);
  if (fixes.length > 0) {
    // Ranked by effort saved; the score gain beside it, and the score once the fixes so far are made.
    lines.push('', `  ${chalk.bold(message(lang, 'summary.fixes'))}  ${chalk.dim(message(lang, 'summary.fixes-columns'))}`);
    for (const fix of fixes) {
      lines.push(`  ${chalk.green(formatDecimal(lang, fix.effortSaved, 1).padStart(5))}  ${chalk.green(`+${fix.gain}`.padStart(3))}  ${visible(fix.title)}${applicableBy(chalk, fix)}  ${chalk.dim(`→ ${fix.cumulativeScore}`)}`);
    }
  }
  return lines;
}

/** Which flag writes a fix into the file, when one can: suggestions only on request. */
function applicableBy(chalk: ChalkInstance, fix: Fix): string {
  if (!fix.edits || fix.edits.length === 0) return '';
  return chalk.dim(fix.type === 'fix' ? '  (--fix)' : '  (--fix --fix-type suggestion)');
}

/** Per file: score, `line:col  severity  message  rule-id`, fixes; then one summary line. */
export function formatStylish(result: AuditResult, options: StylishOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lang = result.lang ?? 'en';
  const blocks = result.files
    .filter((file) => file.findings.length > 0 || file.score !== null)
    .map((file) => fileBlock(chalk, file, options.maxFixes ?? 5, lang).join('\n'));
  const { errors, warnings, infos, files } = result.summary;
  const problems = errors + warnings + infos;
  const summary = problems === 0
    ? chalk.green(message(lang, 'summary.clean', { files }))
    : (errors > 0 ? chalk.red.bold : chalk.yellow.bold)(message(lang, 'summary.counts', { problems, errors, warnings, infos, files }));
  return `${[...blocks, summary].join('\n\n')}\n`;
}
