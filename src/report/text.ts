// Small wording helpers shared by the human-readable reports (Markdown, HTML).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Driver, FileResult, Fix, JourneyMetrics, WorstCount } from '../model/result.js';

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Seconds since the call was answered as a clock, `m:ss`: how a journey's steps are timed. */
export function callClock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** `45 s`, `3 min 05 s`, `1 h 02 min`: callers think in minutes, not in seconds. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(total / 3600)} h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')} min`;
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

export function formatWorstCount(count: WorstCount): string {
  return count === 'unbounded' ? 'unbounded (a loop adds to it)' : String(count);
}

/** The summary column "fastest time to a human". */
export function fastestToHuman(metrics: JourneyMetrics | null): string {
  if (!metrics) return 'not analyzed';
  return metrics.fastestSecondsToHuman === null ? 'no person reachable' : formatDuration(metrics.fastestSecondsToHuman);
}

export const DRIVER_NAMES: Readonly<Record<Driver, string>> = {
  waiting: 'Waiting',
  repeating: 'Repeating information',
  transfers: 'Transfers',
  navigation: 'Navigation',
  channel: 'Channel switching',
  deadEnds: 'Dead ends',
  generic: 'Generic experience',
};

/** Journey metrics as label/value rows, in the order an auditor reads them. */
export function metricRows(metrics: JourneyMetrics): Array<[string, string]> {
  return [
    ['Fastest time to a person', fastestToHuman(metrics)],
    ['Expected time in the flow', metrics.expectedSecondsInFlow === null ? 'unknown' : formatDuration(metrics.expectedSecondsInFlow)],
    ['Identity questions on the worst journey', formatWorstCount(metrics.worstIdentityQuestions)],
    ['Transfers on the worst journey', formatWorstCount(metrics.worstTransfers)],
    ['Callers who end without help', formatPercent(metrics.shareWithoutHelp)],
  ];
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function severityCounts(file: FileResult): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of file.findings) counts[finding.severity]++;
  return counts;
}

/**
 * A finding's file as a forward-slash path relative to `cwd` (what CI systems expect), or null
 * when it lies outside `cwd`.
 */
export function relativePath(file: string, cwd: string): string | null {
  const path = relative(cwd, resolve(cwd, file));
  if (path === '' || path.startsWith(`..${sep}`) || path === '..' || isAbsolute(path)) return null;
  return path.split(sep).join('/');
}

/** The path to show or annotate: relative when possible, else absolute, always with `/`. */
export function displayPath(file: string, cwd: string): string {
  return relativePath(file, cwd) ?? resolve(cwd, file).split(sep).join('/');
}

/** The facts a file leaves out, on one line, as every format that prints them words it. */
export function unknownsLine(unknowns: readonly string[]): string {
  return `not stated in the file, so rules that need it stayed quiet: ${unknowns.join('; ')}`;
}

/** "Saves 7.5 effort points and 40 s for 62% of callers; score 81 with the fixes above." */
export function fixSavings(fix: Fix): string {
  const seconds = fix.secondsSaved > 0 ? ` and ${fix.secondsSaved} s` : '';
  return `Saves ${fix.effortSaved} effort points${seconds} for ${Math.round(fix.callersHelped * 100)}% of callers; score ${fix.cumulativeScore} with the fixes above.`;
}
