import { describe, expect, it } from 'vitest';
import { STRICT_FACTOR, preset, strictOptionValue } from '../../src/config/presets.js';
import { SEVERITY_RANK } from '../../src/model/finding.js';
import { ruleMetas } from '../../src/rules/index.js';
import type { RuleOption } from '../../src/rules/types.js';

const option = (name: string, type: RuleOption['type'], value: RuleOption['default'], minimum?: number): RuleOption => ({
  name,
  type,
  default: value,
  description: '',
  ...(minimum === undefined ? {} : { minimum }),
});

describe('recommended', () => {
  it('is every rule of the registry at its default severity and options', () => {
    const recommended = preset('recommended');
    expect(Object.keys(recommended)).toEqual(ruleMetas().map((meta) => meta.id));
    for (const meta of ruleMetas()) {
      expect(recommended[meta.id]).toEqual([meta.severity, Object.fromEntries(meta.options.map((o) => [o.name, o.default]))]);
    }
  });
});

describe('strict', () => {
  const strict = preset('strict');

  it('covers every rule and turns warnings into errors, keeping info as info', () => {
    expect(Object.keys(strict)).toEqual(ruleMetas().map((meta) => meta.id));
    for (const meta of ruleMetas()) {
      const expected = meta.severity === 'warning' ? 'error' : meta.severity;
      expect(strict[meta.id]![0], meta.id).toBe(expected);
    }
  });

  it('lowers the limits of the effort rules', () => {
    const limits = Object.fromEntries(Object.entries(strict).map(([id, [, options]]) => [id, options]));
    expect(limits['identity-questions']).toEqual({ max: 1 });
    expect(limits['transfer-chain']).toEqual({ max: 0 });
    expect(limits['menu-options']).toEqual({ max: 4 });
    expect(limits['menu-depth']).toEqual({ max: 2 });
    expect(limits['ring-limit']).toEqual({ max: 3 });
    expect(limits['time-to-human']).toEqual({ maxSeconds: 45 });
    expect(limits['long-preamble']).toEqual({ maxSeconds: 10 });
    expect(limits['hold-without-callback']).toEqual({ maxSeconds: 90 });
    expect(limits['no-wait-estimate']).toEqual({ minSeconds: 45 });
    expect(limits['queue-occupancy']).toEqual({ max: 0.64 });
  });

  it('never loosens a limit nor goes under an option minimum', () => {
    for (const meta of ruleMetas()) {
      for (const opt of meta.options) {
        const value = strict[meta.id]![1][opt.name];
        if (typeof opt.default !== 'number') {
          expect(value, `${meta.id}.${opt.name}`).toEqual(opt.default);
          continue;
        }
        expect(value as number, `${meta.id}.${opt.name}`).toBeLessThanOrEqual(opt.default);
        expect(value as number, `${meta.id}.${opt.name}`).toBeGreaterThanOrEqual(opt.minimum ?? 0);
        if (opt.type === 'integer') expect(Number.isInteger(value), `${meta.id}.${opt.name}`).toBe(true);
      }
    }
  });

  it('is never more lenient than recommended', () => {
    const recommended = preset('recommended');
    for (const [id, [severity]] of Object.entries(strict)) {
      const before = recommended[id]![0];
      if (severity === 'off' || before === 'off') continue;
      expect(SEVERITY_RANK[severity]).toBeGreaterThanOrEqual(SEVERITY_RANK[before]);
    }
  });
});

describe('strictOptionValue', () => {
  it.each([
    ['a count: one less', option('max', 'integer', 5), 4],
    ['a count already at zero', option('max', 'integer', 0), 0],
    ['a count at its minimum', option('max', 'integer', 1, 1), 1],
    ['a ratio: × 0.75 to two decimals', option('max', 'number', 0.9), 0.68],
    ['seconds: × 0.75 down to a multiple of 5', option('maxSeconds', 'number', 60), 45],
    ['seconds: 15 → 10', option('maxSeconds', 'integer', 15), 10],
    ['a short time: whole seconds', option('minSeconds', 'number', 4), 3],
    ['a list: unchanged', option('phrases', 'string[]', ['a']), ['a']],
    ['an unknown kind of number: unchanged', option('retries', 'integer', 7), 7],
  ])('%s', (_, opt, expected) => {
    expect(strictOptionValue('some-future-rule', opt)).toEqual(expected);
  });

  it('documents its factor', () => {
    expect(STRICT_FACTOR).toBe(0.75);
  });
});
