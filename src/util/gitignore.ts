// .gitignore files as a filter for folder walks: what git would not track is not linted (build
// output, vendored exports), as Ruff and markdownlint-cli2 do. Each file's patterns apply to paths
// relative to its own folder; a deeper file wins over a shallower one, as in git.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import ignore from 'ignore';

type Ignore = ReturnType<typeof ignore>;

/** The patterns of one .gitignore file and the folder they are relative to. */
interface IgnoreFile {
  folder: string;
  rules: Ignore;
}

/** The .gitignore files in force in one folder, outermost first. */
export type GitignoreChain = readonly IgnoreFile[];

/** A .gitignore larger than this is not read: no real one comes near it. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

/** Reads `folder/.gitignore`, if there is one, onto the chain in force above it. */
export async function withGitignoreOf(chain: GitignoreChain, folder: string): Promise<GitignoreChain> {
  const text = await readFile(join(folder, '.gitignore'), 'utf8').catch(() => undefined);
  if (text === undefined || text.length > MAX_GITIGNORE_BYTES) return chain;
  return [...chain, { folder, rules: ignore().add(text) }];
}

/**
 * The .gitignore files of the folders above `folder`, up to the root of the git work tree that
 * holds it (outermost first). Outside a work tree, none: a stray ~/.gitignore is not the project's.
 */
export async function gitignoresAbove(folder: string): Promise<GitignoreChain> {
  const above: string[] = [];
  for (let current = folder; !existsSync(join(current, '.git')); ) {
    const parent = dirname(current);
    if (parent === current) return []; // not inside a work tree
    above.unshift(parent);
    current = parent;
  }
  let chain: GitignoreChain = [];
  for (const parent of above) chain = await withGitignoreOf(chain, parent);
  return chain;
}

/** Whether git would ignore `path` (a folder when `isFolder`), by the chain in force in its folder. */
export function isGitignored(chain: GitignoreChain, path: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const { folder, rules } of chain) {
    const inside = relative(folder, path).split(sep).join('/');
    if (inside === '' || inside.startsWith('../')) continue;
    const verdict = rules.test(isFolder ? `${inside}/` : inside);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
