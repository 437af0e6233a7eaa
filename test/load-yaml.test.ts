// Hostile YAML: what a parser can be made to do, and what the loader makes of it.
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/config/validate.js';
import { auditText } from './helpers.js';

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

function brief(findings: ReadonlyArray<{ line: number; column: number; ruleId: string; message: string }>): string[] {
  return findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`);
}

describe('hostile YAML', () => {
  it('reads `- - - …` thousands deep with more after it as the deep-nesting finding, not a stack overflow', async () => {
    const result = await auditText(`${'- '.repeat(3000)}x\nversion: 1\nname: after\n`);
    expect(brief(result.findings)).toEqual(['1:1 yaml-syntax the document is nested too deeply to read']);
  });

  // The parser recurses: whether it overflowed at 1,000 levels depended on the stack its caller
  // left, so the same file got different findings from one call to the next.
  it('gives deep nesting the same finding wherever it is parsed from, at the line it gets too deep', async () => {
    const text = lines('version: 1', 'name: Deep', 'nodes:', `  a: ${'['.repeat(1200)}${']'.repeat(1200)}`);
    const nested = (depth: number): Promise<string[]> => (depth === 0 ? auditText(text).then((file) => brief(file.findings)) : nested(depth - 1));
    const fromTop = brief((await auditText(text)).findings);
    expect(fromTop).toEqual(['4:206 yaml-syntax the document is nested too deeply to read']);
    expect(await nested(2000)).toEqual(fromTop);
  });

  it('reads nesting a real file could have', async () => {
    const result = await auditText(lines('version: 1', 'name: Nested', 'entry: a', 'nodes:', '  a:', '    type: agent', `    label: "${'['.repeat(500)}"`, `# ${'{'.repeat(500)}`, `x: ${'['.repeat(150)}${']'.repeat(150)}`));
    expect(brief(result.findings)).toEqual([expect.stringMatching(/^9:1 schema `x` is not a key of the flow/)]);
  });

  it('merges `<<` keys as YAML 1.1 readers do, the node\'s own keys winning', async () => {
    const result = await auditText(
      lines(
        'version: 1',
        'name: Merged',
        'entry: welcome',
        'nodes:',
        '  welcome: &greeting',
        '    type: play',
        '    say: Hello.',
        '    next: again',
        '  again:',
        '    <<: *greeting',
        '    say: Hello again.',
        '    next: person',
        '  person:',
        '    type: agent',
      ),
    );
    expect(brief(result.findings.filter((finding) => finding.severity === 'error'))).toEqual([]);
    expect(result.flow?.nodes).toBe(3);
  });

  it.each([
    ['!!js/function "function () { process.exit(9) }"', '!!js/function'],
    ['!foo bar', '!foo'],
    ['!!binary aGVsbG8=', '!!binary'],
    ['!!set { a, b }', '!!set'],
  ])('refuses the tag in `say: %s` with a finding, building nothing from it', async (value, tag) => {
    const result = await auditText(lines('version: 1', 'name: Tagged', 'entry: welcome', 'nodes:', '  welcome:', '    type: play', `    say: ${value}`, '    next: person', '  person:', '    type: agent'));
    // Positioned at the tagged value, on its line.
    expect(result.findings).toMatchObject([{ ruleId: 'yaml-syntax', line: 7, message: `the tag ${tag} is not supported: write plain text, numbers, lists and mappings` }]);
  });

  it('keeps the tags that restate plain YAML', async () => {
    const result = await auditText(lines('version: !!int 1', 'name: !!str Tagged', 'entry: welcome', 'nodes: !!map', '  welcome:', '    type: agent'));
    expect(result.findings.filter((finding) => finding.ruleId === 'yaml-syntax' || finding.ruleId === 'schema')).toEqual([]);
  });

  it('says where a NUL byte is, once', async () => {
    const result = await auditText(lines('version: 1', 'name: Binary', 'entry: welcome', 'nodes:', '  welcome:', '    type: play', '    say: a\u0000b\u0000c', '    next: person'));
    expect(brief(result.findings)).toEqual(['7:11 yaml-syntax the file holds a NUL byte (\\0): it is not a text file']);
  });

  it('stops an alias bomb (billion laughs) at the alias limit', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = await auditText(lines(...levels, 'version: 1'));
    expect(result.findings).toMatchObject([{ ruleId: 'yaml-syntax', message: expect.stringContaining('Excessive alias count') }]);
  });

  it('takes `__proto__`, `constructor` and `toString` as ordinary node ids, polluting nothing', async () => {
    const result = await auditText(
      lines(
        'version: 1',
        'name: Prototype',
        'entry: __proto__',
        'nodes:',
        '  __proto__:',
        '    type: play',
        '    say: Hello.',
        '    next: constructor',
        '  constructor:',
        '    type: menu',
        '    say: Press 1 for a person.',
        '    options:',
        '      "1": toString',
        '      __proto__: hasOwnProperty',
        '    onNoInput: toString',
        '    onNoMatch: toString',
        '  toString:',
        '    type: agent',
        '  hasOwnProperty:',
        '    type: agent',
      ),
    );
    expect(brief(result.findings.filter((finding) => finding.severity === 'error'))).toEqual([]);
    expect(result.flow?.nodes).toBe(4);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('say');
  });
});

describe('hostile config YAML', () => {
  it('merges `<<` keys and refuses nesting the parser cannot hold, in one line', () => {
    expect(parseConfigText(lines('settings: &s { language: es }', 'overrides:', '  - files: ["a/**"]', '    settings: { <<: *s, ringSeconds: 5 }'), 'c.yaml')).toMatchObject({
      overrides: [{ settings: { language: 'es', ringSeconds: 5 } }],
    });
    expect(() => parseConfigText(`${'- '.repeat(3000)}x\nextends: strict\n`, 'c.yaml')).toThrow(/^c\.yaml: is nested too deeply to read$/);
  });
});
