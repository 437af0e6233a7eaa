// The worked example of docs/scoring.md (midway.yaml) must match the tool: every figure quoted there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Facts } from '../src/analysis/facts.js';
import { waitOf } from '../src/analysis/timing.js';
import { loadText } from '../src/load/index.js';
import { measureEffort, visitShare } from '../src/score/effort.js';
import { DEFAULT_WEIGHTS } from '../src/score/weights.js';
import { auditFile, ROOT } from './helpers.js';

const PATH = 'fixtures/reference/midway.yaml';

function midway() {
  const flow = loadText(PATH, readFileSync(join(ROOT, PATH), 'utf8')).flow!;
  return { flow, journey: new Facts(flow).journey };
}

describe('the worked example of docs/scoring.md', () => {
  it('has the queue figures of Erlang A', () => {
    const { flow } = midway();
    const queue = flow.nodes.get('care-queue')!;
    if (queue.type !== 'queue') throw new Error('care-queue is a queue');
    const wait = waitOf(queue, flow);
    expect(wait.expected).toBeCloseTo(33.52, 2);
    expect(wait.modelled!.abandon).toBeCloseTo(0.0559, 4);
    expect(wait.modelled!.timedOut).toBeCloseTo(0.004, 4);
    expect(wait.modelled!.longSeconds).toBeCloseTo(5.65, 2);
  });

  it('has the visits, the expected and worst effort quoted', () => {
    const { journey } = midway();
    const visits = (id: string): number => visitShare(journey, [journey.vertices.findIndex(({ node }) => node.id === id)]);
    expect(visits('account')).toBeCloseTo(0.488, 3);
    expect(visits('postcode')).toBeCloseTo(0.459, 3);
    expect(visits('care-queue')).toBeCloseTo(0.712, 3);
    expect(visits('care-agent')).toBeCloseTo(0.685, 3);
    expect(visits('specialist')).toBeCloseTo(0.206, 3);
    expect(visits('web')).toBeCloseTo(0.288, 3);
    const effort = measureEffort(journey, DEFAULT_WEIGHTS);
    expect(effort.expected).toBeCloseTo(18.41, 2);
    expect(effort.worst).toBeCloseTo(38.06, 2);
    expect(effort.total).toBeCloseTo(26.27, 2);
  });

  it('has the score, drivers and metrics quoted', async () => {
    const result = await auditFile(PATH);
    expect(result.score).toMatchObject({ value: 60, grade: 'D' });
    expect(result.score!.drivers).toMatchObject({ deadEnds: 17.1, navigation: 9.4, channel: 3.7, waiting: 7.9, repeating: 1.2, transfers: 0.7 });
    expect(result.metrics).toMatchObject({ fastestSecondsToHuman: 65, expectedSecondsInFlow: 70, worstIdentityQuestions: 2, worstTransfers: 1, shareWithoutHelp: 0.312 });
    const penalties = result.findings.filter((finding) => ['queue-occupancy', 'no-zero-out', 'no-wait-estimate'].includes(finding.ruleId));
    expect(penalties).toHaveLength(4);
    expect(result.findings).toHaveLength(7);
  });
});
