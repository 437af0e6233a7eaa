// Opening hours of `schedules`: the checks the JSON Schema cannot make (a real time zone, day
// ranges, times, calendar dates) and the weekly timetable the analysis reads.
import { joinPointer } from '../util/pointer.js';
import { closest } from '../util/suggest.js';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const MINUTES_PER_DAY = 24 * 60;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** An opening, in minutes from Monday 00:00: [start, end). */
export type Interval = [number, number];

export interface ScheduleProblem {
  message: string;
  pointer: string;
}

const DAY_GROUP = /^([a-z]+)(?:\s*-\s*([a-z]+))?$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

/** Reads "mon-fri 08:00-18:00" (or "mon,wed-fri 09:00-13:00") into intervals, or says what is wrong. */
export function parseOpening(text: string): Interval[] | string {
  const match = /^\s*(\S+(?:\s*,\s*\S+)*?)\s+(\S+)\s*-\s*(\S+)\s*$/.exec(text.replace(/\s*-\s*(?=[a-z])/gi, '-'));
  if (!match) return `"${text}" is not "DAYS HH:MM-HH:MM" (for example "mon-fri 08:00-18:00")`;
  const days = parseDays(match[1]!.toLowerCase());
  if (typeof days === 'string') return days;
  const start = parseTime(match[2]!);
  const end = parseTime(match[3]!);
  if (typeof start === 'string') return start;
  if (typeof end === 'string') return end;
  if (start === MINUTES_PER_DAY) return `"${match[2]}" cannot start an opening: the day ends at 24:00`;
  if (end <= start) {
    return `"${text}" closes before it opens; write an opening past midnight as two entries ("fri 22:00-24:00", "sat 00:00-06:00")`;
  }
  return days.map((day) => [day * MINUTES_PER_DAY + start, day * MINUTES_PER_DAY + end]);
}

/** Day indexes (0 = Monday) of "mon-fri", "sat", "fri-mon" (a range may wrap past Sunday), "mon,wed". */
function parseDays(text: string): number[] | string {
  const days = new Set<number>();
  for (const group of text.split(',').map((part) => part.trim())) {
    const match = DAY_GROUP.exec(group);
    if (!match) return `"${group}" is not a day or a range of days (mon, tue, wed, thu, fri, sat, sun)`;
    const first = dayIndex(match[1]!);
    const last = match[2] === undefined ? first : dayIndex(match[2]);
    if (typeof first === 'string') return first;
    if (typeof last === 'string') return last;
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === last) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

function dayIndex(word: string): number | string {
  const index = DAYS.findIndex((day) => word === day || (word.length > 3 && DAY_NAMES[day] === word));
  if (index >= 0) return index;
  const suggestion = closest(word, DAYS);
  return `"${word}" is not a day: use mon, tue, wed, thu, fri, sat or sun${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

const DAY_NAMES: Record<(typeof DAYS)[number], string> = {
  mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday',
};

function parseTime(text: string): number | string {
  const match = TIME.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) {
    return `"${text}" is not a time of day: use HH:MM from 00:00 to 24:00`;
  }
  return hours * 60 + minutes;
}

/** Sorted, merged intervals: overlapping or touching openings are one. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Whether a holiday is "YYYY-MM-DD" or "MM-DD" naming a real date. */
export function checkHoliday(text: string): string | undefined {
  const match = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(text);
  if (!match) return `"${text}" is not a date: use YYYY-MM-DD, or MM-DD for every year`;
  // 2024 is a leap year, so "02-29" every year is accepted.
  const year = Number(match[1] ?? 2024);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `"${text}" is not a date in the calendar`;
  }
  return undefined;
}

/** Whether the runtime knows an IANA time zone of this name (offsets such as "+01:00" are not names). */
export function checkTimezone(name: string): string | undefined {
  let known = !/^[+-]/.test(name);
  if (known) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
    } catch {
      known = false;
    }
  }
  if (known) return undefined;
  const suggestion = closest(name, Intl.supportedValuesOf('timeZone'));
  return `"${name}" is not an IANA time zone name such as Europe/Madrid or America/New_York${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
}

type Data = Record<string, unknown>;

/** Problems of the `schedules` of a schema-valid document, each at the value it is about. */
export function checkSchedules(data: unknown): ScheduleProblem[] {
  const schedules = ((data as Data | undefined)?.schedules ?? {}) as Data;
  const problems: ScheduleProblem[] = [];
  for (const [name, raw] of Object.entries(schedules)) {
    const schedule = raw as Data;
    const at = (...path: Array<string | number>): string => joinPointer('/schedules', name, ...path);
    const zone = checkTimezone(schedule.timezone as string);
    if (zone) problems.push({ message: `\`timezone\` of schedule \`${name}\`: ${zone}`, pointer: at('timezone') });
    (schedule.open as string[]).forEach((entry, index) => {
      const parsed = parseOpening(entry);
      if (typeof parsed === 'string') problems.push({ message: `opening ${index + 1} of schedule \`${name}\`: ${parsed}`, pointer: at('open', index) });
    });
    ((schedule.holidays ?? []) as string[]).forEach((entry, index) => {
      const problem = checkHoliday(entry);
      if (problem) problems.push({ message: `holiday ${index + 1} of schedule \`${name}\`: ${problem}`, pointer: at('holidays', index) });
    });
  }
  return problems;
}

/** The weekly open intervals of checked openings. */
export function openIntervals(entries: readonly string[]): Interval[] {
  return mergeIntervals(entries.flatMap((entry) => {
    const parsed = parseOpening(entry);
    return typeof parsed === 'string' ? [] : parsed;
  }));
}
