// The compact format: every line parses back into the finding it came from, control characters
// from the flow never reach the terminal, and a run with problems ends with their count.
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { formatCompact } from '../../src/report/compact.js';
import { NOT_STATED_CHECK } from '../../src/report/gitlab.js';
import { HOSTILE, ROOT, cli, scratch } from './support.js';

const LINE = /^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning|info|note): (?<message>.*) \[(?<rule>[a-z-]+)\]$/;

interface Parsed {
  lines: Array<{ file: string; line: number; column: number; severity: string; message: string; rule: string }>;
  trailer: string[];
}

function parse(text: string): Parsed {
  expect(text.endsWith('\n') || text === '').toBe(true);
  const all = text === '' ? [] : text.slice(0, -1).split('\n');
  const blank = all.indexOf('');
  const body = blank < 0 ? all : all.slice(0, blank);
  const lines = body.map((entry) => {
    const groups = LINE.exec(entry)?.groups;
    expect(groups, entry).toBeDefined();
    return { file: groups!.file!, line: Number(groups!.line), column: Number(groups!.column), severity: groups!.severity!, message: groups!.message!, rule: groups!.rule! };
  });
  return { lines, trailer: blank < 0 ? [] : all.slice(blank + 1) };
}

describe('compact', () => {
  it('prints one parsable line per finding and the count', async () => {
    const result = await audit([HOSTILE, 'examples/acme-support.yaml'], { cwd: ROOT });
    const findings = result.files.flatMap((file) => file.findings);
    const { lines, trailer } = parse(formatCompact(result, { cwd: ROOT }));
    expect(lines.map((entry) => [entry.file, entry.line, entry.column, entry.severity, entry.rule])).toEqual(
      findings.map((finding) => [HOSTILE, finding.line, finding.column, finding.severity, finding.ruleId]),
    );
    expect(trailer).toEqual([`${findings.length} problems`]);
  });

  it('keeps a flow\'s line breaks and markup on one visible line', async () => {
    const result = await audit([HOSTILE], { cwd: ROOT });
    const text = formatCompact(result, { cwd: ROOT });
    const unknown = parse(text).lines.find((entry) => entry.rule === 'unknown-target')!;
    expect(unknown.message).toContain("<script>alert('target')</script>%0A,:|`]]>\\nnext line");
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
  });

  it('escapes control characters in messages and paths', async () => {
    const result = await audit([{ path: 'evil\u001b[31m.yaml', text: 'version: 1\nnodes: [unclosed\n' }], { cwd: ROOT });
    const text = formatCompact(result, { cwd: ROOT });
    expect(text).not.toContain('\u001b');
    expect(parse(text).lines[0]!.file).toBe('evil\\x1b[31m.yaml');
  });

  it('gives what a file leaves out as a note, not counted as a problem', async () => {
    const result = await audit(['fixtures/import/twilio/all-widgets.json'], { cwd: ROOT, noConfig: true });
    const { lines, trailer } = parse(formatCompact(result, { cwd: ROOT }));
    const notes = lines.filter((entry) => entry.severity === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ file: 'fixtures/import/twilio/all-widgets.json', line: 1, column: 1, rule: NOT_STATED_CHECK });
    const problems = result.files[0]!.findings.length;
    expect(lines).toHaveLength(problems + 1);
    expect(trailer).toEqual([`${problems} problem${problems === 1 ? '' : 's'}`]);
  });

  it('prints nothing for clean flows', async () => {
    const result = await audit(['examples/acme-support.yaml'], { cwd: ROOT });
    expect(formatCompact(result, { cwd: ROOT })).toBe('');
  });

  it('is what lint -f compact prints, uncolored even when color is forced', () => {
    const folder = scratch({ 'typo.yaml': 'version: 1\nname: Typo\nentry: main\nnodes:\n  main:\n    type: menu\n    say: Press 1 for billing, 0 for a person.\n    options:\n      "1": billing\n      "0": person\n  person:\n    type: agent\n' });
    const run = cli(['lint', 'typo.yaml', '-f', 'compact', '--color'], { cwd: folder });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b');
    const { lines } = parse(run.stdout);
    expect(lines.find((entry) => entry.rule === 'unknown-target')).toMatchObject({ file: 'typo.yaml', line: 9, severity: 'error' });
  });
});
