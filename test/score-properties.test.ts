// Properties of the score on generated flows (scoring.md): bounded, deterministic, and monotone
// when a problem is added (an identity question) or removed (rings).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { ROOT } from './helpers.js';

type Step =
  | { type: 'play'; words: number }
  | { type: 'menu'; options: number }
  | { type: 'input'; identity: boolean }
  | { type: 'transfer'; rings: number; context: boolean }
  | { type: 'queue'; wait: number; music: boolean }
  | { type: 'agent'; rings: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('play' as const), words: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ type: fc.constant('menu' as const), options: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ type: fc.constant('input' as const), identity: fc.boolean() }),
  fc.record({ type: fc.constant('transfer' as const), rings: fc.integer({ min: 0, max: 8 }), context: fc.boolean() }),
  fc.record({ type: fc.constant('queue' as const), wait: fc.integer({ min: 10, max: 900 }), music: fc.boolean() }),
  fc.record({ type: fc.constant('agent' as const), rings: fc.integer({ min: 0, max: 8 }) }),
);

interface Generated {
  steps: Step[];
  answerRings: number;
  /** Where menus branch to, as offsets ahead (1 = the next step). */
  jumps: number[];
}

const flowArbitrary: fc.Arbitrary<Generated> = fc.record({
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 10 }),
  answerRings: fc.integer({ min: 0, max: 8 }),
  jumps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 4 }),
});

/** A flow of the steps in a row; menus also jump ahead; it ends with a person or a hangup. */
function toYaml(flow: Generated, extra: { questionBefore?: number } = {}): string {
  const ids = flow.steps.map((_, index) => `s${index}`);
  const last = flow.steps.length;
  const target = (index: number, ahead = 1): string => (index + ahead >= last ? 'end' : ids[index + ahead]!);
  const lines = ['version: 1', 'name: Generated', `entry: ${extra.questionBefore === 0 ? 'extra' : 's0'}`, 'settings:', `  answerRings: ${flow.answerRings}`, 'nodes:'];
  flow.steps.forEach((step, index) => {
    let next = target(index);
    if (extra.questionBefore !== undefined && extra.questionBefore === index + 1) next = 'extra';
    const id = ids[index]!;
    switch (step.type) {
      case 'play':
        lines.push(`  ${id}: { type: play, say: "${Array(step.words).fill('word').join(' ')}", next: ${next} }`);
        break;
      case 'menu': {
        const options = Array.from({ length: step.options }, (_, option) => `"${option + 1}": ${option === 0 ? next : target(index, flow.jumps[option % 4]!)}`);
        lines.push(`  ${id}: { type: menu, say: Choose., options: { ${options.join(', ')} }, onNoInput: ${next}, onNoMatch: ${next} }`);
        break;
      }
      case 'input':
        lines.push(`  ${id}: { type: input, say: Tell us., collects: datum-${index}, identity: ${step.identity}, next: ${next}, onNoInput: ${next}, onNoMatch: ${next} }`);
        break;
      case 'transfer':
        lines.push(`  ${id}: { type: transfer, to: team, rings: ${step.rings}, context: ${step.context}, next: ${next} }`);
        break;
      case 'queue':
        lines.push(`  ${id}: { type: queue, expectedWaitSeconds: ${step.wait}, maxWaitSeconds: 900, music: ${step.music}, next: ${next}, onTimeout: ${next} }`);
        break;
      case 'agent':
        lines.push(`  ${id}: { type: agent, rings: ${step.rings}, next: ${next} }`);
        break;
    }
  });
  if (extra.questionBefore !== undefined) {
    const after = extra.questionBefore >= last ? 'end' : ids[extra.questionBefore]!;
    lines.push(`  extra: { type: input, say: Your PIN please., collects: extra-pin, identity: true, next: ${after}, onNoInput: ${after}, onNoMatch: ${after} }`);
  }
  lines.push('  end: { type: hangup, outcome: resolved }');
  return `${lines.join('\n')}\n`;
}

async function scoreOf(text: string): Promise<number | undefined> {
  const result = await audit([{ path: 'generated.yaml', text }], { cwd: ROOT, noConfig: true });
  return result.files[0]!.score?.value;
}

function withoutRings(flow: Generated): Generated {
  return {
    ...flow,
    answerRings: 0,
    steps: flow.steps.map((step) => (step.type === 'transfer' || step.type === 'agent' ? { ...step, rings: 0 } : step)),
  };
}

describe('score properties', () => {
  it('is an integer in [0, 100], the same every time', async () => {
    await fc.assert(
      fc.asyncProperty(flowArbitrary, async (flow) => {
        const text = toYaml(flow);
        const first = await scoreOf(text);
        expect(Number.isInteger(first)).toBe(true);
        expect(first).toBeGreaterThanOrEqual(0);
        expect(first).toBeLessThanOrEqual(100);
        expect(await scoreOf(text)).toBe(first);
      }),
      { numRuns: 40 },
    );
  });

  it('never rises when one more identity question is asked', async () => {
    await fc.assert(
      fc.asyncProperty(flowArbitrary, fc.nat(), async (flow, position) => {
        const before = await scoreOf(toYaml(flow));
        const after = await scoreOf(toYaml(flow, { questionBefore: position % (flow.steps.length + 1) }));
        expect(after).toBeLessThanOrEqual(before!);
      }),
      { numRuns: 40 },
    );
  });

  it('never drops when the rings are removed', async () => {
    await fc.assert(
      fc.asyncProperty(flowArbitrary, async (flow) => {
        const before = await scoreOf(toYaml(flow));
        const after = await scoreOf(toYaml(withoutRings(flow)));
        expect(after).toBeGreaterThanOrEqual(before!);
      }),
      { numRuns: 40 },
    );
  });

  it('the generator makes flows that pass the schema', async () => {
    const result = await audit([{ path: 'generated.yaml', text: toYaml({ steps: [{ type: 'menu', options: 3 }, { type: 'agent', rings: 2 }], answerRings: 1, jumps: [1, 2, 3, 4] }, { questionBefore: 1 }) }], { cwd: ROOT, noConfig: true });
    expect(result.files[0]!.findings.filter((finding) => finding.ruleId === 'schema')).toEqual([]);
    expect(result.files[0]!.score).not.toBeNull();
  });
});
