// Small wording helpers shared by the human-readable reports (Markdown, HTML).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { formatDecimal, formatShare, type Lang } from '../i18n/index.js';
import { reportWords } from '../i18n/report.js';
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

export function formatWorstCount(count: WorstCount, lang: Lang = 'en'): string {
  return count === 'unbounded' ? reportWords(lang)('metric.unbounded') : String(count);
}

/** The summary column "fastest time to a human". */
export function fastestToHuman(metrics: JourneyMetrics | null, lang: Lang = 'en'): string {
  const t = reportWords(lang);
  if (!metrics) return t('metric.not-analyzed');
  return metrics.fastestSecondsToHuman === null ? t('metric.no-person') : formatDuration(metrics.fastestSecondsToHuman);
}

/** The drivers' English names (the diff's words); `driverName` gives them in either language. */
export const DRIVER_NAMES: Readonly<Record<Driver, string>> = {
  waiting: driverName('waiting'),
  repeating: driverName('repeating'),
  transfers: driverName('transfers'),
  navigation: driverName('navigation'),
  channel: driverName('channel'),
  deadEnds: driverName('deadEnds'),
  generic: driverName('generic'),
};

/** A driver's name in the report's language (`DRIVER_NAMES` is the English one). */
export function driverName(driver: Driver, lang: Lang = 'en'): string {
  return reportWords(lang)(`driver.${driver}`);
}

/** Journey metrics as label/value rows, in the order an auditor reads them. */
export function metricRows(metrics: JourneyMetrics, lang: Lang = 'en'): Array<[string, string]> {
  const t = reportWords(lang);
  return [
    [t('metric.fastest'), fastestToHuman(metrics, lang)],
    [t('metric.expected'), metrics.expectedSecondsInFlow === null ? t('metric.unknown') : formatDuration(metrics.expectedSecondsInFlow)],
    [t('metric.identity'), formatWorstCount(metrics.worstIdentityQuestions, lang)],
    [t('metric.transfers'), formatWorstCount(metrics.worstTransfers, lang)],
    [t('metric.without-help'), formatShare(lang, metrics.shareWithoutHelp)],
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
export function fixSavings(fix: Fix, lang: Lang = 'en'): string {
  // Figures as text in the language's digits (a fix from elsewhere may lack one).
  return reportWords(lang)('flow.fix-savings', {
    effort: formatDecimal(lang, fix.effortSaved),
    time: fix.secondsSaved > 0 ? 'yes' : 'no',
    seconds: formatDecimal(lang, fix.secondsSaved),
    percent: formatShare(lang, Math.round(fix.callersHelped * 100) / 100),
    score: `${fix.cumulativeScore}`,
  });
}
