import { describe, expect, it } from 'vitest';
import { loadText } from '../src/load/index.js';

const FLOW = [
  'version: 1',
  'name: Field places',
  'entry: ask',
  'nodes:',
  '  ask:',
  '    type: input',
  '    collects: account',
  '    retries: 4',
  '    next: person',
  '  person:',
  '    type: transfer',
  '    to: sales',
  '    rings: 7',
  '',
].join('\n');

describe('field locations of a node', () => {
  const flow = loadText('flow.yaml', FLOW).flow!;
  const ask = flow.nodes.get('ask')!;

  it('places each key at its value, with its pointer', () => {
    expect(ask.fieldLocs.get('retries')).toEqual({ file: 'flow.yaml', pointer: '/nodes/ask/retries', line: 8, column: 14, endLine: 8, endColumn: 15 });
    expect(flow.nodes.get('person')!.fieldLocs.get('rings')).toMatchObject({ pointer: '/nodes/person/rings', line: 13, column: 12 });
    expect(ask.fieldLocs.get('say')).toBeUndefined();
  });

  it('reads as a map of the keys written, in the order written', () => {
    expect(ask.fieldLocs.size).toBe(4);
    expect(ask.fieldLocs.has('collects')).toBe(true);
    expect(ask.fieldLocs.has('timeoutSeconds')).toBe(false);
    expect([...ask.fieldLocs.keys()]).toEqual(['type', 'collects', 'retries', 'next']);
    expect([...ask.fieldLocs].map(([key, loc]) => `${key}@${loc.line}`)).toEqual(['type@6', 'collects@7', 'retries@8', 'next@9']);
    const seen: string[] = [];
    ask.fieldLocs.forEach((loc, key) => seen.push(`${key}:${loc.pointer}`));
    expect(seen[2]).toBe('retries:/nodes/ask/retries');
    expect([...ask.fieldLocs.values()].map((loc) => loc.line)).toEqual([6, 7, 8, 9]);
  });
});
