// First contact: what a new user types first works, and every mistake gets one clear line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { runCli, scratchFolder } from './cli-run.js';

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
