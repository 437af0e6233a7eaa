// Numbers no call has: the schema bounds them, so the analysis never overflows.
import { describe, expect, it } from 'vitest';
import { auditText } from './helpers.js';

const flow = (settings: string[], transfer: string[]): string =>
  [
    'version: 1',
    'name: Numbers',
    'entry: welcome',
    ...(settings.length > 0 ? ['settings:', ...settings.map((line) => `  ${line}`)] : []),
    'nodes:',
    '  welcome:',
    '    type: play',
    '    say: Hello.',
    '    next: desk',
    '  desk:',
    '    type: transfer',
    '    to: front desk',
    ...transfer.map((line) => `    ${line}`),
    '',
  ].join('\n');

describe('number bounds', () => {
  // `rings: 1e308` passed the schema and stopped the whole run with "reward[1] is Infinity".
  it('gives `rings: 1e308` a positioned schema finding instead of crashing the run', async () => {
    const result = await auditText(flow([], ['rings: 1e308']));
    expect(result.findings).toMatchObject([{ ruleId: 'schema', line: 12, column: 12, message: expect.stringMatching(/must be at most 1000 \(it is 1e\+308\)$/) }]);
  });

  it.each([
    ['answerRings: 1e6', 5, 'at most 100'],
    ['ringSeconds: 1e308', 5, 'at most 60'],
    ['wordsPerMinute: 1e-320', 5, 'at least 10'],
    ['wordsPerMinute: 1e9', 5, 'at most 1000'],
    ['patienceSeconds: 1e308', 5, 'at most 86400'],
  ])('bounds the setting %s', async (setting, line, bound) => {
    const result = await auditText(flow([setting], []));
    expect(result.findings).toMatchObject([{ ruleId: 'schema', line, message: expect.stringContaining(`must be ${bound} (it is `) }]);
  });

  it.each([
    ['durationSeconds: 1e308', 'at most 86400'],
    ['ringTimeoutSeconds: 1e12', 'at most 3600'],
    ['rings: 1001', 'at most 1000'],
  ])('bounds the node field %s', async (field, bound) => {
    const result = await auditText(flow([], [field]));
    expect(result.findings).toMatchObject([{ ruleId: 'schema', line: 12, message: expect.stringContaining(`must be ${bound}`) }]);
  });

  it("bounds a queue's patienceSeconds", async () => {
    const text = flow([], []).replace('nodes:', 'queues:\n  main:\n    agents: 5\n    callsPerHour: 60\n    ahtSeconds: 300\n    patienceSeconds: 1e308\nnodes:');
    const result = await auditText(text);
    expect(result.findings).toMatchObject([{ ruleId: 'schema', line: 9, message: expect.stringContaining('must be at most 86400 (it is 1e+308)') }]);
  });

  it('keeps figures a real flow uses', async () => {
    const result = await auditText(flow(['answerRings: 3', 'ringSeconds: 6', 'wordsPerMinute: 150'], ['rings: 8', 'durationSeconds: 3600', 'ringTimeoutSeconds: 45']));
    expect(result.findings.filter((finding) => finding.ruleId === 'schema')).toEqual([]);
    expect(result.score).not.toBeNull();
  });
});
