// Amazon Connect: every mapped action type, the wrapped and legacy exports, placeholders and a dangling
// transition, each from a fixture in fixtures/import/connect.
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '../../src/engine.js';
import { importConnect } from '../../src/load/importers/index.js';
import { exits, flowOf, importFixture, nodeOf, textAt } from './helpers.js';

describe('Connect flow language: prompts, menus, inputs, decisions', () => {
  const result = importFixture('connect/menu-and-input.json');
  const flow = flowOf(result);

  it('reads the flow without problems, from StartAction', () => {
    expect(result.problems).toEqual([]);
    expect(flow.format).toBe('connect');
    expect(flow.name).toBe('Connect fixture: menus and inputs');
    expect(flow.entry).toBe('set-voice');
    expect([flow.entryLoc.line, flow.entryLoc.pointer]).toEqual([3, '/StartAction']);
  });

  it('maps a settings action to a silent step and MessageParticipant to play', () => {
    expect(nodeOf(flow, 'set-voice')).toMatchObject({ type: 'play', say: [] });
    const welcome = nodeOf(flow, 'welcome');
    expect(welcome).toMatchObject({ type: 'play', say: ['Welcome to Acme. Calls may be recorded.'] });
    // The error exit goes where NextAction goes: one exit, still a play.
    expect(exits(flow, 'welcome')).toEqual(['next -> hours']);
    expect([welcome.loc.line, welcome.loc.column, welcome.sayLoc?.line]).toEqual([15, 5, 18]);
  });

  it('maps CheckHoursOfOperation to the hours decision, behind a branch for its own error exit', () => {
    // The check can fail (NoMatchingError to `sorry`): a branch in front of it holds that `onError`.
    expect(nodeOf(flow, 'hours').type).toBe('branch');
    expect(exits(flow, 'hours')).toEqual(['default -> hours.hours', 'error -> sorry']);
    expect(nodeOf(flow, 'hours.hours')).toMatchObject({ type: 'hours', schedule: 'y' });
    expect(exits(flow, 'hours.hours')).toEqual(['open -> main-menu', 'closed -> closed']);
  });

  it('maps GetParticipantInput with DTMF conditions to a menu', () => {
    const menu = nodeOf(flow, 'main-menu');
    if (menu.type !== 'menu') throw new Error('not a menu');
    expect([menu.timeoutSeconds, menu.retries, menu.edges.filter((edge) => edge.kind === 'option').length]).toEqual([7, 0, 3]);
    expect(exits(flow, 'main-menu')).toEqual([
      'option:1 -> account', 'option:2 -> lookup', 'option:0 -> front-desk', 'noInput -> retry-loop', 'noMatch -> retry-loop',
    ]);
    expect(menu.fieldLocs.get('timeoutSeconds')?.line).toBe(42);
    const option = menu.edges[0]!;
    expect([option.loc.line, option.loc.pointer]).toEqual([47, '/Actions/3/Transitions/Conditions/0/NextAction']);
    // Its system-error exit has no slot on a v1 menu: left out, with a note at the exit.
    expect(result.notes).toEqual([expect.objectContaining({ message: expect.stringContaining('"NoMatchingError" exit of menu `main-menu`') })]);
    expect(result.notes![0]!.loc.line).toBe(54);
  });

  it('maps Loop to a branch that names its count', () => {
    expect(exits(flow, 'retry-loop')).toEqual(['case:0 -> main-menu', 'default -> sorry']);
    expect(nodeOf(flow, 'retry-loop').edges[0]!.optionLabel).toBe('loop again (up to 3 times)');
    // Its LoopCount bounds the loop: the case is taken at most 3 times per call.
    expect(nodeOf(flow, 'retry-loop').edges[0]!.times).toBe(3);
  });

  it('maps GetParticipantInput that stores input to an input, SSML read as words', () => {
    const input = nodeOf(flow, 'account');
    if (input.type !== 'input') throw new Error('not an input');
    expect(input.say).toEqual(['Please enter your account number, then press pound.']);
    expect(input.collects).toBe('customer input account');
    expect(input.identity).toBe(true);
    expect(input.timeoutSeconds).toBe(8);
    expect(exits(flow, 'account')).toEqual(['next -> lookup', 'noInput -> main-menu', 'noMatch -> sorry']);
  });

  it('maps InvokeLambdaFunction and Compare to branches', () => {
    // The Lambda's error exit is the backend-failure path.
    expect(exits(flow, 'lookup')).toEqual(['default -> is-vip', 'error -> sorry']);
    expect(nodeOf(flow, 'lookup').label).toBe('Lambda lookup');
    expect(exits(flow, 'is-vip')).toEqual(['case:0 -> front-desk', 'default -> goodbye']);
    expect(nodeOf(flow, 'is-vip').edges[0]!.optionLabel).toBe('$.External.vip Equals true');
  });

  it('keeps literal prompts and leaves recorded or attribute prompts unknown', () => {
    expect(nodeOf(flow, 'closed').say).toEqual(['We are closed. Please call again tomorrow.']);
    expect(nodeOf(flow, 'front-desk').say).toEqual([]);
    expect(flow.unknowns).toContain('prompt text held in contact attributes');
    expect(flow.unknowns).toContain('content of recorded audio prompts (2 prompts)');
  });

  it('ends the call where an action has no transition, and at DisconnectParticipant', () => {
    expect(nodeOf(flow, 'goodbye')).toMatchObject({ type: 'hangup', outcome: 'unresolved' });
    expect(nodeOf(flow, 'hang-up')).toMatchObject({ type: 'hangup', outcome: 'unresolved' });
  });
});

describe('Connect flow language: queues, transfers, callbacks', () => {
  const result = importFixture('connect/routing.json');
  const flow = flowOf(result);

  it('maps CheckStaffing to the hours decision (no agent staffed is closed) and UpdateContactTargetQueue to a silent step', () => {
    expect(result.problems).toEqual([]);
    expect(exits(flow, 'staffed')).toEqual(['default -> staffed.staffed', 'error -> to-billing-flow']);
    expect(nodeOf(flow, 'staffed.staffed')).toMatchObject({ type: 'hours', schedule: 'agents_staffed', label: 'agents staffed?' });
    expect(exits(flow, 'staffed.staffed')).toEqual(['open -> set-queue', 'closed -> offer-callback']);
    expect(nodeOf(flow, 'set-queue')).toMatchObject({ type: 'play', say: [] });
  });

  it('maps TransferContactToQueue to a queue answered by an agent, full at capacity', () => {
    const queue = nodeOf(flow, 'support-queue');
    expect(queue).toMatchObject({ type: 'queue', music: true, callback: false, maxWaitSeconds: undefined, queue: undefined });
    expect(exits(flow, 'support-queue')).toEqual(['next -> support-queue.agent', 'full -> offer-callback']);
    expect(nodeOf(flow, 'support-queue.agent')).toMatchObject({ type: 'agent', loc: queue.loc });
    expect(flow.unknowns).toContain('how long callers wait in queue before a timeout');
    expect(flow.unknowns).toContain('queue staffing (agents, calls per hour, handle time)');
    // NoMatchingError and NextAction both go to `operator`: one note, not two.
    expect(result.notes!.filter((note) => note.message.includes('support-queue'))).toHaveLength(1);
  });

  it('maps TransferParticipantToThirdParty to a transfer to a person; with ContinueFlowExecution the journey goes on', () => {
    const transfer = nodeOf(flow, 'operator');
    expect(transfer).toMatchObject({ type: 'transfer', to: '+15555550100', ringTimeoutSeconds: 30, context: false, rings: undefined, toFlow: false });
    expect(exits(flow, 'operator')).toEqual(['next -> operator.answered', 'noAnswer -> to-billing-flow', 'busy -> end']);
    expect(nodeOf(flow, 'operator.answered')).toMatchObject({ type: 'agent', label: '+15555550100 answers' });
    expect(exits(flow, 'operator.answered')).toEqual(['next -> survey-module']);
    expect(transfer.fieldLocs.get('ringTimeoutSeconds')?.line).toBe(48);
  });

  it('maps TransferToFlow to a transfer that keeps context, named from the console metadata', () => {
    expect(nodeOf(flow, 'to-billing-flow')).toMatchObject({ type: 'transfer', to: 'flow Billing', context: true, toFlow: true });
    expect(exits(flow, 'to-billing-flow')).toEqual(['noAnswer -> end']);
  });

  it('maps InvokeFlowModule to an opaque step, or to a subflow when its file is known', () => {
    expect(nodeOf(flow, 'survey-module')).toMatchObject({ type: 'play', label: 'module Survey' });
    expect(flow.unknowns).toContain('what flow modules do');
    const resolved = flowOf(importConnect('routing.json', result.text, {
      resolveFlow: (name) => (name === 'Survey' ? 'survey.json' : name === 'Billing' ? 'billing.json' : undefined),
    }));
    expect(nodeOf(resolved, 'survey-module')).toMatchObject({ type: 'subflow', flow: 'survey.json' });
    expect(exits(resolved, 'survey-module')).toEqual(['next -> end']);
    // A transfer to a known flow is a subflow without next: the other flow ends the call.
    expect(nodeOf(resolved, 'to-billing-flow')).toMatchObject({ type: 'subflow', flow: 'billing.json', edges: [] });
  });

  it('maps CreateCallbackContact so that the call ends with a callback promised', () => {
    expect(exits(flow, 'offer-callback')).toEqual(['next -> callback-confirmed']);
    expect(exits(flow, 'callback-confirmed')).toEqual(['next -> end.callback']);
    // `end` is shared with other paths: this path gets its own copy.
    expect(nodeOf(flow, 'end.callback')).toMatchObject({ type: 'hangup', outcome: 'callback', loc: nodeOf(flow, 'end').loc });
    expect(nodeOf(flow, 'end')).toMatchObject({ type: 'hangup', outcome: 'unresolved' });
  });

  it('reads an unknown action type as a pass-through step, with a note naming the type', () => {
    expect(nodeOf(flow, 'wait-a-bit')).toMatchObject({ type: 'play', say: [] });
    expect(exits(flow, 'wait-a-bit')).toEqual(['next -> end']);
    const note = result.notes!.find((candidate) => candidate.message.includes('"Wait"'))!;
    expect(note.message).toBe('Amazon Connect action type "Wait" is not mapped; it is read as a step that passes the call on');
    expect(note.loc.line).toBe(93);
  });
});

describe('Connect wrapped exports', () => {
  it('reads `ContactFlow.Content` as a JSON string, with positions mapped through its escapes', () => {
    const result = importFixture('connect/wrapped-describe.json');
    const flow = flowOf(result);
    expect(result.problems).toEqual([]);
    expect(flow.name).toBe('Orders line');
    expect(flow.description).toBe('DescribeContactFlow output: Content is the flow as a JSON string');
    const greeting = nodeOf(flow, 'greeting');
    expect(greeting.say).toEqual(['Bienvenue au Café "Acme". Region ${REGION}.']);
    expect(greeting.loc.pointer).toBe('/ContactFlow/Content/Actions/0');
    for (const node of flow.nodes.values()) {
      expect(node.loc.line).toBe(9);
      expect(textAt(result.text, node.loc.line, node.loc.column)).toMatch(/^\{\\n/);
    }
    // After the \u00e9 escape (6 characters for 1), positions still land on the right text.
    const menu = nodeOf(flow, 'menu');
    expect(textAt(result.text, menu.sayLoc!.line, menu.sayLoc!.column)).toMatch(/^\\"Press 1 for orders.\\"/);
  });

  it('keeps a transition to a missing action as an edge to a missing id, at the escaped value', () => {
    const result = importFixture('connect/wrapped-describe.json');
    const flow = flowOf(result);
    const full = nodeOf(flow, 'orders-queue').edges.find((edge) => edge.kind === 'full')!;
    expect(full.to).toBe('missing-action');
    expect(flow.nodes.has('missing-action')).toBe(false);
    expect(textAt(result.text, full.loc.line, full.loc.column)).toMatch(/^\\"missing-action\\"/);
    expect(full.loc.pointer).toBe('/ContactFlow/Content/Actions/2/Transitions/Errors/0/NextAction');
  });

  it('reads `Content` given as an object', () => {
    const result = importFixture('connect/wrapped-object.json');
    const flow = flowOf(result);
    expect(result.problems).toEqual([]);
    expect(flow.name).toBe('Object content');
    const hello = nodeOf(flow, 'hello');
    expect([hello.loc.line, hello.loc.column, hello.loc.pointer]).toEqual([9, 9, '/ContactFlow/Content/Actions/0']);
    expect(exits(flow, 'hello')).toEqual(['next -> bye']);
  });
});

describe('Connect legacy export (modules)', () => {
  const result = importFixture('connect/legacy.json');
  const flow = flowOf(result);
  const id = (n: number): string => `_4a1f0c2e-0000-4000-8000-00000000000${n}`;

  it('reads modules, branches and parameters as the flow language does', () => {
    expect(result.problems).toEqual([]);
    expect(flow.name).toBe('Legacy export');
    expect(flow.entry).toBe(id(1));
    expect(flow.entryLoc.line).toBe(98);
    expect([...flow.nodes.values()].map((node) => node.type)).toEqual([
      'play', 'menu', 'branch', 'queue', 'agent', 'input', 'hours', 'branch', 'transfer', 'hangup',
    ]);
    expect(nodeOf(flow, id(1)).say).toEqual(['Thanks for calling the legacy line.']);
  });

  it('maps GetUserInput to a menu: Evaluate branches are options, Timeout and NoMatch the error exits', () => {
    const menu = nodeOf(flow, id(2));
    expect(menu.say).toEqual(['Press 1 for support, 2 to leave your number.']);
    expect(exits(flow, id(2))).toEqual([
      `option:1 -> ${id(3)}`, `option:2 -> ${id(5)}`, `noInput -> ${id(9)}`, `noMatch -> ${id(9)}`,
    ]);
    expect([menu.edges[0]!.loc.line, menu.edges[0]!.loc.pointer]).toEqual([17, '/modules/1/branches/0/transition']);
  });

  it('maps Transfer to a queue, StoreUserInput to an input and Transfer to a flow', () => {
    expect(exits(flow, id(4))).toEqual([`next -> ${id(4)}.agent`, `full -> ${id(9)}`]);
    expect(nodeOf(flow, id(5))).toMatchObject({ type: 'input', timeoutSeconds: 6 });
    expect(exits(flow, id(5))).toEqual([`next -> ${id(6)}`, `noMatch -> ${id(9)}`, `noInput -> ${id(9)}`]);
    expect(nodeOf(flow, id(8))).toMatchObject({ type: 'transfer', to: 'flow After hours', context: true });
  });
});

describe('Connect placeholders', () => {
  const result = importFixture('connect/placeholders.json');
  const flow = flowOf(result);

  it('reads a file whose bare placeholder is not JSON, keeping every position', () => {
    expect(result.problems).toEqual([]);
    const menu = nodeOf(flow, 'menu');
    if (menu.type !== 'menu') throw new Error('not a menu');
    expect([menu.loc.line, menu.edges[0]!.loc.line]).toEqual([11, 21]);
    // `{{menu_timeout}}` is an opaque value: no number is invented, the model default stays and it is unknown.
    expect(menu.timeoutSeconds).toBe(5);
    expect(flow.unknowns).toContain('input time limits held in variables or placeholders');
    expect(menu.say).toEqual(['Press 1 for the team in ${REGION}.']);
  });

  it('treats placeholders in values as opaque', () => {
    expect(nodeOf(flow, 'greeting').say).toEqual([]);
    expect(nodeOf(flow, 'to-team')).toMatchObject({ type: 'transfer', to: 'flow Team' });
  });
});

describe('Connect dangling transition', () => {
  it('is an edge to the sanitized missing id, reported by unknown-target at the value', () => {
    const result = importFixture('connect/dangling.json');
    const flow = flowOf(result);
    const edge = nodeOf(flow, 'hello').edges[0]!;
    expect(edge.to).toBe('deleted_block');
    expect(flow.nodes.has('deleted_block')).toBe(false);
    expect([edge.loc.line, edge.loc.column]).toEqual([9, 38]);
    expect(textAt(result.text, 9, 38)).toMatch(/^"deleted block"/);
    const findings = runRules(flow, resolveRules()).filter((finding) => finding.ruleId === 'unknown-target');
    expect(findings.map((finding) => [finding.line, finding.column, finding.nodeId])).toEqual([[9, 38, 'hello']]);
  });
});

describe('Connect problems', () => {
  it('reports broken JSON as yaml-syntax at its position, with no flow', () => {
    const result = importConnect('broken.json', '{\n  "Version": "2019-10-30",\n  "Actions": [\n');
    expect(result.flow).toBeUndefined();
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]!.ruleId).toBe('yaml-syntax');
  });

  it('reports what is not a Connect flow as a schema problem', () => {
    const result = importConnect('other.json', '{ "hello": "world" }');
    expect(result.flow).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ ruleId: 'schema', message: expect.stringContaining('not an Amazon Connect flow') })]);
  });

  it('reports an action without Identifier and still builds the flow', () => {
    const text = '{"Version":"2019-10-30","StartAction":"a","Actions":[\n{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"Hi"},"Transitions":{"NextAction":"b"}},\n{"Type":"DisconnectParticipant"}]}';
    const result = importConnect('partial.json', text);
    expect(result.problems).toEqual([expect.objectContaining({ ruleId: 'schema', message: 'an action needs an `Identifier` (its id)' })]);
    expect(result.problems[0]!.loc.line).toBe(3);
    expect([...flowOf(result).nodes.keys()]).toEqual(['a', 'action-2']);
  });
});
