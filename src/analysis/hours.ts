// Business hours: how callers split at an `hours` node, which journeys happen only after hours,
// and which queues nobody answers then.
import { CLOSED_EXIT_KINDS, type Flow, type HoursNode, type QueueNode, type Schedule } from '../model/flow.js';
import { MINUTES_PER_WEEK } from '../load/schedule.js';
import { reachedOnlyThrough, type JourneyFacts } from './journey-facts.js';

/**
 * Calls arriving in an hour when closed, relative to an hour when open. Arrivals concentrate in
 * office hours and fall close to zero at night (Gans, Koole & Mandelbaum 2003, "Telephone call
 * centers: tutorial, review, and research prospects", intraday arrival profiles).
 */
export const CLOSED_ARRIVAL_RATE = 0.1;

/** Share of calls out of hours at an `hours` node whose schedule the flow does not define (an import). */
export const UNKNOWN_SCHEDULE_CLOSED_SHARE = 0.2;

export interface HoursShares {
  /** All callers who find the schedule closed, holidays included. */
  closed: number;
  /** The part of `closed` that calls on a holiday. */
  holiday: number;
}

/** Share of calls outside the weekly open hours, from the open minutes weighted by arrival rate. */
export function weeklyClosedShare(schedule: Schedule): number {
  const open = schedule.openMinutes.reduce((sum, [start, end]) => sum + (end - start), 0);
  const closed = MINUTES_PER_WEEK - open;
  return (closed * CLOSED_ARRIVAL_RATE) / (open + closed * CLOSED_ARRIVAL_RATE);
}

/** How callers of an `hours` node split: `closed` as stated or estimated, holidays as days of the year. */
export function hoursShares(node: HoursNode, flow: Flow): HoursShares {
  const schedule = flow.schedules?.get(node.schedule);
  if (!schedule) return { closed: UNKNOWN_SCHEDULE_CLOSED_SHARE, holiday: 0 };
  const weekly = weeklyClosedShare(schedule);
  // A holiday closes what would have been an ordinary day's calls, most of them in open hours.
  const holiday = Math.min(1, schedule.holidays.length / 365) * (1 - weekly);
  if (schedule.closedShare !== undefined) return { closed: schedule.closedShare, holiday: Math.min(holiday, schedule.closedShare) };
  return { closed: Math.min(1, weekly + holiday), holiday };
}

/** A queue whose staffing is given for open hours only: after hours no one answers it. */
export function unstaffedAfterHours(node: QueueNode, flow: Flow): boolean {
  const staffing = node.queue === undefined ? undefined : flow.queues.get(node.queue);
  return staffing !== undefined && !(staffing.afterHoursAgents !== undefined && staffing.afterHoursAgents > 0);
}

const afterHoursCache = new WeakMap<JourneyFacts, Uint8Array>();

/**
 * Journey vertices callers reach only after hours: every way in from the entry passes a `closed`
 * or `holiday` exit. A step reached both in and out of hours is counted as in hours.
 */
export function afterHoursOnly(journey: JourneyFacts): Uint8Array {
  const cached = afterHoursCache.get(journey);
  if (cached) return cached;
  const { edges } = journey.graph;
  const only = reachedOnlyThrough(journey, (_vertex, slot) => {
    const kind = edges[slot]?.kind;
    return kind === undefined || !CLOSED_EXIT_KINDS.has(kind);
  });
  afterHoursCache.set(journey, only);
  return only;
}
