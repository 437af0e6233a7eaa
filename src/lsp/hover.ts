// Hover on a node: what one visit costs the caller (seconds, effort points by driver), how long after
// the first ring callers get there, the share of callers who do, and the node's findings.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { fastestArrivals } from '../analysis/journey-facts.js';
import type { Finding } from '../model/finding.js';
import type { Driver } from '../model/result.js';
import { escapeMarkdown } from '../report/escape.js';
import { DRIVERS, stepEffort, visitShare } from '../score/effort.js';
import type { LintedDocument } from './documents.js';
import { nodeSpans, type NodeSpan } from './nodes.js';
import { innermost, rangeContains, toRange } from './positions.js';

/** The figures of one node, as the score sees its step. */
export interface NodeFigures {
  /** Seconds one visit takes; `lowerBound` when part of it is not known (an unstated hold). */
  seconds: number;
  lowerBound: boolean;
  /** Effort points one visit costs, by driver (zeros left out). */
  effort: Partial<Record<Driver, number>>;
  /** Seconds from the first ring to the step on the fastest journey; null when no journey leads there. */
  fastestArrival: number | null;
  /** Share of callers (0–1) whose journey passes the step. */
  reachedBy: number;
}

const DRIVER_NAMES: Readonly<Record<Driver, string>> = {
  waiting: 'waiting',
  repeating: 'repeating',
  transfers: 'transfers',
  navigation: 'navigation',
  channel: 'channel switch',
  deadEnds: 'dead ends',
  generic: 'generic',
};

export function hoverAt(linted: LintedDocument, position: Position): Hover | null {
  const span = innermost(nodeSpans(linted), (item) => item.range, position);
  if (!span) return null;
  const figures = nodeFigures(linted, span.node.id);
  const findings = (linted.result?.findings ?? []).filter((finding) => isAbout(finding, span));
  return { contents: { kind: MarkupKind.Markdown, value: hoverText(span, figures, findings) }, range: span.selection };
}

export function nodeFigures(linted: LintedDocument, nodeId: string): NodeFigures | undefined {
  const analysis = linted.analysis;
  if (!analysis) return undefined;
  const journey = analysis.facts.journey;
  const vertex = journey.rootVertex(nodeId);
  if (vertex === undefined) return undefined;
  const effort: Partial<Record<Driver, number>> = {};
  const costs = stepEffort(journey, analysis.weights, vertex);
  for (const driver of DRIVERS) if (costs[driver] > 0) effort[driver] = costs[driver];
  const arrival = fastestArrivals(journey)[vertex]!;
  return {
    seconds: journey.seconds[vertex]!,
    lowerBound: journey.unknownTime[vertex] === 1,
    effort,
    fastestArrival: Number.isFinite(arrival) ? arrival : null,
    reachedBy: visitShare(journey, [vertex]),
  };
}

function isAbout(finding: Finding, span: NodeSpan): boolean {
  return finding.nodeId === span.node.id || (finding.nodeId === undefined && rangeContains(span.range, toRange(finding).start));
}

function hoverText(span: NodeSpan, figures: NodeFigures | undefined, findings: readonly Finding[]): string {
  const { node } = span;
  const lines = [`**${md(node.id)}** · ${node.type}${node.label === undefined ? '' : ` · ${md(node.label)}`}`, ''];
  // A step with no journey to it (unreachable, or past the journey's size cap) costs nobody anything.
  if (!figures || figures.fastestArrival === null) lines.push('No caller reaches this step: it costs nobody anything.');
  else {
    const points = Object.values(figures.effort).reduce((sum, value) => sum + value, 0);
    const byDriver = DRIVERS.filter((driver) => figures.effort[driver] !== undefined).map((driver) => `${DRIVER_NAMES[driver]} ${round(figures.effort[driver]!)}`);
    const time = `**${seconds(figures.seconds)}**${figures.lowerBound ? ' and a time the flow does not state' : ''}`;
    lines.push(`Each visit: ${time}, **${round(points)} effort points**${byDriver.length > 0 ? ` (${byDriver.join(', ')})` : ''}.`);
    lines.push('');
    lines.push(`Reached by **${percent(figures.reachedBy)}** of callers, **${seconds(figures.fastestArrival)}** after the first ring at the fastest.`);
  }
  if (findings.length > 0) {
    lines.push('', `Findings (${findings.length}):`);
    for (const finding of findings) lines.push(`- ${finding.severity} \`${finding.ruleId}\`: ${md(finding.message)}`);
  }
  return lines.join('\n');
}

/** Flow text in Markdown: markup and control characters shown, never rendered. */
function md(text: string): string {
  return escapeMarkdown(text);
}

function round(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function seconds(value: number): string {
  return value >= 90 ? `${Math.round(value)} s (${(value / 60).toFixed(1)} min)` : `${round(value)} s`;
}

function percent(share: number): string {
  const value = share * 100;
  return `${value > 0 && value < 1 ? '<1' : Math.round(value)}%`;
}
