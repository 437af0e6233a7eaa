// `lint --stdin`: the flow comes from stdin and is linted as if it lived at --stdin-filename
// (config lookup, format detection, the path in the output); nothing is written to that file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, type CliRun } from './cli-run.js';
import { ROOT } from './helpers.js';

function lint(args: string[], cwd: string, input?: string): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), 'lint', ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, IVR_AUDIT_DEBUG: undefined } as NodeJS.ProcessEnv,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TYPO = 'version: 1\nname: Typo\nentry: main\nnodes:\n  main:\n    type: menu\n    say: Press 1 for billing, 0 for a person.\n    options:\n      "1": billing\n      "0": person\n    onNoInput: person\n    onNoMatch: person\n  person:\n    type: agent\n';

interface Json {
  files: Array<{ file: string; flow?: { format: string }; findings: Array<{ ruleId: string; severity: string }> }>;
}

describe('lint --stdin', () => {
  it('lints the piped flow under the given name, with the config of that name\'s folder', () => {
    const folder = scratchFolder({ 'flows/.ivr-audit.yaml': 'rules:\n  unknown-target: warning\n', 'flows/.keep': '' });
    const run = lint(['--stdin', '--stdin-filename', 'flows/main.yaml', '-f', 'json'], folder, TYPO);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.files.map((file) => file.file)).toEqual(['flows/main.yaml']);
    expect(json.files[0]!.findings.find((finding) => finding.ruleId === 'unknown-target')?.severity).toBe('warning');
    expect(existsSync(join(folder, 'flows/main.yaml'))).toBe(false);
  });

  it('names the flow <stdin> without --stdin-filename and detects a platform export by its content', () => {
    const folder = scratchFolder();
    const plain = lint(['--stdin', '-f', 'json'], folder, TYPO);
    expect(plain.status).toBe(1);
    expect((JSON.parse(plain.stdout) as Json).files[0]!.file).toBe('<stdin>');
    const twilio = readFileSync(join(ROOT, 'fixtures/import/twilio/all-widgets.json'), 'utf8');
    const run = lint(['--stdin', '--stdin-filename', 'studio.json', '-f', 'json', '--no-config'], folder, twilio);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as Json).files[0]!.flow?.format).toBe('twilio');
  });

  it('does not take piped stdin for a path when none is given (lints the current folder)', () => {
    const folder = scratchFolder({ 'typo.yaml': TYPO });
    const run = lint(['-f', 'json'], folder, 'no-such-file.yaml\n');
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as Json).files.map((file) => file.file)).toEqual(['typo.yaml']);
  });

  it('never writes to the named file, and refuses --fix, paths and a lone --stdin-filename', () => {
    const folder = scratchFolder({ 'main.yaml': 'version: 1\n# the file on disk\n' });
    const refusals: Array<[string[], RegExp]> = [
      [['--stdin', '--stdin-filename', 'main.yaml', '-o', 'main.yaml'], /^ivr-audit: -o main\.yaml names the file --stdin-filename lints the flow as/],
      [['--stdin', '--stdin-filename', 'new.yaml', '-f', 'json=new.yaml'], /^ivr-audit: -f json=new\.yaml names the file/],
      [['--stdin', '--stdin-filename', 'main.yaml', '--fix'], /^ivr-audit: --fix cannot be used with --stdin/],
      [['--stdin', '--fix-dry-run'], /^ivr-audit: --fix-dry-run cannot be used with --stdin/],
      [['--stdin', 'main.yaml'], /^ivr-audit: --stdin lints the flow read from stdin, so it takes no paths/],
      [['--stdin-filename', 'main.yaml'], /^ivr-audit: --stdin-filename needs --stdin/],
    ];
    for (const [args, message] of refusals) {
      const run = lint(args, folder, TYPO);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(join(folder, 'main.yaml'), 'utf8')).toBe('version: 1\n# the file on disk\n');
    expect(existsSync(join(folder, 'new.yaml'))).toBe(false);
  });

  it('says so when stdin holds no call flow', () => {
    const folder = scratchFolder();
    const run = lint(['--stdin', '--stdin-filename', 'compose.yaml'], folder, 'services:\n  web:\n    image: nginx\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ivr-audit: no flow files found: 1 file is not a call flow \(compose\.yaml\)/);
  });
});
