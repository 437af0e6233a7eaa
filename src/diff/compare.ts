// What a change does to the callers: two audits compared flow by flow (matched by path), findings
// matched by fingerprint. Pure: it reads two AuditResults and nothing else.
import type { Finding } from '../model/finding.js';
import type { AuditResult, Driver, FileResult, Grade, JourneyMetrics } from '../model/result.js';

export type FlowStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** A flow on one side of the diff. */
export interface FlowState {
  /** null when the file could not be scored (it does not parse, say). */
  score: number | null;
  grade: Grade | null;
  /** Score points lost to each driver (as in `lint -f json`). */
  drivers: Record<Driver, number> | null;
  metrics: JourneyMetrics | null;
}

export interface FlowChange {
  /** The path, relative to the folder the paths were given from. */
  file: string;
  status: FlowStatus;
  /** null for an added flow. */
  before: FlowState | null;
  /** null for a removed flow. */
  after: FlowState | null;
  /** After minus before, when both sides are scored. */
  scoreChange: number | null;
  /** Per driver, what its change did to the score (negative: it costs callers more now); they add up to scoreChange before rounding. */
  scoreChangeByDriver: Record<Driver, number> | null;
  /** Findings whose fingerprint the flow did not have before (all of an added flow's). */
  newFindings: Finding[];
  /** Findings of before whose fingerprint is gone; a removed flow's findings are not counted as fixed. */
  fixedFindings: Finding[];
}

export interface DiffSummary {
  flows: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Flows whose score went down. */
  scoreDrops: number;
  newFindings: number;
  newErrors: number;
  fixedFindings: number;
  /** A score dropped or a new error appeared: what `--fail-on-regression` fails on. */
  regression: boolean;
}

export interface FlowDiff {
  files: FlowChange[];
  summary: DiffSummary;
}

/** Flows of both audits, changed ones first, the worst score drop first, then by path. */
export function compareAudits(before: AuditResult, after: AuditResult): FlowDiff {
  const beforeByFile = new Map(before.files.map((file) => [file.file, file]));
  const afterByFile = new Map(after.files.map((file) => [file.file, file]));
  const paths = [...new Set([...beforeByFile.keys(), ...afterByFile.keys()])];
  const files = paths.map((path) => compareFlow(path, beforeByFile.get(path), afterByFile.get(path))).sort(byChange);
  return { files, summary: summarizeDiff(files) };
}

export function compareFlow(file: string, before: FileResult | undefined, after: FileResult | undefined): FlowChange {
  const newFindings = after ? findingsNotIn(after.findings, before?.findings ?? []) : [];
  const fixedFindings = before && after ? findingsNotIn(before.findings, after.findings) : [];
  const beforeState = before ? stateOf(before) : null;
  const afterState = after ? stateOf(after) : null;
  const scoreChange = beforeState && afterState && beforeState.score !== null && afterState.score !== null ? afterState.score - beforeState.score : null;
  const scoreChangeByDriver = beforeState?.drivers && afterState?.drivers ? driverChanges(beforeState.drivers, afterState.drivers) : null;
  const status: FlowStatus = !before ? 'added' : !after ? 'removed'
    : newFindings.length > 0 || fixedFindings.length > 0 || JSON.stringify(beforeState) !== JSON.stringify(afterState) ? 'changed' : 'unchanged';
  return { file, status, before: beforeState, after: afterState, scoreChange, scoreChangeByDriver, newFindings, fixedFindings };
}

function stateOf(file: FileResult): FlowState {
  return { score: file.score?.value ?? null, grade: file.score?.grade ?? null, drivers: file.score?.drivers ?? null, metrics: file.metrics };
}

/** Points lost before minus points lost after: the driver's share of the score change, to a tenth. */
function driverChanges(before: Record<Driver, number>, after: Record<Driver, number>): Record<Driver, number> {
  const drivers = Object.keys(before) as Driver[];
  // `+ 0` turns -0 into 0, so JSON and text never show "-0".
  return Object.fromEntries(drivers.map((driver) => [driver, Math.round((before[driver] - after[driver]) * 10) / 10 + 0])) as Record<Driver, number>;
}

/**
 * The findings of `findings` whose fingerprint `other` lacks, counted: when a flow had one finding
 * with a fingerprint and now has two, one of them is new.
 */
function findingsNotIn(findings: readonly Finding[], other: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const finding of other) left.set(finding.fingerprint, (left.get(finding.fingerprint) ?? 0) + 1);
  return findings.filter((finding) => {
    const count = left.get(finding.fingerprint) ?? 0;
    if (count === 0) return true;
    left.set(finding.fingerprint, count - 1);
    return false;
  });
}

const STATUS_ORDER: Readonly<Record<FlowStatus, number>> = { changed: 0, added: 0, removed: 0, unchanged: 1 };

function byChange(a: FlowChange, b: FlowChange): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.scoreChange ?? 0) - (b.scoreChange ?? 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

export function summarizeDiff(files: readonly FlowChange[]): DiffSummary {
  const count = (status: FlowStatus): number => files.filter((file) => file.status === status).length;
  const scoreDrops = files.filter((file) => (file.scoreChange ?? 0) < 0).length;
  const newErrors = files.reduce((sum, file) => sum + file.newFindings.filter((finding) => finding.severity === 'error').length, 0);
  return {
    flows: files.length,
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    unchanged: count('unchanged'),
    scoreDrops,
    newFindings: files.reduce((sum, file) => sum + file.newFindings.length, 0),
    newErrors,
    fixedFindings: files.reduce((sum, file) => sum + file.fixedFindings.length, 0),
    regression: scoreDrops > 0 || newErrors > 0,
  };
}
