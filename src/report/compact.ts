// One line per finding, `file:line:col: severity: message [rule-id]`, the shape compilers print and
// editors' error formats read (Vim's errorformat, Emacs compile mode, problem matchers). No color,
// no per-file blocks, no scores; like ESLint's compact format, a count line ends a run with problems.
import type { Finding } from '../model/finding.js';
import type { AuditResult, FileResult } from '../model/result.js';
import { visible } from './escape.js';
import { NOT_STATED_CHECK } from './gitlab.js';
import { displayPath, plural, unknownsLine } from './text.js';

export interface CompactOptions {
  /** Folder that paths are relative to. */
  cwd: string;
}

/** Everything from the flow goes through `visible`, so a line is always one line. */
function line(path: string, lineNumber: number, column: number, severity: string, message: string, id: string): string {
  return `${visible(path)}:${Math.max(1, lineNumber)}:${Math.max(1, column)}: ${severity}: ${visible(message)} [${visible(id)}]`;
}

export function compactLine(finding: Finding, options: CompactOptions): string {
  return line(displayPath(finding.file, options.cwd), finding.line, finding.column, finding.severity, finding.message, finding.ruleId);
}

/** What a file leaves out, as a `note` at its first line (a note is not a problem and is not counted). */
function unknownsNote(file: FileResult, options: CompactOptions): string {
  return line(displayPath(file.file, options.cwd), 1, 1, 'note', unknownsLine(file.unknowns), NOT_STATED_CHECK);
}

export function formatCompact(result: AuditResult, options: CompactOptions): string {
  const lines = result.files.flatMap((file) => [
    ...(file.unknowns.length > 0 ? [unknownsNote(file, options)] : []),
    ...file.findings.map((finding) => compactLine(finding, options)),
  ]);
  const problems = result.files.reduce((sum, file) => sum + file.findings.length, 0);
  if (problems > 0) lines.push('', plural(problems, 'problem'));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
