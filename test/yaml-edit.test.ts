import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyTextEdits } from '../src/load/yaml-edit.js';

const FLOW = [
  '# A header comment stays.',
  'version: 1',
  'name: Edits',
  'entry: hold',
  'nodes:',
  '  hold: # the queue',
  '    type: queue',
  '    next: agent   # answered',
  '  agent: { type: agent }',
  '  empty: {}',
  '  bye:',
  '    type: hangup',
  '    outcome: abandoned',
  '',
].join('\n');

describe('applyTextEdits', () => {
  it('adds keys to block and flow mappings and replaces values, touching nothing else', () => {
    const { text, applied } = applyTextEdits(FLOW, [
      { pointer: '/nodes/hold/music', value: true },
      { pointer: '/nodes/agent/rings', value: 2 },
      { pointer: '/nodes/empty/label', value: 'a: colon' },
      { pointer: '/nodes/bye/outcome', value: 'callback' },
    ]);
    expect(applied).toBe(4);
    expect(text).toBe([
      '# A header comment stays.',
      'version: 1',
      'name: Edits',
      'entry: hold',
      'nodes:',
      '  hold: # the queue',
      '    type: queue',
      '    next: agent   # answered',
      '    music: true',
      '  agent: { type: agent, rings: 2 }',
      '  empty: { label: "a: colon" }',
      '  bye:',
      '    type: hangup',
      '    outcome: callback',
      '',
    ].join('\n'));
  });

  it('creates a missing settings block', () => {
    const { text } = applyTextEdits(FLOW, [{ pointer: '/settings/answerRings', value: 1 }]);
    expect(parse(text).settings).toEqual({ answerRings: 1 });
    expect(parse(text).nodes.hold.type).toBe('queue');
  });

  it('keeps a BOM and CRLF line endings', () => {
    const windows = `\uFEFF${FLOW.replace(/\n/g, '\r\n')}`;
    const { text } = applyTextEdits(windows, [{ pointer: '/nodes/hold/music', value: true }]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('    next: agent   # answered\r\n    music: true\r\n');
  });

  it('edits a key whose id needs escaping in the pointer', () => {
    const text = 'nodes:\n  a/b:\n    type: agent\n';
    expect(applyTextEdits(text, [{ pointer: '/nodes/a~1b/rings', value: 1 }]).text).toBe('nodes:\n  a/b:\n    type: agent\n    rings: 1\n');
  });

  it('adds a key after the last line of a file without a final newline', () => {
    expect(applyTextEdits('nodes:\n  a:\n    type: agent', [{ pointer: '/nodes/a/rings', value: 1 }]).text).toBe('nodes:\n  a:\n    type: agent\n    rings: 1\n');
  });

  it('leaves a file that does not parse, and edits whose place is missing, alone', () => {
    expect(applyTextEdits('a: [oops\n', [{ pointer: '/a/b', value: 1 }])).toEqual({ text: 'a: [oops\n', applied: 0, notes: [] });
    expect(applyTextEdits(FLOW, [{ pointer: '/nodes/nobody/x/y', value: 1 }])).toEqual({ text: FLOW, applied: 0, notes: [] });
  });
});

const JSON_FLOW = [
  '{',
  '    "version": 1,',
  '    "entry": "hold",',
  '    "nodes": {',
  '        "hold": {',
  '            "type": "queue",',
  '            "next": "agnet"',
  '        },',
  '        "agent": { "type": "agent" },',
  '        "empty": {}',
  '    }',
  '}',
  '',
].join('\n');

describe('applyTextEdits on a flow written as JSON', () => {
  it('writes JSON: quoted keys, JSON strings, the file\'s own indentation', () => {
    const { text, applied } = applyTextEdits(JSON_FLOW, [
      { pointer: '/nodes/hold/callback', value: true },
      { pointer: '/nodes/hold/next', value: 'agent' },
      { pointer: '/nodes/agent/rings', value: 2 },
      { pointer: '/nodes/empty/label', value: 'a "b"' },
      { pointer: '/settings/answerRings', value: 1 },
    ]);
    expect(applied).toBe(5);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      entry: 'hold',
      nodes: { hold: { type: 'queue', next: 'agent', callback: true }, agent: { type: 'agent', rings: 2 }, empty: { label: 'a "b"' } },
      settings: { answerRings: 1 },
    });
    expect(text).toContain('            "next": "agent",\n            "callback": true\n        },');
    expect(text).toContain('"agent": { "type": "agent", "rings": 2 }');
  });
});

describe('applyTextEdits through an alias', () => {
  const ALIASED = 'nodes:\n  a: &q\n    type: queue\n  b: *q\n';

  it('edits the anchored node once, whichever names the edits use, and says so', () => {
    const { text, applied, notes } = applyTextEdits(ALIASED, [
      { pointer: '/nodes/a/callback', value: true },
      { pointer: '/nodes/b/callback', value: true },
    ]);
    expect(text).toBe('nodes:\n  a: &q\n    type: queue\n    callback: true\n  b: *q\n');
    expect(applied).toBe(1);
    expect(notes).toEqual(['`a` and `b` share one definition (&q): the change applies to each of them']);
    expect(parse(text).nodes.b).toEqual({ type: 'queue', callback: true });
  });

  it('names the nodes that merge an edited anchor (`<<: *q`), and edits through lists', () => {
    const merged = 'nodes:\n  a: &q\n    type: queue\n  b:\n    <<: *q\n  c: { <<: [*q], music: true }\n  d:\n    cases:\n      - { next: x }\n';
    const { text, notes } = applyTextEdits(merged, [
      { pointer: '/nodes/a/callback', value: true },
      { pointer: '/nodes/d/cases/0/next', value: 'a' },
    ]);
    expect(notes).toEqual(['`a`, `b` and `c` share one definition (&q): the change applies to each of them']);
    expect(parse(text, { merge: true }).nodes.c).toEqual({ type: 'queue', callback: true, music: true });
    expect(parse(text).nodes.d.cases[0]).toEqual({ next: 'a' });
  });

  it('says nothing of an anchor nobody else uses', () => {
    expect(applyTextEdits('nodes:\n  a: &q\n    type: queue\n', [{ pointer: '/nodes/a/music', value: true }]).notes).toEqual([]);
  });

  it('never adds a second key for a name that is an alias of something else', () => {
    const scalar = 'nodes:\n  x: &s hello\n  b: *s\n';
    expect(applyTextEdits(scalar, [{ pointer: '/nodes/b/callback', value: true }]).text).toBe(scalar);
  });
});
