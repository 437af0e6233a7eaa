// Genesys Architect (Archy YAML): menus and their choices, task actions with their outputs, menu and error
// handling settings, placeholders that break YAML, and dangling references.
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '../../src/engine.js';
import { importGenesys } from '../../src/load/importers/index.js';
import { exits, flowOf, importFixture, nodeOf, textAt } from './helpers.js';

describe('Genesys Architect blocks', () => {
  const result = importFixture('genesys/all-blocks.yaml');
  const flow = flowOf(result);

  it('plays the initial greeting, then runs the start-up task', () => {
    expect(result.problems).toEqual([]);
    expect(flow.name).toBe('Genesys fixture');
    expect(flow.entry).toBe('initialGreeting');
    expect(nodeOf(flow, 'initialGreeting')).toMatchObject({ type: 'play', say: ['Welcome to Acme.'] });
    const start = nodeOf(flow, 'initialGreeting').edges[0]!;
    expect([start.to, start.loc.line, start.loc.pointer]).toEqual(['Startup_10', 5, '/inboundCall/startUpRef']);
  });

  it('maps a menu with choices keyed by DTMF, its timing from settingsMenu', () => {
    const menu = nodeOf(flow, 'Main_Menu_20');
    if (menu.type !== 'menu') throw new Error('not a menu');
    expect([menu.loc.line, menu.loc.column, menu.label]).toEqual([33, 7, 'Main Menu']);
    expect(menu.say[0]).toMatch(/^For billing press 1/);
    // The menu's own repeatCount (3 plays: 2 retries) wins; its timeout has no value, so the flow's 6 s holds.
    expect([menu.timeoutSeconds, menu.retries, menu.edges.filter((edge) => edge.kind === 'option').length]).toEqual([6, 2, 6]);
    expect(exits(flow, 'Main_Menu_20')).toEqual([
      'option:1 -> Billing.Account_number',
      'option:2 -> Sales',
      'option:3 -> Hours_30',
      'option:4 -> More_40',
      'option:5 -> Leave_a_message.To_voicemail',
      'option:9 -> Hang_up',
      'noInput -> errorHandling',
      'noMatch -> errorHandling',
    ]);
    expect(menu.edges.map((edge) => edge.loc.line)).toEqual([44, 86, 95, 99, 100, 121, 18, 18]);
  });

  it('sends callers without a valid choice to settingsErrorHandling (here a transfer to ACD)', () => {
    expect(nodeOf(flow, 'errorHandling')).toMatchObject({ type: 'queue', say: ['Let me find someone to help you.'] });
    expect(exits(flow, 'errorHandling')).toEqual(['next -> errorHandling.agent']);
    expect(flow.unknowns.some((fact) => fact.startsWith('what menus do after their last repeat'))).toBe(true);
  });

  it('maps menuTask tasks action by action: collectInput, decision, transferToAcd with its failure output', () => {
    expect(nodeOf(flow, 'Billing.Account_number')).toMatchObject({
      type: 'input', collects: 'AccountNumber', identity: true, timeoutSeconds: 7, say: ['Please enter your account number.'],
    });
    expect(exits(flow, 'Billing.Account_number')).toEqual([
      'next -> Billing.Valid_account', 'noMatch -> Billing.Invalid_account', 'noInput -> Billing.Invalid_account',
    ]);
    expect(exits(flow, 'Billing.Valid_account')).toEqual(['case:0 -> Billing.To_billing', 'default -> Billing.Disconnect']);
    expect(nodeOf(flow, 'Billing.To_billing')).toMatchObject({ type: 'queue', label: 'To billing (Billing)', say: ['Connecting you to billing.'] });
    expect(exits(flow, 'Billing.To_billing')).toEqual(['next -> Billing.To_billing.agent', 'full -> Billing.Billing_closed']);
    // After an output's actions, the parent list goes on: here to the task's disconnect.
    expect(exits(flow, 'Billing.Billing_closed')).toEqual(['next -> Billing.Disconnect']);
    expect(exits(flow, 'Billing.Invalid_account')).toEqual(['next -> Billing.Disconnect']);
    expect(nodeOf(flow, 'Billing.Disconnect').type).toBe('hangup');
  });

  it('maps menuTransferToAcd to a queue and menuDisconnect to a hangup the caller chose (not a dead end)', () => {
    expect(nodeOf(flow, 'Sales')).toMatchObject({ type: 'queue', label: 'Sales (Sales)', music: true });
    expect(nodeOf(flow, 'Hang_up')).toMatchObject({ type: 'hangup', outcome: 'resolved' });
  });

  it('maps transferToVoicemail to help promised, unless the transfer fails', () => {
    expect(exits(flow, 'Leave_a_message.To_voicemail')).toEqual([
      'case:0 -> Leave_a_message.Voicemail_failed', 'default -> Leave_a_message.To_voicemail.voicemail',
    ]);
    expect(nodeOf(flow, 'Leave_a_message.To_voicemail.voicemail')).toMatchObject({ type: 'hangup', outcome: 'voicemail' });
  });

  it('maps menuJumpToMenu, menuRepeatMenu and transferToNumber (ring time from the action defaults)', () => {
    expect(exits(flow, 'More_40')).toEqual([
      'option:0 -> Front_desk.Call_the_front_desk', 'option:* -> More_40', 'option:# -> Main_Menu_20',
      'noInput -> errorHandling', 'noMatch -> errorHandling',
    ]);
    expect(nodeOf(flow, 'Front_desk.Call_the_front_desk')).toMatchObject({ type: 'transfer', to: '+15555550100', ringTimeoutSeconds: 25, context: false });
    expect(exits(flow, 'Front_desk.Call_the_front_desk')).toEqual(['noAnswer -> Front_desk.Front_desk_busy']);
    // The task runs out of actions after the failure message: the call ends.
    expect(exits(flow, 'Front_desk.Front_desk_busy')).toEqual(['next -> Front_desk.end']);
  });

  it('maps reusable tasks, evaluateScheduleGroup outputs and jumpToMenu', () => {
    expect(nodeOf(flow, 'Hours_30')).toMatchObject({ type: 'play', label: 'Hours' });
    // evaluateScheduleGroup is the hours decision; its open and closed outputs are the exits.
    expect(nodeOf(flow, 'Hours_30.Open_now').type).toBe('hours');
    expect(exits(flow, 'Hours_30.Open_now')).toEqual(['open -> Hours_30.Open', 'closed -> Hours_30.Closed']);
    expect(nodeOf(flow, 'Hours_30.Closed').say).toEqual([]);
    expect(flow.unknowns).toContain('content of recorded audio prompts');
    const jump = nodeOf(flow, 'Hours_30.Back_to_main_menu').edges[0]!;
    expect([jump.to, jump.loc.pointer]).toEqual(['Main_Menu_20', '/inboundCall/tasks/1/task/actions/1/jumpToMenu/targetMenuRef']);
  });

  it('reads an unknown action as a branch on its outputs, with a note naming the type', () => {
    expect(exits(flow, 'Startup_10.Ask_the_bot')).toEqual(['case:0 -> Startup_10.Bot_unavailable', 'default -> Startup_10.To_main_menu']);
    expect(result.notes).toEqual([expect.objectContaining({
      message: 'Architect action type "callBotFlow" is not mapped; it is read as a step that passes the call on',
    })]);
    expect(result.notes![0]!.loc.line).toBe(158);
  });
});

describe('Genesys placeholders', () => {
  const result = importFixture('genesys/placeholders.yaml');
  const flow = flowOf(result);

  it('reads a file that is not YAML until its placeholders are filled, positions unchanged', () => {
    expect(result.problems).toEqual([]);
    const greeting = nodeOf(flow, 'initialGreeting');
    expect([greeting.loc.line, greeting.say]).toEqual([5, []]);
    expect(textAt(result.text, greeting.sayLoc!.line, greeting.sayLoc!.column)).toBe('{{ivr_greeting}}');
    expect(nodeOf(flow, 'errorHandling')).toMatchObject({ type: 'hangup', say: [] });
    expect(nodeOf(flow, 'main').say).toEqual([]);
    expect(flow.unknowns).toContain('prompt text held in variables or templates (3 prompts)');
  });

  it('keeps placeholders as opaque text where they are part of a value', () => {
    expect(flow.name).toBe('{{flow_name}}');
    const option = nodeOf(flow, 'main').edges.find((edge) => edge.label === 'option:1')!;
    expect(option.optionLabel).toBe('Team in ${REGION}');
    expect(nodeOf(flow, option.to).label).toBe('Team in ${REGION} (${QUEUE_NAME})');
  });
});

describe('Genesys dangling references', () => {
  it('are edges to missing ids at the reference values, reported by unknown-target there', () => {
    const result = importFixture('genesys/dangling.yaml');
    const flow = flowOf(result);
    expect(exits(flow, 'main')).toEqual(['option:1 -> Help_99', 'option:2 -> Old_Menu_5', 'noInput -> errorHandling', 'noMatch -> errorHandling']);
    expect(flow.nodes.has('Help_99') || flow.nodes.has('Old_Menu_5')).toBe(false);
    const [help, old] = nodeOf(flow, 'main').edges;
    expect(textAt(result.text, help!.loc.line, help!.loc.column)).toBe('"/inboundCall/tasks/task[Help_99]"');
    expect(textAt(result.text, old!.loc.line, old!.loc.column)).toBe('"/inboundCall/menus/menu[Old Menu_5]"');
    const findings = runRules(flow, resolveRules()).filter((finding) => finding.ruleId === 'unknown-target');
    expect(findings.map((finding) => finding.line).sort()).toEqual([help!.loc.line, old!.loc.line].sort());
  });
});

describe('Genesys problems', () => {
  it('reports a document without inboundCall', () => {
    const result = importGenesys('x.yaml', 'outboundCall:\n  name: x\n');
    expect(result.flow).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ ruleId: 'schema', message: expect.stringContaining('inboundCall') });
  });

  it('reports YAML that stays invalid after placeholders are filled', () => {
    const result = importGenesys('x.yaml', 'inboundCall:\n  name: [unclosed\n');
    expect(result.flow).toBeUndefined();
    expect(result.problems[0]!.ruleId).toBe('yaml-syntax');
  });

  it('reports a missing startUpRef and starts at the first menu', () => {
    const result = importGenesys('x.yaml', 'inboundCall:\n  name: x\n  menus:\n    - menu:\n        name: M\n        refId: m\n        choices:\n          - menuDisconnect:\n              dtmf: digit_1\n');
    expect(result.problems[0]!.message).toContain('startUpRef');
    expect(flowOf(result).entry).toBe('m');
  });
});

describe('Genesys loop', () => {
  it('maps a loop to a counted case: the body is entered at most loopCount times', () => {
    const flow = flowOf(importFixture('genesys/retry-loop.yaml'));
    const loop = nodeOf(flow, 'Startup_10.Up_to_three_tries');
    expect(exits(flow, 'Startup_10.Up_to_three_tries')).toEqual(['case:0 -> Startup_10.Order_number', 'default -> Startup_10.Front_desk']);
    expect(loop.edges[0]!.times).toBe(3);
  });
});
