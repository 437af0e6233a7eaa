// lint flags for CI and editors: --pass-on-no-flows, and rule options given on the command line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchFolder } from './cli-run.js';

const TWO_QUESTIONS = [
  'version: 1',
  'name: Two questions',
  'entry: account',
  'nodes:',
  '  account:',
  '    type: input',
  '    say: Enter your account number.',
  '    collects: account-number',
  '    next: pin',
  '  pin:',
  '    type: input',
  '    say: Enter your PIN.',
  '    collects: pin',
  '    next: person',
  '  person:',
  '    type: agent',
  '',
].join('\n');

describe('lint --pass-on-no-flows', () => {
  it('exits 0 for a folder or glob with no flows, says so on stderr, and still writes the outputs', () => {
    const folder = scratchFolder({ 'notes.txt': 'no flows here\n' });
    for (const path of ['.', 'flows/**/*.yaml']) {
      const run = runCli(['lint', path, '--pass-on-no-flows', '-f', `sarif=${join(folder, 'out.sarif')}`], { cwd: folder });
      expect(run.status, path).toBe(0);
      expect(run.stderr).toBe(`ivr-audit: no flow files found in ${path}; nothing to lint (--pass-on-no-flows)\n`);
      const log = JSON.parse(readFileSync(join(folder, 'out.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
      expect(log.runs[0]!.results).toEqual([]);
    }
  });

  it('lints the flows of the other paths when one glob matches nothing', () => {
    const folder = scratchFolder({ 'flow.yaml': TWO_QUESTIONS });
    const run = runCli(['lint', 'flow.yaml', 'none/*.yaml', '--pass-on-no-flows', '-f', 'json'], { cwd: folder });
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { files: Array<{ file: string }> }).files.map((file) => file.file)).toEqual(['flow.yaml']);
  });

  it('leaves the default alone (exit 2) and still fails on a path that does not exist', () => {
    const folder = scratchFolder();
    expect(runCli(['lint', '.'], { cwd: folder }).status).toBe(2);
    const missing = runCli(['lint', 'nope.yaml', '--pass-on-no-flows'], { cwd: folder });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('ivr-audit: no such file or folder: nope.yaml\n');
  });
});

describe('lint --rule with options', () => {
  function identityFindings(args: string[]): Array<{ severity: string; message: string }> {
    const folder = scratchFolder({ 'flow.yaml': TWO_QUESTIONS });
    const run = runCli(['lint', 'flow.yaml', '--no-config', '-f', 'json', ...args], { cwd: folder });
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ ruleId: string; severity: string; message: string }> }> };
    return json.files[0]!.findings.filter((finding) => finding.ruleId === 'identity-questions');
  }

  it('applies the options, in JSON or the relaxed YAML form', () => {
    expect(identityFindings([])).toEqual([]);
    for (const value of ['[error,{max:1}]', '[error, {max: 1}]', '["error",{"max":1}]']) {
      const findings = identityFindings(['--rule', `identity-questions=${value}`]);
      expect(findings.map((finding) => finding.severity), value).toEqual(['error']);
    }
  });

  it('refuses a bad option with one line and exit 2', () => {
    const run = runCli(['lint', '.', '--rule', 'identity-questions=[error,{max:many}]'], { cwd: scratchFolder({ 'flow.yaml': TWO_QUESTIONS }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('ivr-audit: --rule identity-questions=[error,{max:many}]: option "max" must be a whole number (got "many")\n');
  });
});
