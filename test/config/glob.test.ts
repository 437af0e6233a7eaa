import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { matchesGlobs } from '../../src/config/glob.js';
import { parseConfigText } from '../../src/config/validate.js';
import { GlobError, MAX_BRACE_DEPTH, compileGlob, isGlobPattern } from '../../src/util/glob-match.js';

describe('compileGlob', () => {
  it.each([
    ['*.yaml', 'menu.yaml', true],
    ['*.yaml', 'sub/menu.yaml', false],
    ['*.yaml', '.hidden.yaml', true],
    ['?.yaml', 'a.yaml', true],
    ['a?b', 'a/b', false],
    ['**', 'a/b/c', true],
    ['**/c.yaml', 'c.yaml', true],
    ['**/c.yaml', 'a/b/c.yaml', true],
    ['a/**', 'a', true],
    ['a/**', 'a/b/c', true],
    ['a/**', 'ab', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/xb', false],
    // Globstars in a row are one globstar.
    ['a/**/**', 'a', true],
    ['a/**/**', 'a/b/c', true],
    ['a/**/**/b', 'a/b', true],
    ['**/**', 'a', true],
    ['a/**/**', 'ab', false],
    ['a**b', 'axxb', true],
    ['a**b', 'ax/xb', false],
    ['{billing,sales}/*.yaml', 'sales/x.yaml', true],
    ['{billing,sales}/*.yaml', 'support/x.yaml', false],
    ['a.{yaml,yml}', 'a.yml', true],
    ['{a,{b,c}}', 'c', true],
    ['{,pre-}main', 'main', true],
    ['{a}', '{a}', true],
    ['{a', '{a', true],
    ['a,b', 'a,b', true],
    ['[ab].yaml', 'b.yaml', true],
    ['[a-c]x', 'bx', true],
    ['[!a]x', 'bx', true],
    ['[^a]x', 'ax', false],
    ['[]a]', ']', true],
    ['[a', '[a', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['*a*a*b', 'aab', true],
    ['*a*a*b', 'ab', false],
    ['flows/é*', 'flows/école.yaml', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern)(path)).toBe(expected);
  });

  // Regex matchers backtrack on these for minutes; a hang fails the test at the runner's timeout.
  it('answers at once for patterns that make a backtracking matcher explode', () => {
    const longName = `${'a'.repeat(250)}.yml`;
    expect(compileGlob('*a*a*a*a*a*a*a*a*a*a*b.yaml')(longName)).toBe(false);
    expect(compileGlob('**/*a*a*a*a*a*a*a*a*b.yaml')(`x/${'a'.repeat(250)}/${longName}`)).toBe(false);
    expect(compileGlob(`${'{a,'.repeat(20)}b${'}'.repeat(20)}*c`)(`${'a'.repeat(250)}`)).toBe(false);
    expect(matchesGlobs(['*a*a*a*a*a*a*a*a*a*a*b.yaml'], `dir/${longName}`)).toBe(false);
  });

  it('reads unclosed braces in one pass, however many', () => {
    expect(compileGlob('{'.repeat(20000))('{'.repeat(20000))).toBe(true);
    expect(compileGlob(`${'{a'.repeat(20000)}`)('{a'.repeat(20000))).toBe(true);
  });

  it('refuses braces nested too deeply instead of recursing without end', () => {
    const deep = `${'{a,'.repeat(MAX_BRACE_DEPTH + 1)}b${'}'.repeat(MAX_BRACE_DEPTH + 1)}`;
    expect(() => compileGlob(deep)).toThrow(GlobError);
    const fine = `${'{a,'.repeat(MAX_BRACE_DEPTH)}b${'}'.repeat(MAX_BRACE_DEPTH)}`;
    expect(compileGlob(fine)('b')).toBe(true);
  });
});

describe('isGlobPattern', () => {
  it.each([
    ['flows/*.yaml', true],
    ['flows/{a,b}.yaml', true],
    ['flows/[ab].yaml', true],
    ['flows/a?.yaml', true],
    ['flows/main.yaml', false],
    ['flows/\\*.yaml', false],
  ])('%s: %s', (text, expected) => {
    expect(isGlobPattern(text)).toBe(expected);
  });
});

describe('config globs', () => {
  it('are refused with the key when the matcher cannot take them', () => {
    const deep = `${'{a,'.repeat(40)}b${'}'.repeat(40)}`;
    const read = (): unknown => parseConfigText(`ignore: ["ok/**", "${deep}"]\n`, '.ivr-audit.yaml');
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/^\.ivr-audit\.yaml: ignore\[1\]: is not a usable glob: braces are nested more than 32 deep$/);
    expect(() => parseConfigText(`overrides: [{ files: ["${deep}"], rules: {} }]\n`, 'c.yaml')).toThrow(/overrides\[0\]\.files\[0\]/);
  });
});
