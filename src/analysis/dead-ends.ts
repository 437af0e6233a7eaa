// Which hang-ups are plain dead ends: the ends `dead-end` reports. Other rules that judge an end by
// its cause (after hours, a failing hold, a failed backend step) leave these to it, so that one
// end is one finding.
import { CLOSED_EXIT_KINDS } from '../model/flow.js';
import { isDeadEndOutcome, isHuman, reachedAlong, type JourneyFacts } from './journey-facts.js';

const cache = new WeakMap<JourneyFacts, Uint8Array>();

/**
 * Vertices of unresolved or abandoned ends that callers reach without a person or help, other than
 * only after hours or through a failure exit (those ends have rules of their own: a way in through
 * `closed`, through a queue's `onFull` or a backend's `onError`, is that rule's finding).
 */
export function plainDeadEnds(journey: JourneyFacts): Uint8Array {
  const cached = cache.get(journey);
  if (cached) return cached;
  // Callers walk on until a person takes the call, along the plain way only.
  const seen = reachedAlong(journey, plainWay(journey), (vertex) => !isHuman(journey.vertices[vertex]!.node));
  const ends = new Uint8Array(journey.graph.size);
  journey.vertices.forEach((vertex, index) => {
    ends[index] = seen[index] && isDeadEndOutcome(vertex.node) ? 1 : 0;
  });
  cache.set(journey, ends);
  return ends;
}

/**
 * Whether a step of the journey keeps to the plain way: not a `closed` or `holiday` exit, and not a
 * failure exit that leads where no help is ahead. The journey that shows a plain dead end takes only these.
 */
export function plainWay(journey: JourneyFacts): (vertex: number, slot: number) => boolean {
  const { targets, edges } = journey.graph;
  const helpAhead = journey.helpAhead;
  return (vertex, slot) => {
    const kind = edges[slot]?.kind;
    if (kind !== undefined && CLOSED_EXIT_KINDS.has(kind)) return false;
    return helpAhead[targets[slot]!] === 1 || !isFailureExit(journey, vertex, kind);
  };
}

/**
 * A failure exit whose dead end another rule reports: a queue's `onTimeout` or `onFull` (dead-end-hold,
 * for the queues of this file, not those inside subflows) or a backend step's `onError` (backend-failure).
 */
function isFailureExit(journey: JourneyFacts, vertex: number, kind: string | undefined): boolean {
  if (kind === 'error') return true;
  const step = journey.vertices[vertex]!;
  return step.node.type === 'queue' && step.context === '' && (kind === 'timeout' || kind === 'full');
}
