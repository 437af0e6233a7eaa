// Wording shared by the human formats of `diff` (text and Markdown).
import type { Driver, JourneyMetrics } from '../model/result.js';
import { DRIVER_NAMES, metricRows, plural } from '../report/text.js';
import type { DiffSummary, FlowChange, FlowState } from './compare.js';

/** `82 B`, or `not scored`. */
export function stateText(state: FlowState): string {
  return state.score === null ? 'not scored' : `${state.score} ${state.grade ?? ''}`.trim();
}

/** `82 B → 74 C`; `90 A` for an added flow; `was 74 C` for a removed one. */
export function scoreText(change: FlowChange): string {
  if (!change.before) return change.after ? stateText(change.after) : '';
  if (!change.after) return `was ${stateText(change.before)}`;
  const before = stateText(change.before);
  const after = stateText(change.after);
  return before === after ? after : `${before} → ${after}`;
}

/** `-8`, `+3`, `±0`; empty for null (a side not scored). */
export function signed(value: number | null): string {
  if (value === null) return '';
  if (value === 0) return '±0';
  return value > 0 ? `+${value}` : `${value}`;
}

/** The drivers that moved, the largest move first: `Waiting -6.2, Navigation -1.8`. */
export function driverChangeText(change: FlowChange): string {
  const moves = Object.entries(change.scoreChangeByDriver ?? {}).filter(([, points]) => points !== 0) as Array<[Driver, number]>;
  return moves
    .sort(([, a], [, b]) => Math.abs(b) - Math.abs(a))
    .map(([driver, points]) => `${DRIVER_NAMES[driver] ?? driver} ${signed(points)}`)
    .join(', ');
}

/** The journey metrics that differ: label, before, after (as `lint` words them). */
export function metricChanges(before: JourneyMetrics | null, after: JourneyMetrics | null): Array<[string, string, string]> {
  if (!before || !after) return [];
  const afterRows = new Map(metricRows(after));
  return metricRows(before)
    .map(([label, value]): [string, string, string] => [label, value, afterRows.get(label) ?? ''])
    .filter(([, was, now]) => was !== now);
}

/** "1 flow scores lower, 1 new error, 3 new findings, 1 fixed in 4 flows (1 added, 1 removed, 1 unchanged)". */
export function summaryText(summary: DiffSummary): string {
  const lead = summary.regression
    ? [summary.scoreDrops > 0 ? `${plural(summary.scoreDrops, 'flow')} ${summary.scoreDrops === 1 ? 'scores' : 'score'} lower` : '', summary.newErrors > 0 ? plural(summary.newErrors, 'new error') : '']
      .filter(Boolean)
      .join(', ')
    : 'no score dropped, no new error';
  const parts = [`${summary.added} added`, `${summary.removed} removed`, `${summary.changed} changed`, `${summary.unchanged} unchanged`];
  return `${lead}; ${plural(summary.newFindings, 'new finding')}, ${summary.fixedFindings} fixed, in ${plural(summary.flows, 'flow')} (${parts.join(', ')})`;
}
