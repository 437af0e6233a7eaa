import { plainDeadEnds, plainWay } from '../analysis/dead-ends.js';
import { msg } from '../i18n/index.js';
import { isHuman } from '../analysis/journey-facts.js';
import { EXIT_KEY, type Edge, type FlowNode } from '../model/flow.js';
import type { JourneyFacts } from '../analysis/journey-facts.js';
import { exitMsg, nodeMsg, pathText } from './describe.js';
import type { Rule } from './types.js';

export const deadEnd: Rule = {
  meta: {
    id: 'dead-end',
    category: 'effort',
    severity: 'error',
    description: 'A journey ends unresolved or abandoned before the caller reached a person or got help promised.',
    details:
      'A `hangup` with outcome `unresolved` (the default) or `abandoned` that callers can reach without having spoken to a person, or been offered a callback or voicemail. Gates such as "no receipt, no service" are dead ends too. Hang-ups that callers reach only from the `closed` or `holiday` exit of an `hours` node are left to after-hours-dead-end, those behind a failing hold to dead-end-hold, and those behind a failed backend step (`onError`) to backend-failure. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "la llamada se cae"; seed 004 («Hablamos de comenzar entendiendo…», docs/evidence.md#seed-004): the receipt gate.',
    options: [],
    driver: 'deadEnds',
    scoring: 'journey',
  },
  check({ facts, report }) {
    const journey = facts.journey;
    // Ends callers reach only while the line is closed are after-hours-dead-end's to judge; a hold's
    // failure exit that leads nowhere useful is dead-end-hold's, a failed backend step's is
    // backend-failure's: the same cause, reported once.
    const ends = plainDeadEnds(journey);
    const way = plainWay(journey);
    const reported = new Set<string>();
    journey.vertices.forEach((vertex, index) => {
      if (!ends[index]) return;
      const anchor = facts.anchor(index);
      if (reported.has(anchor.id)) return;
      reported.add(anchor.id);
      const steps = shortestPath(journey.graph, journey.graph.entry, index, (step) => !isHuman(journey.vertices[step]!.node), way);
      const path = facts.ids(steps);
      const where = vertex.context === '' ? '' : msg('dead-end.inside', { subflow: anchor.id, at: vertex.id });
      const ending = vertex.node.type === 'hangup' && vertex.node.outcome === 'abandoned' ? 'cut' : 'unresolved';
      const empty = vertex.context === '' ? emptyExitInto(journey, steps) : undefined;
      report({
        message: msg('dead-end.unresolved', { ending, where, path: pathText(path) }),
        loc: anchor.loc,
        nodeId: anchor.id,
        path,
        // Ends the platform makes where an exit is left empty: every step whose same exit is empty is one cause.
        ...(empty === undefined ? {} : { cause: `empty ${EXIT_KEY[empty.edge.kind]}`, placeName: msg('dead-end.place', { node: nodeMsg(empty.owner), exit: exitMsg(empty.edge) }) }),
      });
    });
  },
};

/**
 * Breadth-first shortest path through steps `expand` allows, along exits `passes` allows: the journey
 * that shows the dead end.
 */
function shortestPath(
  graph: { size: number; offsets: Int32Array; targets: Int32Array },
  from: number,
  to: number,
  expand: (vertex: number) => boolean,
  passes: (vertex: number, slot: number) => boolean,
): number[] {
  const parent = new Int32Array(graph.size).fill(-1);
  const seen = new Uint8Array(graph.size);
  const queue = [from];
  seen[from] = 1;
  for (let head = 0; head < queue.length; head++) {
    const vertex = queue[head]!;
    if (vertex === to) break;
    if (!expand(vertex)) continue;
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
      const next = graph.targets[slot]!;
      if (seen[next] || !passes(vertex, slot)) continue;
      seen[next] = 1;
      parent[next] = vertex;
      queue.push(next);
    }
  }
  const path: number[] = [];
  for (let step = to; step >= 0; step = parent[step]!) path.push(step);
  return path.reverse();
}

/**
 * The exit that leads into a hang-up written nowhere but at that exit (an importer's "the call ends
 * here" for a transition the platform leaves empty), with the step that owns it.
 */
function emptyExitInto(journey: JourneyFacts, steps: readonly number[]): { owner: FlowNode; edge: Edge } | undefined {
  if (steps.length < 2) return undefined;
  const end = journey.vertices[steps[steps.length - 1]!]!.node;
  const owner = journey.vertices[steps[steps.length - 2]!]!.node;
  const edge = owner.edges.find((exit) => exit.to === end.id);
  if (!edge || edge.loc.pointer !== end.loc.pointer || edge.loc.file !== end.loc.file) return undefined;
  return { owner, edge };
}
