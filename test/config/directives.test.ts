import { describe, expect, it } from 'vitest';
import { UNUSED_DISABLE, applyDirectives, directiveFingerprint, parseComment, parseDirectives } from '../../src/config/directives.js';
import { auditText } from '../helpers.js';
import { finding } from './findings.js';

/** Lines of a flow; the tests refer to them by number. */
const lines = (...text: string[]): string => text.join('\n');

const ids = (findings: ReturnType<typeof applyDirectives>): string[] => findings.map((f) => `${f.line}:${f.ruleId}`);

describe('parseComment', () => {
  it.each([
    ['# ivr-audit-disable-next-line transfer-chain', { kind: 'next-line', ruleIds: ['transfer-chain'] }],
    ['#ivr-audit-disable-file a,b  c', { kind: 'file', ruleIds: ['a', 'b', 'c'] }],
    ['# ivr-audit-disable-next-line a, b -- the legacy desk -- really', { kind: 'next-line', ruleIds: ['a', 'b'], reason: 'the legacy desk -- really' }],
    ['# ivr-audit-disable-file -- everything, for now', { kind: 'file', ruleIds: [], reason: 'everything, for now' }],
    ['# ivr-audit-disable-file', { kind: 'file', ruleIds: [] }],
    ['# ivr-audit-disable-line x', { kind: 'unknown', name: 'ivr-audit-disable-line', ruleIds: ['x'] }],
  ])('%s', (comment, expected) => {
    expect(parseComment(comment)).toMatchObject(expected);
  });

  it.each(['# see ivr-audit-disable-file in the docs', '# expect: unreachable-node', '#'])('ignores %s', (comment) => {
    expect(parseComment(comment)).toBeUndefined();
  });

  it('treats a longer word as a misspelt directive, not as a disable', () => {
    expect(parseComment('# ivr-audit-disable-filex a')).toMatchObject({ kind: 'unknown', name: 'ivr-audit-disable-filex' });
  });
});

describe('parseDirectives', () => {
  it('finds directives only in real comments', () => {
    const text = lines(
      'name: "press # ivr-audit-disable-file"', // 1: inside double quotes
      "entry: 'a # ivr-audit-disable-file'", // 2: inside single quotes
      'description: |', // 3
      '  # ivr-audit-disable-file inside a block scalar', // 4
      'label: a#ivr-audit-disable-file', // 5: no space before #: not a comment
      'nodes: # ivr-audit-disable-next-line no-human', // 6: a trailing comment is a comment
      '  # ivr-audit-disable-file cold-transfer', // 7
    );
    const directives = parseDirectives(text);
    expect(directives.map((d) => [d.line, d.column, d.kind, d.ruleIds])).toEqual([
      [6, 8, 'next-line', ['no-human']],
      [7, 3, 'file', ['cold-transfer']],
    ]);
    expect(directives[1]).toMatchObject({ endLine: 7, endColumn: 3 + '# ivr-audit-disable-file cold-transfer'.length });
  });

  it('handles CRLF and a byte-order mark', () => {
    const text = '\uFEFF# ivr-audit-disable-file cold-transfer\r\nname: x\r\n  # ivr-audit-disable-next-line no-human -- why\r\n';
    expect(parseDirectives(text).map((d) => [d.line, d.column, d.ruleIds, d.reason])).toEqual([
      [1, 1, ['cold-transfer'], undefined],
      [3, 3, ['no-human'], 'why'],
    ]);
  });

  it('still finds the comments of a file that does not parse', () => {
    expect(parseDirectives('# ivr-audit-disable-file\nnodes: [a\n  b: }\n')).toHaveLength(1);
  });
});

describe('applyDirectives', () => {
  const text = lines(
    'version: 1', // 1
    'nodes:', // 2
    '  # ivr-audit-disable-next-line transfer-chain, cold-transfer -- legacy desk', // 3
    '  legacy:', // 4
    '    type: transfer', // 5
  );

  it('disables the listed rules on the very next line only', () => {
    const findings = [finding('transfer-chain', 4), finding('cold-transfer', 4), finding('no-human', 4), finding('transfer-chain', 5)];
    expect(ids(applyDirectives(text, 'flow.yaml', findings))).toEqual(['4:no-human', '5:transfer-chain']);
  });

  it('disables a rule in the whole file', () => {
    const file = lines('# ivr-audit-disable-file cold-transfer', 'a: 1', 'b: 2');
    const findings = [finding('cold-transfer', 2), finding('cold-transfer', 3), finding('no-human', 3)];
    expect(ids(applyDirectives(file, 'flow.yaml', findings))).toEqual(['3:no-human']);
  });

  it('disables every rule when no rule is named', () => {
    const file = lines('a: 1', '# ivr-audit-disable-next-line -- generated', 'b: 2', 'c: 3');
    const findings = [finding('cold-transfer', 3), finding('schema', 3), finding('no-human', 4)];
    expect(ids(applyDirectives(file, 'flow.yaml', findings))).toEqual(['4:no-human']);
  });

  it('works with CRLF line ends and a BOM', () => {
    const file = '\uFEFFversion: 1\r\nnodes:\r\n  # ivr-audit-disable-next-line transfer-chain\r\n  legacy:\r\n';
    expect(applyDirectives(file, 'flow.yaml', [finding('transfer-chain', 4)])).toEqual([]);
  });

  it('does not treat a # inside a quoted prompt as a directive', () => {
    const file = lines('say: "To skip, press # ivr-audit-disable-file"', 'next: x');
    const kept = applyDirectives(file, 'flow.yaml', [finding('cold-transfer', 2)]);
    expect(ids(kept)).toEqual(['2:cold-transfer']);
  });

  it('leaves the findings of other files alone', () => {
    const kept = applyDirectives(text, 'flow.yaml', [finding('transfer-chain', 4, { file: 'other.yaml' }), finding('transfer-chain', 4), finding('cold-transfer', 4)]);
    expect(kept.map((f) => `${f.file}:${f.ruleId}`)).toEqual(['other.yaml:transfer-chain']);
  });

  it('reports a directive that suppresses nothing, at the comment', () => {
    const [unused, ...rest] = applyDirectives(text, 'flow.yaml', []);
    expect(rest).toEqual([]);
    expect(unused).toMatchObject({
      ruleId: UNUSED_DISABLE,
      severity: 'info',
      message: 'ivr-audit-disable-next-line transfer-chain, cold-transfer suppresses nothing',
      file: 'flow.yaml',
      line: 3,
      column: 3,
      endLine: 3,
      pointer: '',
    });
    expect(unused!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reports the ids of a directive that were not needed', () => {
    const kept = applyDirectives(text, 'flow.yaml', [finding('transfer-chain', 4)]);
    expect(kept.map((f) => f.message)).toEqual(['ivr-audit-disable-next-line cold-transfer suppresses nothing']);
  });

  it('reports a directive for all rules that suppresses nothing', () => {
    const kept = applyDirectives('# ivr-audit-disable-file\na: 1\n', 'flow.yaml', []);
    expect(kept.map((f) => [f.line, f.message])).toEqual([[1, 'ivr-audit-disable-file suppresses nothing']]);
  });

  it('can leave unused directives unreported', () => {
    expect(applyDirectives(text, 'flow.yaml', [], { reportUnused: false })).toEqual([]);
  });

  it('reports unknown rule ids and misspelt directives', () => {
    const file = lines('# ivr-audit-disable-file transfer-chian', '# ivr-audit-disable-line cold-transfer', 'a: 1');
    const kept = applyDirectives(file, 'flow.yaml', [finding('cold-transfer', 3)], { reportUnused: false });
    expect(kept.map((f) => [f.line, f.ruleId, f.severity, f.message])).toEqual([
      [1, UNUSED_DISABLE, 'info', 'ivr-audit-disable-file: "transfer-chian" is not a rule (did you mean "transfer-chain"?)'],
      [2, UNUSED_DISABLE, 'info', '`ivr-audit-disable-line` is not a directive: use ivr-audit-disable-next-line or ivr-audit-disable-file'],
      [3, 'cold-transfer', 'error', 'cold-transfer at 3'],
    ]);
  });

  it('keeps the fingerprint of a directive finding when the comment moves', () => {
    const before = applyDirectives('# ivr-audit-disable-file cold-transfer\n', 'flow.yaml', []);
    const after = applyDirectives('a: 1\n\n# ivr-audit-disable-file cold-transfer\n', 'flow.yaml', []);
    expect(after[0]!.line).toBe(3);
    expect(after[0]!.fingerprint).toBe(before[0]!.fingerprint);
    expect(before[0]!.fingerprint).toBe(directiveFingerprint('flow.yaml', before[0]!.message));
    expect(applyDirectives('# ivr-audit-disable-file cold-transfer\n', 'other.yaml', [])[0]!.fingerprint).not.toBe(before[0]!.fingerprint);
  });

  it('returns the findings unchanged, as a copy, when there is no directive', () => {
    const findings = [finding('no-human', 1)];
    const kept = applyDirectives('a: 1 # a comment\n', 'flow.yaml', findings);
    expect(kept).toEqual(findings);
    expect(kept).not.toBe(findings);
  });
});

describe('with findings of the real rules', () => {
  const flow = lines(
    'version: 1',
    'name: Directives',
    'entry: welcome',
    'nodes:',
    '  welcome:',
    '    type: play',
    '    say: "Press # to skip. # ivr-audit-disable-next-line unreachable-node"',
    '    next: bye',
    '  # ivr-audit-disable-next-line unreachable-node -- kept for the spring campaign',
    '  orphan:',
    '    type: hangup',
    '  orphan-two:',
    '    type: hangup',
    '  bye:',
    '    type: hangup',
  );

  it('suppresses the finding on the next line and nothing else', async () => {
    // The same flow with the directive turned into a plain comment shows both findings.
    const plain = await auditText(flow.replace('# ivr-audit-disable-next-line unreachable-node --', '# note:'), 'directives.yaml');
    const unreachable = plain.findings.filter((f) => f.ruleId === 'unreachable-node').map((f) => f.line);
    expect(unreachable).toEqual([10, 12]);
    const audited = await auditText(flow, 'directives.yaml');
    expect(audited.findings.filter((f) => f.ruleId === 'unreachable-node').map((f) => f.line)).toEqual([12]);
    const kept = applyDirectives(flow, 'directives.yaml', plain.findings);
    expect(kept.filter((f) => f.ruleId === 'unreachable-node').map((f) => f.line)).toEqual([12]);
    expect(kept.filter((f) => f.ruleId === UNUSED_DISABLE)).toEqual([]);
  });
});
