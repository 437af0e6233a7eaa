// Journey timelines: the score layer picks the worst and the most common journey; the report
// draws them. (browser-deliverable.test.ts checks them in Chromium.)
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import type { Timeline } from '../../src/model/result.js';
import { tickStep, timelineSvg, timelinesSection } from '../../src/report/timeline.js';
import { ROOT } from './support.js';

const SEED = 'fixtures/reference/seed-001-call.yaml';

/** A menu most callers leave at once for a person; a few go the long way round, and some give up on hold. */
const SPLIT = `version: 1
name: Split
entry: menu
nodes:
  menu:
    type: menu
    say: For an agent press 1, for something else press 2.
    options:
      "1": { next: agent, share: 0.9 }
      "2": { next: ask, share: 0.1 }
    onNoInput: agent
    onNoMatch: agent
  ask:
    type: input
    say: Enter your account number.
    collects: account
    identity: true
    next: hold
    onNoInput: agent
    onNoMatch: agent
  hold:
    type: queue
    expectedWaitSeconds: 300
    maxWaitSeconds: 600
    onTimeout: gone
    next: agent
  agent:
    type: agent
  gone:
    type: hangup
    outcome: unresolved
`;

async function timelinesOf(paths: string[] | Array<{ path: string; text: string }>) {
  const result = await audit(paths as string[], { cwd: ROOT, timelines: true });
  return result.files[0]!.timelines!;
}

describe('journey timelines in the result', () => {
  it('are only computed when asked for', async () => {
    const result = await audit([SEED], { cwd: ROOT });
    expect(result.files[0]!.timelines).toBeUndefined();
  });

  it("draw the seed call's worst journey: the rings, five identity questions, two transfers, a hold callers give up on", async () => {
    const { worst } = await timelinesOf([SEED]);
    expect(worst.answerSeconds).toBe(42);
    expect(worst.steps.map((step) => step.id)).toEqual(['aviso-grabacion', 'pedir-nombre', 'pedir-direccion', 'pedir-telefono', 'pedir-antiguedad', 'conectando', 'xyz-nombre', 'xyz-transfiere', 'espera', 'asesor', 'corte']);
    expect(worst.steps.filter((step) => step.identityQuestion)).toHaveLength(5);
    expect(worst.steps.filter((step) => step.transfer).map((step) => step.id)).toEqual(['conectando', 'xyz-transfiere']);
    expect(worst.steps.find((step) => step.id === 'conectando')!.ringSeconds).toBe(24);
    const hold = worst.steps.find((step) => step.id === 'espera')!;
    expect(hold.giveUp).toBeGreaterThan(0);
    expect(hold.unknownTime).toBe(true);
    expect(worst.end).toBe('unresolved');
    expect(worst.totalSeconds).toBeCloseTo(worst.answerSeconds + worst.steps.reduce((sum, step) => sum + step.seconds, 0), 0);
  });

  it('take the likeliest exit at each step for the most common journey, with its share of callers', async () => {
    const { worst, common } = await timelinesOf([{ path: 'split.yaml', text: SPLIT }]);
    expect(common.steps.map((step) => step.id)).toEqual(['menu', 'agent']);
    expect(common.end).toBe('person');
    expect(common.share).toBeGreaterThan(0.5);
    expect(common.share).toBeLessThanOrEqual(0.9);
    expect(worst.steps.map((step) => step.id)).toContain('hold');
    const hold = worst.steps.find((step) => step.id === 'hold')!;
    expect(hold.holdSeconds).toBe(300);
    expect(worst.totalSeconds).toBeGreaterThan(300);
  });
});

describe('timeline SVG', () => {
  const timeline: Timeline = {
    answerSeconds: 10,
    totalSeconds: 100,
    end: 'gives-up',
    steps: [
      { id: 'welcome <b>', type: 'play', seconds: 20, ringSeconds: 0, holdSeconds: 0, identityQuestion: false, transfer: false, person: false, giveUp: 0, unknownTime: false },
      { id: 'line', type: 'queue', seconds: 70, ringSeconds: 0, holdSeconds: 60, identityQuestion: false, transfer: false, person: false, giveUp: 0.25, unknownTime: false },
    ],
  };

  it('places each bar at the second its step starts, as long as it lasts', () => {
    const svg = timelineSvg(timeline, 'T');
    const rects = [...svg.matchAll(/<rect class="seg seg-(\w+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((match) => [match[1], Number(match[2]), Number(match[3])] as const);
    // rings 10 s at 0; the play 20 s at 10; the queue: 10 s of prompt, then 60 s of hold.
    expect(rects.map(([kind]) => kind)).toEqual(['ringing', 'listening', 'listening', 'hold']);
    const scale = rects[0]![2] / 10;
    expect(rects[1]![1] - rects[0]![1]).toBeCloseTo(10 * scale, 0);
    expect(rects[2]![1] - rects[0]![1]).toBeCloseTo(30 * scale, 0);
    expect(rects[3]![2]).toBeCloseTo(60 * scale, 0);
    expect(svg).toContain('✕ 25% give up');
    expect(svg).toContain('welcome &lt;b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('puts the give-up label at the row\'s end, or before a late step\'s bar when the note would run into it', () => {
    const giveUpX = (svg: string): number => Number(/<text class="give-up" x="([\d.]+)"/.exec(svg)![1]);
    const holdX = (svg: string): number => Number(/<rect class="seg seg-hold" x="([\d.]+)"/.exec(svg)![1]);
    expect(giveUpX(timelineSvg(timeline, 'T'))).toBe(996);
    const late: Timeline = { ...timeline, steps: [{ ...timeline.steps[0]!, seconds: 300 }, { ...timeline.steps[1]!, seconds: 10, holdSeconds: 5, unknownTime: true }], totalSeconds: 320 };
    const svg = timelineSvg(late, 'T');
    expect(giveUpX(svg)).toBeLessThan(holdX(svg));
  });

  it('ticks on round seconds', () => {
    expect(tickStep(40)).toBe(5);
    expect(tickStep(149)).toBe(30);
    expect(tickStep(1000)).toBe(300);
  });

  it('draws one figure when the worst journey is the most common one', () => {
    const html = timelinesSection({ file: 'f', score: null, metrics: null, findings: [], fixes: [], unknowns: [], timelines: { worst: timeline, common: { ...timeline, share: 0.5 } } });
    expect(html.match(/<svg class="timeline"/g)).toHaveLength(1);
    expect(html).toContain('also the most common one');
    const other = timelinesSection({ file: 'f', score: null, metrics: null, findings: [], fixes: [], unknowns: [], timelines: { worst: timeline, common: { ...timeline, steps: timeline.steps.slice(0, 1) } } });
    expect(other.match(/<svg class="timeline"/g)).toHaveLength(2);
  });
});
