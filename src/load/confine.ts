// `confineSubflows`: subflow files whose real path (symlinks resolved) is outside the project root
// are refused before they are opened, so a flow cannot make the tool read elsewhere on the disk.
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import type { LoadedFile } from './index.js';
import type { LoadFile } from './program.js';

/** Whether `path` is `root` or inside it (both already real paths). */
export function isInside(root: string, path: string): boolean {
  const step = relative(root, path);
  return step === '' || (!step.startsWith('..') && !isAbsolute(step));
}

/** A path with its symlinks resolved; a path that does not exist stays as given (the loader reports it). */
async function realPathOf(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}

/** Wraps a subflow loader so that targets outside `root` become a read failure, never read. */
export function confinedLoader(root: string, loadFile: LoadFile): LoadFile {
  const realRoot = realPathOf(root);
  return async (target) => {
    const real = await realPathOf(target);
    if (isInside(await realRoot, real)) return loadFile(target);
    return refused(target, real, root);
  };
}

function refused(target: string, real: string, root: string): LoadedFile {
  const where = real === target ? target : `${target} (really ${real})`;
  const message = `cannot read ${target}: ${where} is outside the project root ${root}, and the config sets confineSubflows`;
  return { file: target, text: '', problems: [{ ruleId: 'schema', message, loc: { file: target, pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 } }] };
}
