// `diff`: the flows of two git refs (or two folders) audited with the library and compared.
import { UsageError, expandPaths } from '../files.js';
import { audit } from '../index.js';
import type { AuditResult, SkippedFile } from '../model/result.js';
import { compareAudits, type FlowDiff } from './compare.js';
import { openSides, type Side } from './sides.js';

export interface DiffOptions {
  /** Folder the refs' repository is found from and the paths are relative to (default: the process's). */
  cwd?: string;
  /** Files, folders or globs to compare (default: everything, `.`). */
  paths?: readonly string[];
  /** Ignore config files (on both sides). */
  noConfig?: boolean;
  /** Leave out what .gitignore files exclude when walking folders (default true). */
  gitignore?: boolean;
  /** Worker threads per audit; see `AuditOptions.concurrency`. */
  concurrency?: number;
}

export interface DiffResult extends FlowDiff {
  /** The refs or folders compared, as given. */
  base: string;
  head: string;
  mode: 'git' | 'folders';
  /** Files of the head side that are not call flows. */
  skipped: SkippedFile[];
}

/** Audits the flows of `base` and of `head` and compares them. Throws `UsageError` for an unknown ref, a missing path, a bad config. */
export async function diffFlows(base: string, head: string, options: DiffOptions = {}): Promise<DiffResult> {
  const sides = await openSides(base, head, options.cwd ?? process.cwd());
  try {
    const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
    const gitignore = options.gitignore ?? true;
    const [baseFiles, headFiles] = [await flowFiles(sides.base, paths, gitignore), await flowFiles(sides.head, paths, gitignore)];
    // A path may be new or deleted, so each side may lack it; on neither side, it is a mistake.
    const nowhere = paths.find((path) => !baseFiles.found.has(path) && !headFiles.found.has(path));
    if (nowhere !== undefined) throw new UsageError(`no flow files at ${nowhere} in ${base} or in ${head}`);
    // One side after the other: each audit already uses the threads it is given.
    const before = await auditSide(sides.base, baseFiles.files, options);
    const after = await auditSide(sides.head, headFiles.files, options);
    return { ...compareAudits(before, after), base, head, mode: sides.mode, skipped: after.skipped ?? [] };
  } finally {
    await sides.close();
  }
}

/** The flow files each path names on one side, and which paths named any. */
async function flowFiles(side: Side, paths: readonly string[], gitignore: boolean): Promise<{ files: string[]; found: Set<string> }> {
  const files = new Set<string>();
  const found = new Set<string>();
  for (const path of paths) {
    const named = await expandPaths([path], { cwd: side.cwd, gitignore }).catch((error: unknown) => {
      if (error instanceof UsageError) return [];
      throw error;
    });
    if (named.length > 0) found.add(path);
    for (const file of named) files.add(file);
  }
  return { files: [...files], found };
}

const EMPTY: AuditResult = { files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0 } };

async function auditSide(side: Side, files: readonly string[], options: DiffOptions): Promise<AuditResult> {
  if (files.length === 0) return EMPTY;
  try {
    // Fixes and models are not compared: not working them out makes each audit faster.
    return await audit(files, { cwd: side.cwd, noConfig: options.noConfig, gitignore: options.gitignore, concurrency: options.concurrency, fixes: false, models: false });
  } catch (error) {
    // A side whose files are all something else (a package.json, before the first flow) has no flows.
    if (error instanceof UsageError && error.message.startsWith('no flow files found')) return EMPTY;
    throw error;
  }
}
