// What platform blocks mean for the caller (issue 10, item 3): hours and staffing checks are the hours
// decision, agents on hold and third parties are people, flow hops are not transfers between people,
// backend errors are the backend-failure path, bots are speech menus. Each on a realistic export in
// fixtures/import, imported and audited through the library.
import { describe, expect, it } from 'vitest';
import { auditFile } from '../helpers.js';
import { tellsCallbackArranged } from '../../src/load/importers/build.js';
import { exits, flowOf, importFixture, nodeOf } from './helpers.js';

async function findingsOf(name: string): Promise<Array<{ ruleId: string; nodeId?: string; line: number; message: string }>> {
  const result = await auditFile(`fixtures/import/${name}`);
  return result.findings.map(({ ruleId, nodeId, line, message }) => ({ ruleId, nodeId, line, message }));
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not found`);
  return text.slice(0, index).split('\n').length;
}

describe('Connect: hours, staffing, a Lambda and hops to other flows', () => {
  const name = 'connect/hours-and-backend.json';
  const result = importFixture(name);
  const flow = flowOf(result);

  it('maps CheckHoursOfOperation to an hours node named after its hours of operation', () => {
    expect(nodeOf(flow, 'check-hours')).toMatchObject({ type: 'hours', schedule: 'claims-hours' });
    // The error exit goes where closed goes: no branch in front of it.
    expect(exits(flow, 'check-hours')).toEqual(['open -> check-staff', 'closed -> closed-message']);
  });

  it('maps CheckStaffing to an hours node where no agent staffed is closed', () => {
    expect(nodeOf(flow, 'check-staff')).toMatchObject({ type: 'hours', schedule: 'agents_staffed_on_claims' });
    expect(exits(flow, 'check-staff')).toEqual(['open -> lookup-policy', 'closed -> hang-up']);
  });

  it('maps a Lambda error to onError and TransferToFlow to a hop (toFlow), not a transfer to a person', () => {
    expect(exits(flow, 'lookup-policy')).toEqual(['default -> to-main', 'error -> technical-difficulties']);
    expect(nodeOf(flow, 'to-main')).toMatchObject({ type: 'transfer', to: 'flow Main menu', toFlow: true, context: true });
    expect(exits(flow, 'to-main')).toEqual(['noAnswer -> to-error-flow']);
  });

  it('reports the bare closed hang-up in after-hours words and the dropped Lambda failure, and no transfer chain', async () => {
    const findings = await findingsOf(name);
    const rules = findings.map((finding) => finding.ruleId);
    expect(rules).toContain('after-hours-dead-end');
    expect(findings.find((finding) => finding.ruleId === 'after-hours-dead-end')!.message).toMatch(/^after hours, callers sent from `closed` of hours `check-hours`/);
    const failure = findings.find((finding) => finding.ruleId === 'backend-failure')!;
    expect(failure).toMatchObject({ nodeId: 'lookup-policy', line: lineOf(result.text, '"Identifier": "lookup-policy"') - 1 });
    expect(failure.message).toContain('lookup-policy → technical-difficulties → hang-up');
    // Two hops (the main flow, then its error flow) are not two transfers between people.
    expect(rules).not.toContain('transfer-chain');
    expect(rules).not.toContain('cold-transfer');
    expect(rules).not.toContain('no-human');
  });
});

describe('Connect: a staffing check whose unstaffed side hangs up', () => {
  const name = 'connect/staffing.json';

  it('marks the hours node as a staffing check', () => {
    expect(nodeOf(flowOf(importFixture(name)), 'check-staff')).toMatchObject({ type: 'hours', staffing: true });
    expect(nodeOf(flowOf(importFixture('connect/hours-and-backend.json')), 'check-hours')).not.toHaveProperty('staffing');
  });

  it('reports the bare hang-up in its own words: no agent staffed, not "after hours"', async () => {
    const closed = (await findingsOf(name)).filter((finding) => finding.ruleId === 'after-hours-dead-end');
    expect(closed).toHaveLength(1);
    expect(closed[0]!.message).toMatch(/^when no agent is staffed, callers sent from `closed` of hours `check-staff` are hung up on at `hang-up`/);
    expect(closed[0]!.message).not.toContain('after hours');
  });
});

describe('Connect: an agent-assisted segment', () => {
  it('reads hold and resume as an agent on the call, so the flow reaches a person', async () => {
    const flow = flowOf(importFixture('connect/agent-hold.json'));
    expect(nodeOf(flow, 'hold-customer')).toMatchObject({ type: 'agent' });
    expect(exits(flow, 'hold-customer')).toEqual(['next -> ask-card']);
    const rules = (await findingsOf('connect/agent-hold.json')).map((finding) => finding.ruleId);
    expect(rules).not.toContain('no-human');
    expect(rules).not.toContain('dead-end');
  });
});

describe('Connect: a Lex bot', () => {
  const result = importFixture('connect/lex-bot.json');
  const flow = flowOf(result);

  it('is a speech menu: intents are options, the fallback (NoMatchingCondition) is the no-match path', () => {
    expect(nodeOf(flow, 'ask-bot').type).toBe('menu');
    expect(exits(flow, 'ask-bot')).toEqual([
      'option:Billing -> billing-queue', 'option:Payments -> billing-queue', 'noMatch -> billing-queue', 'noInput -> sorry',
    ]);
  });

  it('advises a keypad fallback when no option is a key', () => {
    const advice = result.notes!.filter((note) => note.message.includes('keypad fallback'));
    expect(advice).toHaveLength(1);
    expect(advice[0]!.message).toContain('menu `ask-bot` is a speech-only menu (intents "Billing", "Payments")');
    expect(advice[0]!.loc.line).toBe(lineOf(result.text, '"Identifier": "ask-bot"') - 1);
  });
});

describe('Twilio: a business-hours Function, people at any address, a gather judged by a split', () => {
  const name = 'twilio/business-hours.json';
  const result = importFixture(name);
  const flow = flowOf(result);

  it('maps the split on the hours Function result to an hours node named by the Function parameter', () => {
    expect(nodeOf(flow, 'open_or_closed')).toMatchObject({ type: 'hours', schedule: 'Support' });
    expect(exits(flow, 'open_or_closed')).toEqual(['open -> main_menu', 'closed -> closed_message']);
    expect(exits(flow, 'check_hours')).toEqual(['default -> open_or_closed', 'error -> main_menu']);
  });

  it('maps connect-call-to (SIP, <Your Call Number>) to a transfer answered by a person', () => {
    expect(nodeOf(flow, 'call_person')).toMatchObject({ type: 'transfer', to: '<Your Call Number>' });
    expect(exits(flow, 'call_person')).toEqual(['next -> call_person.answered']);
    expect(nodeOf(flow, 'call_support.answered')).toMatchObject({ type: 'agent' });
    expect(exits(flow, 'call_support.answered')).toEqual(['next -> goodbye']);
  });

  it("takes the split's noMatch as the gather's no-match handling", async () => {
    expect(exits(flow, 'main_menu')).toContain('noMatch -> main_menu');
    const findings = await findingsOf(name);
    const rules = findings.map((finding) => finding.ruleId);
    expect(rules).not.toContain('missing-error-handling');
    expect(rules).not.toContain('no-human');
    expect(findings.find((finding) => finding.ruleId === 'after-hours-dead-end')).toMatchObject({
      nodeId: 'closed_message', line: lineOf(result.text, '"name": "closed_message"') - 1,
    });
  });
});

describe('Genesys: a schedule group, a data action, a caller-chosen hang-up, flow hops', () => {
  const name = 'genesys/schedule-and-data.yaml';
  const result = importFixture(name);
  const flow = flowOf(result);

  it('maps evaluateScheduleGroup to an hours node with open, closed and holiday', () => {
    expect(nodeOf(flow, 'Startup_10.Open_now')).toMatchObject({ type: 'hours', schedule: 'Claims_Hours' });
    expect(exits(flow, 'Startup_10.Open_now')).toEqual([
      'open -> Startup_10.Look_up_the_caller', 'closed -> Startup_10.Closed', 'holiday -> Startup_10.Holiday',
    ]);
  });

  it('maps callData to a branch whose failure is onError, transferToFlow to a hop, menuDisconnect to the caller\'s choice', () => {
    expect(exits(flow, 'Startup_10.Look_up_the_caller')).toEqual([
      'default -> Startup_10.To_main_menu', 'error -> Startup_10.Technical_difficulties', 'case:0 -> Startup_10.end',
    ]);
    expect(nodeOf(flow, 'Other_line.To_the_other_line')).toMatchObject({ type: 'transfer', toFlow: true });
    expect(nodeOf(flow, 'Hang_up')).toMatchObject({ type: 'hangup', outcome: 'resolved' });
  });

  it('reports the bare closed hang-up and the data-action failure; the holiday message with hours is fine', async () => {
    const findings = await findingsOf(name);
    const closed = findings.filter((finding) => finding.ruleId === 'after-hours-dead-end');
    expect(closed.map((finding) => finding.nodeId)).toEqual(['Startup_10.Disconnect_when_closed']);
    expect(findings.find((finding) => finding.ruleId === 'backend-failure')).toMatchObject({
      nodeId: 'Startup_10.Look_up_the_caller', line: lineOf(result.text, '- callData:'),
    });
    const rules = findings.map((finding) => finding.ruleId);
    expect(rules).not.toContain('transfer-chain');
    // The flow's error handling is the menu's failure path, never a node nobody reaches.
    expect(rules).not.toContain('unreachable-node');
    expect(exits(flow, 'Main_Menu_20').filter((exit) => exit.startsWith('no'))).toEqual(['noInput -> errorHandling', 'noMatch -> errorHandling']);
    // The caller who presses 9 chose to hang up: not a dead end.
    expect(findings.filter((finding) => finding.ruleId === 'dead-end' && finding.nodeId === 'Hang_up')).toEqual([]);
  });
});

describe('Connect: a Loop block bounds the loop it closes; bots and modules named from Metadata', () => {
  const name = 'connect/counted-loop.json';
  const flow = flowOf(importFixture(name));

  it('maps Loop to a counted case (LoopCount), so the yes/no bot asked again is no endless loop', async () => {
    expect(nodeOf(flow, 'try-again').edges.find((edge) => edge.kind === 'case')).toMatchObject({ to: 'ask-caller-type', times: 2 });
    const findings = await findingsOf(name);
    expect(findings.filter((finding) => ['menu-depth', 'identity-questions', 'transfer-chain'].includes(finding.ruleId))).toEqual([]);
  });

  it('names Lex bots by the bot name and modules by the module name the console keeps, not by alias or UUID', () => {
    expect(nodeOf(flow, 'ask-billing').label).toBe('Lex bot YesNoBot');
    expect(nodeOf(flow, 'ask-caller-type').label).toBe('Lex bot CallerTypeBot');
    expect(nodeOf(flow, '_6f1c2d9e-0b7a-4c55-9d2e-3a8b1f0c7e41').label).toBe('module Order lookup');
    expect(flow.unknowns).not.toContainEqual(expect.stringContaining('0c5e8a57'));
  });
});

describe('messages that tell callers their callback is arranged', () => {
  it('reads the words, or the name of the attribute that holds them', () => {
    expect(tellsCallbackArranged(['We will call you back within the hour. Goodbye.'])).toBe(true);
    expect(tellsCallbackArranged(['$.External.CurrentRule_addedToCallbackQueueMessage'])).toBe(true);
    expect(tellsCallbackArranged(['$.Attributes.inCallbackQueueMessagePromptArn'])).toBe(true);
  });
  it('is not fooled by a failure or an offer', () => {
    expect(tellsCallbackArranged(['$.External.CurrentRule_addToCallbackQueueFailedMessage'])).toBe(false);
    expect(tellsCallbackArranged(['Press 1 to be called back.'])).toBe(false);
    expect(tellsCallbackArranged(['$.External.offerCallbackMessage'])).toBe(false);
    expect(tellsCallbackArranged(['We cannot call you back today.'])).toBe(false);
  });
});
