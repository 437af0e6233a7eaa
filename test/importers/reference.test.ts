// Every public export in fixtures/platform, and every fixture in fixtures/import: imported without
// problems, every node and edge placed on its text in the original file, and written back as format v1
// that the core loader accepts.
import { describe, expect, it } from 'vitest';
import { detectFormat, flowToYaml, importFlow } from '../../src/load/importers/index.js';
import { loadText } from '../../src/load/index.js';
import { FIXTURE_ROOT, REFERENCE_ROOT, flowEdges, flowFiles, flowOf, read, textAt, yamlGraph } from './helpers.js';

const files = flowFiles(REFERENCE_ROOT);
const fixtures = flowFiles(FIXTURE_ROOT).map((file) => ({ ...file, name: `fixtures/import/${file.name}` }));

/** Pointers whose value is a target id as written (a transition), as opposed to a node's own place. */
const TARGET_VALUE = /\/(NextAction|next|transition|targetMenuRef|targetTaskRef|startUpRef|initial_state)$/;

describe('reference exports and fixtures', () => {
  it('finds all the files listed in SOURCES.md, and a fixture set per platform', () => {
    expect(files.map((file) => file.name)).toEqual([
      'connect/RulesEngineBootstrap.json',
      'connect/RulesEngineCallback.json',
      'connect/RulesEngineCustomerQueue.json',
      'connect/RulesEngineDTMFInput.json',
      'connect/RulesEngineDTMFMenu.json',
      'connect/RulesEngineDisconnect.json',
      'connect/RulesEngineError.json',
      'connect/RulesEngineExternalNumber.json',
      'connect/RulesEngineMain.json',
      'connect/RulesEngineNLUMenu.json',
      'connect/RulesEngineQueue.json',
      'connect/RulesEngineTerminate.json',
      'connect/acme_main_AUTO.json',
      'connect/acme_queue_transfer_AUTO.json',
      'twilio/template_example_callback_flow.json',
      'twilio/template_example_schedule_flow.json',
      'twilio/webinar-flow.json',
      'genesys/DR-Emergency-IVR.yaml',
      'genesys/SimpleFinancialIvr_v2-0.yaml',
      'genesys/inboundcall_flow_example.yaml',
    ]);
    for (const platform of ['connect', 'twilio', 'genesys']) {
      expect(fixtures.filter((file) => file.platform === platform).length).toBeGreaterThanOrEqual(3);
    }
  });

  describe.each([...files, ...fixtures])('$name', ({ platform, name, path }) => {
    const text = read(path);
    const result = importFlow(name, text);

    it('is detected and imported without problems', () => {
      expect(detectFormat(path, text)).toBe(platform);
      expect(result?.format).toBe(platform);
      expect(result?.problems).toEqual([]);
      const flow = flowOf(result!);
      expect(flow.format).toBe(platform);
      expect(flow.nodes.has(flow.entry)).toBe(true);
      expect(flow.settingsGiven.size).toBe(0);
    });

    it('places every node and edge on its text in the original file', () => {
      const flow = flowOf(result!);
      for (const node of flow.nodes.values()) {
        expect(node.loc.file).toBe(name);
        const at = textAt(text, node.loc.line, node.loc.column);
        // Actions and states are objects (`{`); Genesys blocks are keys (`menuTask:`).
        const key = node.loc.pointer.split('/').pop()!;
        expect(at.startsWith('{') || at.startsWith(`${key}:`), `${node.id} at ${node.loc.line}:${node.loc.column}: ${at.slice(0, 40)}`).toBe(true);
        for (const edge of node.edges) {
          expect(edge.loc.file).toBe(name);
          if (!TARGET_VALUE.test(edge.loc.pointer)) continue;
          const value = textAt(text, edge.loc.line, edge.loc.column);
          // The value as written: quoted, or escaped-quoted inside Connect's `Content` string.
          expect(/^(\\?"|[A-Za-z_./])/.test(value), `${edge.label} of ${node.id}: ${value.slice(0, 40)}`).toBe(true);
        }
      }
    });

    it('writes format v1 YAML with the same nodes and edges, which the loader reads without problems', () => {
      const flow = flowOf(result!);
      const yaml = flowToYaml(flow);
      const graph = yamlGraph(yaml);
      expect(graph.version).toBe(1);
      expect(graph.entry).toBe(flow.entry);
      expect(graph.ids).toEqual([...flow.nodes.keys()]);
      expect(graph.edges).toEqual(flowEdges(flow));
      const loaded = loadText(`${name}.ivr.yaml`, yaml);
      expect(loaded.problems).toEqual([]);
      expect([...loaded.flow!.nodes.keys()]).toEqual([...flow.nodes.keys()]);
    });
  });
});

describe('positions in reference exports', () => {
  const load = (name: string) => {
    const text = read(`${REFERENCE_ROOT}${name}`);
    return { text, flow: flowOf(importFlow(name, text)!) };
  };

  it('Connect: an action at its object, its transitions at their values', () => {
    const { flow } = load('connect/RulesEngineDTMFMenu.json');
    const transfer = flow.nodes.get('_2fb6475a-483b-4100-8b76-af48f706fc0d')!;
    expect(transfer.type).toBe('transfer');
    expect(transfer.label).toBe('flow RulesEngineError');
    expect([transfer.loc.line, transfer.loc.column, transfer.loc.pointer]).toEqual([268, 5, '/Actions/0']);
    expect(transfer.edges.map((edge) => [edge.kind, edge.loc.line, edge.loc.column])).toEqual([['noAnswer', 277, 27]]);
    expect([flow.entryLoc.line, flow.entryLoc.pointer]).toEqual([3, '/StartAction']);
  });

  it('Connect: positions inside the `Content` string point into line 4 of the wrapper', () => {
    const { text, flow } = load('connect/acme_main_AUTO.json');
    const welcome = flow.nodes.get('d72fa272-5878-49b0-8e9e-b9327f967cb9')!;
    expect(welcome.say).toEqual(['Welcome to ACME corporation']);
    expect(welcome.loc.line).toBe(4);
    expect(welcome.loc.pointer).toBe('/Content/Actions/0');
    expect(textAt(text, 4, welcome.loc.column)).toMatch(/^\{\\"Parameters\\":\{\\"SSML\\":\\"Welcome/);
    const next = welcome.edges[0]!;
    expect(textAt(text, next.loc.line, next.loc.column)).toMatch(/^\\"254b28a9-88cf-469c-b49c-a2f1d5e0fa4a\\"/);
    expect(textAt(text, 4, welcome.sayLoc!.column)).toMatch(/^\\"Welcome to ACME corporation\\"/);
    expect(textAt(text, flow.entryLoc.line, flow.entryLoc.column)).toMatch(/^\\"cc06f7c7/);
  });

  it('Connect: the Lex bot is a menu with spoken options', () => {
    const { flow } = load('connect/acme_main_AUTO.json');
    const bot = flow.nodes.get('f713e89c-d360-49a9-93ee-1fbaa5e0ff72')!;
    expect(bot.type).toBe('menu');
    expect(bot.edges.filter((edge) => edge.kind === 'option').map((edge) => edge.label)).toEqual(['option:Sales', 'option:Finance']);
  });

  it('Twilio: the webinar gather whose timeout loops back to itself is an edge from that node to itself', () => {
    const { text, flow } = load('twilio/webinar-flow.json');
    expect(flow.entry).toBe('gather_input');
    const gather = flow.nodes.get('gather_input')!;
    expect(gather.type).toBe('menu');
    expect([gather.loc.line, gather.loc.column]).toEqual([26, 5]);
    const loop = gather.edges.find((edge) => edge.kind === 'noInput')!;
    expect([loop.from, loop.to]).toEqual(['gather_input', 'gather_input']);
    expect([loop.loc.line, loop.loc.column, loop.loc.pointer]).toEqual([38, 19, '/states/1/transitions/2/next']);
    expect(textAt(text, loop.loc.line, loop.loc.column)).toBe('"gather_input",');
    // The speech transition has no next: in Studio the call ends there.
    const speech = gather.edges.find((edge) => edge.label === 'option:speech')!;
    expect(flow.nodes.get(speech.to)?.type).toBe('hangup');
    expect(speech.loc.line).toBe(34);
  });

  it('Genesys: menus and choices at their keys, placeholders read as opaque values', () => {
    const { flow } = load('genesys/DR-Emergency-IVR.yaml');
    expect(flow.name).toBe('DR-Emergency-IVR');
    const menu = flow.nodes.get('Main_Menu_10')!;
    expect([menu.type, menu.loc.line, menu.loc.column, menu.label]).toEqual(['menu', 85, 7, 'Main Menu']);
    if (menu.type !== 'menu') throw new Error('not a menu');
    expect(menu.edges.filter((edge) => edge.kind === 'option').length).toBe(7);
    expect([menu.timeoutSeconds, menu.retries]).toEqual([10, 2]);
    const option1 = menu.edges.find((edge) => edge.label === 'option:1')!;
    expect([option1.loc.line, option1.optionLabel]).toEqual([109, 'Life Insurance']);
    expect(flow.nodes.get(option1.to)?.type).toBe('queue');
    // `tts: {{ivr_initial_greeting}}` is not YAML until filled in: the greeting is there, its text unknown.
    const greeting = flow.nodes.get(flow.entry)!;
    expect([greeting.type, greeting.loc.line, greeting.say]).toEqual(['play', 13, []]);
    expect(flow.unknowns.some((fact) => fact.startsWith('prompt text held in variables'))).toBe(true);
    const start = greeting.edges[0]!;
    expect([start.to, start.loc.line, start.loc.column]).toEqual(['Startup_Task_42', 4, 15]);
  });
});
