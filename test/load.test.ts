import { describe, expect, it } from 'vitest';
import { loadText } from '../src/load/index.js';
import { auditText } from './helpers.js';

const FLOW = [
  'version: 1',
  'name: Small',
  'entry: welcome',
  'nodes:',
  '  welcome:',
  '    type: play',
  '    say: Hello.',
  '    next: mian',
  '  main:',
  '    type: agent',
  '  orphan:',
  '    type: hangup',
  '',
].join('\n');

function summary(findings: Array<{ ruleId: string; line: number; column: number; message: string }>): string[] {
  return findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`);
}

describe('loader', () => {
  it('gives the same findings at the same places with a BOM and CRLF line endings', async () => {
    const plain = await auditText(FLOW);
    const windows = await auditText(`\uFEFF${FLOW.replace(/\n/g, '\r\n')}`);
    expect(plain.findings.map((finding) => finding.ruleId)).toEqual(['no-human', 'unknown-target', 'unreachable-node', 'unreachable-node']);
    expect(summary(windows.findings)).toEqual(summary(plain.findings));
    expect(plain.findings[1]).toMatchObject({ line: 8, column: 11, pointer: '/nodes/welcome/next' });
  });

  it('reports an empty file as a schema finding at 1:1', async () => {
    const result = await auditText('');
    expect(result.findings).toMatchObject([{ ruleId: 'schema', line: 1, column: 1 }]);
    expect(result.flow).toBeUndefined();
  });

  it('reports a comment-only file like an empty one', async () => {
    const result = await auditText('# nothing here yet\n');
    expect(result.findings).toMatchObject([{ ruleId: 'schema', message: expect.stringContaining('empty') }]);
  });

  it('names the supported version for version 2', async () => {
    const result = await auditText(FLOW.replace('version: 1', 'version: 2'));
    expect(result.findings).toMatchObject([{ ruleId: 'schema', line: 1, column: 10, message: expect.stringContaining('version 1') }]);
  });

  it('explains wrong types at the value', async () => {
    const result = await auditText(FLOW.replace('    say: Hello.', '    say: Hello.\n    durationSeconds: long'));
    expect(result.findings).toMatchObject([
      { ruleId: 'schema', line: 8, column: 22, message: '`durationSeconds` of play `welcome` must be a number' },
    ]);
  });

  it('reports unknown keys at the key, with a suggestion', async () => {
    const result = await auditText(FLOW.replace('    next: mian', '    nex: mian'));
    expect(result.findings.find((finding) => finding.message.includes('`nex`'))).toMatchObject({
      ruleId: 'schema',
      line: 8,
      column: 5,
      message: '`nex` is not a key of play `welcome`; did you mean `next`?',
    });
  });

  it('reports a repeated key at the repetition, and still analyzes the flow', async () => {
    const result = await auditText(FLOW.replace('  orphan:', '  main:\n    type: agent\n  orphan:'));
    const duplicate = result.findings.find((finding) => finding.ruleId === 'duplicate-key');
    expect(duplicate).toMatchObject({ line: 11, column: 3, related: [{ line: 9 }] });
    expect(result.flow).toBeDefined();
  });

  it('finds duplicate keys in a large mapping in one pass', () => {
    const nodes = Array.from({ length: 20_000 }, (_, index) => `  n${index}: { type: hangup }`);
    nodes.push('  n5: { type: agent }');
    const loaded = loadText('big.yaml', ['version: 1', 'name: Big', 'entry: n0', 'nodes:', ...nodes].join('\n'));
    expect(loaded.problems).toMatchObject([{ ruleId: 'duplicate-key', loc: { line: 20_005 } }]);
    expect(loaded.flow?.nodes.size).toBe(20_000);
  });

  it('keeps ids such as __proto__ and constructor as ordinary node ids', async () => {
    const text = FLOW.replace('entry: welcome', 'entry: __proto__')
      .replace('  welcome:', '  __proto__:')
      .replace('next: mian', 'next: constructor')
      .replace('  main:', '  constructor:')
      .replace('  orphan:\n    type: hangup\n', '');
    const result = await auditText(text);
    expect(result.findings).toEqual([]);
    expect(result.flow?.nodes).toBe(2);
  });

  it('reports YAML syntax errors at their position and gives no score', async () => {
    const result = await auditText('version: 1\nname: [unclosed\nentry: x\n');
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((finding) => finding.ruleId === 'yaml-syntax')).toBe(true);
    expect(result.findings[0]!.line).toBeGreaterThanOrEqual(2);
    expect(result.score).toBeNull();
  });

  it('refuses an alias bomb with a finding instead of expanding it', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const result = await auditText(levels.join('\n'));
    expect(result.findings).toMatchObject([{ ruleId: 'yaml-syntax', message: expect.stringContaining('cannot be read') }]);
  });

  it('says a document nested too deeply for the parser is nested too deeply', async () => {
    const result = await auditText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(result.findings).toMatchObject([{ ruleId: 'yaml-syntax', message: 'the document is nested too deeply to read' }]);
  });

  it('survives deeply nested input', async () => {
    const result = await auditText(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((finding) => ['yaml-syntax', 'schema'].includes(finding.ruleId))).toBe(true);
  });

  it('reports a document that is not a mapping', async () => {
    const result = await auditText('- just\n- a list\n');
    expect(result.findings).toMatchObject([{ ruleId: 'schema', message: 'the flow must be a mapping (key: value)' }]);
  });

  it('infers identity questions from `collects` unless told otherwise', () => {
    const text = [
      'version: 1', 'name: Identity', 'entry: a', 'nodes:',
      '  a: { type: input, collects: fecha-de-nacimiento, next: b }',
      '  b: { type: input, collects: postcode, identity: false, next: c }',
      '  c: { type: input, collects: reason-for-call, next: d }',
      '  d: { type: input, collects: customerNumber, next: e }',
      '  e: { type: agent }',
    ].join('\n');
    const flow = loadText('identity.yaml', text).flow!;
    const identity = [...flow.nodes.values()].map((node) => node.type === 'input' && node.identity);
    expect(identity).toEqual([true, false, false, true, false]);
  });
});
