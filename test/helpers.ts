import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../src/index.js';
import type { FileResult } from '../src/model/result.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Audits one in-memory flow as if it were the file `name` in the repository root. */
export async function auditText(text: string, name = 'flow.yaml'): Promise<FileResult> {
  const result = await audit([{ path: name, text }], { cwd: ROOT });
  return result.files[0]!;
}

export async function auditFile(path: string): Promise<FileResult> {
  const result = await audit([path], { cwd: ROOT });
  return result.files[0]!;
}

/** Lines that carry `# expect: rule-id[, rule-id]` comments, per rule id. */
export function expectedLines(path: string): Map<string, number[]> {
  const expected = new Map<string, number[]>();
  readFileSync(join(ROOT, path), 'utf8').split(/\r?\n/).forEach((line, index) => {
    const match = /#\s*expect:\s*([\w, -]+)$/.exec(line);
    if (!match) return;
    for (const id of match[1]!.split(',').map((part) => part.trim()).filter(Boolean)) {
      expected.set(id, [...(expected.get(id) ?? []), index + 1]);
    }
  });
  return expected;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would, without color or CI annotations. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; shellPrefix?: string } = {}): CliRun {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, ...options.env } as NodeJS.ProcessEnv;
  const command = [process.execPath, join(ROOT, 'bin/run.js'), ...args];
  // A shell prefix (such as `ulimit -f 1`) limits the run itself, not the test process.
  const result = options.shellPrefix === undefined
    ? spawnSync(command[0]!, command.slice(1), { cwd: options.cwd ?? ROOT, encoding: 'utf8', env })
    : spawnSync('bash', ['-c', `${options.shellPrefix}; exec "$@"`, 'bash', ...command], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder holding the given files (text or bytes). */
export function scratchFolder(files: Record<string, string | Uint8Array>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-audit-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}
