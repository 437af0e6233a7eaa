// Queues under Erlang A (issue 11, item 1): callers hang up, so no staffing makes the score jump,
// and the long tail of the wait makes a limit, a callback and music matter where callers wait.
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import type { FileResult } from '../src/model/result.js';
import { ROOT } from './helpers.js';

interface Queue {
  agents: number;
  ahtSeconds: number;
  callsPerHour?: number;
  maxWaitSeconds?: number;
  patienceSeconds?: number;
  callback?: boolean;
  music?: boolean;
}

/** A call that goes straight to one queue; its callers who time out leave a voicemail. */
function queueFlow(queue: Queue): string {
  const patience = queue.patienceSeconds === undefined ? '' : `, patienceSeconds: ${queue.patienceSeconds}`;
  return `version: 1
name: One queue
entry: welcome
queues:
  care: { agents: ${queue.agents}, callsPerHour: ${queue.callsPerHour ?? 900}, ahtSeconds: ${queue.ahtSeconds}${patience} }
nodes:
  welcome: { type: play, say: Thank you for calling., next: care-queue }
  care-queue:
    type: queue
    queue: care
    maxWaitSeconds: ${queue.maxWaitSeconds ?? 1800}
    music: ${queue.music ?? true}
    announceWait: true
    callback: ${queue.callback ?? true}
    next: care-agent
    onTimeout: voicemail
  care-agent: { type: agent }
  voicemail: { type: hangup, outcome: voicemail }
`;
}

async function lint(text: string): Promise<FileResult> {
  const result = await audit([{ path: 'queue.yaml', text }], { cwd: ROOT, noConfig: true });
  return result.files[0]!;
}

async function scoreOf(queue: Queue): Promise<number> {
  return (await lint(queueFlow(queue))).score!.value;
}

describe('the staffing cliff (issue 11)', () => {
  // 900 calls an hour of 300 s is 75 erlangs: Erlang C had 76 agents at 76 and 75 at 44.
  it('moves the score by at most a few points for one agent more or less', async () => {
    const with76 = await scoreOf({ agents: 76, ahtSeconds: 300 });
    const with75 = await scoreOf({ agents: 75, ahtSeconds: 300 });
    expect(Math.abs(with76 - with75)).toBeLessThanOrEqual(3);
  });

  it('moves the score by at most a few points for one second of handle time', async () => {
    const at300 = await scoreOf({ agents: 75, ahtSeconds: 300 });
    const at299 = await scoreOf({ agents: 75, ahtSeconds: 299 });
    expect(Math.abs(at300 - at299)).toBeLessThanOrEqual(3);
  });

  it('still falls as agents are taken away, and reports the callers who hang up', async () => {
    const scores = [];
    for (const agents of [90, 75, 60, 45, 30]) scores.push(await scoreOf({ agents, ahtSeconds: 300 }));
    for (let index = 1; index < scores.length; index++) expect(scores[index]!).toBeLessThanOrEqual(scores[index - 1]!);
    expect(scores.at(-1)!).toBeLessThan(scores[0]! - 10);
    const overloaded = await lint(queueFlow({ agents: 30, ahtSeconds: 300 }));
    const finding = overloaded.findings.find((item) => item.ruleId === 'queue-occupancy')!;
    expect(finding.message).toMatch(/75\.0 erlangs of calls for 30 agents, more than they can answer: \d+% of callers hang up/);
    // The callers who hang up end without help: a dead end.
    expect(overloaded.metrics!.shareWithoutHelp).toBeGreaterThan(0.2);
    expect(overloaded.score!.drivers.deadEnds).toBeGreaterThan(5);
  });
});

describe('what a hold costs depends on how many callers it touches', () => {
  // 60 agents for 75 erlangs: a loaded queue, where callers wait and some hang up.
  const loaded: Queue = { agents: 60, ahtSeconds: 300 };

  it('costs points to remove the callback', async () => {
    expect(await scoreOf({ ...loaded, callback: false })).toBeLessThan(await scoreOf(loaded));
  });

  it('costs points to silence the hold', async () => {
    expect(await scoreOf({ ...loaded, music: false })).toBeLessThan(await scoreOf(loaded));
  });

  it('costs points to raise maxWaitSeconds from 30 to 120 minutes where callers would wait that long', async () => {
    // Patient callers (an hour on average) on a heavily loaded queue: many reach 30 minutes.
    const patient: Queue = { agents: 40, ahtSeconds: 300, patienceSeconds: 3600, maxWaitSeconds: 1800 };
    expect(await scoreOf({ ...patient, maxWaitSeconds: 7200 })).toBeLessThan(await scoreOf(patient));
  });

  it('costs little on a well-staffed queue, where few callers wait long', async () => {
    const staffed: Queue = { agents: 90, ahtSeconds: 300 };
    const before = await scoreOf(staffed);
    const after = await scoreOf({ ...staffed, maxWaitSeconds: 7200, callback: false, music: false });
    expect(after).toBeLessThanOrEqual(before);
    expect(before - after).toBeLessThan(await scoreOf(loaded) - (await scoreOf({ ...loaded, maxWaitSeconds: 7200, callback: false, music: false })));
  });

  it('takes the patience from the queue, else from the settings', async () => {
    const impatient = await scoreOf({ ...loaded, patienceSeconds: 120 });
    const patient = await scoreOf({ ...loaded, patienceSeconds: 3000 });
    // Impatient callers hang up sooner: fewer wait long, more end in a dead end; both cost.
    expect(impatient).not.toBe(patient);
    const viaSettings = queueFlow(loaded).replace('nodes:', 'settings:\n  patienceSeconds: 120\nnodes:');
    expect((await lint(viaSettings)).score!.value).toBe(impatient);
  });
});
