// Runs the built binary as a user would, and checks exit codes and both output formats.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, ...options.env } as NodeJS.ProcessEnv,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratch(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-audit-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const CLEAN = readFileSync(join(ROOT, 'examples/acme-support.yaml'), 'utf8');
const TYPO = CLEAN.replace('onTimeout: callback-offer', 'onTimeout: callback-ofer');

describe('ivr-audit lint', () => {
  it('lints the shipped example with exit 0 and a summary line', () => {
    const run = cli(['lint', 'examples/acme-support.yaml']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no problems in 1 file/);
  });

  it('prints findings as line:col severity message rule-id and exits 1 on errors', () => {
    const folder = scratch({ 'typo.yaml': TYPO });
    const run = cli(['lint', 'typo.yaml'], { cwd: folder });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('typo.yaml');
    expect(run.stdout).toMatch(/\n {2}\d+:\d+ +error +`onTimeout` of queue `billing-queue` goes to `callback-ofer`, which is not a node; did you mean `callback-offer`\? +unknown-target\n/);
    expect(run.stdout).toMatch(/✖ \d+ problems \(1 error, \d+ warnings?, 0 info\) in 1 file/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('writes JSON that parses, with the shape of cli.md', () => {
    const folder = scratch({ 'typo.yaml': TYPO, 'clean.yaml': CLEAN });
    const run = cli(['lint', '.', '-f', 'json'], { cwd: folder });
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout) as {
      tool: string;
      version: string;
      files: Array<{ file: string; findings: Array<Record<string, unknown>> }>;
      summary: { files: number; errors: number };
    };
    expect(output.tool).toBe('ivr-audit');
    expect(output.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(output.files.map((file) => file.file)).toEqual(['clean.yaml', 'typo.yaml']);
    expect(output.summary).toMatchObject({ files: 2, errors: 1 });
    const finding = output.files[1]!.findings.find((item) => item.ruleId === 'unknown-target')!;
    expect(Object.keys(finding)).toEqual(expect.arrayContaining([
      'ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'pointer', 'nodeId', 'fingerprint', 'docs',
    ]));
    expect(finding).toMatchObject({ file: 'typo.yaml', pointer: '/nodes/billing-queue/onTimeout', nodeId: 'billing-queue' });
  });

  it('writes to -o and infers the format from the extension, printing nothing', () => {
    const folder = scratch({ 'typo.yaml': TYPO });
    const run = cli(['lint', 'typo.yaml', '-o', 'out.json'], { cwd: folder });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(folder, 'out.json'), 'utf8')).summary.errors).toBe(1);
  });

  it('writes several formats with -f NAME=PATH', () => {
    const folder = scratch({ 'clean.yaml': CLEAN });
    const run = cli(['lint', 'clean.yaml', '-f', 'json=a.json', '-f', 'stylish'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no problems');
    expect(JSON.parse(readFileSync(join(folder, 'a.json'), 'utf8')).summary.files).toBe(1);
  });

  it('treats a file that does not parse as a finding (exit 1), without a stack trace', () => {
    const folder = scratch({ 'broken.yaml': 'version: 1\nname: [oops\n' });
    const run = cli(['lint', 'broken.yaml'], { cwd: folder });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('yaml-syntax');
    expect(run.stderr).toBe('');
  });

  it('honors --fail-on and --max-warnings', () => {
    const warningOnly = CLEAN.replace('  billing-agent:\n', '  spare:\n    type: hangup\n  billing-agent:\n');
    const folder = scratch({ 'warn.yaml': warningOnly });
    expect(cli(['lint', 'warn.yaml'], { cwd: folder }).status).toBe(0);
    expect(cli(['lint', 'warn.yaml', '--fail-on', 'warning'], { cwd: folder }).status).toBe(1);
    const tooMany = cli(['lint', 'warn.yaml', '--max-warnings', '0', '--quiet'], { cwd: folder });
    expect(tooMany.status).toBe(1);
    // --quiet hides the warnings, so the reason for the failure is said on stderr.
    expect(tooMany.stderr).toBe('ivr-audit: 1 warning, more than --max-warnings 0\n');
    expect(cli(['lint', 'warn.yaml', '--max-warnings', '1'], { cwd: folder }).status).toBe(0);
    expect(cli(['lint', 'warn.yaml', '--fail-on', 'none', '--max-warnings', '5'], { cwd: folder }).status).toBe(0);
  });

  it('hides warnings with --quiet', () => {
    const folder = scratch({ 'typo.yaml': TYPO });
    const run = cli(['lint', 'typo.yaml', '--quiet'], { cwd: folder });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('warning  ');
    expect(run.stdout).toContain('unknown-target');
  });

  it('colors output only when asked', () => {
    const folder = scratch({ 'typo.yaml': TYPO });
    expect(cli(['lint', 'typo.yaml', '--color'], { cwd: folder }).stdout).toContain('\u001b[');
    expect(cli(['lint', 'typo.yaml'], { cwd: folder, env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toContain('\u001b[');
  });

  it('lints folders recursively and globs', () => {
    const rules = cli(['lint', 'fixtures/rules/no-exit', '-f', 'json']);
    const files = (JSON.parse(rules.stdout) as { files: Array<{ file: string }> }).files.map((file) => file.file);
    expect(files).toEqual(readdirSync(join(ROOT, 'fixtures/rules/no-exit')).sort().map((file) => join('fixtures/rules/no-exit', file)));
    const globbed = cli(['lint', 'fixtures/rules/no-exit/fires*.yaml', '-f', 'json']);
    expect((JSON.parse(globbed.stdout) as { files: unknown[] }).files).toHaveLength(2);
  });

  it.each([
    [['lint', 'does-not-exist.yaml'], /^ivr-audit: no such file or folder: does-not-exist\.yaml\n$/],
    [['lint', 'nothing-matches/**/*.yaml'], /^ivr-audit: no files match nothing-matches\/\*\*\/\*\.yaml\n$/],
    [['lint', '--no-such-flag'], /^ivr-audit: .*--no-such-flag.*\n$/],
    [['lint', 'examples', '-f', 'xml'], /^ivr-audit: unknown format "xml"; the formats are .*\n$/],
    [['lint', 'examples', '--fail-on', 'sometimes'], /^ivr-audit: .*fail-on.*\n$/],
  ])('exits 2 with one line on stderr for %j', (args, pattern) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(pattern);
    expect(run.stdout).toBe('');
  });

  it('skips JSON that is no call flow with a line on stderr, and lints platform exports', () => {
    const twilio = readFileSync(join(ROOT, 'fixtures/import/twilio/all-widgets.json'), 'utf8');
    const folder = scratch({ 'clean.yaml': CLEAN, 'tsconfig.json': '{ "compilerOptions": {} }', 'studio.json': twilio });
    const run = cli(['lint', '.', '-f', 'json'], { cwd: folder });
    expect(run.stderr).toBe('ivr-audit: skipped tsconfig.json: not a call flow (format v1, Amazon Connect, Twilio Studio or Genesys Architect)\n');
    const output = JSON.parse(run.stdout) as { files: Array<{ file: string; flow: { format: string } }> };
    expect(output.files.map((file) => [file.file, file.flow.format])).toEqual([['clean.yaml', 'ivr-audit'], ['studio.json', 'twilio']]);
    const onlyOther = scratch({ 'tsconfig.json': '{}' });
    const none = cli(['lint', '.'], { cwd: onlyOther });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('ivr-audit: no flow files found: 1 file is not a call flow (tsconfig.json)\n');
  });

  it('leaves out what .gitignore excludes when walking a folder, unless --no-gitignore', () => {
    const folder = scratch({ '.gitignore': 'generated-*.yaml\n', 'clean.yaml': CLEAN, 'generated-typo.yaml': TYPO });
    const walked = cli(['lint', '.', '-f', 'json'], { cwd: folder });
    expect(walked.status).toBe(0);
    expect((JSON.parse(walked.stdout) as { files: Array<{ file: string }> }).files.map((file) => file.file)).toEqual(['clean.yaml']);
    const all = cli(['lint', '.', '-f', 'json', '--no-gitignore'], { cwd: folder });
    expect(all.status).toBe(1);
    expect((JSON.parse(all.stdout) as { files: Array<{ file: string }> }).files.map((file) => file.file)).toEqual(['clean.yaml', 'generated-typo.yaml']);
  });

  it('exits 2 when a folder holds no flow files', () => {
    const folder = scratch({ 'notes.txt': 'nothing' });
    const run = cli(['lint', '.'], { cwd: folder });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ivr-audit: no flow files found in \.\n$/);
  });
});

describe('ivr-audit rules', () => {
  it('lists every rule with category, severity and description', () => {
    const run = cli(['rules']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id +category +severity +description$/);
    expect(lines.some((line) => /^identity-questions +effort +error +Some journey asks/.test(line))).toBe(true);
    expect(lines.length).toBeGreaterThan(30);
  });

  it('describes one rule with its options and an example that fires', () => {
    const run = cli(['rules', 'ring-limit']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('max (integer, default 5)');
    expect(run.stdout).toContain('Example that fires:');
    expect(run.stdout).toContain('version: 1');
  });

  it('suggests the closest id for an unknown rule and exits 2', () => {
    const run = cli(['rules', 'ring-limt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('ivr-audit: unknown rule "ring-limt"; did you mean "ring-limit"?\n');
  });
});

describe('ivr-audit lint with scores', () => {
  it('prints the score line and ranked fixes, and --min-score gates on it', () => {
    const seed = 'fixtures/reference/seed-001-call.yaml';
    const run = cli(['lint', seed]);
    expect(run.stdout).toMatch(/\n {2}score \d+\/100 F\n/);
    // Each line: effort points saved, score gain, the fix, and the score with the fixes so far.
    expect(run.stdout).toMatch(/\n {2}fixes {2}effort saved, score gain, score with the fixes above\n( +\d+\.\d +\+\d+ {2}.+ → \d+\n)+/);
    const clean = 'fixtures/reference/effortless.yaml';
    expect(cli(['lint', clean, '--min-score', '90']).status).toBe(0);
    expect(cli(['lint', clean, '--min-score', '99']).status).toBe(1);
  });
});

describe('ivr-audit init', () => {
  it('writes a config and an example flow that lints clean, and refuses to overwrite them', () => {
    const folder = scratch({});
    const run = cli(['init'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('wrote .ivr-audit.yaml');
    expect(cli(['lint', 'flows'], { cwd: folder }).status).toBe(0);
    const again = cli(['init'], { cwd: folder });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('ivr-audit: .ivr-audit.yaml exists; use --force to overwrite it\n');
    expect(cli(['init', '--force'], { cwd: folder }).status).toBe(0);
  });
});

describe('ivr-audit lint --fix', () => {
  const seed = readFileSync(join(ROOT, 'fixtures/reference/seed-001-call.yaml'), 'utf8');

  it('never writes to a flow file without --fix', () => {
    const folder = scratch({ 'seed.yaml': seed });
    cli(['lint', 'seed.yaml', '-f', 'json'], { cwd: folder });
    expect(readFileSync(join(folder, 'seed.yaml'), 'utf8')).toBe(seed);
  });

  it('writes only fixes by default: the ring limit, not claims about the platform', () => {
    const folder = scratch({ 'seed.yaml': seed });
    const run = cli(['lint', 'seed.yaml', '--fix', '-f', 'json'], { cwd: folder });
    expect(run.stderr).toMatch(/^ivr-audit: fixed seed\.yaml \(\d+ changes?\)\n$/);
    const text = readFileSync(join(folder, 'seed.yaml'), 'utf8');
    expect(text).toContain('  answerRings: 1\n');
    expect(text).not.toContain('context: true');
    const after = JSON.parse(run.stdout) as { files: Array<{ fixes: Array<{ type: string; edits?: unknown[] }> }> };
    // What is left to write is suggestions only.
    expect(after.files[0]!.fixes.filter((fix) => fix.edits).map((fix) => fix.type)).not.toContain('fix');
  });

  it('with --fix-type fix,suggestion sets the keys in place, keeps comments, and reports what is left', () => {
    const folder = scratch({ 'seed.yaml': seed });
    const before = JSON.parse(cli(['lint', 'seed.yaml', '-f', 'json'], { cwd: folder }).stdout) as { files: Array<{ score: { value: number }; findings: unknown[] }> };
    const run = cli(['lint', 'seed.yaml', '--fix', '--fix-type', 'fix,suggestion', '-f', 'json'], { cwd: folder });
    expect(run.stderr).toMatch(/^ivr-audit: fixed seed\.yaml \(\d+ changes\)\n$/);
    const after = JSON.parse(run.stdout) as { files: Array<{ score: { value: number }; findings: Array<{ ruleId: string }> }> };
    expect(after.files[0]!.score.value).toBeGreaterThan(before.files[0]!.score.value);
    expect(after.files[0]!.findings.length).toBeLessThan(before.files[0]!.findings.length);
    const ruleIds = after.files[0]!.findings.map((finding) => finding.ruleId);
    for (const fixed of ['cold-transfer', 'silent-hold', 'ring-limit']) expect(ruleIds).not.toContain(fixed);
    const text = readFileSync(join(folder, 'seed.yaml'), 'utf8');
    expect(text.startsWith(seed.split('\n')[0]!)).toBe(true);
    expect(text).toContain('  answerRings: 1\n');
    expect(text).toContain('    context: true\n');
  });
});
