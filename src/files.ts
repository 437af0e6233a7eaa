// Expands the paths a user gives (files, folders, globs) into the flow files to audit.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { GitignoreChain } from './util/gitignore.js';
import { compileGlob, isGlobPattern } from './util/glob-match.js';

import { UsageError } from './cli/usage-error.js';

export { UsageError };

export const FLOW_EXTENSIONS = ['yaml', 'yml', 'json'] as const;
const FLOW_FILE = new RegExp(`\\.(${FLOW_EXTENSIONS.join('|')})$`);
/** Journey tests (`ivr-audit test`) sit beside the flows; a folder's flows leave them out. */
export const JOURNEY_TEST_FILE = /\.ivr-test\.ya?ml$/i;
const isFlowFile = (name: string): boolean => FLOW_FILE.test(name) && !JOURNEY_TEST_FILE.test(name);
/** Folders never walked into, whatever the pattern. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface ExpandOptions {
  cwd: string;
  /** Leave out what .gitignore files exclude when walking folders and globs (default true). */
  gitignore?: boolean;
  /** Which files of a folder are taken (default: flow files). */
  select?: (name: string) => boolean;
  /** A glob that matches nothing adds nothing instead of being an error (`--pass-on-no-flows`). */
  allowUnmatchedGlobs?: boolean;
}

/**
 * Files in the order given; folders and globs sorted, so output is the same on every machine.
 * A path that does not exist, or a glob that matches nothing, is a usage error.
 */
export async function expandPaths(paths: readonly string[], options: ExpandOptions): Promise<string[]> {
  const { cwd } = options;
  const walkOptions: WalkOptions = { gitignore: options.gitignore ?? true };
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch((error: unknown) => {
      // A link loop exists but leads nowhere: "no such file" would send the user looking elsewhere.
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UsageError(`cannot read ${path}: a loop of symbolic links`);
      return undefined;
    });
    if (info && !info.isDirectory()) {
      // Not only regular files: a FIFO or a device named here becomes a finding when it is read.
      add(path);
    } else if (info) {
      const found = await walk(resolve(cwd, path), Infinity, walkOptions);
      for (const file of found.filter(options.select ?? isFlowFile).sort()) add(join(path, file));
    } else if (isGlobPattern(path)) {
      const found = await matchGlob(path, cwd, walkOptions);
      if (found.length === 0 && !options.allowUnmatchedGlobs) throw new UsageError(`no files match ${path}`);
      // A glob names its files itself; only journey tests are kept out of a lint's flows.
      for (const file of found) if (options.select ? options.select(file) : !JOURNEY_TEST_FILE.test(file)) add(file);
    } else {
      throw new UsageError(`no such file or folder: ${path}`);
    }
  }
  return files;
}

/** The files a command-line glob matches, relative to `cwd` when inside it, sorted. */
async function matchGlob(pattern: string, cwd: string, options: WalkOptions): Promise<string[]> {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex(isGlobPattern);
  // Walk only from the folder the pattern names, and no deeper than it can reach.
  const base = segments.slice(0, firstMagic).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const rest = segments.slice(firstMagic);
  const depth = rest.some((segment) => segment === '**') ? Infinity : rest.length;
  const test = compileGlob(pattern);
  const prefix = firstMagic === 0 ? '' : `${segments.slice(0, firstMagic).join('/')}/`;
  const found = await walk(resolve(cwd, base), depth, options);
  return found
    .filter((file) => test(`${prefix}${file}`))
    .sort()
    .map((file) => relative(cwd, resolve(cwd, base, file)) || file);
}

interface WalkOptions {
  gitignore: boolean;
}

/**
 * Regular files under `root` (paths relative to it, forward slashes), at most `depth` levels
 * down. Hidden entries, node_modules and .git are skipped, and so is what the .gitignore files
 * of the work tree exclude (unless turned off); symbolic links are followed, each real folder
 * once, so a link loop ends; FIFOs, sockets and devices are never listed.
 */
async function walk(root: string, depth: number, options: WalkOptions): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  // The .gitignore reader (and its `ignore` package) is loaded only when a folder is walked.
  const git = options.gitignore ? await import('./util/gitignore.js') : undefined;
  const above: GitignoreChain = git ? await git.gitignoresAbove(root) : [];
  const pending: Array<{ folder: string; prefix: string; level: number; ignores: GitignoreChain }> = [{ folder: root, prefix: '', level: 1, ignores: above }];
  while (pending.length > 0) {
    const { folder, prefix, level, ignores: inherited } = pending.pop()!;
    const identity = await folderIdentity(folder);
    if (identity === undefined || visited.has(identity)) continue;
    visited.add(identity);
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are skipped, as a shell glob would
    }
    const ignores = git ? await git.withGitignoreOf(inherited, folder) : inherited;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || ALWAYS_SKIPPED.has(entry.name)) continue;
      const path = join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? await linkKind(path) : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
      if (kind === undefined || (git !== undefined && git.isGitignored(ignores, path, kind === 'folder'))) continue;
      if (kind === 'file' && level <= depth) files.push(`${prefix}${entry.name}`);
      else if (kind === 'folder' && level < depth) pending.push({ folder: path, prefix: `${prefix}${entry.name}/`, level: level + 1, ignores });
    }
  }
  return files;
}

/** Device and inode: the same folder reached through two links has one identity. */
async function folderIdentity(folder: string): Promise<string | undefined> {
  const info = await stat(folder).catch(() => undefined);
  return info?.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
}

async function linkKind(path: string): Promise<'file' | 'folder' | undefined> {
  const info = await stat(path).catch(() => undefined); // a broken or looping link has no target
  return info?.isFile() ? 'file' : info?.isDirectory() ? 'folder' : undefined;
}
