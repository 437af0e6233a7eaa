// GitLab Code Quality: a JSON array of issues, which a merge request shows beside the diff.
// GitLab reads `description`, `check_name`, `fingerprint` (issues are matched across pipelines by
// it), `severity` and `location` (path relative to the repository root, first line).
import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import type { AuditResult, FileResult } from '../model/result.js';
import { findRule } from '../rules/index.js';
import { escapeJsonOutput } from './escape.js';
import { displayPath, unknownsLine } from './text.js';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number } };
}

export interface GitlabOptions {
  /** Folder that `location.path` is relative to (the repository root in CI). */
  cwd: string;
}

/** The check name of the file-level issue that lists what a file leaves out (as `github` titles it). */
export const NOT_STATED_CHECK = 'not-stated';

/**
 * info → info, warning → minor, error → major; an error that means the file was not audited at
 * all (a rule that is always on, such as internal-error, or a file left without a score because
 * it does not parse or breaks the format) → critical, since nothing else about that file was checked.
 */
export function gitlabSeverity(finding: Finding, file: FileResult): GitlabSeverity {
  if (finding.severity === 'info') return 'info';
  if (finding.severity === 'warning') return 'minor';
  const alwaysOn = findRule(finding.ruleId)?.meta.alwaysOn === true;
  return alwaysOn || file.score === null ? 'critical' : 'major';
}

function findingIssue(finding: Finding, file: FileResult, cwd: string): GitlabIssue {
  return {
    description: finding.message,
    check_name: finding.ruleId,
    fingerprint: finding.fingerprint,
    severity: gitlabSeverity(finding, file),
    location: { path: displayPath(finding.file, cwd), lines: { begin: Math.max(1, finding.line) } },
  };
}

/** One info issue per file that leaves facts out: what its findings mean depends on them. */
function unknownsIssue(file: FileResult, cwd: string): GitlabIssue {
  const path = displayPath(file.file, cwd);
  return {
    description: unknownsLine(file.unknowns),
    check_name: NOT_STATED_CHECK,
    fingerprint: createHash('sha256').update(`${NOT_STATED_CHECK}\u0000${path}`).digest('hex').slice(0, 16),
    severity: 'info',
    location: { path, lines: { begin: 1 } },
  };
}

export function gitlabIssues(result: AuditResult, options: GitlabOptions): GitlabIssue[] {
  return result.files.flatMap((file) => [
    ...(file.unknowns.length > 0 ? [unknownsIssue(file, options.cwd)] : []),
    ...file.findings.map((finding) => findingIssue(finding, file, options.cwd)),
  ]);
}

export function formatGitlab(result: AuditResult, options: GitlabOptions): string {
  return `${escapeJsonOutput(JSON.stringify(gitlabIssues(result, options), null, 2))}\n`;
}
