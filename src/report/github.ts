// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
import type { Finding } from '../model/finding.js';
import type { AuditResult, FileResult } from '../model/result.js';
import { escapeGithubData, escapeGithubProperty } from './escape.js';
import { displayPath, unknownsLine } from './text.js';

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

export interface GithubOptions {
  /** Folder that annotation paths are relative to (the workspace in Actions). */
  cwd: string;
}

/**
 * `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=RULE::message`. GitHub's columns
 * are inclusive, ours end one past the last character, hence the `- 1`.
 */
export function githubAnnotation(finding: Finding, options: GithubOptions): string {
  const endColumn = finding.endLine === finding.line ? Math.max(finding.column, finding.endColumn - 1) : Math.max(1, finding.endColumn - 1);
  const properties: Array<[string, string | number]> = [
    ['file', displayPath(finding.file, options.cwd)],
    ['line', finding.line],
    ['col', finding.column],
    ['endLine', Math.max(finding.line, finding.endLine)],
    ['endColumn', endColumn],
    ['title', finding.ruleId],
  ];
  const list = properties.map(([name, value]) => `${name}=${escapeGithubProperty(String(value))}`).join(',');
  return `::${COMMANDS[finding.severity]} ${list}::${escapeGithubData(finding.message)}`;
}

/** A file-level notice: what the file leaves out (or a truncated analysis) changes what its findings mean. */
function unknownsAnnotation(file: FileResult, options: GithubOptions): string {
  const properties = `file=${escapeGithubProperty(displayPath(file.file, options.cwd))},title=${escapeGithubProperty('not stated')}`;
  return `::notice ${properties}::${escapeGithubData(unknownsLine(file.unknowns))}`;
}

export function formatGithub(result: AuditResult, options: GithubOptions): string {
  const lines = result.files.flatMap((file) => [
    ...(file.unknowns.length > 0 ? [unknownsAnnotation(file, options)] : []),
    ...file.findings.map((finding) => githubAnnotation(finding, options)),
  ]);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * Whether `lint` should print annotations besides stylish: in GitHub Actions, when the user
 * asked for no format (`-f`) and no output file (`-o`), so annotations never replace a chosen output.
 */
export function githubAnnotationsByDefault(
  env: Readonly<Record<string, string | undefined>>,
  formats: readonly string[] = [],
  output?: string,
): boolean {
  return env.GITHUB_ACTIONS === 'true' && formats.length === 0 && output === undefined;
}
