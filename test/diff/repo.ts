// A real git repository in a temporary folder, committed to step by step, for `diff` tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers.js';

export const CLEAN = readFileSync(join(ROOT, 'examples/acme-support.yaml'), 'utf8');
/** The menu's "0" no longer reaches a person: the score drops and `no-zero-out` reports it (a warning). */
export const NO_ZERO_OUT = CLEAN.replace('      "0": billing-queue\n', '      "0": main-menu\n');
/** A misspelt exit: an `unknown-target` error. */
export const TYPO = CLEAN.replace('onTimeout: callback-offer', 'onTimeout: callback-ofer');

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
}

/** Files by name (null deletes one); every call is one commit. */
export type Commit = Record<string, string | null>;

export function gitRepository(commits: readonly Commit[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-audit-diff-test-'));
  git(folder, 'init', '-q', '-b', 'main');
  git(folder, 'config', 'user.email', 'test@example.com');
  git(folder, 'config', 'user.name', 'test');
  git(folder, 'config', 'commit.gpgsign', 'false');
  for (const [index, commit] of commits.entries()) {
    writeFiles(folder, commit);
    git(folder, 'add', '-A');
    git(folder, 'commit', '-q', '--allow-empty', '-m', `commit ${index + 1}`);
  }
  return folder;
}

export function writeFiles(folder: string, files: Commit): void {
  for (const [name, text] of Object.entries(files)) {
    const path = join(folder, name);
    if (text === null) rmSync(path, { force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
}
