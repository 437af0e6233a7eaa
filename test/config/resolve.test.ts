import { describe, expect, it } from 'vitest';
import { matchesGlobs } from '../../src/config/glob.js';
import { preset } from '../../src/config/presets.js';
import { applyRules, isIgnored, pathFromConfig, resolveConfig } from '../../src/config/resolve.js';
import type { ConfigFile } from '../../src/config/types.js';
import { resolveRules } from '../../src/engine.js';

const config: ConfigFile = {
  settings: { language: 'es', ringSeconds: 5 },
  rules: { 'identity-questions': ['error', { max: 1 }], 'cliche-prompt': 'off', 'transfer-chain': 'error' },
  overrides: [
    { files: ['legacy/**'], rules: { 'transfer-chain': 'warning', 'identity-questions': ['warning', { max: 3 }] }, settings: { ringSeconds: 4 } },
    { files: ['legacy/old-*.yaml'], rules: { 'transfer-chain': 'off' } },
  ],
  ignore: ['drafts/**', '*.draft.yaml', '!keep.draft.yaml'],
  scoring: { minScore: 70, weights: { coldTransfer: 2 } },
};

describe('resolveConfig', () => {
  it('without a config: the recommended preset', () => {
    const resolved = resolveConfig(undefined, 'flow.yaml', {});
    expect(resolved.rules).toEqual(preset('recommended'));
    expect(resolved).toMatchObject({ settings: {}, ignore: [], scoring: {} });
    expect(resolved.source).toBeUndefined();
  });

  it('layers the config rules over the preset', () => {
    const { rules } = resolveConfig(config, 'main.yaml', {}, '/repo/.ivr-audit.yaml');
    expect(rules['identity-questions']).toEqual(['error', { max: 1 }]);
    expect(rules['cliche-prompt']).toEqual(['off', { phrases: [] }]);
    expect(rules['no-human']).toEqual(preset('recommended')['no-human']);
  });

  it('applies an override only to the files its globs match, in order', () => {
    const top = resolveConfig(config, 'main.yaml', {});
    const legacy = resolveConfig(config, 'legacy/sub/billing.yaml', {});
    const old = resolveConfig(config, 'legacy/old-menu.yaml', {});
    expect(top.rules['transfer-chain']).toEqual(['error', { max: 1 }]);
    expect(legacy.rules['transfer-chain']).toEqual(['warning', { max: 1 }]);
    expect(old.rules['transfer-chain']).toEqual(['off', { max: 1 }]);
    expect(legacy.rules['identity-questions']).toEqual(['warning', { max: 3 }]);
    expect(top.settings).toEqual({ language: 'es', ringSeconds: 5 });
    expect(legacy.settings).toEqual({ language: 'es', ringSeconds: 4 });
  });

  it('lets --rule win over the config and its overrides', () => {
    const cli = { rules: { 'transfer-chain': 'info' as const, 'identity-questions': 'off' as const } };
    const { rules } = resolveConfig(config, 'legacy/old-menu.yaml', cli);
    expect(rules['transfer-chain']).toEqual(['info', { max: 1 }]);
    expect(rules['identity-questions']).toEqual(['off', { max: 3 }]);
  });

  it('keeps strict limits when only the severity changes', () => {
    const { rules } = resolveConfig({ extends: 'strict', rules: { 'identity-questions': 'warning', 'menu-depth': ['warning', {}] } }, 'a.yaml', {});
    expect(rules['identity-questions']).toEqual(['warning', { max: 1 }]);
    expect(rules['menu-depth']).toEqual(['warning', { max: 2 }]);
    expect(rules['unreachable-node']).toEqual(['error', {}]);
  });

  it('gives what the engine takes', () => {
    const engine = resolveRules(resolveConfig(config, 'legacy/x.yaml', {}).rules);
    expect(engine.has('cliche-prompt')).toBe(false);
    expect(engine.get('identity-questions')).toMatchObject({ severity: 'warning', options: { max: 3 } });
  });

  it('passes ignore, scoring and source through, as copies', () => {
    const resolved = resolveConfig(config, 'a.yaml', {}, '/repo/.ivr-audit.yaml');
    expect(resolved).toMatchObject({ ignore: config.ignore, scoring: config.scoring, source: '/repo/.ivr-audit.yaml' });
    resolved.scoring.weights!.coldTransfer = 9;
    resolved.ignore.push('x');
    expect(config.scoring!.weights!.coldTransfer).toBe(2);
    expect(config.ignore).toHaveLength(3);
  });
});

describe('applyRules', () => {
  it('merges options by name and skips absent entries', () => {
    const base = { 'cliche-prompt': ['info', { phrases: ['a'] }] } as const;
    expect(applyRules(base as never, { 'cliche-prompt': ['warning'] })).toEqual({ 'cliche-prompt': ['warning', { phrases: ['a'] }] });
    expect(applyRules({}, { 'no-human': undefined as never })).toEqual({});
  });
});

describe('isIgnored', () => {
  it.each([
    ['drafts/a.yaml', true],
    ['drafts/deep/b.yaml', true],
    ['flows/menu.draft.yaml', true],
    ['menu.draft.yaml', true],
    ['flows/keep.draft.yaml', false],
    ['flows/main.yaml', false],
    ['not-drafts/a.yaml', false],
    ['../drafts/a.yaml', false],
  ])('%s → %s', (file, ignored) => {
    expect(isIgnored(config, file)).toBe(ignored);
  });

  it('is false without a config or an ignore list', () => {
    expect(isIgnored(undefined, 'drafts/a.yaml')).toBe(false);
    expect(isIgnored({}, 'drafts/a.yaml')).toBe(false);
  });
});

describe('matchesGlobs', () => {
  it.each([
    [['legacy/**'], 'legacy/a.yaml', true],
    [['legacy/*.yaml'], 'legacy/sub/a.yaml', false],
    [['legacy'], 'legacy/sub/a.yaml', true],
    [['legacy/'], 'legacy/sub/a.yaml', true],
    [['a.yaml/'], 'a.yaml', false],
    [['/main.yaml'], 'main.yaml', true],
    [['/main.yaml'], 'sub/main.yaml', false],
    [['main.yaml'], 'sub/main.yaml', true],
    [['./flows/*.yaml'], 'flows/x.yaml', true],
    [['**/*.yml'], 'a/b/c.yml', true],
    [['{billing,sales}/*.yaml'], 'sales/x.yaml', true],
    [['flows/[ab].yaml'], 'flows/b.yaml', true],
    [['**'], '.hidden/x.yaml', true],
    [['flows/**', '!flows/keep/**'], 'flows/keep/x.yaml', false],
    [['flows/**', '!flows/keep/**', 'flows/keep/again.yaml'], 'flows/keep/again.yaml', true],
    [['!x.yaml'], 'x.yaml', false],
  ])('%j matches %s: %s', (patterns, file, expected) => {
    expect(matchesGlobs(patterns, file)).toBe(expected);
  });

  it('reads Windows separators and ./ prefixes', () => {
    expect(matchesGlobs(['legacy/**'], 'legacy\\sub\\a.yaml')).toBe(true);
    expect(matchesGlobs(['legacy/**'], './legacy/a.yaml')).toBe(true);
    expect(matchesGlobs(['**'], '/abs/a.yaml')).toBe(false);
    expect(matchesGlobs(['**'], '')).toBe(false);
  });
});

describe('pathFromConfig', () => {
  it('gives the path from the config folder with forward slashes', () => {
    expect(pathFromConfig('/repo/.ivr-audit.yaml', '/repo/flows/a.yaml')).toBe('flows/a.yaml');
    expect(pathFromConfig('.ivr-audit.yaml', 'flows/a.yaml', '/repo')).toBe('flows/a.yaml');
    expect(pathFromConfig('/repo/sub/package.json', '/repo/a.yaml')).toBe('../a.yaml');
  });
});
