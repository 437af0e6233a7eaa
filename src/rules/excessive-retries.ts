import type { Edge, Flow, FlowNode } from '../model/flow.js';
import { exitName, nodeName } from './describe.js';
import { numberOption, type Rule } from './types.js';

export const excessiveRetries: Rule = {
  meta: {
    id: 'excessive-retries',
    category: 'effort',
    severity: 'warning',
    description: 'A menu or input re-prompts more than `max` times, or without limit.',
    details:
      'After two or three failed tries the flow should hand the caller to a person, not ask again. Counts `retries`, and reports an `onNoInput` or `onNoMatch` that leads straight back to the same step (through announcements or silent decisions only): such a loop re-prompts forever. IVR guidelines (Avaya): allow 2–3 tries, then transfer. Seed 003.',
    options: [{ name: 'max', type: 'integer', default: 3, minimum: 0, description: 'most re-prompts' }],
    driver: 'navigation',
    scoring: 'penalty',
  },
  check(context) {
    const { flow, report } = context;
    const max = numberOption(context, 'max');
    for (const node of flow.nodes.values()) {
      if (node.type !== 'menu' && node.type !== 'input') continue;
      if (node.retries > max) {
        report({
          message: `${nodeName(node)} re-prompts ${node.retries} times before giving up; the limit is ${max}`,
          loc: node.fieldLocs.get('retries') ?? node.loc,
          nodeId: node.id,
        });
      }
      for (const edge of node.edges) {
        if ((edge.kind === 'noInput' || edge.kind === 'noMatch') && leadsBack(flow, node, edge)) {
          report({
            message: `${exitName(edge)} of ${nodeName(node)} leads back to \`${node.id}\`: callers who ${edge.kind === 'noInput' ? 'say nothing' : 'are not understood'} are asked again without end`,
            loc: edge.loc,
            nodeId: node.id,
            key: edge.label,
          });
        }
      }
    }
  },
};

/** Steps a caller only listens through: an error exit passing just these comes straight back. */
const PASS_THROUGH = new Set<FlowNode['type']>(['play', 'branch']);

function leadsBack(flow: Flow, node: FlowNode, edge: Edge): boolean {
  const seen = new Set<string>();
  const queue = [edge.to];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    if (id === node.id) return true;
    const step = flow.nodes.get(id);
    if (!step || seen.has(id) || !PASS_THROUGH.has(step.type)) continue;
    seen.add(id);
    // Only an exit every caller takes keeps them in the loop; a branch with other cases may lead out.
    const exits = step.edges;
    if (exits.length === 1) queue.push(exits[0]!.to);
  }
  return false;
}
