// Readable names (issue 10, item 5): human output names a Connect block by what it is and says,
// never by its UUID; JSON and SARIF keep the UUID in their id fields, with the label beside it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { connectLabel, referenceName } from '../../src/load/importers/connect-labels.js';
import { buildFlowGraph } from '../../src/report/flowgraph.js';
import { formatDot, formatMermaid } from '../../src/report/graphtext.js';
import { formatResult } from '../../src/report/index.js';
import type { Flow } from '../../src/model/flow.js';
import { isMachineId, readableNames, readableText } from '../../src/rules/names.js';
import { ROOT } from '../helpers.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const EXPORTS = ['connect', 'genesys', 'twilio'].flatMap((platform) =>
  readdirSync(join(ROOT, 'fixtures/platform', platform)).map((name) => `fixtures/platform/${platform}/${name}`));

// Exports whose human output still shows a UUID (none: the unknowns name blocks by label too).
const UNNAMED_TODAY = new Set<string>();

describe('readable names in human output', () => {
  const showsNoUuid = async (file: string): Promise<void> => {
    const result = await audit([file], { cwd: ROOT });
    // A flow's own name is the author's, as written (a Terraform test flow is named with a UUID).
    const flowName = result.files[0]!.flow?.name ?? '';
    for (const format of ['stylish', 'markdown', 'html', 'github', 'junit'] as const) {
      const output = (await formatResult(format, result, { color: false, cwd: ROOT })).split(flowName).join('');
      expect(UUID.exec(output)?.[0], `${format} of ${file}`).toBeUndefined();
    }
  };
  it.each(EXPORTS.filter((file) => !UNNAMED_TODAY.has(file)))('%s: no stylish, markdown or html output shows a UUID', showsNoUuid);
  for (const file of UNNAMED_TODAY) it.fails(`${file}: no stylish, markdown or html output shows a UUID`, () => showsNoUuid(file));

  it('keeps the UUID in JSON id fields and adds the label beside it', async () => {
    const result = await audit(['fixtures/platform/connect/acme_main_AUTO.json'], { cwd: ROOT });
    const json = JSON.parse(await formatResult('json', result, { color: false, cwd: ROOT })) as {
      files: Array<{ findings: Array<{ ruleId: string; nodeId?: string; label?: string; message: string; path?: string[]; pathLabels?: string[] }> }>;
    };
    const findings = json.files[0]!.findings;
    // The bot's finding: its intents reach people, its prompt does not say so.
    const lex = findings.find((finding) => finding.ruleId === 'no-zero-out')!;
    expect(lex.nodeId).toMatch(UUID);
    expect(lex.label).toBe('Lex bot acme-lexbot');
    expect(lex.message).toMatch(/^Lex bot acme-lexbot reaches a person/);
    const deadEnd = findings.find((finding) => finding.ruleId === 'dead-end')!;
    expect(deadEnd.path!.some((id) => UUID.test(id))).toBe(true);
    expect(deadEnd.pathLabels).toContain('play "Welcome to ACME corporation"');
    expect(deadEnd.pathLabels!.length).toBe(deadEnd.path!.length);
  });

  it('names SARIF logical locations by id, with the label as a property', async () => {
    const result = await audit(['fixtures/platform/connect/acme_main_AUTO.json'], { cwd: ROOT });
    const sarif = JSON.parse(await formatResult('sarif', result, { color: false, cwd: ROOT })) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ logicalLocations?: Array<{ name: string; properties?: { label?: string } }> }> }> }>;
    };
    const lex = sarif.runs[0]!.results.find((each) => each.ruleId === 'no-zero-out')!;
    const logical = lex.locations[0]!.logicalLocations![0]!;
    expect(logical.name).toMatch(UUID);
    expect(logical.properties?.label).toBe('Lex bot acme-lexbot');
  });

  it('draws graph nodes by label', async () => {
    const result = await audit(['fixtures/platform/connect/acme_queue_transfer_AUTO.json'], { cwd: ROOT });
    const flow = result.flows!.values().next().value!;
    const graph = buildFlowGraph(flow, result.files[0]!.findings);
    expect(UUID.exec(formatMermaid(graph))?.[0]).toBeUndefined();
    expect(formatDot(graph, 'flow')).toContain('disconnect');
  });

  it('leaves readable ids as they are', async () => {
    const result = await audit(['fixtures/platform/genesys/inboundcall_flow_example.yaml'], { cwd: ROOT });
    expect(result.files[0]!.findings.some((finding) => finding.message.includes('`mainMenu`'))).toBe(true);
    expect(result.files[0]!.findings.every((finding) => finding.label === undefined)).toBe(true);
  });
});

describe('names', () => {
  const names = new Map([
    ['_5282cb52-045b-41ef-ad5d-99dac155bbe9', 'menu "For billing press 1…"'],
    ['_5282cb52-045b-41ef-ad5d-99dac155bbe9.agent', 'agent answers'],
  ]);

  it('replaces "type `id`", "`id`" and bare ids, longest id first', () => {
    expect(readableText('menu `_5282cb52-045b-41ef-ad5d-99dac155bbe9` has no `onNoInput`', names)).toBe('menu "For billing press 1…" has no `onNoInput`');
    expect(readableText('a → _5282cb52-045b-41ef-ad5d-99dac155bbe9.agent → b', names)).toBe('a → agent answers → b');
    expect(readableText('at `_5282cb52-045b-41ef-ad5d-99dac155bbe9`.', names)).toBe('at menu "For billing press 1…".');
  });

  it('names a datum the importer named after the action by the action\'s label', async () => {
    const flow = JSON.stringify({
      Version: '2019-10-30',
      StartAction: '0c1d2e3f-0000-4000-8000-000000000001',
      Actions: [
        { Identifier: '0c1d2e3f-0000-4000-8000-000000000001', Type: 'GetParticipantInput', Parameters: { Text: 'Please enter your account number.', StoreInput: 'True', InputTimeLimitSeconds: '5' },
          Transitions: { NextAction: '0c1d2e3f-0000-4000-8000-000000000002', Errors: [{ NextAction: '0c1d2e3f-0000-4000-8000-000000000001', ErrorType: 'InputTimeLimitExceeded' }] } },
        { Identifier: '0c1d2e3f-0000-4000-8000-000000000002', Type: 'GetParticipantInput', Parameters: { Text: 'Please enter your account number again.', StoreInput: 'True', InputTimeLimitSeconds: '5' },
          Transitions: { NextAction: '0c1d2e3f-0000-4000-8000-000000000003', Errors: [{ NextAction: '0c1d2e3f-0000-4000-8000-000000000003', ErrorType: 'InputTimeLimitExceeded' }] } },
        { Identifier: '0c1d2e3f-0000-4000-8000-000000000003', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
      ],
    }, null, 2);
    const result = await audit([{ path: 'inputs.json', text: flow }], { cwd: ROOT });
    const output = await formatResult('stylish', result, { color: false, cwd: ROOT });
    expect(output).toContain('input "Please enter your account number."');
    expect(UUID.exec(output)?.[0]).toBeUndefined();
  });

  it('names the platform\'s own spelling of an id (without the leading `_`) by the label too', () => {
    const flow = { nodes: new Map([['_5282cb52-045b-41ef-ad5d-99dac155bbe9', { id: '_5282cb52-045b-41ef-ad5d-99dac155bbe9', label: 'input "Your account?"' }]]) } as unknown as Flow;
    const aliases = readableNames([flow]);
    expect(readableText('asks for `customer input 5282cb52-045b-41ef-ad5d-99dac155bbe9` again', aliases)).toBe('asks for `customer input "Your account?"` again');
  });

  it('tells machine ids from chosen ones', () => {
    expect(isMachineId('_5282cb52-045b-41ef-ad5d-99dac155bbe9')).toBe(true);
    expect(isMachineId('Main_Menu_10')).toBe(false);
  });

  it('makes Connect labels from prompts, Lambdas, queues and flows', () => {
    const label = (type: string, params: Record<string, unknown>, extra: { nodeType?: 'menu' | 'play' | 'branch' | 'queue' | 'transfer'; say?: string[]; metadataName?: string } = {}) =>
      connectLabel({ type, params: new Map(Object.entries(params)), nodeType: extra.nodeType ?? 'branch', say: extra.say ?? [], ...(extra.metadataName ? { metadataName: extra.metadataName } : {}) });
    expect(label('GetParticipantInput', { Text: 'For billing press 1, for sales press 2, for anything else stay on the line' }, { nodeType: 'menu', say: ['For billing press 1, for sales press 2, for anything else stay on the line'] }))
      .toBe('menu "For billing press 1, for sales press 2,…"');
    expect(label('GetParticipantInput', { Text: '$.External.offerMessage' }, { nodeType: 'menu' })).toBe('menu (prompt in offerMessage)');
    expect(label('InvokeLambdaFunction', { LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:checkBalance' })).toBe('Lambda checkBalance');
    expect(label('InvokeLambdaFunction', { LambdaFunctionARN: '{{lambdaFunctions.connectupdatestate.arn}}' })).toBe('Lambda connectupdatestate');
    expect(label('TransferContactToQueue', {}, { nodeType: 'queue', metadataName: 'Billing' })).toBe('queue Billing');
    expect(label('TransferToFlow', { ContactFlowId: '${F:RulesEngineMain:F}' }, { nodeType: 'transfer' })).toBe('flow RulesEngineMain');
    expect(label('UpdateFlowLoggingBehavior', {})).toBe('set flow logging behavior');
    expect(referenceName('arn:aws:connect:us-east-1:1:instance/abc/queue/5282cb52-045b-41ef-ad5d-99dac155bbe9')).toBeUndefined();
  });
});
