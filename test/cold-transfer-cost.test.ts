// A transfer without context costs what the caller loses with it: nothing before they have said
// anything, more the more answers, identity and time they gave.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../src/score/weights.js';
import { contextLost } from '../src/score/effort.js';
import { auditText } from './helpers.js';

/** A line that asks `questions` identity questions, then transfers, with or without context. */
function flow(questions: number, context: boolean): string {
  const asks = Array.from({ length: questions }, (_, index) => [
    `  ask-${index}:`,
    '    type: input',
    `    say: Please key in your ${['account number', 'date of birth', 'postcode'][index]}.`,
    `    collects: ${['account-number', 'date-of-birth', 'postcode'][index]}`,
    `    next: ${index + 1 < questions ? `ask-${index + 1}` : 'to-desk'}`,
    '    onNoInput: to-desk',
    '    onNoMatch: to-desk',
  ]).flat();
  return [
    'version: 1',
    'name: Transfer after questions',
    `entry: ${questions > 0 ? 'ask-0' : 'to-desk'}`,
    'nodes:',
    ...asks,
    '  to-desk:',
    '    type: transfer',
    '    to: Front desk',
    `    context: ${context}`,
  ].join('\n');
}

const scoreOf = async (questions: number, context: boolean): Promise<number> => (await auditText(flow(questions, context))).score!.value;

describe('cold transfers cost what is lost', () => {
  it('does not report nor charge a straight forward made before the caller said anything', async () => {
    const cold = await auditText(flow(0, false));
    const warm = await auditText(flow(0, true));
    expect(cold.findings.map((finding) => finding.ruleId)).not.toContain('cold-transfer');
    expect(cold.score!.value).toBe(warm.score!.value);
  });

  it('reports a transfer after answers, saying what was given', async () => {
    const result = await auditText(flow(1, false));
    const finding = result.findings.find((each) => each.ruleId === 'cold-transfer');
    expect(finding?.message).toContain('without what they already gave (up to 1 answer, 1 about who they are, ');
  });

  it('costs a cold transfer after answers more than a warm one', async () => {
    expect(await scoreOf(1, false)).toBeLessThan(await scoreOf(1, true));
    expect(await scoreOf(2, false)).toBeLessThan(await scoreOf(2, true));
  });

  it('grows with answers, identity and time, up to the cap', () => {
    const weights = DEFAULT_WEIGHTS;
    const cap = weights.coldTransfer - weights.warmTransfer;
    expect(contextLost({ answers: 0, identity: 0, seconds: 600 }, weights)).toBe(0);
    const one = contextLost({ answers: 1, identity: 0, seconds: 10 }, weights);
    expect(one).toBeGreaterThan(0);
    expect(contextLost({ answers: 1, identity: 1, seconds: 10 }, weights)).toBeGreaterThan(one);
    expect(contextLost({ answers: 1, identity: 0, seconds: 100 }, weights)).toBeGreaterThan(one);
    expect(contextLost({ answers: 9, identity: 9, seconds: 900 }, weights)).toBe(cap);
  });
});
