// The two sides of a diff as folders to audit: two folders as given, or the trees of two git refs
// written into a temporary folder that is removed afterwards.
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { FLOW_EXTENSIONS } from '../files.js';
import { repositoryOf, treeFiles, treeOf, writeTreeFiles, type Repository, type TreeEntry } from './git.js';

export interface Side {
  /** What the user called it: the ref or the folder. */
  label: string;
  /** The folder the side's paths are relative to (the process folder's place in that tree, for refs). */
  cwd: string;
}

export interface Sides {
  mode: 'git' | 'folders';
  base: Side;
  head: Side;
  /** Removes what was written for the sides (nothing for folders). */
  close(): Promise<void>;
}

/** Two folders when both name one; otherwise two git refs of the repository holding `cwd`. */
export async function openSides(base: string, head: string, cwd: string): Promise<Sides> {
  if ((await isFolder(resolve(cwd, base))) && (await isFolder(resolve(cwd, head)))) {
    return { mode: 'folders', base: { label: base, cwd: resolve(cwd, base) }, head: { label: head, cwd: resolve(cwd, head) }, close: async () => undefined };
  }
  const repository = await repositoryOf(cwd);
  // Both refs are checked before anything is written: a typo costs no extraction.
  const [baseTree, headTree] = await Promise.all([treeOf(repository, base), treeOf(repository, head)]);
  const scratch = await mkdtemp(join(tmpdir(), 'ivr-audit-diff-'));
  try {
    return {
      mode: 'git',
      base: { label: base, cwd: await writeSide(repository, baseTree, join(scratch, 'base')) },
      head: { label: head, cwd: await writeSide(repository, headTree, join(scratch, 'head')) },
      close: () => rm(scratch, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}

/** Writes the files an audit can read from a tree into `folder`; returns where the process folder is in it. */
async function writeSide(repository: Repository, tree: string, folder: string): Promise<string> {
  const entries = (await treeFiles(repository, tree)).filter(isAuditInput);
  await writeTreeFiles(repository, entries, folder);
  // An empty .git marks the top of the work tree, so .gitignore files above a flow stop where
  // they stop in the repository.
  await mkdir(join(folder, '.git'), { recursive: true });
  const cwd = repository.prefix === '' ? folder : join(folder, ...repository.prefix.split('/'));
  await mkdir(cwd, { recursive: true });
  return cwd;
}

const AUDIT_INPUT = new RegExp(`\\.(${FLOW_EXTENSIONS.join('|')})$`, 'i');

/**
 * What an audit may read: flows, subflows and exports (YAML, JSON), configs (`.ivr-audit.yaml`,
 * `package.json`) and `.gitignore` files. Images, sources and the rest of a repository are not written.
 */
function isAuditInput(entry: TreeEntry): boolean {
  return AUDIT_INPUT.test(entry.path) || basename(entry.path) === '.gitignore';
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
