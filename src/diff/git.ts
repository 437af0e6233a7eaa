// The git plumbing `diff` needs: where the repository is, what a ref names, and the files of a
// tree written into a folder. Plumbing commands only (rev-parse, ls-tree, cat-file): their output
// is stable across git versions and never paged, coloured or translated.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../cli/usage-error.js';

interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git in `cwd`; `input` goes to its stdin. Never throws for a non-zero exit, only when git cannot start. */
function git(args: readonly string[], cwd: string, input?: string): Promise<GitRun> {
  return new Promise((done, fail) => {
    // No pager, no prompts, no locale: the output is read by this code, not by a person.
    const child = spawn('git', args, { cwd, env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'ENOENT' ? new UsageError('git is not installed (or not on the PATH): diff of two refs needs it; two folders do not') : error);
    });
    child.on('close', (code) => done({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => undefined); // git may exit before reading all of stdin; its exit code says why
    child.stdin.end(input ?? '');
  });
}

export interface Repository {
  /** Absolute path of the work tree's top folder. */
  top: string;
  /** The folder `cwd` is in, relative to `top` (`''` at the top; forward slashes). */
  prefix: string;
}

/** The repository holding `cwd`; a usage error when there is none. */
export async function repositoryOf(cwd: string): Promise<Repository> {
  const run = await git(['rev-parse', '--show-toplevel'], cwd);
  if (run.code !== 0) throw new UsageError(`not a git repository: ${cwd} (BASE and HEAD are git refs, unless both are folders)`);
  const top = run.stdout.toString('utf8').trim();
  return { top, prefix: relative(top, resolve(cwd)).split(sep).join('/') };
}

/** The tree a ref (branch, tag, commit, `HEAD~1`, `origin/main`) points at; a usage error for an unknown ref. */
export async function treeOf(repository: Repository, ref: string): Promise<string> {
  // A ref is never an option: `--output=x` must not reach git as one.
  if (ref.startsWith('-') || ref === '') throw new UsageError(`unknown git ref "${ref}"`);
  const run = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{tree}`], repository.top);
  if (run.code !== 0) throw new UsageError(`unknown git ref "${ref}" in ${repository.top}`);
  return run.stdout.toString('utf8').trim();
}

export interface TreeEntry {
  mode: string;
  oid: string;
  /** Path from the top of the repository, forward slashes. */
  path: string;
}

/** The files (blobs) of a tree, recursively; symbolic links and submodules are not files and are left out. */
export async function treeFiles(repository: Repository, tree: string): Promise<TreeEntry[]> {
  const run = await git(['ls-tree', '-r', '-z', '--full-tree', tree], repository.top);
  if (run.code !== 0) throw new Error(`git ls-tree failed: ${run.stderr.trim()}`);
  const entries: TreeEntry[] = [];
  for (const record of run.stdout.toString('utf8').split('\0')) {
    // `<mode> SP <type> SP <oid> TAB <path>`; -z leaves the path unquoted.
    const match = /^(\d{6}) (\w+) ([0-9a-f]+)\t(.+)$/s.exec(record);
    if (match && match[2] === 'blob' && match[1] !== '120000') entries.push({ mode: match[1]!, oid: match[3]!, path: match[4]! });
  }
  return entries;
}

/** Writes `entries` under `folder` with their contents at that tree, read in one `git cat-file --batch`. */
export async function writeTreeFiles(repository: Repository, entries: readonly TreeEntry[], folder: string): Promise<void> {
  if (entries.length === 0) return;
  const run = await git(['cat-file', '--batch'], repository.top, entries.map((entry) => `${entry.oid}\n`).join(''));
  if (run.code !== 0) throw new Error(`git cat-file failed: ${run.stderr.trim()}`);
  const contents = parseBatch(run.stdout, entries.length);
  const root = resolve(folder);
  for (const [index, entry] of entries.entries()) {
    const target = resolve(root, entry.path);
    // Git refuses `..` in tree paths; checked anyway, since the folder is written to.
    if (!target.startsWith(`${root}${sep}`)) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents[index]!);
  }
}

/** `<oid> SP <type> SP <size> LF <contents> LF`, once per object asked for, in order. */
export function parseBatch(output: Buffer, count: number): Buffer[] {
  const contents: Buffer[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    const headerEnd = output.indexOf(0x0a, at);
    if (headerEnd < 0) throw new Error('git cat-file --batch: output ended early');
    const header = output.subarray(at, headerEnd).toString('utf8');
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) throw new Error(`git cat-file --batch: unexpected "${header}"`);
    const size = Number(match[2]);
    contents.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return contents;
}
