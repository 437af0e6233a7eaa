// Baselines: record today's findings by fingerprint, then report only findings that are not in
// the record, so a team can adopt the tool on a legacy IVR and still block regressions.
// Fingerprints leave line numbers out (see src/engine.ts), so unrelated edits keep old findings
// matched; they include the file path as reported, so baselines are written and read from the
// same working folder.
import type { Finding } from '../model/finding.js';
import type { AuditResult, Summary } from '../model/result.js';
import { UsageError } from '../files.js';
import { UnreadableFileError, readRegularFile } from '../util/read-file.js';
import { ConfigError } from './errors.js';

export const BASELINE_VERSION = 1;
/** A baseline holds one short entry per finding; this is far beyond any real one. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;
const TOOL = 'ivr-audit';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  tool: string;
  findings: BaselineEntry[];
}

/**
 * The baseline of a result as JSON text. Sorted and free of timestamps and versions, so that
 * writing it again without changes to the flows gives the same bytes (and a clean diff).
 */
export function writeBaseline(result: AuditResult): string {
  const findings = result.files
    .flatMap((file) => file.findings)
    .map(({ fingerprint, ruleId, file, message }): BaselineEntry => ({ fingerprint, ruleId, file, message }))
    .sort(compareEntries);
  const baseline: Baseline = { version: BASELINE_VERSION, tool: TOOL, findings };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return byCodeUnit(a.file, b.file) || byCodeUnit(a.ruleId, b.ruleId) || byCodeUnit(a.fingerprint, b.fingerprint) || byCodeUnit(a.message, b.message);
}

/** Locale-independent, so the file is the same on every machine. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The result without the findings the baseline records. Counts matter: a fingerprint recorded
 * twice hides two findings, and a third one with that fingerprint is new. Summary counts are
 * recomputed; scores and fixes are left as they are (they describe the flow, not the report).
 * `source` names the baseline in errors. Throws `ConfigError` for a malformed baseline.
 */
export function applyBaseline(result: AuditResult, baselineText: string, source = 'baseline'): AuditResult {
  const remaining = new Map<string, number>();
  for (const entry of readBaseline(baselineText, source).findings) {
    remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  }
  const isNew = (finding: Finding): boolean => {
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left === 0) return true;
    remaining.set(finding.fingerprint, left - 1);
    return false;
  };
  const files = result.files.map((file) => ({ ...file, findings: file.findings.filter(isNew) }));
  return { ...result, files, summary: countFindings(files.map((file) => file.findings), result.summary) };
}

/** The text of a baseline file: a regular file, read without blocking and within the size limit. */
export async function readBaselineFile(path: string): Promise<string> {
  try {
    return (await readRegularFile(path, MAX_BASELINE_BYTES)).toString('utf8');
  } catch (error) {
    const reason = error instanceof UnreadableFileError ? error.message : error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read the baseline ${path}: ${reason}`);
  }
}

/** Parses and checks a baseline's text. Throws `ConfigError` with one line naming what is wrong. */
export function readBaseline(text: string, source = 'baseline'): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ConfigError(source, undefined, `is not valid JSON (${error instanceof Error ? error.message : String(error)}); write one with --write-baseline`);
  }
  if (!isRecord(data)) throw new ConfigError(source, undefined, 'is not a baseline: expected a JSON object; write one with --write-baseline');
  if (data.version !== BASELINE_VERSION) {
    throw new ConfigError(source, 'version', `must be ${BASELINE_VERSION} (got ${JSON.stringify(data.version) ?? 'nothing'}); write the baseline again with --write-baseline`);
  }
  if (!Array.isArray(data.findings)) throw new ConfigError(source, 'findings', 'must be a list');
  const findings: BaselineEntry[] = [];
  data.findings.forEach((entry: unknown, index: number) => {
    if (!isRecord(entry) || typeof entry.fingerprint !== 'string' || entry.fingerprint === '') {
      throw new ConfigError(source, `findings[${index}].fingerprint`, 'must be a non-empty string');
    }
    findings.push({
      fingerprint: entry.fingerprint,
      ruleId: String(entry.ruleId ?? ''),
      file: String(entry.file ?? ''),
      message: String(entry.message ?? ''),
    });
  });
  return { version: BASELINE_VERSION, tool: typeof data.tool === 'string' ? data.tool : TOOL, findings };
}

/** The summary of the findings kept; `files` stays the number of files audited. */
function countFindings(findingsPerFile: readonly Finding[][], before: Summary): Summary {
  const summary: Summary = { ...before, errors: 0, warnings: 0, infos: 0 };
  for (const findings of findingsPerFile) {
    for (const finding of findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
