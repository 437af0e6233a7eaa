// Issue 11, items 3 and 4: notifications are not channel switches, a deflection that ends the call
// costs the dead end it is, and data a lookup found is not asked again for free.
import { describe, expect, it } from 'vitest';
import { auditText } from './helpers.js';

/** A pharmacy line: a person helps, then the flow ends with `ending` (YAML lines of a node `after`). */
function pharmacy(ending: string[]): string {
  return [
    'version: 1',
    'name: Pharmacy',
    'entry: pharmacist',
    'nodes:',
    '  pharmacist:',
    '    type: agent',
    '    next: after',
    '  after:',
    ...ending.map((line) => (line.startsWith('  ') ? line : `    ${line}`)),
  ].join('\n');
}

describe('notify', () => {
  const notify = pharmacy([
    'type: notify',
    'channel: sms',
    'say: Press 1 and we will text you when your prescription is ready.',
    'next: bye',
    '  bye:',
    '    type: hangup',
    '    outcome: resolved',
  ]);
  const silent = pharmacy(['type: hangup', 'outcome: resolved']);

  it('is read from the file, with its channel', async () => {
    const result = await auditText(notify);
    expect(result.findings.filter((finding) => finding.ruleId === 'schema')).toEqual([]);
  });

  it('is not a channel switch: no finding, and no fix proposes removing it', async () => {
    const result = await auditText(notify);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('channel-switch');
    expect(result.fixes.flatMap((fix) => fix.nodeIds)).not.toContain('after');
  });

  it('costs only its seconds (no channel points)', async () => {
    const withMessage = await auditText(notify);
    const without = await auditText(silent);
    expect(withMessage.score!.drivers.channel).toBe(0);
    expect(without.score!.value - withMessage.score!.value).toBeLessThanOrEqual(1);
  });

  it('may end the call without `next`', async () => {
    const result = await auditText(pharmacy(['type: notify', 'channel: sms', 'say: We will text you when it is ready.']));
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([]);
  });

  it('names its keys when one is misspelt', async () => {
    const result = await auditText(pharmacy(['type: notify', 'chanel: sms']));
    expect(result.findings.map((finding) => finding.message)).toContain('`chanel` is not a key of notify `after`; did you mean `channel`?');
  });
});

/** Billing callers choose 1: they go to `billing` (YAML lines of the node). */
function billingLine(billing: string[]): string {
  return [
    'version: 1',
    'name: Billing line',
    'entry: menu',
    'nodes:',
    '  menu:',
    '    type: menu',
    '    say: For billing press 1. For anything else press 0 to speak with a person.',
    '    options:',
    '      "1": billing',
    '      "0": front-desk',
    '    onNoInput: front-desk',
    '    onNoMatch: front-desk',
    '  front-desk:',
    '    type: agent',
    '  billing:',
    ...billing.map((line) => `    ${line}`),
  ].join('\n');
}

describe('deflect that ends the call', () => {
  const coldTransfer = billingLine(['type: transfer', 'to: Billing team', 'rings: 4']);
  const web = (resolves?: string): string => billingLine(['type: deflect', 'channel: web', ...(resolves ? [`resolves: ${resolves}`] : [])]);

  it('redirecting a cold transfer to the web never raises the score', async () => {
    const transfer = (await auditText(coldTransfer)).score!.value;
    for (const resolves of [undefined, 'low', 'medium', 'high']) {
      const deflected = (await auditText(web(resolves))).score!.value;
      expect(deflected, `resolves: ${resolves ?? 'default'}`).toBeLessThan(transfer);
    }
  });

  it('costs as a dead end by default, less when the channel can resolve the need', async () => {
    const low = (await auditText(web())).score!;
    const high = (await auditText(web('high'))).score!;
    const deadEnd = (await auditText(billingLine(['type: hangup']))).score!;
    expect(low.drivers.deadEnds).toBeGreaterThan(0);
    // The default is low: most callers sent away are not helped, close to a hang-up.
    expect(Math.abs(low.value - deadEnd.value)).toBeLessThanOrEqual(5);
    expect(high.value).toBeGreaterThan(low.value);
    expect((await auditText(web('medium'))).score!.value).toBeGreaterThan(low.value);
  });

  it('a deflection that keeps the caller on the line is not charged as a dead end', async () => {
    const result = await auditText(billingLine(['type: deflect', 'channel: sms', 'next: front-desk']));
    expect(result.score!.drivers.deadEnds).toBe(0);
  });

  it('rejects a resolves that is not low, medium or high', async () => {
    const result = await auditText(web('always'));
    expect(result.findings.map((finding) => finding.message)).toContain('`resolves` of deflect `billing` must be one of low, medium, high');
  });
});

/** A caller looked up by number, then (maybe) asked for their account number. */
function knownCaller(ask: 'after-found' | 'after-not-found' | 'never'): string {
  return [
    'version: 1',
    'name: Known callers',
    'entry: find-caller',
    'nodes:',
    '  find-caller:',
    '    type: lookup',
    '    by: callerId',
    '    provides: [account-number, name]',
    `    next: ${ask === 'after-found' ? 'ask-account' : 'billing'}`,
    `    onNotFound: ${ask === 'after-not-found' ? 'ask-account' : 'billing'}`,
    '  ask-account:',
    '    type: input',
    '    say: Please key in your account number.',
    '    collects: account number',
    '    next: billing',
    '    onNoInput: billing',
    '    onNoMatch: billing',
    '  billing:',
    '    type: agent',
  ].join('\n');
}

describe('lookup', () => {
  it('costs the caller nothing', async () => {
    const agentOnly = ['version: 1', 'name: Known callers', 'entry: billing', 'nodes:', '  billing:', '    type: agent'];
    const lookedUp = [...agentOnly.slice(0, 2), 'entry: find-caller', 'nodes:',
      '  find-caller: { type: lookup, by: callerId, provides: [account-number], next: billing, onNotFound: billing }', ...agentOnly.slice(4)];
    const result = await auditText(lookedUp.join('\n'));
    expect(result.findings).toEqual([]);
    expect(result.score!.value).toBe((await auditText(agentOnly.join('\n'))).score!.value);
  });

  it('makes asking for a datum it found a repeat (repeat-identity)', async () => {
    const result = await auditText(knownCaller('after-found'));
    const repeats = result.findings.filter((finding) => finding.ruleId === 'repeat-identity');
    expect(repeats).toHaveLength(1);
    expect(repeats[0]!.nodeId).toBe('ask-account');
    expect(repeats[0]!.line).toBe(11);
    expect(repeats[0]!.message).toContain('although lookup `find-caller` already found it');
    expect(result.score!.drivers.repeating).toBeGreaterThan((await auditText(knownCaller('after-not-found'))).score!.drivers.repeating);
  });

  it('is no repeat for callers it did not find', async () => {
    const result = await auditText(knownCaller('after-not-found'));
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('repeat-identity');
  });

  it('needs `provides` as a list of data', async () => {
    const result = await auditText(knownCaller('never').replace('provides: [account-number, name]', 'provides: account-number'));
    expect(result.findings.map((finding) => finding.message)).toContain('`provides` of lookup `find-caller` must be a list');
  });
});
