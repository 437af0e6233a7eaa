// The journeys a report draws as timelines: the one the score counts as the worst (its witness),
// and the one most callers take (the likeliest exit at every step of the expected-effort chain).
// Each step says where its seconds go (rings, hold, the rest) and how many callers give up there.
import type { JourneyFacts } from '../analysis/journey-facts.js';
import { isDeadEndOutcome, isHelpPromised, isHuman, isIdentityQuestion, isPersonTransfer } from '../analysis/journey-facts.js';
import { ringsOf, waitOf } from '../analysis/timing.js';
import type { FlowTimelines, Timeline, TimelineEnd, TimelineStep } from '../model/result.js';
import { readableJourneyId, readableNames } from '../rules/names.js';
import { nextSteps, worstJourneyPath } from './effort.js';
import type { Weights } from './weights.js';

/** Steps drawn at the most: a journey past it is cut, and says it goes on. */
export const MAX_TIMELINE_STEPS = 60;

const round = (value: number): number => Math.round(value * 10) / 10;

function giveUpShare(journey: JourneyFacts, vertex: number): number {
  return nextSteps(journey, vertex).reduce((sum, step) => sum + ('end' in step && step.end !== 'resolved' ? step.share : 0), 0);
}

function stepOf(journey: JourneyFacts, vertex: number, name: (vertex: number) => string): TimelineStep {
  const { node, flow } = journey.vertices[vertex]!;
  const rings = node.type === 'transfer' || node.type === 'agent' ? (ringsOf(node, flow) ?? 0) * flow.settings.ringSeconds : 0;
  const hold = node.type === 'queue' ? waitOf(node, flow).expected ?? 0 : 0;
  return {
    id: name(vertex),
    type: node.type,
    seconds: round(journey.seconds[vertex]!),
    ringSeconds: round(rings),
    holdSeconds: round(hold),
    identityQuestion: isIdentityQuestion(node),
    transfer: isPersonTransfer(node),
    person: isHuman(node),
    giveUp: Math.round(giveUpShare(journey, vertex) * 1000) / 1000,
    unknownTime: journey.unknownTime[vertex] === 1,
  };
}

function endOf(journey: JourneyFacts, last: number | undefined): TimelineEnd {
  if (last === undefined) return 'unresolved';
  const { node } = journey.vertices[last]!;
  if (isHuman(node)) return 'person';
  if (isHelpPromised(node)) return 'help';
  if (node.type === 'hangup' && node.outcome === 'resolved') return 'resolved';
  if (isDeadEndOutcome(node)) return 'unresolved';
  return 'unresolved';
}

function timelineOf(journey: JourneyFacts, path: readonly number[], end: TimelineEnd, share?: number): Timeline {
  const names = readableNames(new Set(journey.vertices.map((vertex) => vertex.flow)));
  const name = (vertex: number): string => readableJourneyId(journey.vertices[vertex]!.id, journey.vertices[vertex]!.node, names);
  const steps = path.slice(0, MAX_TIMELINE_STEPS).map((vertex) => stepOf(journey, vertex, name));
  const entry = journey.graph.entry;
  const settings = entry >= 0 ? journey.vertices[entry]!.flow.settings : undefined;
  const answerSeconds = settings ? settings.answerRings * settings.ringSeconds : 0;
  const totalSeconds = round(answerSeconds + steps.reduce((sum, step) => sum + step.seconds, 0));
  return {
    steps,
    answerSeconds,
    totalSeconds,
    end,
    ...(share === undefined ? {} : { share: Math.round(share * 1000) / 1000 }),
    ...(path.length > steps.length ? { stepsLeftOut: path.length - steps.length } : {}),
  };
}

/** The likeliest exit at every step, until the call ends, or comes back to a step it passed. */
function commonPath(journey: JourneyFacts): { path: number[]; end: TimelineEnd; share: number } {
  const path: number[] = [];
  const seen = new Set<number>();
  let share = 1;
  for (let vertex = journey.graph.entry; vertex >= 0;) {
    if (seen.has(vertex) || path.length >= MAX_TIMELINE_STEPS) return { path, end: 'loops', share };
    seen.add(vertex);
    path.push(vertex);
    const steps = nextSteps(journey, vertex);
    if (steps.length === 0) return { path, end: endOf(journey, vertex), share };
    const likeliest = steps.reduce((best, step) => (step.share > best.share ? step : best));
    share *= likeliest.share;
    if ('end' in likeliest) {
      const end = likeliest.end === 'resolved' ? (isHuman(journey.vertices[vertex]!.node) ? 'person' : 'resolved') : 'gives-up';
      return { path, end, share };
    }
    vertex = likeliest.to;
  }
  return { path, end: 'unresolved', share };
}

/** Both timelines of a flow; undefined for a flow without an entry. */
export function flowTimelines(journey: JourneyFacts, weights: Weights): FlowTimelines | undefined {
  if (journey.graph.entry < 0) return undefined;
  const worst = worstJourneyPath(journey, weights);
  const common = commonPath(journey);
  return {
    worst: timelineOf(journey, worst, endOf(journey, worst.at(-1))),
    common: timelineOf(journey, common.path, common.end, common.share),
  };
}
