import { afterHoursOnly } from '../analysis/hours.js';
import { isDeadEndOutcome, isHuman } from '../analysis/journey-facts.js';
import { nodeName, pathText } from './describe.js';
import type { Rule } from './types.js';

export const deadEnd: Rule = {
  meta: {
    id: 'dead-end',
    category: 'effort',
    severity: 'error',
    description: 'A journey ends unresolved or abandoned before the caller reached a person or got help promised.',
    details:
      'A `hangup` with outcome `unresolved` (the default) or `abandoned` that callers can reach without having spoken to a person, or been offered a callback or voicemail. Gates such as "no receipt, no service" are dead ends too. Hang-ups that callers reach only from the `closed` or `holiday` exit of an `hours` node are left to after-hours-dead-end. Seed 001: "la llamada se cae"; seed 004: the receipt gate.',
    options: [],
    driver: 'deadEnds',
    scoring: 'journey',
  },
  check({ facts, report }) {
    const journey = facts.journey;
    const reach = journey.reachWithoutHelp;
    // Ends callers reach only while the line is closed are after-hours-dead-end's to judge.
    const afterHours = afterHoursOnly(journey);
    const reported = new Set<string>();
    journey.vertices.forEach((vertex, index) => {
      if (!reach[index] || !isDeadEndOutcome(vertex.node) || afterHours[index]) return;
      const anchor = facts.anchor(index);
      if (reported.has(anchor.id)) return;
      reported.add(anchor.id);
      const path = facts.ids(shortestPath(journey.graph, journey.graph.entry, index, (step) => !isHuman(journey.vertices[step]!.node)));
      const where = vertex.context === '' ? '' : ` inside subflow \`${anchor.id}\` (at \`${vertex.id}\`)`;
      const ending = vertex.node.type === 'hangup' && vertex.node.outcome === 'abandoned' ? 'be cut off' : 'end the call unresolved';
      report({
        message: `callers can ${ending}${where} without reaching a person or getting help (${pathText(path)})`,
        loc: anchor.loc,
        nodeId: anchor.id,
        path,
      });
    });
  },
};

/** Breadth-first shortest path through steps `expand` allows: the journey that shows the dead end. */
function shortestPath(graph: { size: number; offsets: Int32Array; targets: Int32Array }, from: number, to: number, expand: (vertex: number) => boolean): number[] {
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
      if (seen[next]) continue;
      seen[next] = 1;
      parent[next] = vertex;
      queue.push(next);
    }
  }
  const path: number[] = [];
  for (let step = to; step >= 0; step = parent[step]!) path.push(step);
  return path.reverse();
}
