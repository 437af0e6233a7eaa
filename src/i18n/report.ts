// The report's catalog (HTML and Markdown, the `report` command's errors), and a shorthand to
// render its messages in one language: `const t = reportWords(lang); t('report.title')`.
import { defineCatalog, type Lang, type MsgValue } from './index.js';
import { REPORT_EN, type ReportKey } from './report-en.js';
import { REPORT_ES } from './report-es.js';

export type { ReportKey };

export const REPORT = defineCatalog<ReportKey>('report', { en: REPORT_EN, es: REPORT_ES });

export type ReportWords = (key: ReportKey, values?: Readonly<Record<string, MsgValue>>) => string;

/** The report's messages in one language. */
export function reportWords(lang: Lang): ReportWords {
  return (key, values) => REPORT.message(lang, key, values);
}

/** A date as the report's reader writes it: "December 5, 2026", "5 de diciembre de 2026" (UTC day). */
export function reportDate(lang: Lang, date: Date): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
