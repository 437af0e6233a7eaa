// Metamorphic properties of the score (issue 11, item 11): a degradation never raises the score
// and an improvement never lowers it; the score is monotone and continuous in staffing. Fixed
// cases first, then generated flows (a menu whose options reach agents, transfers and staffed
// queues).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { ROOT } from './helpers.js';

interface QueueTarget {
  kind: 'queue';
  agents: number;
  callsPerHour: number;
  ahtSeconds: number;
  maxWaitSeconds: number;
  patienceSeconds?: number;
  music: boolean;
  callback: boolean;
}
type Target = { kind: 'agent'; rings: number } | { kind: 'transfer'; rings: number; context: boolean } | QueueTarget;

interface Generated {
  targets: Target[];
  /** Option 1 asks for the account number first. */
  askFirst: boolean;
}

const queueArbitrary: fc.Arbitrary<QueueTarget> = fc.record(
  {
    kind: fc.constant('queue' as const),
    agents: fc.integer({ min: 1, max: 120 }),
    callsPerHour: fc.integer({ min: 10, max: 1500 }),
    ahtSeconds: fc.integer({ min: 60, max: 900 }),
    maxWaitSeconds: fc.integer({ min: 60, max: 7200 }),
    patienceSeconds: fc.integer({ min: 30, max: 3600 }),
    music: fc.boolean(),
    callback: fc.boolean(),
  },
  { requiredKeys: ['kind', 'agents', 'callsPerHour', 'ahtSeconds', 'maxWaitSeconds', 'music', 'callback'] },
);

const targetArbitrary: fc.Arbitrary<Target> = fc.oneof(
  fc.record({ kind: fc.constant('agent' as const), rings: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('transfer' as const), rings: fc.integer({ min: 0, max: 6 }), context: fc.boolean() }),
  queueArbitrary,
);

const flowArbitrary: fc.Arbitrary<Generated> = fc.record({
  targets: fc.array(targetArbitrary, { minLength: 1, maxLength: 4 }),
  askFirst: fc.boolean(),
});

interface Change {
  /** Option (0-based) whose target goes to the web instead, ending the call. */
  deflect?: number;
  /** Option (0-based) that passes one more announcement before its target. */
  hop?: number;
}

function toYaml(flow: Generated, change: Change = {}): string {
  const queues: string[] = [];
  const nodes: string[] = [];
  const options: string[] = [];
  flow.targets.forEach((target, index) => {
    const id = `t${index}`;
    let entry = change.deflect === index ? 'web' : id;
    if (change.hop === index) {
      nodes.push(`  hop${index}: { type: play, say: Please hold while we find the right person for you., next: ${entry} }`);
      entry = `hop${index}`;
    }
    if (index === 0 && flow.askFirst) {
      nodes.push(`  ask: { type: input, say: Enter your account number., collects: account-number, next: ${entry}, onNoInput: ${entry}, onNoMatch: ${entry} }`);
      entry = 'ask';
    }
    options.push(`"${index + 1}": ${entry}`);
    switch (target.kind) {
      case 'agent':
        nodes.push(`  ${id}: { type: agent, rings: ${target.rings} }`);
        break;
      case 'transfer':
        nodes.push(`  ${id}: { type: transfer, to: team, rings: ${target.rings}, context: ${target.context} }`);
        break;
      case 'queue': {
        const patience = target.patienceSeconds === undefined ? '' : `, patienceSeconds: ${target.patienceSeconds}`;
        queues.push(`  q${index}: { agents: ${target.agents}, callsPerHour: ${target.callsPerHour}, ahtSeconds: ${target.ahtSeconds}${patience} }`);
        nodes.push(
          `  ${id}: { type: queue, queue: q${index}, maxWaitSeconds: ${target.maxWaitSeconds}, music: ${target.music}, callback: ${target.callback}, announceWait: true, next: a${index}, onTimeout: vm }`,
          `  a${index}: { type: agent }`,
        );
        break;
      }
    }
  });
  const say = flow.targets.map((_, index) => `For team ${index + 1} press ${index + 1}.`).join(' ');
  return [
    'version: 1',
    'name: Generated',
    'entry: menu',
    ...(queues.length > 0 ? ['queues:', ...queues] : []),
    'nodes:',
    `  menu: { type: menu, say: "${say} For a person press 0.", options: { ${options.join(', ')}, "0": person }, onNoInput: person, onNoMatch: person }`,
    '  person: { type: agent }',
    '  web: { type: deflect, channel: web, say: Please visit our website. }',
    '  vm: { type: hangup, outcome: voicemail }',
    ...nodes,
    '',
  ].join('\n');
}

async function scoreOf(text: string): Promise<number> {
  const result = await audit([{ path: 'generated.yaml', text }], { cwd: ROOT, noConfig: true });
  const score = result.files[0]!.score;
  if (!score) throw new Error(`no score for:\n${text}\n${JSON.stringify(result.files[0]!.findings)}`);
  return score.value;
}

function withQueue(flow: Generated, index: number, patch: Partial<QueueTarget>): Generated {
  return { ...flow, targets: flow.targets.map((target, at) => (at === index && target.kind === 'queue' ? { ...target, ...patch } : target)) };
}

function queueIndexes(flow: Generated): number[] {
  return flow.targets.flatMap((target, index) => (target.kind === 'queue' ? [index] : []));
}

const RUNS = { numRuns: 25 };

describe('metamorphic: fixed cases', () => {
  const base: Generated = {
    askFirst: true,
    targets: [
      { kind: 'queue', agents: 60, callsPerHour: 900, ahtSeconds: 300, maxWaitSeconds: 1800, music: true, callback: true },
      { kind: 'transfer', rings: 2, context: false },
      { kind: 'agent', rings: 1 },
    ],
  };

  it('diverting a branch that reaches a person to the web lowers the score', async () => {
    const before = await scoreOf(toYaml(base));
    expect(await scoreOf(toYaml(base, { deflect: 1 }))).toBeLessThan(before);
    expect(await scoreOf(toYaml(base, { deflect: 2 }))).toBeLessThan(before);
  });

  it('removing the callback from a long hold, or silencing it, lowers the score', async () => {
    const before = await scoreOf(toYaml(base));
    expect(await scoreOf(toYaml(withQueue(base, 0, { callback: false })))).toBeLessThan(before);
    expect(await scoreOf(toYaml(withQueue(base, 0, { music: false })))).toBeLessThan(before);
  });

  it('adding a hop lowers the score or keeps it', async () => {
    const before = await scoreOf(toYaml(base));
    expect(await scoreOf(toYaml(base, { hop: 0 }))).toBeLessThanOrEqual(before);
  });

  it('moves smoothly with the agents of a large queue, one at a time', async () => {
    let previous = await scoreOf(toYaml(withQueue(base, 0, { agents: 40 })));
    for (let agents = 41; agents <= 90; agents++) {
      const score = await scoreOf(toYaml(withQueue(base, 0, { agents })));
      expect(score).toBeGreaterThanOrEqual(previous);
      expect(score - previous).toBeLessThanOrEqual(3);
      previous = score;
    }
  });
});

describe('metamorphic: generated flows', () => {
  it('never rises when a branch that reaches a person is sent to the web instead', async () => {
    await fc.assert(
      fc.asyncProperty(flowArbitrary, fc.nat(), async (flow, pick) => {
        const persons = flow.targets.flatMap((target, index) => (target.kind === 'queue' ? [] : [index]));
        fc.pre(persons.length > 0);
        const option = persons[pick % persons.length]!;
        expect(await scoreOf(toYaml(flow, { deflect: option }))).toBeLessThanOrEqual(await scoreOf(toYaml(flow)));
      }),
      RUNS,
    );
  });

  it('never rises when a queue loses its callback or its music', async () => {
    await fc.assert(
      fc.asyncProperty(flowArbitrary, fc.nat(), async (flow, pick) => {
        const queues = queueIndexes(flow);
        fc.pre(queues.length > 0);
        const index = queues[pick % queues.length]!;
        const before = await scoreOf(toYaml(withQueue(flow, index, { callback: true, music: true })));
        expect(await scoreOf(toYaml(withQueue(flow, index, { callback: false, music: true })))).toBeLessThanOrEqual(before);
        expect(await scoreOf(toYaml(withQueue(flow, index, { callback: true, music: false })))).toBeLessThanOrEqual(before);
      }),
      RUNS,
    );
  });

  it('never rises when a hop is added before a target', async () => {
    await fc.assert(
      fc.asyncProperty(flowArbitrary, fc.nat(), async (flow, pick) => {
        const option = pick % flow.targets.length;
        expect(await scoreOf(toYaml(flow, { hop: option }))).toBeLessThanOrEqual(await scoreOf(toYaml(flow)));
      }),
      RUNS,
    );
  });

  it('never falls when a queue gets one more agent, and moves by a few points at most once it has 50', async () => {
    await fc.assert(
      fc.asyncProperty(flowArbitrary, fc.nat(), async (flow, pick) => {
        const queues = queueIndexes(flow);
        fc.pre(queues.length > 0);
        const index = queues[pick % queues.length]!;
        const agents = (flow.targets[index] as QueueTarget).agents;
        const before = await scoreOf(toYaml(flow));
        const after = await scoreOf(toYaml(withQueue(flow, index, { agents: agents + 1 })));
        expect(after).toBeGreaterThanOrEqual(before);
        if (agents >= 50) expect(after - before).toBeLessThanOrEqual(5);
      }),
      RUNS,
    );
  });
});
