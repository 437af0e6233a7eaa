import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { parseConfigText, parseRuleFlags, ruleSettingProblem, validateConfig } from '../../src/config/validate.js';
import { UsageError } from '../../src/files.js';

const FILE = '.ivr-audit.yaml';

/** The ConfigError message `text` gives, or '' when it is valid. */
function errorOf(text: string): string {
  try {
    parseConfigText(text, FILE);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(UsageError);
    const { message } = error as Error;
    expect(message).not.toContain('\n');
    return message;
  }
}

describe('parseConfigText', () => {
  it('reads the example of the design', () => {
    const config = parseConfigText(
      [
        'extends: recommended            # or strict',
        'settings: { language: es, ringSeconds: 6 }',
        'rules:',
        '  identity-questions: [error, { max: 1 }]',
        '  cliche-prompt: off',
        'overrides:',
        '  - files: ["legacy/**"]',
        '    rules: { transfer-chain: warning }',
        'ignore: ["drafts/**"]',
        'scoring: { minScore: 70 }',
      ].join('\n'),
      FILE,
    );
    expect(config).toEqual({
      extends: 'recommended',
      settings: { language: 'es', ringSeconds: 6 },
      rules: { 'identity-questions': ['error', { max: 1 }], 'cliche-prompt': 'off' },
      overrides: [{ files: ['legacy/**'], rules: { 'transfer-chain': 'warning' } }],
      ignore: ['drafts/**'],
      scoring: { minScore: 70 },
    });
  });

  it('reads an empty file, JSON and a BOM', () => {
    expect(parseConfigText('', FILE)).toEqual({});
    expect(parseConfigText('# nothing yet\n', FILE)).toEqual({});
    expect(parseConfigText('{"extends": "strict"}', FILE)).toEqual({ extends: 'strict' });
    expect(parseConfigText('\uFEFFextends: strict\r\n', FILE)).toEqual({ extends: 'strict' });
  });

  it('accepts [severity] alone and scoring weights', () => {
    expect(errorOf('rules: { no-human: [warning] }\nscoring: { weights: { coldTransfer: 8, penaltyInfo: 0 } }')).toBe('');
  });

  it('reports invalid YAML with file:line:col', () => {
    expect(errorOf('rules:\n  no-human: [error\n')).toMatch(/^\.ivr-audit\.yaml:\d+:\d+: \S/);
    expect(errorOf('extends: strict\nextends: recommended\n')).toMatch(/^\.ivr-audit\.yaml:2:1: .*unique/i);
  });

  it('refuses a document that is not a mapping', () => {
    expect(errorOf('- strict\n')).toBe('.ivr-audit.yaml: must be a mapping');
  });
});

describe('shape errors name the file and the key', () => {
  it.each([
    ['rulez: {}', '.ivr-audit.yaml: rulez: unknown key (did you mean "rules"?)'],
    ['extends: strikt', '.ivr-audit.yaml: extends: must be one of recommended, strict (did you mean "strict"?)'],
    ['settings: { language: fr }', '.ivr-audit.yaml: settings.language: must be one of en, es'],
    ['settings: { ringSecond: 5 }', '.ivr-audit.yaml: settings.ringSecond: unknown key (did you mean "ringSeconds"?)'],
    ['settings: { answerRings: 1.5 }', '.ivr-audit.yaml: settings.answerRings: must be a whole number'],
    ['settings: { ringSeconds: 0 }', '.ivr-audit.yaml: settings.ringSeconds: must be greater than 0'],
    ['scoring: { minScore: 120 }', '.ivr-audit.yaml: scoring.minScore: must be at most 100'],
    ['scoring: { weights: { coldTransfer: -1 } }', '.ivr-audit.yaml: scoring.weights.coldTransfer: must be at least 0'],
    ['scoring: { weights: { waiting: 2 } }', '.ivr-audit.yaml: scoring.weights.waiting: unknown key'],
    ['scoring: { minscore: 70 }', '.ivr-audit.yaml: scoring.minscore: unknown key (did you mean "minScore"?)'],
    ['ignore: drafts/**', '.ivr-audit.yaml: ignore: must be a list'],
    ['ignore: [""]', '.ivr-audit.yaml: ignore[0]: must not be empty'],
    ['overrides: [{ rules: {} }]', '.ivr-audit.yaml: overrides[0].files: is required'],
    ['overrides: [{ files: [] }]', '.ivr-audit.yaml: overrides[0].files: must list at least 1 pattern'],
    ['overrides: [{ files: [a], rule: {} }]', '.ivr-audit.yaml: overrides[0].rule: unknown key (did you mean "rules"?)'],
    ['overrides: [{ files: [a], settings: { language: de } }]', '.ivr-audit.yaml: overrides[0].settings.language: must be one of en, es'],
    ['rules: [no-human]', '.ivr-audit.yaml: rules: must be a mapping'],
  ])('%s', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('counts the other problems', () => {
    expect(errorOf('rulez: {}\nextends: nope\nignore: 3')).toMatch(/ \(and 2 more problems\)$/);
    expect(errorOf('rulez: {}\nextends: nope')).toMatch(/ \(and 1 more problem\)$/);
  });

  it('names the package.json key', () => {
    expect(() => validateConfig({ extend: 'strict' }, 'package.json', 'ivr-audit')).toThrow(
      'package.json: ivr-audit.extend: unknown key (did you mean "extends"?)',
    );
    expect(() => validateConfig('strict', 'package.json', 'ivr-audit')).toThrow('package.json: ivr-audit: must be a mapping');
  });
});

describe('rule entries are checked against the registry', () => {
  it.each([
    ['identiy-questions: error', 'rules.identiy-questions: "identiy-questions" is not a rule (did you mean "identity-questions"?)'],
    ['frobnicate: error', 'rules.frobnicate: "frobnicate" is not a rule (`ivr-audit rules` lists them)'],
    ['no-human: warn', 'rules.no-human: "warn" is not a severity: use error, warning, info or off (did you mean "warning"?)'],
    ['no-human: true', 'rules.no-human: must be a severity (error, warning, info, off) or [severity, { options }]'],
    ['no-human: []', 'rules.no-human: must be [severity] or [severity, { options }], not a list of 0'],
    ['no-human: [error, {}, 1]', 'rules.no-human: must be [severity] or [severity, { options }], not a list of 3'],
    ['no-human: [2]', 'rules.no-human: the first entry must be a severity (error, warning, info, off)'],
    ['identity-questions: [error, 1]', 'rules.identity-questions: the second entry must be a mapping of options, e.g. { max: 1 }'],
    ['identity-questions: [error, { maxx: 1 }]', 'rules.identity-questions: option "maxx" is not an option of identity-questions (did you mean "max"?)'],
    ['no-human: [error, { max: 1 }]', 'rules.no-human: option "max" is not an option of no-human (it has no options)'],
    ['identity-questions: [error, { max: two }]', 'rules.identity-questions: option "max" must be a whole number (got "two")'],
    ['identity-questions: [error, { max: 1.5 }]', 'rules.identity-questions: option "max" must be a whole number (got 1.5)'],
    ['identity-questions: [error, { max: -1 }]', 'rules.identity-questions: option "max" must be at least 0 (got -1)'],
    ['queue-occupancy: [warning, { max: high }]', 'rules.queue-occupancy: option "max" must be a number (got "high")'],
    ['cliche-prompt: [info, { phrases: [a, 2] }]', 'rules.cliche-prompt: option "phrases" must be a list of text (got ["a",2])'],
    ['cliche-prompt: [info, { phrases: a }]', 'rules.cliche-prompt: option "phrases" must be a list of text (got "a")'],
  ])('%s', (entry, message) => {
    expect(errorOf(`rules:\n  ${entry}\n`)).toBe(`.ivr-audit.yaml: ${message}`);
  });

  it('accepts good settings for every kind of option', () => {
    const text = [
      'rules:',
      '  identity-questions: [error, { max: 1 }]',
      '  queue-occupancy: [warning, { max: 0.8 }]',
      '  time-to-human: [warning, { maxSeconds: 45.5 }]',
      '  cliche-prompt: [info, { phrases: ["hold tight"] }]',
      '  cold-transfer: off',
    ].join('\n');
    expect(errorOf(text)).toBe('');
  });

  it('checks the rules of overrides', () => {
    expect(errorOf('overrides:\n  - files: [a]\n  - files: [b]\n    rules: { transfer-chian: off }')).toBe(
      '.ivr-audit.yaml: overrides[1].rules.transfer-chian: "transfer-chian" is not a rule (did you mean "transfer-chain"?)',
    );
  });

  it('is available for settings built in code', () => {
    expect(ruleSettingProblem('no-human', 'off')).toBeUndefined();
    expect(ruleSettingProblem('no-human', ['error'])).toBeUndefined();
    expect(ruleSettingProblem('nope', 'off')).toMatch(/is not a rule/);
  });
});

describe('parseRuleFlags', () => {
  it('reads ID=SEVERITY, the last flag for an id winning', () => {
    expect(parseRuleFlags(['transfer-chain=warning', 'no-human=off', 'transfer-chain=info'])).toEqual({
      'transfer-chain': 'info',
      'no-human': 'off',
    });
  });

  it('reads options as JSON, YAML flow syntax, or YAML with no space after the colon', () => {
    const expected = { 'identity-questions': ['error', { max: 1 }] };
    expect(parseRuleFlags(['identity-questions=["error",{"max":1}]'])).toEqual(expected);
    expect(parseRuleFlags(['identity-questions=[error, {max: 1}]'])).toEqual(expected);
    expect(parseRuleFlags(['identity-questions=[error,{max:1}]'])).toEqual(expected);
    expect(parseRuleFlags(['identity-questions = [warning]'])).toEqual({ 'identity-questions': ['warning'] });
    // A colon or an `=` inside a quoted phrase is part of the phrase.
    expect(parseRuleFlags(['cliche-prompt=[info,{phrases:["a=b: c", d]}]'])).toEqual({ 'cliche-prompt': ['info', { phrases: ['a=b: c', 'd'] }] });
  });

  it.each([
    ['transfer-chain', '--rule transfer-chain: expected ID=SEVERITY or ID=[SEVERITY, { options }], e.g. --rule transfer-chain=warning'],
    ['=off', '--rule =off: expected ID=SEVERITY or ID=[SEVERITY, { options }], e.g. --rule transfer-chain=warning'],
    ['identity-questions=[error,{max:one}]', '--rule identity-questions=[error,{max:one}]: option "max" must be a whole number (got "one")'],
    ['identity-questions=[error,{mx:1}]', '--rule identity-questions=[error,{mx:1}]: option "mx" is not an option of identity-questions (did you mean "max"?)'],
    ['identity-questions=[error,{max:-1}]', '--rule identity-questions=[error,{max:-1}]: option "max" must be at least 0 (got -1)'],
    ['identity-questions=[eror,{max:1}]', '"eror" is not a severity'],
    ['identity-questions=[error,{max:1]', '--rule identity-questions=[error,{max:1]: cannot read the value as JSON or YAML'],
    ['identity-questions=[error, 1]', 'the second entry must be a mapping of options'],
    ['transfer-chian=off', '--rule transfer-chian=off: "transfer-chian" is not a rule (did you mean "transfer-chain"?)'],
    ['transfer-chain=warn', '--rule transfer-chain=warn: "warn" is not a severity: use error, warning, info or off (did you mean "warning"?)'],
  ])('refuses %s', (flag, message) => {
    expect(() => parseRuleFlags([flag])).toThrow(message);
  });
});
