// Expands the paths a user gives (files, folders, globs) into the flow files to audit.
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** The tool cannot do its job with what it was given (exit code 2). */
export class UsageError extends Error {}

export const FLOW_EXTENSIONS = ['yaml', 'yml', 'json'] as const;
const FOLDER_PATTERN = `**/*.{${FLOW_EXTENSIONS.join(',')}}`;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface ExpandOptions {
  cwd: string;
  ignore?: string[];
}

/**
 * Files in the order given; folders and globs sorted, so output is the same on every machine.
 * A path that does not exist, or a glob that matches nothing, is a usage error.
 */
export async function expandPaths(paths: readonly string[], options: ExpandOptions): Promise<string[]> {
  const { cwd } = options;
  const ignore = [...ALWAYS_IGNORED, ...(options.ignore ?? [])];
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch(() => undefined);
    if (info?.isFile()) {
      add(path);
    } else if (info?.isDirectory()) {
      const found = await glob(FOLDER_PATTERN, { cwd: resolve(cwd, path), ignore, dot: false });
      for (const file of found.sort()) add(join(path, file));
    } else if (isDynamicPattern(path)) {
      const found = await glob(path, { cwd, ignore, dot: false });
      if (found.length === 0) throw new UsageError(`no files match ${path}`);
      for (const file of found.sort()) add(relative(cwd, join(cwd, file)) || file);
    } else {
      throw new UsageError(`no such file or folder: ${path}`);
    }
  }
  return files;
}
