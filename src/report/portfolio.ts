// A report of many flows opens with the portfolio: every flow in one table, worst first; how the
// scores spread (an SVG histogram); and the fixes that gain the most points anywhere.
import { formatShare, type Lang } from '../i18n/index.js';
import { reportWords, type ReportWords } from '../i18n/report.js';
import type { AuditResult, FileResult, Fix, Grade } from '../model/result.js';
import { gradeOf } from '../score/index.js';
import { h, richText } from './html-text.js';
import { fastestToHuman, severityCounts } from './text.js';

/** A flow of the result with its place in the report: the anchor of its section. */
export interface RankedFile {
  file: FileResult;
  /** 1-based number of its section (`#flow-N`), in report order. */
  number: number;
}

/**
 * Flows worst first: by score, then most errors, most warnings, file name. Files with no score
 * (not a flow, unreadable) come last: they have no place on the scale, and their findings say why.
 */
export function worstFirst(files: readonly FileResult[]): FileResult[] {
  const key = (file: FileResult): number => file.score?.value ?? Number.POSITIVE_INFINITY;
  return [...files].sort((one, other) => {
    const byScore = key(one) - key(other);
    if (byScore !== 0 && !Number.isNaN(byScore)) return byScore;
    const a = severityCounts(one);
    const b = severityCounts(other);
    return b.error - a.error || b.warning - a.warning || one.file.localeCompare(other.file);
  });
}

export const GRADE_COLORS: Readonly<Record<Grade, { fill: string; stroke: string }>> = {
  A: { fill: '#dafbe1', stroke: '#1a7f37' },
  B: { fill: '#dafbe1', stroke: '#1a7f37' },
  C: { fill: '#fff8c5', stroke: '#9a6700' },
  D: { fill: '#ffebe9', stroke: '#cf222e' },
  F: { fill: '#ffebe9', stroke: '#cf222e' },
};

function summaryRow(ranked: RankedFile, lang: Lang, t: ReportWords): string {
  const { file, number } = ranked;
  const counts = severityCounts(file);
  const name = `<a href="#flow-${number}">${file.flow ? h(file.flow.name) : `<em>${h(t('report.not-a-flow'))}</em>`}</a>`;
  const withoutHelp = file.metrics ? formatShare(lang, file.metrics.shareWithoutHelp) : '–';
  return `<tr><td>${name}</td><td class="file">${h(file.file)}</td><td class="num">${file.score ? file.score.value : h(t('report.not-scored'))}</td>`
    + `<td class="num">${file.score ? h(file.score.grade) : '–'}</td><td class="num">${counts.error}</td><td class="num">${counts.warning}</td>`
    + `<td>${h(fastestToHuman(file.metrics, lang))}</td><td class="num">${withoutHelp}</td></tr>`;
}

/** Every flow in one table, in report order (worst first). */
export function summaryTable(ranked: readonly RankedFile[], lang: Lang = 'en'): string {
  const t = reportWords(lang);
  const th = (key: Parameters<ReportWords>[0], num = false): string => `<th${num ? ' class="num"' : ''}>${h(t(key))}</th>`;
  return `<table class="summary">
<thead><tr>${th('portfolio.col-flow')}${th('portfolio.col-file')}${th('portfolio.col-score', true)}${th('portfolio.col-grade', true)}${th('portfolio.col-errors', true)}${th('portfolio.col-warnings', true)}${th('portfolio.col-fastest')}${th('portfolio.col-without-help', true)}</tr></thead>
<tbody>
${ranked.map((entry) => summaryRow(entry, lang, t)).join('\n')}
</tbody>
</table>`;
}

/** Flows per ten points of score, 0–9 up to 90–100; the last bin holds 100 too. */
export function scoreBins(files: readonly FileResult[]): number[] {
  const bins = new Array<number>(10).fill(0);
  for (const file of files) if (file.score) bins[Math.min(9, Math.floor(file.score.value / 10))]!++;
  return bins;
}

/** The spread of scores as an SVG histogram, each bar in its grade's colors. */
export function distributionChart(files: readonly FileResult[], lang: Lang = 'en'): string {
  const t = reportWords(lang);
  const bins = scoreBins(files);
  const most = Math.max(1, ...bins);
  const barWidth = 52;
  const gap = 8;
  const chartHeight = 120;
  const left = 30;
  const top = 16;
  const width = left + bins.length * (barWidth + gap);
  const height = top + chartHeight + 36;
  const bars = bins.map((count, index) => {
    const x = left + index * (barWidth + gap);
    const barHeight = (count / most) * chartHeight;
    const colors = GRADE_COLORS[gradeOf(index * 10)];
    const label = index === 9 ? '90–100' : `${index * 10}–${index * 10 + 9}`;
    return `<g class="bin" data-count="${count}"><rect x="${x}" y="${(top + chartHeight - barHeight).toFixed(1)}" width="${barWidth}" height="${barHeight.toFixed(1)}" fill="${colors.fill}" stroke="${colors.stroke}"/>`
      + (count > 0 ? `<text x="${x + barWidth / 2}" y="${(top + chartHeight - barHeight - 4).toFixed(1)}" text-anchor="middle" font-size="12" font-weight="600" fill="#1f2328">${count}</text>` : '')
      + `<text x="${x + barWidth / 2}" y="${top + chartHeight + 16}" text-anchor="middle" font-size="11" fill="#57606a">${label}</text></g>`;
  });
  const scored = files.filter((file) => file.score).length;
  return `<svg class="distribution" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${h(t('portfolio.spread-label', { count: scored }))}" font-family="system-ui, sans-serif">`
    + `<line x1="${left - 4}" y1="${top + chartHeight}" x2="${width}" y2="${top + chartHeight}" stroke="#d0d7de"/>${bars.join('')}`
    + `<text x="${left - 4}" y="${height - 2}" font-size="11" fill="#57606a">${h(t('portfolio.axis'))}</text></svg>`;
}

/** Fixes of every flow, the largest gains first (ties: most effort saved); at most `limit`. */
export function topFixes(ranked: readonly RankedFile[], limit = 10): Array<{ fix: Fix; ranked: RankedFile }> {
  const all = ranked.flatMap((entry) => entry.file.fixes.map((fix) => ({ fix, ranked: entry })));
  all.sort((one, other) => other.fix.gain - one.fix.gain || other.fix.effortSaved - one.fix.effortSaved || one.ranked.number - other.ranked.number);
  return all.slice(0, limit);
}

function topFixesSection(ranked: readonly RankedFile[], t: ReportWords): string {
  const fixes = topFixes(ranked);
  if (fixes.length === 0) return '';
  const rows = fixes.map(({ fix, ranked: entry }) => `<tr><td class="num"><strong>+${fix.gain}</strong></td><td>${richText(fix.title)}</td>`
    + `<td><a href="#flow-${entry.number}">${entry.file.flow ? h(entry.file.flow.name) : h(entry.file.file)}</a></td><td class="num">${entry.file.score?.value ?? '–'} → ${Math.min(100, (entry.file.score?.value ?? 0) + fix.gain)}</td></tr>`);
  return `<h3>${h(t('portfolio.top-fixes'))}</h3>
<p class="note">${h(t('portfolio.top-fixes-note'))}</p>
<table class="top-fixes"><thead><tr><th class="num">${h(t('portfolio.col-gain'))}</th><th>${h(t('portfolio.col-fix'))}</th><th>${h(t('portfolio.col-flow'))}</th><th class="num">${h(t('portfolio.col-score'))}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** The portfolio's opening: the table, and for many flows the spread of scores and the top fixes. */
export function portfolioSection(result: AuditResult, ranked: readonly RankedFile[], lang: Lang = 'en'): string {
  const t = reportWords(lang);
  const table = summaryTable(ranked, lang);
  if (ranked.length < 2) return `<section class="portfolio">\n<h2>${h(t('portfolio.flows'))}</h2>\n${table}\n</section>`;
  const scored = result.files.filter((file) => file.score).length;
  return `<section class="portfolio">
<h2>${h(t('portfolio.flows-worst-first'))}</h2>
${table}
<div class="portfolio-charts">
<figure class="distribution-figure"><figcaption><strong>${h(t('portfolio.spread'))}</strong> <span class="note">${h(t('portfolio.spread-note', { count: scored }))}</span></figcaption>
${distributionChart(result.files, lang)}
</figure>
</div>
${topFixesSection(ranked, t)}
</section>`;
}
