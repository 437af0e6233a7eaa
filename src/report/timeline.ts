// A journey as a timeline (inline SVG, no script): one row a step, its bar placed at the second
// the step starts and as long as it lasts, split into listening, ringing and hold; marks for
// identity questions, transfers and the person, and the share of callers who give up there.
import { formatShare, type Lang } from '../i18n/index.js';
import { loaderText } from '../i18n/loader.js';
import { reportWords, type ReportWords } from '../i18n/report.js';
import type { FileResult, Timeline, TimelineEnd, TimelineStep } from '../model/result.js';
import { h } from './html-text.js';
import { formatDuration } from './text.js';

export const TIMELINE_COLORS = { listening: '#54aeff', ringing: '#d4a72c', hold: '#bf3989', giveUp: '#cf222e' } as const;

const ROW = 22;
const LABEL_WIDTH = 250;
const BAR_WIDTH = 520;
const NOTE_WIDTH = 230;
const AXIS = 26;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + NOTE_WIDTH;

/** How a journey ends, in words (ICU select keys cannot hold a hyphen). */
function endText(end: TimelineEnd, t: ReportWords): string {
  return t('timeline.end', { end: end === 'gives-up' ? 'givesUp' : end });
}

/** Seconds between axis ticks: about six ticks over the whole call, on a round step. */
export function tickStep(total: number): number {
  const steps = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  return steps.find((step) => total / step <= 8) ?? 3600;
}

function axis(total: number, scale: number): string {
  const step = tickStep(total);
  const ticks: string[] = [];
  for (let at = 0; at <= total + 1e-9; at += step) {
    const x = LABEL_WIDTH + at * scale;
    const label = at < 60 ? `${at} s` : `${Math.floor(at / 60)}:${String(at % 60).padStart(2, '0')}`;
    ticks.push(`<line x1="${x.toFixed(1)}" y1="${AXIS - 6}" x2="${x.toFixed(1)}" y2="100%" stroke="#eaeef2"/><text x="${x.toFixed(1)}" y="${AXIS - 10}" text-anchor="middle" font-size="10" fill="#57606a">${label}</text>`);
  }
  return `<g class="axis">${ticks.join('')}</g>`;
}

function segment(kind: keyof typeof TIMELINE_COLORS, x: number, y: number, width: number): string {
  if (width <= 0) return '';
  return `<rect class="seg seg-${kind}" x="${x.toFixed(1)}" y="${y + 4}" width="${Math.max(1, width).toFixed(1)}" height="${ROW - 8}" fill="${TIMELINE_COLORS[kind]}"/>`;
}

function marks(step: TimelineStep, t: ReportWords): string[] {
  const marks: string[] = [];
  if (step.identityQuestion) marks.push(t('timeline.identity-question'));
  if (step.transfer) marks.push(t('timeline.transfer'));
  if (step.person) marks.push(t('timeline.person'));
  if (step.unknownTime) marks.push(step.type === 'queue' ? t('timeline.hold-unknown') : t('timeline.rings-unknown'));
  return marks;
}

/** A step as the timeline names it: its kind in words, then its id (`menu main`, `menú main`). */
function stepLabel(step: TimelineStep, id: string, t: ReportWords): string {
  return t('timeline.step', { type: t('diagram.type', { type: step.type }), id });
}

/** Rough widths of a character of 11 px text, plain and bold: SVG lays out no text, so a row's labels are kept apart by estimate. */
const NOTE_CHAR = 6.2;
const BOLD_CHAR = 7;

/**
 * Where callers give up, at the right end of the row; when the step's note would run into it (a
 * late step, a long note), just before the step's bar instead, where the row is empty.
 */
function giveUpLabel(text: string, barX: number, noteX: number, notes: string, y: number): string {
  const width = [...text].length * BOLD_CHAR;
  const clearOfNote = noteX + [...notes].length * NOTE_CHAR + 8 <= WIDTH - 4 - width;
  const roomBefore = barX - 6 - width >= LABEL_WIDTH;
  const at = clearOfNote || !roomBefore ? WIDTH - 4 : barX - 6;
  return `<text class="give-up" x="${at.toFixed(1)}" y="${y + 15}" text-anchor="end" font-size="11" font-weight="600" fill="${TIMELINE_COLORS.giveUp}">${h(text)}</text>`;
}

/** The answer's rings are drawn as a step of their own; its label says what they are. */
const ANSWER_TYPE = 'rings';

function row(step: TimelineStep, index: number, start: number, scale: number, lang: Lang): string {
  const t = reportWords(lang);
  const y = AXIS + index * ROW;
  const x = LABEL_WIDTH + start * scale;
  const ring = step.ringSeconds * scale;
  const hold = step.holdSeconds * scale;
  const listen = Math.max(0, step.seconds - step.ringSeconds - step.holdSeconds) * scale;
  const seconds = `${formatDuration(step.seconds)}${step.unknownTime ? '+' : ''}`;
  const notes = [seconds, ...marks(step, t)].join(' · ');
  const noteX = x + listen + ring + hold + 4;
  const giveUp = step.giveUp > 0 ? giveUpLabel(t('timeline.give-up', { percent: formatShare(lang, step.giveUp) }), x, noteX, notes, y) : '';
  const name = step.id.length > 34 ? `${step.id.slice(0, 33)}…` : step.id;
  const answer = step.type === ANSWER_TYPE ? t('timeline.answer') : undefined;
  return `<g class="step${step.identityQuestion ? ' question' : ''}${step.transfer ? ' transfer' : ''}${step.person ? ' person' : ''}${step.giveUp > 0 ? ' gives-up' : ''}">`
    + `<title>${h(`${answer ?? stepLabel(step, step.id, t)}: ${notes}`)}</title>`
    + `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end" font-size="12" fill="#1f2328">${h(answer ?? stepLabel(step, name, t))}</text>`
    + segment('listening', x, y, listen) + segment('ringing', x + listen, y, ring) + segment('hold', x + listen + ring, y, hold)
    + `<text x="${noteX.toFixed(1)}" y="${y + 15}" font-size="11" fill="#57606a">${h(notes)}</text>${giveUp}</g>`;
}

/** The timeline's SVG: the answer's rings first, then each step where it falls on the call's clock. */
export function timelineSvg(timeline: Timeline, label: string, lang: Lang = 'en'): string {
  const t = reportWords(lang);
  const total = Math.max(timeline.totalSeconds, 1);
  // Notes are written after each bar: keep room for them inside the bar area's end.
  const scale = (BAR_WIDTH - 10) / total;
  const rows: string[] = [];
  let at = 0;
  if (timeline.answerSeconds > 0) {
    const answer: TimelineStep = { id: '', type: ANSWER_TYPE, seconds: timeline.answerSeconds, ringSeconds: timeline.answerSeconds, holdSeconds: 0, identityQuestion: false, transfer: false, person: false, giveUp: 0, unknownTime: false };
    rows.push(row(answer, 0, 0, scale, lang));
    at = timeline.answerSeconds;
  }
  for (const step of timeline.steps) {
    rows.push(row(step, rows.length, at, scale, lang));
    at += step.seconds;
  }
  const height = AXIS + rows.length * ROW + 6;
  return `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${h(label)}" font-family="system-ui, sans-serif">`
    + `${axis(total, scale)}${rows.join('')}</svg>`;
}

function summaryLine(timeline: Timeline, lang: Lang): string {
  const t = reportWords(lang);
  const seconds = timeline.steps.reduce((sum, step) => ({ ring: sum.ring + step.ringSeconds, hold: sum.hold + step.holdSeconds }), { ring: timeline.answerSeconds, hold: 0 });
  const questions = timeline.steps.filter((step) => step.identityQuestion).length;
  const transfers = timeline.steps.filter((step) => step.transfer).length;
  const parts = [
    t('timeline.in-all', { duration: formatDuration(timeline.totalSeconds) }),
    t('timeline.ringing', { duration: formatDuration(seconds.ring) }),
    t('timeline.on-hold', { duration: formatDuration(seconds.hold) }),
    t('timeline.questions', { count: questions }),
    t('timeline.transfers', { count: transfers }),
    endText(timeline.end, t),
  ];
  if (timeline.share !== undefined) parts.push(t('timeline.share', { percent: formatShare(lang, timeline.share) }));
  if (timeline.stepsLeftOut) parts.push(t('timeline.left-out', { count: timeline.stepsLeftOut }));
  return parts.join(' · ');
}

function legend(t: ReportWords): string {
  const swatch = (color: string, text: string): string => `<li><span class="swatch" style="background:${color};border-color:${color}"></span>${h(text)}</li>`;
  return `<ul class="legend timeline-legend">${swatch(TIMELINE_COLORS.listening, t('timeline.legend-listening'))}${swatch(TIMELINE_COLORS.ringing, t('timeline.legend-ringing'))}${swatch(TIMELINE_COLORS.hold, t('timeline.legend-hold'))}`
    + `<li><span class="give-up-mark">✕</span> ${h(t('timeline.legend-give-up'))}</li></ul>`;
}

function sameJourney(one: Timeline, other: Timeline): boolean {
  return one.steps.length === other.steps.length && one.steps.every((step, index) => step.id === other.steps[index]!.id);
}

/** The section of a flow: its worst and its most common journey. */
export function timelinesSection(file: FileResult, lang: Lang = 'en'): string {
  if (!file.timelines) return '';
  // A step named by its importer's label ("agent answers") is named in the report's language.
  const named = (timeline: Timeline): Timeline => ({ ...timeline, steps: timeline.steps.map((step) => ({ ...step, id: loaderText(lang, step.id, 'label', file.flow?.format) })) });
  const timelines = { worst: named(file.timelines.worst), common: named(file.timelines.common) };
  const t = reportWords(lang);
  const figure = (kind: 'worst' | 'common', title: string, timeline: Timeline): string => `<figure class="timeline-figure timeline-${kind}">
<figcaption><strong>${h(title)}</strong> <span class="note">${h(summaryLine(timeline, lang))}</span></figcaption>
${timelineSvg(timeline, t('timeline.label', { title }), lang)}
</figure>`;
  const same = sameJourney(timelines.worst, timelines.common);
  return `<h3>${h(t('timeline.heading'))}</h3>
${legend(t)}
${figure('worst', same ? t('timeline.worst-and-common') : t('timeline.worst'), same ? timelines.common : timelines.worst)}
${same ? '' : figure('common', t('timeline.common'), timelines.common)}`;
}
