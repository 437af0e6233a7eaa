// Whether an audit fails a CI run: the --fail-on, --max-warnings and --min-score gates.
import { SEVERITY_RANK, type Severity } from './model/finding.js';
import type { AuditResult } from './model/result.js';

export type FailOn = Severity | 'none';

export interface GateOptions {
  failOn?: FailOn;
  maxWarnings?: number;
  minScore?: number;
}

export interface GateFailure {
  gate: 'fail-on' | 'max-warnings' | 'min-score';
  reason: string;
}

/** The reasons the run fails; empty when it passes. */
export function gateFailures(result: AuditResult, options: GateOptions): GateFailure[] {
  const reasons: GateFailure[] = [];
  const failOn = options.failOn ?? 'error';
  if (failOn !== 'none') {
    const threshold = SEVERITY_RANK[failOn];
    const count = result.files.reduce(
      (total, file) => total + file.findings.filter((finding) => SEVERITY_RANK[finding.severity] >= threshold).length,
      0,
    );
    if (count > 0) reasons.push({ gate: 'fail-on', reason: `${count} finding${count === 1 ? '' : 's'} at ${failOn} level or above` });
  }
  if (options.maxWarnings !== undefined && result.summary.warnings > options.maxWarnings) {
    reasons.push({ gate: 'max-warnings', reason: `${result.summary.warnings} warning${result.summary.warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}` });
  }
  for (const file of result.files) {
    // The command line wins over the config's `scoring.minScore`.
    const minimum = options.minScore ?? file.minScore;
    if (minimum !== undefined && file.score && file.score.value < minimum) {
      reasons.push({ gate: 'min-score', reason: `${file.file} scores ${file.score.value}, below the minimum of ${minimum}` });
    }
  }
  return reasons;
}
