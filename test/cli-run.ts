// Runs the built binary as a user would: a scratch folder, a plain environment, no terminal.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './helpers.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; shellPrefix?: string } = {}): CliRun {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, IVR_AUDIT_DEBUG: undefined, ...options.env } as NodeJS.ProcessEnv;
  const command = [process.execPath, join(ROOT, 'bin/run.js'), ...args];
  // A shell prefix (such as `ulimit -f 1`) limits the run itself, not the test process.
  const result = options.shellPrefix === undefined
    ? spawnSync(command[0]!, command.slice(1), { cwd: options.cwd ?? ROOT, encoding: 'utf8', env })
    : spawnSync('bash', ['-c', `${options.shellPrefix}; exec "$@"`, 'bash', ...command], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder holding `files` (names may have subfolders). */
export function scratchFolder(files: Record<string, string | Uint8Array> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-audit-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}
