import { describe, expect, it } from 'vitest';
import { applyBaseline, readBaseline, writeBaseline } from '../../src/config/baseline.js';
import { ConfigError } from '../../src/config/errors.js';
import { auditText } from '../helpers.js';
import { fileResult, finding, result } from './findings.js';

const legacy = result(
  fileResult('a.yaml', [finding('no-human', 3, { file: 'a.yaml' }), finding('cold-transfer', 9, { file: 'a.yaml', severity: 'warning' })]),
  fileResult('b.yaml', [finding('cliche-prompt', 2, { file: 'b.yaml', severity: 'info' })]),
);

describe('writeBaseline', () => {
  it('records fingerprint, rule, file and message, sorted', () => {
    const baseline = JSON.parse(writeBaseline(legacy));
    expect(baseline).toEqual({
      version: 1,
      tool: 'ivr-audit',
      findings: [
        { fingerprint: 'cold-transfer-9', ruleId: 'cold-transfer', file: 'a.yaml', message: 'cold-transfer at 9' },
        { fingerprint: 'no-human-3', ruleId: 'no-human', file: 'a.yaml', message: 'no-human at 3' },
        { fingerprint: 'cliche-prompt-2', ruleId: 'cliche-prompt', file: 'b.yaml', message: 'cliche-prompt at 2' },
      ],
    });
  });

  it('gives the same bytes whatever the order of files and findings', () => {
    const shuffled = result(
      fileResult('b.yaml', legacy.files[1]!.findings),
      fileResult('a.yaml', [...legacy.files[0]!.findings].reverse()),
    );
    expect(writeBaseline(shuffled)).toBe(writeBaseline(legacy));
    expect(writeBaseline(legacy)).toMatch(/\n$/);
    expect(writeBaseline(legacy)).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });
});

describe('applyBaseline', () => {
  it('round trip: nothing is new', () => {
    const applied = applyBaseline(legacy, writeBaseline(legacy));
    expect(applied.files.map((file) => file.findings)).toEqual([[], []]);
    expect(applied.summary).toEqual({ files: 2, errors: 0, warnings: 0, infos: 0 });
  });

  it('keeps the new findings and recomputes the summary', () => {
    const today = result(
      fileResult('a.yaml', [...legacy.files[0]!.findings, finding('transfer-chain', 5, { file: 'a.yaml' })]),
      fileResult('b.yaml', []),
      fileResult('c.yaml', [finding('no-human', 1, { file: 'c.yaml', severity: 'warning' })]),
    );
    const applied = applyBaseline(today, writeBaseline(legacy));
    expect(applied.files.map((file) => file.findings.map((f) => f.ruleId))).toEqual([['transfer-chain'], [], ['no-human']]);
    expect(applied.summary).toEqual({ files: 3, errors: 1, warnings: 1, infos: 0 });
    expect(today.files[0]!.findings).toHaveLength(3); // the input is not changed
  });

  it('counts: a fingerprint recorded twice hides two findings, not three', () => {
    const twice = result(fileResult('a.yaml', [finding('cold-transfer', 4), finding('cold-transfer', 4)]));
    const thrice = result(fileResult('a.yaml', [finding('cold-transfer', 4), finding('cold-transfer', 4), finding('cold-transfer', 4)]));
    const applied = applyBaseline(thrice, writeBaseline(twice));
    expect(applied.files[0]!.findings).toHaveLength(1);
    expect(applied.summary.errors).toBe(1);
  });

  it('matches findings that moved to another line (fingerprints have no line)', async () => {
    const flow = (blank: string): string =>
      `version: 1\nname: Moves\nentry: start\n${blank}nodes:\n  start:\n    type: hangup\n  orphan:\n    type: hangup\n`;
    const before = await auditText(flow(''), 'moves.yaml');
    const after = await auditText(flow('# a comment\n\n'), 'moves.yaml');
    expect(after.findings.map((f) => f.line)).not.toEqual(before.findings.map((f) => f.line));
    const applied = applyBaseline(result(after), writeBaseline(result(before)));
    expect(applied.files[0]!.findings).toEqual([]);
  });

  it.each([
    ['not json', 'baseline.json: is not valid JSON'],
    ['[]', 'baseline.json: is not a baseline: expected a JSON object'],
    ['{"findings": []}', 'baseline.json: version: must be 1 (got nothing)'],
    ['{"version": 2, "findings": []}', 'baseline.json: version: must be 1 (got 2)'],
    ['{"version": 1}', 'baseline.json: findings: must be a list'],
    ['{"version": 1, "findings": [{"fingerprint": "x"}, {"ruleId": "a"}]}', 'baseline.json: findings[1].fingerprint: must be a non-empty string'],
  ])('refuses %s with one line', (text, message) => {
    let caught: unknown;
    try {
      applyBaseline(legacy, text, 'baseline.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message.startsWith(message)).toBe(true);
    expect((caught as Error).message).not.toContain('\n');
  });

  it('reads a baseline with a BOM and tolerates extra keys', () => {
    const text = `\uFEFF${JSON.stringify({ version: 1, tool: 'ivr-audit', note: 'x', findings: [{ fingerprint: 'no-human-3', extra: true }] })}`;
    expect(readBaseline(text).findings).toEqual([{ fingerprint: 'no-human-3', ruleId: '', file: '', message: '' }]);
  });
});
