// The pre-commit hook: its definition, and its entry run on sample flows through the built bin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';
import { runCli, scratchFolder } from '../cli-run.js';
import { CLEAN, TYPO } from '../diff/repo.js';

interface Hook { id: string; entry: string; language: string; files: string; exclude?: string }
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((item) => item.id === 'ivr-audit')!;
// pre-commit's regexes are Python's; these use nothing that JavaScript reads differently.
const selects = (path: string): boolean => new RegExp(hook.files).test(path) && !(hook.exclude !== undefined && new RegExp(hook.exclude).test(path));

describe('.pre-commit-hooks.yaml', () => {
  it('defines the ivr-audit hook as a node hook running `ivr-audit lint`', () => {
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({ id: 'ivr-audit', entry: 'ivr-audit lint', language: 'node' });
    // The entry's command is the package's bin.
    const bin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
    expect(Object.keys(bin)).toContain(hook.entry.split(' ')[0]);
  });

  it('selects YAML and JSON flows, not configs, journey tests or other files', () => {
    for (const path of ['flows/main.yaml', 'a.yml', 'connect/export.json']) expect(selects(path)).toBe(true);
    for (const path of ['README.md', 'package.json', 'sub/package-lock.json', '.ivr-audit.yaml', 'flows/main.ivr-test.yaml', 'x.yaml.bak']) expect(selects(path)).toBe(false);
  });

  it('runs its entry on the staged files as pre-commit does: exit 1 on an error, 0 on a clean flow', () => {
    const folder = scratchFolder({ 'typo.yaml': TYPO, 'clean.yaml': CLEAN });
    // pre-commit appends the file names to the entry; `ivr-audit` is the built bin.
    const args = hook.entry.split(' ').slice(1);
    const failing = runCli([...args, 'typo.yaml', 'clean.yaml'], { cwd: folder });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('unknown-target');
    expect(runCli([...args, 'clean.yaml'], { cwd: folder }).status).toBe(0);
  });
});
