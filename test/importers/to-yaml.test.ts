// flowToYaml: format v1 YAML with only the keys each node type allows, quoting that reads back the same,
// and faithful stand-ins where the model lacks a required key.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadText } from '../../src/load/index.js';
import { flowToYaml } from '../../src/load/importers/index.js';
import {
  DEFAULT_SETTINGS,
  type Edge,
  type EdgeKind,
  type Flow,
  type FlowNode,
  type SourceLocation,
} from '../../src/model/flow.js';
import { flowEdges, yamlGraph } from './helpers.js';

const here: SourceLocation = { file: 'model', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 };

function edge(from: string, kind: EdgeKind, to: string, extra: Partial<Edge> = {}): Edge {
  return { kind, label: kind, from, to, loc: here, ...extra };
}

function base(id: string, edges: Edge[] = []) {
  return { id, loc: here, say: [], approval: false, edges, fieldLocs: new Map<string, SourceLocation>() };
}

function flowWith(nodes: FlowNode[], extra: Partial<Flow> = {}): Flow {
  return {
    file: 'exports/x.json',
    format: 'twilio',
    name: 'Model flow',
    entry: nodes[0]!.id,
    entryLoc: here,
    settings: { ...DEFAULT_SETTINGS },
    settingsGiven: new Set(),
    queues: new Map(),
    nodes: new Map(nodes.map((node) => [node.id, node])),
    unknowns: [],
    ...extra,
  };
}

/** Writes the flow, and checks that the core loader reads the YAML with no problem at all. */
function write(flow: Flow): { yaml: string; data: Record<string, unknown> } {
  const yaml = flowToYaml(flow);
  const loaded = loadText('written.yaml', yaml);
  expect(loaded.problems, yaml).toEqual([]);
  return { yaml, data: parse(yaml) as Record<string, unknown> };
}

describe('flowToYaml', () => {
  it('keeps ids such as __proto__, constructor and null as node ids, quoted where needed', () => {
    const ids = ['__proto__', 'constructor', 'null', 'true', 'toString'];
    const nodes: FlowNode[] = ids.map((id, index) => ({
      ...base(id, index + 1 < ids.length ? [edge(id, 'next', ids[index + 1]!)] : []),
      type: index + 1 < ids.length ? 'play' : 'hangup',
      outcome: 'resolved',
    }) as FlowNode);
    const flow = flowWith(nodes);
    const { yaml } = write(flow);
    expect(yaml).toContain('\n  "null":\n');
    expect(yaml).toContain('next: "true"');
    const graph = yamlGraph(yaml);
    expect(graph.ids).toEqual(ids);
    expect(graph.edges).toEqual(flowEdges(flow));
    expect(graph.entry).toBe('__proto__');
    const loaded = loadText('written.yaml', yaml);
    expect([...loaded.flow!.nodes.keys()]).toEqual(ids);
  });

  it('writes options by key, with label and share when known, and cases with their condition', () => {
    const flow = flowWith([
      {
        ...base('menu', [
          edge('menu', 'option', 'billing', { label: 'option:1', optionLabel: 'Billing', share: 0.6 }),
          edge('menu', 'option', 'pick', { label: 'option:#' }),
          edge('menu', 'option', 'pick', { label: 'option:sales' }),
          edge('menu', 'noInput', 'menu'),
          edge('menu', 'noMatch', 'bye'),
        ]),
        type: 'menu', timeoutSeconds: 6, retries: 1, say: ['Press 1.', 'Or say sales.'],
      },
      {
        ...base('pick', [
          edge('pick', 'case', 'billing', { label: 'case:0', optionLabel: 'vip = true', share: 0.2 }),
          edge('pick', 'case', 'bye', { label: 'case:1' }),
          edge('pick', 'default', 'billing'),
        ]),
        type: 'branch',
      },
      { ...base('billing'), type: 'agent', resolves: 0.8, rings: 2 },
      { ...base('bye'), type: 'hangup', outcome: 'callback' },
    ]);
    const { yaml, data } = write(flow);
    const nodes = data.nodes as Record<string, Record<string, unknown>>;
    expect(nodes.menu).toEqual({
      type: 'menu',
      say: ['Press 1.', 'Or say sales.'],
      timeoutSeconds: 6,
      retries: 1,
      options: { 1: { next: 'billing', label: 'Billing', share: 0.6 }, '#': 'pick', sales: 'pick' },
      onNoInput: 'menu',
      onNoMatch: 'bye',
    });
    expect(yaml).toContain('"1":');
    expect(nodes.pick).toEqual({ type: 'branch', cases: [{ when: 'vip = true', next: 'billing', share: 0.2 }, { next: 'bye' }], default: 'billing' });
    expect(nodes.billing).toEqual({ type: 'agent', rings: 2 });
    expect(nodes.bye).toEqual({ type: 'hangup', outcome: 'callback' });
    expect(yamlGraph(yaml).edges).toEqual(flowEdges(flow));
  });

  it('writes only the keys each type allows, leaving defaults and unknowns out', () => {
    const flow = flowWith([
      {
        ...base('ask', [edge('ask', 'next', 'q'), edge('ask', 'noInput', 'ask')]),
        type: 'input', collects: 'account number', identity: false, timeoutSeconds: 5, retries: 0, label: 'Account',
      },
      {
        ...base('q', [edge('q', 'next', 'q.agent'), edge('q', 'full', 'out'), edge('q', 'busy', 'ask')]),
        type: 'queue', music: true, announcements: false, announceWait: false, callback: false,
      },
      { ...base('q.agent'), type: 'agent', resolves: 0.8 },
      { ...base('out', [edge('out', 'noAnswer', 'ask')]), type: 'transfer', to: '+15555550100', ringTimeoutSeconds: 20, context: false },
    ]);
    const { yaml, data } = write(flow);
    const nodes = data.nodes as Record<string, Record<string, unknown>>;
    // identity: false is left out, so the loader's own inference from `collects` still applies.
    expect(nodes.ask).toEqual({ type: 'input', label: 'Account', collects: 'account number', timeoutSeconds: 5, retries: 0, next: 'q', onNoInput: 'ask' });
    expect(nodes.q).toEqual({ type: 'queue', music: true, next: 'q.agent', onFull: 'out' });
    expect(nodes.out).toEqual({ type: 'transfer', to: '+15555550100', ringTimeoutSeconds: 20, onNoAnswer: 'ask' });
    // A `busy` exit has no place on a queue: it is left out and the YAML says so.
    expect(yaml).toContain('# ivr-audit import: exits a queue cannot hold were left out: busy -> ask');
  });

  it('adds faithful stand-ins where a required key is missing, and explains them', () => {
    const flow = flowWith([
      { ...base('hello'), type: 'play', say: ['Goodbye.'] },
      { ...base('ask'), type: 'input', collects: 'pin', identity: true, timeoutSeconds: 5, retries: 0 },
      { ...base('decide', [edge('decide', 'case', 'hello', { label: 'case:0' })]), type: 'branch' },
      { ...base('wait'), type: 'queue', music: false, announcements: false, announceWait: false, callback: true },
      { ...base('empty', [edge('empty', 'noInput', 'hello')]), type: 'menu', timeoutSeconds: 5, retries: 2 },
    ]);
    const { yaml, data } = write(flow);
    const nodes = data.nodes as Record<string, Record<string, unknown>>;
    expect(nodes.hello).toEqual({ type: 'hangup', say: 'Goodbye.', outcome: 'unresolved' });
    expect(nodes.ask).toMatchObject({ type: 'input', identity: true, next: 'ask.end' });
    expect(nodes['ask.end']).toEqual({ type: 'hangup', outcome: 'unresolved' });
    expect(nodes.decide).toEqual({ type: 'branch', cases: [{ next: 'hello' }], default: 'decide.end' });
    expect(nodes.wait).toEqual({ type: 'queue', callback: true, next: 'wait.agent' });
    expect(nodes['wait.agent']).toEqual({ type: 'agent' });
    expect(nodes.empty).toEqual({ type: 'play', next: 'hello' });
    expect(yaml).toContain('# ivr-audit import: the export has no answered exit; an agent answers here');
    expect(yaml).toContain('# ivr-audit import: nothing follows this prompt, so the call ends here');
  });

  it('never reuses an existing id for a stand-in', () => {
    const flow = flowWith([
      { ...base('ask'), type: 'input', collects: 'x', identity: false, timeoutSeconds: 5, retries: 0 },
      { ...base('ask.end'), type: 'hangup', outcome: 'resolved' },
    ]);
    const { data } = write(flow);
    const nodes = data.nodes as Record<string, Record<string, unknown>>;
    expect(nodes.ask!.next).toBe('ask.end-2');
    expect(nodes['ask.end']).toEqual({ type: 'hangup', outcome: 'resolved' });
  });

  it('writes the header, settings and queues the flow states', () => {
    const flow = flowWith([{ ...base('end'), type: 'hangup', outcome: 'resolved' }], {
      description: 'A: description with "quotes" and # signs',
      unknowns: ['queue staffing (agents, calls per hour, handle time)'],
      settings: { ...DEFAULT_SETTINGS, language: 'es' },
      settingsGiven: new Set(['language']),
      queues: new Map([['billing', { id: 'billing', agents: 3, callsPerHour: 40, ahtSeconds: 240, targetAnswerSeconds: 20, loc: here }]]),
    });
    const { yaml, data } = write(flow);
    expect(yaml.startsWith('# Converted by ivr-audit from Twilio Studio: exports/x.json\n')).toBe(true);
    expect(yaml).toContain('#   - queue staffing (agents, calls per hour, handle time)');
    expect(data).toMatchObject({
      version: 1,
      name: 'Model flow',
      description: 'A: description with "quotes" and # signs',
      entry: 'end',
      settings: { language: 'es' },
      queues: { billing: { agents: 3, callsPerHour: 40, ahtSeconds: 240, targetAnswerSeconds: 20 } },
    });
  });

  it('writes the schedules an hours node names, and the queues\' patience and after-hours agents', () => {
    const week: Array<[number, number]> = [[8 * 60, 18 * 60], [4 * 1440 + 22 * 60, 5 * 1440 + 6 * 60]];
    const flow = flowWith(
      [
        { ...base('hours', [edge('hours', 'open', 'q'), edge('hours', 'closed', 'bye')]), type: 'hours', schedule: 'office' },
        { ...base('q', [edge('q', 'next', 'q.agent')]), type: 'queue', queue: 'care', music: true, announcements: false, announceWait: false, callback: false },
        { ...base('q.agent'), type: 'agent', resolves: 0.8 },
        { ...base('bye'), type: 'hangup', outcome: 'voicemail' },
      ],
      {
        queues: new Map([['care', { id: 'care', agents: 5, callsPerHour: 40, ahtSeconds: 300, targetAnswerSeconds: 20, patienceSeconds: 300, afterHoursAgents: 1, loc: here }]]),
        schedules: new Map([['office', { id: 'office', timezone: 'Europe/Madrid', openMinutes: week, holidays: ['12-25'], loc: here }]]),
      },
    );
    const { data } = write(flow);
    expect(data.schedules).toEqual({ office: { timezone: 'Europe/Madrid', open: ['mon 08:00-18:00', 'fri 22:00-24:00', 'sat 00:00-06:00'], holidays: ['12-25'] } });
    expect((data.queues as Record<string, unknown>).care).toMatchObject({ patienceSeconds: 300, afterHoursAgents: 1 });
    const loaded = loadText('written.yaml', flowToYaml(flow)).flow!;
    expect(loaded.schedules!.get('office')!.openMinutes).toEqual(week);
  });

  it('says so when an hours node names hours the export does not define', () => {
    const flow = flowWith([
      { ...base('hours', [edge('hours', 'open', 'bye'), edge('hours', 'closed', 'bye')]), type: 'hours', schedule: 'Basic Hours' },
      { ...base('bye'), type: 'hangup', outcome: 'resolved' },
    ]);
    expect(flowToYaml(flow)).toContain('the export names hours `Basic Hours` but not their times; add them under `schedules`');
  });
});
