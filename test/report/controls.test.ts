// Control, bidi and zero-width characters from a flow (fixtures/hostile/controls.yaml) must never
// reach a terminal, a CI log or a browser raw: every human format and every stderr line shows them
// as visible escapes, while JSON and SARIF keep the exact text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, scratch } from './support.js';

const CONTROLS = 'fixtures/hostile/controls.yaml';
const HUMAN_FORMATS = ['stylish', 'github', 'markdown', 'html'] as const;

/** Anything a terminal or browser would act on or hide; a line feed is allowed as the format's own line break. */
const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

function rawCharacters(text: string): string[] {
  return [...text].filter((char) => RAW.test(char)).map((char) => `U+${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** The unknown target as visible text, in the order the flow spells it. */
const TARGET_SHOWN = 'gone\\x1b[2J\\x07\\rover\\nwritten\\tdel\\x7f csi\\x9b1m \\u202egnp.exe';

describe('control characters from a flow in every output', () => {
  const outputs = new Map<string, string>();
  let stdout = '';

  beforeAll(() => {
    const folder = scratch();
    const formats = [...HUMAN_FORMATS, 'json', 'sarif'];
    const run = cli(['lint', CONTROLS, ...formats.flatMap((format) => ['-f', `${format}=${join(folder, `out.${format}`)}`])]);
    expect(run.status).toBe(1);
    for (const format of formats) outputs.set(format, readFileSync(join(folder, `out.${format}`), 'utf8'));
    const plain = cli(['lint', CONTROLS]);
    stdout = plain.stdout;
  });

  it.each(HUMAN_FORMATS)('%s holds no raw control, bidi or zero-width character', (format) => {
    expect(rawCharacters(outputs.get(format)!)).toEqual([]);
  });

  it('stylish on stdout shows the escapes in the message, on one line', () => {
    expect(rawCharacters(stdout)).toEqual([]);
    const line = stdout.split('\n').find((text) => text.includes('unknown-target'))!;
    expect(line).toContain(TARGET_SHOWN);
    expect(stdout).not.toContain('\nwritten');
  });

  it('github keeps one command per finding and escapes the controls inside it', () => {
    const lines = outputs.get('github')!.trimEnd().split('\n');
    const json = JSON.parse(outputs.get('json')!) as { files: Array<{ findings: unknown[] }> };
    expect(lines).toHaveLength(json.files[0]!.findings.length);
    const unknown = lines.find((line) => line.includes('title=unknown-target'))!;
    // Line breaks are the toolkit's %0D/%0A (GitHub shows them as breaks); the rest is visible text.
    expect(unknown).toContain('gone\\x1b[2J\\x07%0Dover%0Awritten\\tdel\\x7f csi\\x9b1m \\u202egnp.exe');
  });

  it('markdown shows the escapes as text', () => {
    const markdown = outputs.get('markdown')!;
    expect(markdown).toContain('gone\\\\x1b\\[2J\\\\x07\\\\rover\\\\nwritten');
    expect(markdown).toContain('\\\\u202egnp.exe');
  });

  it('html shows the escapes as text, the flow name included', () => {
    const html = outputs.get('html')!;
    expect(html).toContain('Title \\x1b]0;pwned\\x07 set \\x1b[2J clear \\x1b[31m red');
    expect(html).toContain(TARGET_SHOWN);
    expect(html).toContain('bidi \\u202eevil\\u202c \\u2066iso\\u2069 \\u061c \\u200e \\u200f');
    expect(html).toContain('zero\\u200bwidth\\u200c\\u200d\\ufeff\\u2060 joiners');
  });

  it('json and sarif keep the exact text', () => {
    const exact = 'gone\u001b[2J\u0007\rover\nwritten\tdel\u007f csi\u009b1m \u202egnp.exe';
    const json = JSON.parse(outputs.get('json')!) as { files: Array<{ flow: { name: string }; findings: Array<{ message: string }> }> };
    expect(json.files[0]!.flow.name).toBe('Title \u001b]0;pwned\u0007 set \u001b[2J clear \u001b[31m red');
    expect(json.files[0]!.findings.some((finding) => finding.message.includes(exact))).toBe(true);
    const sarif = JSON.parse(outputs.get('sarif')!) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0]!.results.some((result) => result.message.text.includes(exact))).toBe(true);
  });
});

describe('control characters from a flow in graph text', () => {
  it.each(['mermaid', 'dot'])('%s holds none raw and shows the target', (format) => {
    const run = cli(['graph', CONTROLS, '--format', format]);
    expect(run.status).toBe(0);
    expect(rawCharacters(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('\\u202egnp.exe');
    expect(run.stdout).toContain(format === 'dot' ? 'nobody\\\\x1b]8;;http://x' : 'nobody\\x1b#93;8;;http://x');
  });
});

describe('control characters in stderr lines', () => {
  it('an error naming a path shows its controls as escapes', () => {
    const run = cli(['lint', 'missing-\u001b]0;pwned\u0007-\u202e.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('ivr-audit: no such file or folder: missing-\\x1b]0;pwned\\x07-\\u202e.yaml\n');
  });

  it('a skip note shows the controls of the file name', () => {
    const folder = scratch({ 'flow.yaml': readFileSync(CONTROLS, 'utf8'), 'data-\u001b[2J\u0007.json': '{"not": "a flow"}' });
    const run = cli(['lint', folder]);
    expect(rawCharacters(run.stderr)).toEqual([]);
    expect(run.stderr).toContain('data-\\x1b[2J\\x07.json');
  });

  it('graph of a broken flow names the problem without raw controls', () => {
    const folder = scratch({ 'broken.yaml': 'version: 1\nname: x\nentry: a\nnodes:\n  a: { type: "pl\\e[2Jay" }\n' });
    const run = cli(['graph', join(folder, 'broken.yaml')]);
    expect(run.status).toBe(2);
    expect(rawCharacters(run.stderr)).toEqual([]);
    expect(run.stderr).toContain('unknown type `pl\\x1b[2Jay`');
  });
});
