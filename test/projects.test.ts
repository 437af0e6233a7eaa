// Platform exports linted together are one project: references between flows are followed, each flow
// has its kind (entry, in-queue, whisper, hold, module), and the in-queue flow is what the queues play.
// Real exports: fixtures/platform/projects/ (sources in fixtures/platform/SOURCES.md).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { Project } from '../src/load/project.js';
import type { FileResult } from '../src/model/result.js';
import type { QueueNode } from '../src/model/flow.js';
import { ROOT } from './helpers.js';

const ACME = join(ROOT, 'fixtures/platform/projects/acme');
const RULES_ENGINE = join(ROOT, 'fixtures/platform/projects/rules-engine');

const acme = (name: string): string => join(ACME, `${name}.json`);
const rulesEngine = (name: string): string => join(RULES_ENGINE, `${name}.json`);

function resultOf(files: readonly FileResult[], path: string): FileResult {
  const found = files.find((file) => file.file === path);
  if (!found) throw new Error(`no result for ${path}`);
  return found;
}

const ruleIds = (result: FileResult): string[] => result.findings.map((finding) => finding.ruleId);

describe('a project folder (Amazon Connect, acme)', async () => {
  const run = await audit([ACME], { noConfig: true });

  it('reads each flow type: whisper, hold, queue, module, and the entry flows', () => {
    const kinds = Object.fromEntries([...run.flows].map(([file, flow]) => [file.slice(ACME.length + 1), flow.kind ?? 'flow']));
    expect(kinds).toEqual({
      'acme_agent_whisper_AUTO.json': 'whisper',
      'acme_contact_flow_module_AUTO.json': 'module',
      'acme_customer_queue_AUTO.json': 'queue-flow',
      'acme_customer_whisper_AUTO.json': 'whisper',
      'acme_hold_AUTO.json': 'hold',
      'acme_main_AUTO.json': 'flow',
      'acme_outbound_flow1_AUTO.json': 'whisper',
      'acme_outbound_flow2_AUTO.json': 'whisper',
      'acme_queue_transfer_AUTO.json': 'flow',
    });
  });

  it('reports no flow for never reaching a person, and no transfer chain made of flow hops', () => {
    for (const file of run.files) {
      expect(ruleIds(file), file.file).not.toContain('no-human');
      expect(ruleIds(file), file.file).not.toContain('transfer-chain');
    }
  });

  it('follows the main flow into the flow it transfers to and the module it runs', () => {
    const main = resultOf(run.files, join(ACME, 'acme_main_AUTO.json'));
    expect(main.unknowns.join('\n')).not.toMatch(/where transfers to other flows lead|what flow modules do|not among the files linted/);
    // The queue is in acme_queue_transfer_AUTO: its findings reach the main flow at the call site.
    expect(main.findings.some((finding) => finding.message.includes('(acme_queue_transfer_AUTO.json)'))).toBe(true);
  });

  it('hears in the queue what the customer queue flow plays, and judges that', () => {
    const transfer = run.flows.get(acme('acme_queue_transfer_AUTO'))!;
    const queue = [...transfer.nodes.values()].find((node): node is QueueNode => node.type === 'queue')!;
    // "Please stay on the line for the next available representative." and a looped recorded prompt.
    expect(queue).toMatchObject({ music: true, announcements: true, announceWait: false, callback: false });
    expect(transfer.unknowns).not.toContain('what the customer queue flow announces while callers wait');
    const result = resultOf(run.files, acme('acme_queue_transfer_AUTO'));
    expect(ruleIds(result)).toContain('no-wait-estimate');
    expect(ruleIds(result)).not.toContain('silent-hold');
  });

  it('does not take a hold loop that plays until the agent resumes for the end of the call', () => {
    const hold = resultOf(run.files, acme('acme_hold_AUTO'));
    expect(ruleIds(hold)).not.toContain('dead-end');
  });
});

describe('a flow linted alone keeps naming what lies in other files', () => {
  it('names the flows it transfers to and the module it runs as unknowns', async () => {
    const run = await audit([acme('acme_main_AUTO')], { noConfig: true });
    const [main] = run.files;
    expect(main!.unknowns).toEqual(expect.arrayContaining([
      'where transfers to other flows lead',
      'flow `acme_queue_transfer_AUTO` (not among the files linted)',
      'what flow modules do',
      'flow `acme_contact_flow_module_AUTO` (not among the files linted)',
    ]));
  });

  it('infers an in-queue flow from what it does, and does not report it for never reaching a person', async () => {
    const run = await audit([rulesEngine('RulesEngineCustomerQueue')], { noConfig: true });
    expect(run.flows.get(rulesEngine('RulesEngineCustomerQueue'))?.kind).toBe('queue-flow');
    expect(ruleIds(run.files[0]!)).not.toContain('no-human');
  });
});

describe('a project without wrapped types (Amazon Connect rules engine)', async () => {
  const files = readdirSync(RULES_ENGINE).map((name) => join(RULES_ENGINE, name));
  const run = await audit(files, { noConfig: true });

  it('types flows by the hooks that set them and by what they do', () => {
    const kindOf = (name: string): string => run.flows.get(rulesEngine(name))?.kind ?? 'flow';
    expect(kindOf('RulesEngineCustomerQueue')).toBe('queue-flow');
    expect(kindOf('RulesEngineCustomerWhisper')).toBe('whisper');
    expect(kindOf('RulesEngineAgentWhisper')).toBe('whisper');
    expect(kindOf('RulesEngineCustomerHold')).toBe('hold');
    expect(kindOf('RulesEngineMain')).toBe('flow');
    expect(kindOf('RulesEngineQueue')).toBe('flow');
  });

  it('loops back to a flow already running instead of reporting a cycle of flows', () => {
    for (const file of run.files) expect(ruleIds(file), file.file).not.toContain('subflow-cycle');
    const menu = resultOf(run.files, rulesEngine('RulesEngineDTMFMenu'));
    expect(ruleIds(menu)).not.toContain('no-human');
  });

  it('names what the customer queue flow does not tell (its messages come from a Lambda)', () => {
    const queue = resultOf(run.files, rulesEngine('RulesEngineQueue'));
    expect(queue.unknowns).toContain('what the customer queue flow `RulesEngineCustomerQueue` tells callers (announceWait, callback: held in attributes)');
  });

  it('keeps a reference it cannot resolve (a flow ARN from a Lambda) as a named unknown', () => {
    const main = resultOf(run.files, rulesEngine('RulesEngineMain'));
    expect(main.unknowns).toContain('flow `CurrentRule_nextFlowArn` (not among the files linted)');
  });
});

describe('Project', () => {
  const member = (path: string, aliases: string[]) => ({ path, aliases, references: [] });

  it('finds an export by name, placeholder name, ARN or file name, ignoring case and punctuation', () => {
    const project = new Project([
      member('/p/main.json', ['Acme Main', 'arn:aws:connect:eu-west-1:1:instance/i/contact-flow/1234-abcd']),
      member('/p/RulesEngineError.json', []),
    ]);
    expect(project.find('acme_main')).toBe('/p/main.json');
    expect(project.find('1234-abcd')).toBe('/p/main.json');
    expect(project.find('rulesengineerror')).toBe('/p/RulesEngineError.json');
    expect(project.find('billing')).toBeUndefined();
  });

  it('leaves a name two exports share unresolved rather than guessing', () => {
    const project = new Project([member('/a/error.json', []), member('/b/error.json', [])]);
    expect(project.find('error')).toBeUndefined();
  });

  it('gives an export the kind its references make it', () => {
    const project = new Project([
      { path: '/p/main.json', aliases: [], references: [{ name: 'waiting', role: 'queue-flow' as const }] },
      member('/p/waiting.json', []),
    ]);
    expect(project.importOptions('/p/waiting.json')?.kind).toBe('queue-flow');
    expect(project.importOptions('/p/main.json')?.resolveFlow?.('waiting')).toBe('waiting.json');
  });
});

const GENESYS = join(ROOT, 'fixtures/import/genesys/project');
const CALL_PARK = join(ROOT, 'fixtures/platform/projects/call-park');
const genesys = (name: string): string => join(GENESYS, `${name}.yaml`);

describe('a Genesys project: a call flow, a flow it hops to, a common module, an in-queue flow', async () => {
  const run = await audit([GENESYS], { noConfig: true });

  it('reads the in-queue flow and the common module as their kinds', () => {
    const kindOf = (name: string): string => run.flows.get(genesys(name))?.kind ?? 'flow';
    expect(kindOf('support-in-queue')).toBe('queue-flow');
    expect(kindOf('authenticate')).toBe('module');
    expect(kindOf('main-line')).toBe('flow');
  });

  it('inlines the common module and follows transferToFlow into the other flow, by the names they give', () => {
    const main = run.flows.get(genesys('main-line'))!;
    expect(main.nodes.get('Startup_10.Authenticate_the_caller')).toMatchObject({ type: 'subflow', flow: 'authenticate.yaml' });
    expect(main.nodes.get('Billing.To_billing')).toMatchObject({ type: 'subflow', flow: 'billing-line.yaml' });
    const result = resultOf(run.files, genesys('main-line'));
    expect(result.unknowns.join('\n')).not.toMatch(/not among the files linted|what common modules do/);
    expect(ruleIds(result)).not.toContain('transfer-chain');
  });

  it('hears in the queues what their in-queue flow plays: the wait told, a callback offered', () => {
    const main = run.flows.get(genesys('main-line'))!;
    const queue = main.nodes.get('Support_queue') as QueueNode;
    expect(queue).toMatchObject({ holdFlow: 'Support In-Queue', music: true, announcements: true, announceWait: true, callback: true });
    const result = resultOf(run.files, genesys('main-line'));
    expect(ruleIds(result)).not.toContain('no-wait-estimate');
    expect(ruleIds(result)).not.toContain('hold-without-callback');
    expect(result.unknowns).not.toContain('what the in-queue flow announces while callers wait (3 queues)');
  });

  it('judges the in-queue flow and the module as what they are: no no-human, no dead end at the end of their task', () => {
    for (const name of ['support-in-queue', 'authenticate']) {
      const ids = ruleIds(resultOf(run.files, genesys(name)));
      expect(ids, name).not.toContain('no-human');
      expect(ids, name).not.toContain('dead-end');
    }
  });

  it('alone, names what it cannot follow', async () => {
    const [main] = (await audit([genesys('main-line')], { noConfig: true })).files;
    expect(main!.unknowns).toEqual(expect.arrayContaining([
      'what common modules do',
      'flow `Authenticate` (not among the files linted)',
      'flow `Acme Billing Line` (not among the files linted)',
      'flow `Support In-Queue` (not among the files linted)',
    ]));
  });
});

describe('a Genesys project folder (GenesysCloudBlueprints call park)', async () => {
  const run = await audit([CALL_PARK], { noConfig: true });
  const park = (name: string): string => join(CALL_PARK, `${name}.yaml`);

  it('types both in-queue flows as in-queue flows', () => {
    expect(run.flows.get(park('default-in-queue-flow'))?.kind).toBe('queue-flow');
    expect(run.flows.get(park('in-queue-orbit-call-park-hold'))?.kind).toBe('queue-flow');
    for (const name of ['default-in-queue-flow', 'in-queue-orbit-call-park-hold']) {
      expect(ruleIds(resultOf(run.files, park(name))), name).not.toContain('no-human');
      expect(ruleIds(resultOf(run.files, park(name))), name).not.toContain('dead-end');
    }
  });

  it('keeps the in-queue flow the queue names by a deploy placeholder as a named unknown, not a guess', () => {
    const inbound = resultOf(run.files, park('call-park-agent-inbound-flow'));
    expect(inbound.unknowns).toContain('flow `{{in_queue_flow_name}}` (not among the files linted)');
    expect(inbound.unknowns).toContain('what the in-queue flow announces while callers wait');
    expect(inbound.unknowns.join('\n')).not.toContain('which customer queue flow');
  });
});

describe('the kind of each flow in the JSON output', () => {
  it('is `files[].flow.kind`, `flow` for flows callers dial', async () => {
    const { formatResult } = await import('../src/report/index.js');
    const result = await audit([join(ACME, 'acme_customer_queue_AUTO.json'), join(ACME, 'acme_main_AUTO.json')], { noConfig: true });
    const json = JSON.parse(await formatResult('json', result, { color: false, cwd: ROOT })) as { files: Array<{ file: string; flow: { kind: string } }> };
    const kinds = Object.fromEntries(json.files.map((file) => [file.file.split('/').pop(), file.flow.kind]));
    expect(kinds).toEqual({ 'acme_customer_queue_AUTO.json': 'queue-flow', 'acme_main_AUTO.json': 'flow' });
  });
});

describe('a legacy Connect export whose queues each play the customer queue flow set on the way', async () => {
  const LEGACY = join(ROOT, 'fixtures/import/connect/project-legacy');
  const front = join(LEGACY, 'front-door.json');
  const run = await audit([LEGACY], { noConfig: true });

  it('reads SetCustomerQueueFlow and SetContactFlow (Type CustomerQueue) as the queue flow of the queues after them', () => {
    const flow = run.flows.get(front)!;
    expect(flow.nodes.get('support-queue')).toMatchObject({ holdFlow: 'Support waiting room', announceWait: true, callback: true });
    expect(flow.nodes.get('sales-queue')).toMatchObject({ holdFlow: 'Sales music', music: true, announceWait: false, callback: false });
  });

  it('judges each queue by its own queue flow, not the project by one', () => {
    const findings = resultOf(run.files, front).findings;
    const waitless = findings.filter((finding) => finding.ruleId === 'no-wait-estimate').map((finding) => finding.nodeId);
    expect(waitless).toEqual(['sales-queue']);
    expect(resultOf(run.files, front).unknowns.join('\n')).not.toMatch(/customer queue flow|not among the files linted/);
  });

  it('alone, names the queue flows it sets as unknowns', async () => {
    const [alone] = (await audit([front], { noConfig: true })).files;
    expect(alone!.unknowns).toEqual(expect.arrayContaining([
      'flow `Support waiting room` (not among the files linted)',
      'flow `Sales music` (not among the files linted)',
      'what the customer queue flow announces while callers wait (2 queues)',
    ]));
  });
});

const TWILIO = join(ROOT, 'fixtures/import/twilio/project');
const twilio = (name: string): string => join(TWILIO, `${name}.json`);

describe('a Twilio Studio project: a main line, a verification subflow, a flow it redirects to, a wait flow, a messaging flow', async () => {
  const run = await audit([TWILIO], { noConfig: true });
  const kindOf = (name: string): string => run.flows.get(twilio(name))?.kind ?? 'flow';

  it('skips the messaging-only flow, saying why, and types the others by how they are started and used', () => {
    expect(run.skipped?.map((skip) => skip.file)).toEqual([twilio('sms-notifications')]);
    expect(run.skipped?.[0]?.reason).toContain('for messages only');
    expect(kindOf('verify-caller')).toBe('subflow');
    expect(kindOf('support-wait')).toBe('queue-flow');
    expect(kindOf('main-line')).toBe('flow');
    expect(kindOf('billing-line')).toBe('flow');
  });

  it('follows run-subflow by SID and a TwiML redirect to another flow\'s webhook, as hops to flows', () => {
    const main = run.flows.get(twilio('main-line'))!;
    expect(main.nodes.get('verify_caller')).toMatchObject({ type: 'subflow', flow: 'verify-caller.json' });
    expect(main.nodes.get('to_billing')).toMatchObject({ type: 'subflow', flow: 'billing-line.json' });
    const result = resultOf(run.files, twilio('main-line'));
    expect(result.unknowns.join('\n')).not.toMatch(/not among the files linted/);
    expect(ruleIds(result)).not.toContain('transfer-chain');
    expect(ruleIds(result)).not.toContain('no-human');
  });

  it('reads the menu\'s keys from the split that tests its digit, and hears the person the prompt names', () => {
    const menu = run.flows.get(twilio('main-line'))!.nodes.get('main_menu')!;
    expect(menu.edges.filter((edge) => edge.kind === 'option').map((edge) => [edge.label, edge.to])).toEqual([['option:speech', 'main_menu.end'], ['option:1', 'verify_caller'], ['option:0', 'to_support']]);
    expect(menu.edges.find((edge) => edge.kind === 'noMatch')?.to).toBe('main_menu');
    expect(run.flows.get(twilio('main-line'))!.nodes.has('route_key')).toBe(false);
    expect(ruleIds(resultOf(run.files, twilio('main-line')))).not.toContain('no-zero-out');
  });

  it('hears in the support queue what its wait URL flow plays: the wait told, a callback offered', () => {
    const queue = run.flows.get(twilio('main-line'))!.nodes.get('to_support') as QueueNode;
    expect(queue).toMatchObject({ holdFlow: 'FW44444444444444444444444444444444', music: true, announcements: true, announceWait: true, callback: true });
    const result = resultOf(run.files, twilio('main-line'));
    expect(result.unknowns).not.toContain('what the wait URL plays while callers wait');
  });

  it('judges the billing queue, with no wait URL, as Twilio\'s plain hold music: no wait told, no callback', () => {
    const ids = ruleIds(resultOf(run.files, twilio('billing-line')));
    expect(ids).toContain('no-wait-estimate');
    expect(ids).toContain('hold-without-callback');
  });

  it('judges the subflow and the wait flow as what they are: no no-human, no dead end, no loop without exit', () => {
    for (const name of ['verify-caller', 'support-wait']) {
      const ids = ruleIds(resultOf(run.files, twilio(name)));
      expect(ids, name).not.toContain('no-human');
      expect(ids, name).not.toContain('dead-end');
      expect(ids, name).not.toContain('no-exit');
      expect(ids, name).not.toContain('long-preamble');
    }
  });

  it('reports what is true for callers of the main line: a spoken answer at the menu ends the call; voicemail after hours is help', () => {
    const result = resultOf(run.files, twilio('main-line'));
    const deadEnds = result.findings.filter((finding) => finding.ruleId === 'dead-end');
    expect(deadEnds.map((finding) => finding.path?.at(-1))).toEqual(['main_menu.end']);
    expect(ruleIds(result)).not.toContain('after-hours-dead-end');
    expect(result.score!.value).toBeGreaterThanOrEqual(55);
    expect(result.score!.value).toBeLessThanOrEqual(80);
  });

  it('alone, names the flows it cannot follow and what the wait URL plays', async () => {
    const [main] = (await audit([twilio('main-line')], { noConfig: true })).files;
    expect(main!.unknowns).toEqual(expect.arrayContaining([
      'flow `FW22222222222222222222222222222222` (not among the files linted)',
      'flow `FW33333333333333333333333333333333` (not among the files linted)',
      'what the wait URL plays while callers wait',
    ]));
  });
});
