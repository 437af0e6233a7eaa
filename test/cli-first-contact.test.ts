// First contact: what a new user types first works, and every mistake gets one clear line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { runCli, scratchFolder } from './cli-run.js';

/** The child's environment without any language of the machine running the tests. */
const NO_LOCALE = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };

const FIRES = 'fixtures/rules/cliche-prompt/fires.yaml';
const CLEAN = 'examples/acme-support.yaml';

function lintedFiles(stdout: string): string[] {
  return (JSON.parse(stdout) as { files: Array<{ file: string }> }).files.map((file) => file.file);
}

function ruleIds(stdout: string): string[] {
  const output = JSON.parse(stdout) as { files: Array<{ findings: Array<{ ruleId: string }> }> };
  return output.files.flatMap((file) => file.findings.map((finding) => finding.ruleId));
}

describe('flags before and after paths', () => {
  it.each([
    [['-f', 'json', CLEAN]],
    [['--format=json', CLEAN]],
    [['--format', 'json', CLEAN]],
    [[CLEAN, '-f', 'json']],
    [['-f', 'json', '--quiet', CLEAN]],
    [['-fjson', CLEAN]],
  ])('lint %j reads the path as a path', (args) => {
    const run = runCli(['lint', ...args]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lintedFiles(run.stdout)).toEqual([CLEAN]);
  });

  it('takes --rule before the path, and the path after it', () => {
    const on = runCli(['lint', '-f', 'json', FIRES]);
    expect(ruleIds(on.stdout)).toContain('cliche-prompt');
    for (const args of [['--rule', 'cliche-prompt=off', '-f', 'json', FIRES], ['-f', 'json', '--rule', 'cliche-prompt=off', FIRES], ['--rule=cliche-prompt=off', FIRES, '-f', 'json']]) {
      const run = runCli(['lint', ...args]);
      expect(run.stderr).toBe('');
      expect(lintedFiles(run.stdout)).toEqual([FIRES]);
      expect(ruleIds(run.stdout)).not.toContain('cliche-prompt');
    }
  });

  it('repeats -f NAME=PATH and --rule with paths after them', () => {
    const folder = scratchFolder({ 'flow.yaml': readFileSync(join(ROOT, FIRES), 'utf8') });
    const run = runCli(['lint', '-f', 'json=out.json', '-f', 'json', '--rule', 'cliche-prompt=off', '--rule', 'no-exit=off', 'flow.yaml', join(ROOT, CLEAN)], { cwd: folder });
    expect(run.stderr).toBe('');
    expect(lintedFiles(run.stdout)).toHaveLength(2);
    expect(lintedFiles(readFileSync(join(folder, 'out.json'), 'utf8'))[0]).toBe('flow.yaml');
  });

  it('no command has a repeatable flag that swallows the paths after it', async () => {
    const { readdirSync } = await import('node:fs');
    const folder = join(ROOT, 'src/commands');
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.ts'))) {
      const command = (await import(join(folder, name))) as { default: { flags?: Record<string, { multiple?: boolean; multipleNonGreedy?: boolean }> } };
      for (const [flag, definition] of Object.entries(command.default.flags ?? {})) {
        if (definition.multiple) expect({ command: name, flag, nonGreedy: definition.multipleNonGreedy }).toEqual({ command: name, flag, nonGreedy: true });
      }
    }
  });
});

describe('one line and exit 2 for every mistake on the command line', () => {
  it('names a config file that cannot be read, without a stack trace', () => {
    const folder = scratchFolder({ 'flow.yaml': readFileSync(join(ROOT, CLEAN), 'utf8'), 'folder/.keep': '' });
    const missing = runCli(['lint', '-c', 'missing.yaml', 'flow.yaml'], { cwd: folder });
    expect(missing).toEqual({ status: 2, stdout: '', stderr: 'ivr-audit: missing.yaml: cannot read the config file (no such file)\n' });
    const aFolder = runCli(['lint', 'flow.yaml', '--config', 'folder'], { cwd: folder });
    expect(aFolder).toEqual({ status: 2, stdout: '', stderr: 'ivr-audit: folder: cannot read the config file (not a regular file (a folder))\n' });
    const report = runCli(['report', '-c', 'missing.yaml', 'flow.yaml'], { cwd: folder });
    expect(report).toEqual({ status: 2, stdout: '', stderr: 'ivr-audit: missing.yaml: cannot read the config file (no such file)\n' });
  });

  it.each([
    [['lint', CLEAN, '--min-score', '150'], 'ivr-audit: --min-score must be an integer from 0 to 100, not "150"; see ivr-audit lint --help\n'],
    [['lint', CLEAN, '--min-score=abc'], 'ivr-audit: --min-score must be an integer from 0 to 100, not "abc"; see ivr-audit lint --help\n'],
    [['lint', CLEAN, '--max-warnings', '-1'], 'ivr-audit: --max-warnings must be an integer of 0 or more, not "-1"; see ivr-audit lint --help\n'],
    [['lint', CLEAN, '--max-warnings', '2.5'], 'ivr-audit: --max-warnings must be an integer of 0 or more, not "2.5"; see ivr-audit lint --help\n'],
    [['lint', '--formt', 'json', CLEAN], 'ivr-audit: unknown flag --formt (did you mean --format?); see ivr-audit lint --help\n'],
    [['lint', '--formt=json', CLEAN], 'ivr-audit: unknown flag --formt (did you mean --format?); see ivr-audit lint --help\n'],
    [['lint', CLEAN, '--no-colour'], 'ivr-audit: unknown flag --no-colour (did you mean --no-color?); see ivr-audit lint --help\n'],
    [['report', CLEAN, '--outptu', 'x.html'], 'ivr-audit: unknown flag --outptu (did you mean --output?); see ivr-audit report --help\n'],
    [['lint', CLEAN, '--quiet=3'], 'ivr-audit: --quiet takes no value, not "3"; see ivr-audit lint --help\n'],
    [['lint', CLEAN, '--no-fixes=yes'], 'ivr-audit: --no-fixes takes no value, not "yes"; see ivr-audit lint --help\n'],
    [['lint', CLEAN, '--no-color=1'], 'ivr-audit: --no-color takes no value, not "1"; see ivr-audit lint --help\n'],
    [['report', CLEAN, '--no-config='], 'ivr-audit: --no-config takes no value, not ""; see ivr-audit report --help\n'],
    [['lint', CLEAN, '--fail-on', 'sometimes'], 'ivr-audit: Expected --fail-on=sometimes to be one of: error, warning, info, none; see ivr-audit lint --help\n'],
    [['lint', CLEAN, '-o'], 'ivr-audit: Flag --output expects a value; see ivr-audit lint --help\n'],
    [['lint', CLEAN, '--fix', '--fix-type', 'layout'], 'ivr-audit: --fix-type must be fix or suggestion (comma-separated or repeated), not "layout"\n'],
    [['lint', CLEAN, '--fix-type', 'suggestion'], 'ivr-audit: --fix-type needs --fix or --fix-dry-run\n'],
    [['lint', CLEAN, '--fix', '--fix-dry-run'], 'ivr-audit: --fix and --fix-dry-run cannot be used together\n'],
    [['graph'], 'ivr-audit: missing FILE (a flow file); see ivr-audit graph --help\n'],
    [['graph', CLEAN, 'second.yaml'], 'ivr-audit: unexpected argument "second.yaml"; see ivr-audit graph --help\n'],
    [['lnt', CLEAN], 'ivr-audit: unknown command "lnt" (did you mean lint?); ivr-audit --help lists the commands\n'],
    [['rpeort'], 'ivr-audit: unknown command "rpeort" (did you mean report?); ivr-audit --help lists the commands\n'],
    [['--verison'], 'ivr-audit: unknown flag --verison (did you mean --version?); ivr-audit --help lists the commands, and flags go after the command\n'],
    [[CLEAN], `ivr-audit: unknown command "${CLEAN}" (to lint it: ivr-audit lint ${CLEAN}); ivr-audit --help lists the commands\n`],
  ])('%j', (args, stderr) => {
    expect(runCli(args, { env: NO_LOCALE })).toEqual({ status: 2, stdout: '', stderr });
  });

  it.each([
    [['lint', CLEAN, '--fix', '--fix-dry-run', '--lang', 'es'], {}, 'ivr-audit: --fix y --fix-dry-run no se pueden usar juntos\n'],
    [['lint', CLEAN, '--fix-type', 'fix'], { LANG: 'es_MX.UTF-8' }, 'ivr-audit: --fix-type necesita --fix o --fix-dry-run\n'],
    [['lint', CLEAN, '-c', 'x.yaml', '--no-config', '--lang', 'es'], {}, 'ivr-audit: -c/--config y --no-config no se pueden usar juntos\n'],
    [['lint', CLEAN, '--stdin'], { LC_ALL: 'es' }, `ivr-audit: --stdin revisa el flujo leído de la entrada estándar, así que no admite rutas (se recibió ${CLEAN}); nombre el flujo con --stdin-filename\n`],
    [['lint', CLEAN, '--fix', '--fix-dry-run', '--lang', 'en'], { LANG: 'es_MX.UTF-8' }, 'ivr-audit: --fix and --fix-dry-run cannot be used together\n'],
  ])('in the run\'s language: %j with %j', (args, env, stderr) => {
    expect(runCli(args, { env: { ...NO_LOCALE, ...env } })).toEqual({ status: 2, stdout: '', stderr });
  });
});

describe('help', () => {
  it.each([[['-h']], [['--help']], [['help']]])('%j lists the commands', (args) => {
    const run = runCli(args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^COMMANDS$/m);
    expect(run.stdout).toMatch(/^ {2}lint {4}Validate and analyze call flows/m);
  });

  it.each([[['help', 'lint']], [['lint', '-h']], [['lint', '--help']], [['lint', CLEAN, '-h']]])('%j shows the help of lint', (args) => {
    const run = runCli(args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^USAGE\n {2}\$ ivr-audit lint \[PATHS\.\.\.\]/m);
    expect(run.stdout).toContain('--min-score=<value>');
  });
});
