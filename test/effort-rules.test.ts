// Effort rules beyond the marked lines of their fixtures: the numbers in the messages, the
// journeys they carry, severities, and their options.
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import type { Finding } from '../src/model/finding.js';
import type { RuleSetting } from '../src/engine.js';
import { ROOT, auditFile, auditText } from './helpers.js';

const FIXTURES = 'fixtures/rules';

async function findings(ruleId: string, file: string, rules?: Record<string, RuleSetting>): Promise<Finding[]> {
  const path = `${FIXTURES}/${ruleId}/${file}`;
  const result = rules ? (await audit([path], { cwd: ROOT, rules })).files[0]! : await auditFile(path);
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

function at(list: Finding[], line: number): Finding {
  const found = list.find((finding) => finding.line === line);
  expect(found, `a finding at line ${line}`).toBeDefined();
  return found!;
}

describe('ring-limit', () => {
  it('names the rings, the seconds and the limit', async () => {
    const list = await findings('ring-limit', 'fires.yaml');
    expect(at(list, 6).message).toContain('rings 6 times (about 36 s) before the system answers; the limit is 5');
    expect(at(list, 21).message).toContain('transfer `new-claims` can ring 7 times');
    // 31 s at 6 s a ring: rounded up to 6 rings.
    expect(at(list, 28).message).toContain('transfer `claims-desk` can ring for 31 s (6 rings of 6 s)');
    expect(at(list, 33).message).toContain('agent `reception` can ring 8 times');
  });

  it('converts ringTimeoutSeconds with the flow\'s ringSeconds', async () => {
    const [finding] = await findings('ring-limit', 'fires-uk.yaml');
    expect(finding!.message).toContain('can ring for 16 s (6 rings of 3 s)');
  });

  it('follows its max option', async () => {
    const list = await findings('ring-limit', 'fires.yaml', { 'ring-limit': ['error', { max: 6 }] });
    expect(list.map((finding) => finding.nodeId)).toEqual(['new-claims', 'reception']);
  });
});

describe('identity-questions', () => {
  it('carries the journey into the subflow and names the questions', async () => {
    const [finding] = await findings('identity-questions', 'fires-subflow.yaml');
    expect(finding!.nodeId).toBe('verify');
    expect(finding!.path).toEqual(['ask-account', 'verify', 'verify/ask-dob', 'verify/ask-pin']);
    expect(finding!.message).toContain('3 identity questions');
    expect(finding!.message).toContain('ask-account → verify/ask-dob → verify/ask-pin');
    expect(finding!.message).toContain('the limit is 2');
  });

  it('names only the identity questions, not every step', async () => {
    const [finding] = await findings('identity-questions', 'fires.yaml');
    expect(finding!.message).toContain('(ask-account → ask-dob → ask-postcode)');
    expect(finding!.path).toEqual(['welcome', 'ask-account', 'ask-dob', 'ask-reason', 'ask-postcode']);
  });

  it('reports a loop of questions as unbounded', async () => {
    const [finding] = await findings('identity-questions', 'fires-loop.yaml');
    expect(finding!.message).toContain('without end');
    expect(finding!.message).toContain('ask-account');
  });

  it('follows its max option', async () => {
    expect(await findings('identity-questions', 'fires.yaml', { 'identity-questions': ['error', { max: 3 }] })).toEqual([]);
  });
});

describe('repeat-identity', () => {
  it('names the datum, both askers and the journey between them', async () => {
    const [finding] = await findings('repeat-identity', 'fires.yaml');
    expect(finding!.message).toContain('`account-number` again at `billing-account` after giving it at `ask-account`');
    expect(finding!.path).toEqual(['ask-account', 'main-menu', 'to-billing', 'billing-account']);
  });

  it('points back at the first asker when it is another node of the file', async () => {
    const list = await findings('repeat-identity', 'fires-subflow.yaml');
    const first = at(list, 13);
    expect(first.path).toEqual(['ask-dob', 'verify', 'verify/ask-dob']);
    expect(first.related?.map((loc) => loc.line)).toEqual([6]);
  });
});

describe('transfer-chain and transfer-loop', () => {
  it('counts the worst chain, reported where it crosses the limit', async () => {
    const [finding] = await findings('transfer-chain', 'fires.yaml');
    expect(finding!.nodeId).toBe('to-disputes');
    expect(finding!.message).toContain('transferred 3 times on one call (to-billing → to-disputes → to-metering); the limit is 1');
  });

  it('shows the ping-pong as a cycle', async () => {
    const [finding] = await findings('transfer-loop', 'fires.yaml');
    expect(finding!.path).toEqual(['to-head-office', 'head-office-menu', 'to-store', 'store-menu', 'to-head-office']);
    expect(finding!.message).toContain('through 2 transfers');
  });
});

describe('holds', () => {
  it('dead-end-hold lists every problem of a queue', async () => {
    const list = await findings('dead-end-hold', 'fires.yaml');
    expect(at(list, 19).message).toContain('no `maxWaitSeconds`');
    expect(at(list, 23).message).toContain('no `onTimeout`');
    expect(at(list, 28).message).toContain('`onTimeout` leads to `sorry-goodbye`');
    expect(at(list, 40).message).toContain('straight into a queue again (`overflow-queue`)');
    expect(at(list, 52).message).toContain('`onFull` leads to `go-online`');
  });

  it('no-wait-estimate and hold-without-callback name the longest hold', async () => {
    const estimate = await findings('no-wait-estimate', 'fires.yaml');
    expect(at(estimate, 18).message).toContain('up to 600 s');
    expect(at(estimate, 27).message).toContain('up to 61 s');
    expect(at(estimate, 34).message).toContain('for as long as it takes');
    const callback = await findings('hold-without-callback', 'fires.yaml');
    expect(at(callback, 18).message).toContain('for up to 900 s and offers no callback; the limit is 120 s');
    expect(at(callback, 35).message).toContain('for as long as it takes');
  });

  it('no-wait-estimate and hold-without-callback follow their options', async () => {
    const estimate = await findings('no-wait-estimate', 'fires.yaml', { 'no-wait-estimate': ['warning', { minSeconds: 600 }] });
    expect(estimate.map((finding) => finding.nodeId)).toEqual(['general-queue']);
    const callback = await findings('hold-without-callback', 'fires.yaml', { 'hold-without-callback': ['warning', { maxSeconds: 900 }] });
    expect(callback.map((finding) => finding.nodeId)).toEqual(['bins-queue']);
  });
});

describe('queue-occupancy', () => {
  it('reports the Erlang A figures of a busy queue as a warning', async () => {
    const list = await findings('queue-occupancy', 'fires.yaml');
    const cards = at(list, 7);
    expect(cards.severity).toBe('warning');
    expect(cards.message).toContain("offered 92% of its agents' time (limit 85%)");
    expect(cards.message).toContain('49% of callers wait');
    expect(cards.message).toContain('7% of callers hang up before an answer (patience 600 s)');
    expect(cards.message).toContain('13% wait over 2 minutes, 44 s on average');
    expect(cards.message).toContain('57% answered within 20 s');
  });

  it('reports a queue offered more calls than its agents can answer, with the share who hang up', async () => {
    const list = await findings('queue-occupancy', 'fires.yaml');
    for (const line of [12, 18, 20]) expect(at(list, line).message).toContain('more than they can answer');
    expect(at(list, 12).message).toContain('5.0 erlangs of calls for 5 agents');
    expect(at(list, 20).message).toContain('2.5 agents (2 answering at once)');
  });

  it('keeps an overloaded queue at the rule\'s severity: callers abandon, the wait stays finite', async () => {
    const byDefault = await findings('queue-occupancy', 'fires.yaml');
    expect(at(byDefault, 7).severity).toBe('warning');
    expect(at(byDefault, 12).severity).toBe('warning');
    expect(at(byDefault, 12).message).not.toContain('without bound');
    const chosen = await findings('queue-occupancy', 'fires.yaml', { 'queue-occupancy': 'info' });
    expect(at(chosen, 7).severity).toBe('info');
    expect(at(chosen, 12).severity).toBe('info');
  });

  it('reports a load beyond the model at once, as an error, with no staffing fix', async () => {
    const result = await auditFile('fixtures/rules/queue-occupancy/fires-absurd.yaml');
    const list = result.findings.filter((finding) => finding.ruleId === 'queue-occupancy');
    expect(list.map((finding) => finding.line)).toEqual([7, 8, 9, 10]);
    for (const finding of list) {
      expect(finding.severity).toBe('error');
      expect(finding.message).toContain('beyond the 100,000 the model covers');
    }
    expect(at(list, 7).message).toContain('8.3e+10 erlangs');
    expect(at(list, 10).message).toContain('an unbounded number of erlangs');
    expect(result.fixes.filter((fix) => fix.ruleIds.includes('queue-occupancy'))).toEqual([]);
  });
});

describe('dead-end', () => {
  it('shows the journey through the receipt gate', async () => {
    const list = await findings('dead-end', 'fires.yaml');
    const gate = at(list, 47);
    expect(gate.path).toEqual(['welcome', 'main-menu', 'ask-receipt', 'no-receipt', 'no-receipt-bye']);
    expect(gate.message).toContain('unresolved');
    expect(at(list, 15).message).toContain('be cut off');
  });

  it('names the step inside the subflow', async () => {
    const [finding] = await findings('dead-end', 'fires-subflow.yaml');
    expect(finding!.message).toContain('inside subflow `warranty` (at `warranty/out-of-warranty`)');
  });
});

describe('audio and time', () => {
  it('long-preamble adds up the seconds before the first choice', async () => {
    expect((await findings('long-preamble', 'fires.yaml'))[0]!.message).toContain('25 s of audio');
    expect((await findings('long-preamble', 'fires-words.yaml'))[0]!.message).toContain('17 s of audio');
    expect(await findings('long-preamble', 'fires.yaml', { 'long-preamble': ['warning', { maxSeconds: 25 }] })).toEqual([]);
  });

  it('time-to-human includes rings, prompts and the expected wait', async () => {
    const [given] = await findings('time-to-human', 'fires.yaml');
    expect(given!.message).toContain('takes 108 s');
    expect(given!.path).toEqual(['welcome', 'main-menu', 'energy-queue', 'energy-agent']);
    const [erlang] = await findings('time-to-human', 'fires-erlang.yaml');
    expect(erlang!.message).toContain('takes 68 s');
  });

  it('time-to-human says "at least" when a wait on the way is unknown', async () => {
    const result = await auditText(`version: 1
name: Unknown wait
entry: welcome
settings:
  answerRings: 2
nodes:
  welcome:
    type: play
    say: Welcome.
    durationSeconds: 60
    next: line
  line:
    type: queue
    maxWaitSeconds: 300
    music: true
    next: agent
    onTimeout: voicemail
  agent:
    type: agent
  voicemail:
    type: hangup
    outcome: voicemail
`);
    const finding = result.findings.find((item) => item.ruleId === 'time-to-human');
    expect(finding?.message).toContain('takes at least 72 s');
  });
});

describe('cliche-prompt', () => {
  it('matches regardless of case, accents and punctuation, in the flow\'s language', async () => {
    const list = await findings('cliche-prompt', 'fires-es.yaml');
    expect(at(list, 10).message).toContain('"su llamada es muy importante para nosotros"');
    expect(at(list, 31).message).toContain('"espere un momento", "ya le estoy conectando"');
    expect(list.every((finding) => finding.severity === 'info')).toBe(true);
  });

  it('adds the phrases of its option', async () => {
    const text = `version: 1
name: House phrase
entry: agent
nodes:
  agent:
    type: agent
    say: Hello! We value your custom.
`;
    const result = await audit([{ path: 'flow.yaml', text }], { cwd: ROOT, rules: { 'cliche-prompt': ['info', { phrases: ['we value your custom'] }] } });
    expect(result.files[0]!.findings.filter((finding) => finding.ruleId === 'cliche-prompt')).toHaveLength(1);
  });
});

describe('menus and retries', () => {
  it('menu-depth reports a menu loop as unbounded', async () => {
    const [finding] = await findings('menu-depth', 'fires-loop.yaml');
    expect(finding!.message).toContain('without end');
  });

  it('menu-options and excessive-retries name the count', async () => {
    expect(at(await findings('menu-options', 'fires.yaml'), 20).message).toContain('offers 7 options; the limit is 5');
    expect(at(await findings('excessive-retries', 'fires.yaml'), 20).message).toContain('re-prompts 5 times');
    expect(await findings('excessive-retries', 'fires.yaml', { 'excessive-retries': ['warning', { max: 5 }] })).toEqual([]);
  });
});
