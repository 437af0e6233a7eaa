// Bare placeholders are replaced by same-length tokens before parsing (so positions hold) and put back after.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';
import { fillPlaceholders, hasPlaceholder, isOpaqueValue, restoreInData } from '../../src/load/importers/placeholders.js';

describe('fillPlaceholders', () => {
  it('replaces a bare placeholder by a token of the same length, so YAML reads it as text', () => {
    const text = 'audio:\n  tts: {{ivr_failure}}\nnext: 1\n';
    const filled = fillPlaceholders(text);
    expect(filled.text).toBe('audio:\n  tts: __ivr_failure__\nnext: 1\n');
    expect(filled.text.length).toBe(text.length);
    expect(filled.fills).toEqual([{ offset: 14, original: '{{ivr_failure}}', token: '__ivr_failure__' }]);
    const parsed = parseYaml(filled.text);
    expect(parsed.problems).toEqual([]);
    expect(restoreInData(parsed.data, filled.fills)).toEqual({ audio: { tts: '{{ivr_failure}}' }, next: 1 });
    // The next key is still where it is written in the original text.
    expect(parsed.places.get('/next')?.key).toMatchObject({ line: 3, column: 1 });
  });

  it('makes JSON with a bare placeholder readable, with positions kept', () => {
    const text = '{\n  "a": {{ limit }},\n  "b": ${B}, "c": 3\n}';
    const filled = fillPlaceholders(text);
    expect(filled.text).toBe('{\n  "a": ___limit___,\n  "b": __B_, "c": 3\n}');
    const parsed = parseYaml(filled.text);
    expect(parsed.problems).toEqual([]);
    expect(restoreInData(parsed.data, filled.fills)).toEqual({ a: '{{ limit }}', b: '${B}', c: 3 });
    expect(parsed.places.get('/c')?.value).toMatchObject({ line: 3, column: 19 });
  });

  it('leaves placeholders inside quoted strings, comments and block scalars alone', () => {
    const text = [
      '# a comment with {{not_this}}',
      'a: "{{quoted}} and ${ALSO}"',
      "b: 'it''s {{single}}'",
      'c: |',
      '  {{in_a_block}}',
      '  "unbalanced quote',
      'd: {{bare}}',
      "e: Don't {{stop}}",
    ].join('\n');
    const filled = fillPlaceholders(text);
    expect(filled.fills.map((fill) => fill.original)).toEqual(['{{bare}}', '{{stop}}']);
    const data = restoreInData(parseYaml(filled.text).data, filled.fills);
    expect(data).toEqual({
      a: '{{quoted}} and ${ALSO}',
      b: "it's {{single}}",
      c: '{{in_a_block}}\n"unbalanced quote\n',
      d: '{{bare}}',
      e: "Don't {{stop}}",
    });
  });

  it('always ends, keeping the length and every line break of any text', () => {
    const pieces = fc.constantFrom('{{a}}', '${B}', '{% c %}', '{', '}', '$', '"', "'", '#', '|', '>', ':', '-', ' ', '\n', '  ', 'x', 'key: ', '- ');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const filled = fillPlaceholders(text);
      expect(filled.text.length).toBe(text.length);
      expect([...filled.text].map((ch, i) => (ch === '\n') === (text[i] === '\n')).every(Boolean)).toBe(true);
    }), { numRuns: 500 });
  });

  it('does nothing to text without placeholders', () => {
    const text = '{"Version": "2019-10-30", "x": "$.External.y"}';
    expect(fillPlaceholders(text)).toEqual({ text, fills: [] });
  });

  it('restores placeholders in place, keeping `__proto__` keys as data', () => {
    const data = JSON.parse('{"__proto__": "__x__", "list": ["__x__", {"k": "a __x__ b"}]}') as Record<string, unknown>;
    restoreInData(data, [{ offset: 0, original: '{{x}}', token: '__x__' }]);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toBe('{{x}}');
    expect(data.list).toEqual(['{{x}}', { k: 'a {{x}} b' }]);
  });
});

describe('placeholder values', () => {
  it('tells values held elsewhere from text that mentions a placeholder', () => {
    expect(isOpaqueValue('{{contactFlows.Main.arn}}')).toBe(true);
    expect(isOpaqueValue(' ${REGION} ')).toBe(true);
    expect(isOpaqueValue('$.External.CurrentRule_offerMessage')).toBe(true);
    expect(isOpaqueValue('Press 1 for {{team}}')).toBe(false);
    expect(hasPlaceholder('Press 1 for {{team}}')).toBe(true);
    expect(hasPlaceholder('{% if x %}Hi{% endif %}')).toBe(true);
    expect(hasPlaceholder('Costs $5 {not a placeholder}')).toBe(false);
  });
});
