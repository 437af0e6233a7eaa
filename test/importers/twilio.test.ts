// Twilio Studio: every mapped widget, the REST API wrapper with placeholders, and a dangling transition.
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '../../src/engine.js';
import { importTwilio } from '../../src/load/importers/index.js';
import { exits, flowOf, importFixture, nodeOf, textAt } from './helpers.js';

describe('Twilio Studio widgets', () => {
  const result = importFixture('twilio/all-widgets.json');
  const flow = flowOf(result);

  it('starts where the trigger sends incoming calls; the trigger is not a step', () => {
    expect(result.problems).toEqual([]);
    expect(flow.entry).toBe('welcome');
    expect([flow.entryLoc.line, flow.entryLoc.column, flow.entryLoc.pointer]).toEqual([9, 19, '/states/0/transitions/1/next']);
    expect(flow.nodes.has('Trigger')).toBe(false);
    expect(flow.description).toBe('Twilio fixture: every mapped widget');
  });

  it('maps say-play to play, repeated `loop` times', () => {
    expect(nodeOf(flow, 'welcome')).toMatchObject({ type: 'play', say: ['Welcome to Acme.', 'Welcome to Acme.'] });
    expect(exits(flow, 'welcome')).toEqual(['next -> main_menu']);
    const welcome = nodeOf(flow, 'welcome');
    expect([welcome.loc.line, welcome.loc.column, welcome.edges[0]!.loc.line]).toEqual([14, 5, 17]);
  });

  it('maps a one-digit gather to a menu: keypress and speech are options, timeout is no input', () => {
    const menu = nodeOf(flow, 'main_menu');
    if (menu.type !== 'menu') throw new Error('not a menu');
    expect([menu.timeoutSeconds, menu.retries, menu.edges.filter((edge) => edge.kind === 'option').length]).toEqual([6, 2, 2]);
    // The split on its Digits judges the key: the split's noMatch is the menu's no-match handling.
    expect(exits(flow, 'main_menu')).toEqual(['option:keypress -> route', 'option:speech -> route', 'noInput -> goodbye', 'noMatch -> main_menu']);
    expect(menu.fieldLocs.get('timeoutSeconds')?.line).toBe(31);
  });

  it('maps split-based-on to a branch: match transitions are cases, noMatch the default', () => {
    expect(exits(flow, 'route')).toEqual([
      'case:0 -> account_number', 'case:1 -> flex', 'case:2 -> voicemail', 'case:3 -> front_desk', 'default -> main_menu',
    ]);
    expect(nodeOf(flow, 'route').edges.map((edge) => edge.optionLabel)).toEqual(['billing', 'equal_to 2', 'message', 'front desk', undefined]);
  });

  it('maps a multi-digit gather to an input named after the widget; a transition without next ends the call', () => {
    const input = nodeOf(flow, 'account_number');
    expect(input).toMatchObject({ type: 'input', collects: 'account_number', identity: true, timeoutSeconds: 8 });
    expect(exits(flow, 'account_number')).toEqual(['next -> lookup', 'noMatch -> account_number.end', 'noInput -> main_menu']);
    const end = nodeOf(flow, 'account_number.end');
    expect(end).toMatchObject({ type: 'hangup', outcome: 'unresolved' });
    expect([end.loc.line, end.loc.pointer]).toEqual([69, '/states/4/transitions/1']);
  });

  it('maps make-http-request and run-function to branches: success goes on, failure is onError', () => {
    // Failure is the backend-failure path.
    expect(exits(flow, 'lookup')).toEqual(['default -> remember', 'error -> sorry']);
    expect(exits(flow, 'check_balance')).toEqual(['default -> balance', 'error -> check_balance.end']);
  });

  it('maps set-variables to a silent step and keeps Liquid-only prompts unknown', () => {
    expect(nodeOf(flow, 'remember')).toMatchObject({ type: 'play', say: [] });
    expect(nodeOf(flow, 'balance').say).toEqual([]);
    expect(flow.unknowns).toContain('prompt text held in variables');
  });

  it('maps run-subflow to an opaque step, or to a subflow when its file is known', () => {
    expect(exits(flow, 'survey')).toEqual(['default -> goodbye', 'case:0 -> sorry']);
    expect(flow.unknowns).toContain('flow `FW0000` (not among the files linted)');
    const resolved = importTwilio('all-widgets.json', result.text, { resolveFlow: (sid) => (sid === 'FW0000' ? 'survey.json' : undefined) });
    expect(nodeOf(flowOf(resolved), 'survey')).toMatchObject({ type: 'subflow', flow: 'survey.json' });
    expect(exits(flowOf(resolved), 'survey')).toEqual(['next -> goodbye']);
    expect(resolved.notes!.some((note) => note.message.includes('"failed" exit of subflow `survey`'))).toBe(true);
  });

  it('maps send-to-flex and enqueue-call to queues answered by an agent', () => {
    expect(nodeOf(flow, 'flex')).toMatchObject({ type: 'queue', music: true });
    expect(exits(flow, 'flex')).toEqual(['next -> flex.agent', 'full -> queue']);
    // After the conversation (callComplete) the flow goes on from the agent.
    expect(exits(flow, 'flex.agent')).toEqual(['next -> goodbye']);
    expect(exits(flow, 'queue')).toEqual(['next -> queue.agent', 'full -> queue.end']);
    expect(exits(flow, 'queue.agent')).toEqual([]);
    expect(nodeOf(flow, 'queue').label).toBe('queue (support)');
  });

  it('maps record-voicemail so that the call ends with a voicemail left', () => {
    expect(exits(flow, 'voicemail')).toEqual(['default -> thanks', 'case:0 -> sorry']);
    expect(nodeOf(flow, 'thanks')).toMatchObject({ type: 'hangup', outcome: 'voicemail', say: [] });
    expect(flow.unknowns).toContain('content of recorded audio prompts');
  });

  it('maps connect-call-to to a transfer whose timeout is the ring time; without next the call leaves', () => {
    const transfer = nodeOf(flow, 'front_desk');
    expect(transfer).toMatchObject({ type: 'transfer', to: '+15555550100', ringTimeoutSeconds: 20, context: false, edges: [] });
    expect(transfer.fieldLocs.get('ringTimeoutSeconds')?.line).toBe(156);
  });

  it('reads an unknown widget as a pass-through step with a note', () => {
    expect(exits(flow, 'pay')).toEqual(['default -> goodbye', 'case:0 -> sorry']);
    expect(result.notes!.find((note) => note.message.includes('"capture-payments"'))?.loc.line).toBe(158);
  });

  it('ends the call after a say-play without next, prompt included', () => {
    expect(nodeOf(flow, 'goodbye')).toMatchObject({ type: 'hangup', say: ['Thanks for calling. Goodbye.'] });
  });
});

describe('Twilio REST API wrapper and placeholders', () => {
  const result = importFixture('twilio/wrapped-definition.json');
  const flow = flowOf(result);

  it('reads the flow under `definition`, named by `friendly_name`', () => {
    expect(result.problems).toEqual([]);
    expect(flow.name).toBe('Support line (REST API)');
    expect(flow.entry).toBe('hello');
    const hello = nodeOf(flow, 'hello');
    expect([hello.loc.line, hello.loc.pointer]).toEqual([16, '/definition/states/1']);
  });

  it('keeps placeholders as opaque values and says what is unknown', () => {
    expect(nodeOf(flow, 'hello').say).toEqual(['Hello {{trigger.call.From}}, connecting you now.']);
    expect(flow.unknowns).toContain('prompt text that depends on Liquid variables');
    expect(nodeOf(flow, 'to_agent')).toMatchObject({ type: 'transfer', to: '${AGENT_NUMBER}', ringTimeoutSeconds: undefined });
    expect(flow.unknowns).toContain('how long transfers ring');
    // Whoever answers a placeholder number is a person; callCompleted goes on after the conversation.
    expect(exits(flow, 'to_agent')).toEqual(['next -> to_agent.answered']);
    expect(nodeOf(flow, 'to_agent.answered')).toMatchObject({ type: 'agent' });
    expect(exits(flow, 'to_agent.answered')).toEqual(['next -> bye']);
  });
});

describe('Twilio dangling transition', () => {
  it('is an edge to the sanitized missing state, reported by unknown-target at the value', () => {
    const result = importFixture('twilio/dangling.json');
    const flow = flowOf(result);
    const edge = nodeOf(flow, 'hello').edges[0]!;
    expect(edge.to).toBe('old_menu');
    expect(nodeOf(flow, 'hello').label).toBeUndefined();
    expect(flow.nodes.has('old_menu')).toBe(false);
    expect(textAt(result.text, edge.loc.line, edge.loc.column)).toMatch(/^"old menu"/);
    const findings = runRules(flow, resolveRules()).filter((finding) => finding.ruleId === 'unknown-target');
    expect(findings.map((finding) => [finding.line, finding.column])).toEqual([[edge.loc.line, edge.loc.column]]);
  });
});

describe('Twilio edge cases', () => {
  it('skips a flow whose trigger starts on messages only: it is no call flow', () => {
    const result = importTwilio('sms.json', JSON.stringify({
      states: [{ name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingMessage', next: 'reply' }, { event: 'incomingCall' }], properties: {} },
        { name: 'reply', type: 'send-message', transitions: [{ event: 'sent' }], properties: {} }],
      initial_state: 'Trigger',
    }));
    expect(result.flow).toBeUndefined();
    expect(result.skipped).toContain('for messages only');
  });

  it('ends calls at once, with a note, when the trigger starts nothing at all', () => {
    const result = importTwilio('empty.json', JSON.stringify({
      states: [{ name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingCall' }], properties: {} }],
      initial_state: 'Trigger',
    }));
    const flow = flowOf(result);
    expect(nodeOf(flow, 'Trigger').type).toBe('hangup');
    expect(result.notes![0]!.message).toContain('no `incomingCall` transition');
  });

  it('makes ids of state names that are not ids, keeping the name as label', () => {
    const result = importTwilio('names.json', JSON.stringify({
      states: [{ name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingCall', next: '1st step' }], properties: {} },
        { name: '1st step', type: 'say-play', transitions: [{ event: 'audioComplete', next: 'next step' }], properties: { say: 'Hi.' } },
        { name: 'next step', type: 'say-play', transitions: [{ event: 'audioComplete' }], properties: { say: 'Bye.' } }],
      initial_state: 'Trigger',
    }));
    const flow = flowOf(result);
    expect(flow.entry).toBe('_1st_step');
    expect(nodeOf(flow, '_1st_step')).toMatchObject({ label: '1st step', edges: [expect.objectContaining({ to: 'next_step' })] });
    expect(nodeOf(flow, 'next_step').label).toBe('next step');
  });

  it('reports a state without a name and a definition that is not Studio', () => {
    const unnamed = importTwilio('x.json', '{"states":[{"type":"say-play"}],"initial_state":"Trigger"}');
    expect(unnamed.problems).toEqual([expect.objectContaining({ ruleId: 'schema', message: 'a state needs a `name`' })]);
    const other = importTwilio('y.json', '{"nodes": {}}');
    expect(other.flow).toBeUndefined();
    expect(other.problems[0]!.message).toContain('not a Twilio Studio flow');
  });
});

/** A Studio definition from a trigger transition and widgets, wrapped as the REST API exports it. */
function studio(trigger: { event: string; next: string }, states: unknown[], wrapper: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ...wrapper,
    definition: {
      states: [{ name: 'Trigger', type: 'trigger', transitions: [trigger], properties: {} }, ...states],
      initial_state: 'Trigger',
    },
  });
}

describe('Twilio flows in a project', () => {
  it('reads a flow only a parent starts (incomingParent) as a subflow whose ends go back to the parent', () => {
    const result = importTwilio('verify.json', studio({ event: 'incomingParent', next: 'ask' }, [
      { name: 'ask', type: 'gather-input-on-call', transitions: [{ event: 'keypress', next: 'thanks' }, { event: 'timeout' }], properties: { say: 'Enter your PIN.', number_of_digits: 4 } },
      { name: 'thanks', type: 'say-play', transitions: [{ event: 'audioComplete' }], properties: { say: 'Thank you.' } },
    ]));
    const flow = flowOf(result);
    expect(flow.kind).toBe('subflow');
    expect(flow.entry).toBe('ask');
    const ends = [...flow.nodes.values()].filter((node) => node.type === 'hangup' || node.type === 'return').map((node) => node.type);
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((type) => type === 'return')).toBe(true);
  });

  it('starts a flow run by a REST request (a callback, an outbound call) where the request leads', () => {
    const flow = flowOf(importTwilio('callback.json', studio({ event: 'incomingRequest', next: 'hello' }, [
      { name: 'hello', type: 'say-play', transitions: [{ event: 'audioComplete' }], properties: { say: 'This is Acme calling you back.' } },
    ])));
    expect(flow.entry).toBe('hello');
    expect(flow.kind).toBeUndefined();
  });

  it('names itself by friendly name and SID, and names the flows it runs, redirects to and waits in', () => {
    const webhook = (sid: string, query = ''): string => `https://webhooks.twilio.com/v1/Accounts/AC00/Flows/${sid}${query}`;
    const result = importTwilio('main.json', studio({ event: 'incomingCall', next: 'verify' }, [
      { name: 'verify', type: 'run-subflow', transitions: [{ event: 'completed', next: 'back' }, { event: 'failed' }], properties: { flow_sid: '${verify_subflow_sid}' } },
      { name: 'back', type: 'add-twiml-redirect', transitions: [{ event: 'return', next: 'sales' }], properties: { url: webhook('FWmain', '?FlowEvent=return') } },
      { name: 'sales', type: 'add-twiml-redirect', transitions: [{ event: 'return' }], properties: { url: webhook('FWsales') } },
      { name: 'flex', type: 'send-to-flex', transitions: [{ event: 'callComplete' }], properties: { workflow: 'WW1', waitUrl: webhook('FWwait') } },
    ], { sid: 'FWmain', friendly_name: 'Acme Main' }));
    expect(result.aliases).toEqual(['Acme Main', 'FWmain']);
    expect(result.references).toEqual([
      { name: 'verify_subflow', role: 'module' },
      { name: 'FWsales', role: 'transfer' },
      { name: 'FWwait', role: 'queue-flow' },
    ]);
  });

  it('makes a redirect to another flow linted with it a hop to that flow; unresolved, the flow is named', () => {
    const source = studio({ event: 'incomingCall', next: 'sales' }, [
      { name: 'sales', type: 'add-twiml-redirect', transitions: [{ event: 'return' }, { event: 'timeout' }], properties: { url: 'https://webhooks.twilio.com/v1/Accounts/AC00/Flows/FWsales' } },
    ]);
    const alone = flowOf(importTwilio('main.json', source));
    expect(alone.unknowns).toContain('flow `FWsales` (not among the files linted)');
    const linked = flowOf(importTwilio('main.json', source, { resolveFlow: (name) => (name === 'FWsales' ? 'sales.json' : undefined) }));
    expect(nodeOf(linked, 'sales')).toMatchObject({ type: 'subflow', flow: 'sales.json' });
    expect(exits(linked, 'sales')).toEqual([]);
  });

  it('knows what a queue without a wait URL plays (Twilio hold music, nothing said); a wait URL leaves it unknown', () => {
    const queue = (properties: Record<string, unknown>): ReturnType<typeof flowOf> => flowOf(importTwilio('q.json', studio({ event: 'incomingCall', next: 'flex' }, [
      { name: 'flex', type: 'send-to-flex', transitions: [{ event: 'callComplete' }], properties: { workflow: 'WW1', ...properties } },
    ])));
    const plain = queue({});
    expect(nodeOf(plain, 'flex')).toMatchObject({ type: 'queue', music: true, announcements: false, announceWait: false, callback: false });
    const custom = queue({ waitUrl: 'https://example.twil.io/wait-experience' });
    expect(custom.unknowns).toContain('what the wait URL plays while callers wait');
    expect([...(nodeOf(custom, 'flex') as { unknown: Set<string> }).unknown]).toEqual(expect.arrayContaining(['announcements', 'announceWait', 'callback']));
  });

  it('describes what it plays to callers waiting in a queue that runs it', () => {
    const flow = flowOf(importTwilio('wait.json', studio({ event: 'incomingCall', next: 'tell' }, [
      { name: 'tell', type: 'say-play', transitions: [{ event: 'audioComplete', next: 'music' }], properties: { say: 'Your wait is about 3 minutes. Press 1 and we will call you back.' } },
      { name: 'music', type: 'say-play', transitions: [{ event: 'audioComplete' }], properties: { play: 'https://example.com/hold.mp3' } },
    ])));
    expect(flow.hold).toEqual({ flow: 'wait', music: true, announcements: true, announceWait: true, callback: true });
  });
});
