// Shared by the hostile-input tests: run the built CLI with a hard time limit, fingerprint a
// folder to prove a run changed nothing, and find raw control characters in printed text.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

export { ROOT };

export const BAD = join(ROOT, 'fixtures/bad');

/**
 * A case whose outcome is not yet what issue 9 demands: it must fail until its fix lands, and
 * then fails as a reminder to make it `it`. CORPUS_ALL=1 runs it as `it`, to read why it fails.
 */
export const pending = process.env.CORPUS_ALL ? it : it.fails;

/** A case takes a second or two; on a loaded machine ten. One still running at this limit hangs, and is killed. */
export const CASE_TIME_LIMIT_MS = 30_000;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The run was killed at the time limit, or for printing more than any flow explains. */
  killed: boolean;
}

export function cli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  // Asynchronous, so that the cases of a file run side by side and a hang costs its time once.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/run.js'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, ...env } as NodeJS.ProcessEnv,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let killed = false;
    const kill = (): void => {
      killed = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(kill, CASE_TIME_LIMIT_MS);
    const collect = (into: Buffer[]) => (chunk: Buffer): void => {
      size += chunk.length;
      // Output far beyond what a flow can explain is as much a failure as a hang.
      if (size > MAX_OUTPUT_BYTES) kill();
      else into.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), killed });
    });
  });
}

export function scratch(prefix = 'ivr-audit-bad-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Content hash, mode and modification time of every entry under `folder` (symlinks by their
 * target, FIFOs by their kind: opening one would block).
 */
export function fingerprint(folder: string): Map<string, string> {
  const prints = new Map<string, string>();
  const walk = (path: string): void => {
    const info = lstatSync(path);
    const name = relative(folder, path) || '.';
    if (info.isSymbolicLink()) prints.set(name, `link ${readlinkSync(path)}`);
    else if (info.isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    else if (info.isFile()) {
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      prints.set(name, `file ${hash} ${info.mode.toString(8)} ${info.mtimeMs}`);
    } else prints.set(name, `other ${info.mode.toString(8)}`);
  };
  walk(folder);
  return prints;
}

/**
 * C0 controls other than tab and newline, DEL, C1 controls, bidi embeddings, overrides and
 * isolates, zero-width characters and the BOM: what a terminal or CI log may act on or hide.
 */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** The first raw control character in `text` with a little context, or undefined. */
export function rawControl(text: string): string | undefined {
  const match = RAW_CONTROL.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!.toString(16).padStart(4, '0');
  return `U+${code} at ${match.index}: ${JSON.stringify(text.slice(Math.max(0, match.index - 40), match.index + 20))}`;
}

export interface JsonFinding {
  ruleId: string;
  line: number;
  message: string;
}

export interface JsonOutput {
  files: Array<{ file: string; findings: JsonFinding[]; unknowns: string[] }>;
}

export interface Outcome {
  exit: 0 | 1 | 2;
  /** `LINE RULE-ID` of every finding, sorted; prefixed by `FILE:` when the case lints a folder. */
  findings?: string[];
  /** Something one of the findings must say. */
  message?: RegExp;
  /** The single stderr line of an exit 2, or a line stderr must hold. */
  stderr?: RegExp;
}

export interface LintRun {
  run: Run;
  json?: JsonOutput;
}

/** Lints `paths` from `cwd` with stylish on stdout and JSON into a scratch file. */
export async function lint(paths: readonly string[], cwd: string, extra: readonly string[] = []): Promise<LintRun> {
  const out = join(scratch(), 'out.json');
  const run = await cli(['lint', ...paths, '-f', 'stylish', '-f', `json=${out}`, ...extra], cwd);
  let json: JsonOutput | undefined;
  try {
    json = JSON.parse(readFileSync(out, 'utf8')) as JsonOutput;
  } catch {
    json = undefined;
  }
  return { run, json };
}

function findingsOf(json: JsonOutput, byFile: boolean): string[] {
  return json.files
    .flatMap((file) => file.findings.map((finding) => `${byFile ? `${file.file}:` : ''}${finding.line} ${finding.ruleId}`))
    .sort();
}

/** Checks a run against its outcome, and what every run must do: finish, and print nothing raw. */
export function expectOutcome(result: LintRun, outcome: Outcome, byFile = false): void {
  const { run, json } = result;
  expect(run.killed, 'the run did not finish within the time limit').toBe(false);
  expect(rawControl(run.stdout), 'raw control character on stdout').toBeUndefined();
  expect(rawControl(run.stderr), 'raw control character on stderr').toBeUndefined();
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (outcome.exit === 2) {
    expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
    if (outcome.stderr) expect(run.stderr).toMatch(outcome.stderr);
  } else if (outcome.stderr) expect(run.stderr).toMatch(outcome.stderr);
  expect(run.status, run.stderr || run.stdout.slice(0, 2000)).toBe(outcome.exit);
  if (outcome.findings) {
    expect(json, 'the JSON output parses').toBeDefined();
    expect(findingsOf(json!, byFile)).toEqual(outcome.findings);
  }
  if (outcome.message) {
    const messages = json!.files.flatMap((file) => file.findings.map((finding) => finding.message));
    expect(messages.some((message) => outcome.message!.test(message)), messages.join('\n')).toBe(true);
  }
}

