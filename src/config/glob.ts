// Glob matching for `overrides.files` and `ignore`, with gitignore's conventions, which is what
// people expect of an ignore list: a pattern without a slash matches a file or folder name at any
// depth, a pattern with a slash is relative to the config's folder, a trailing slash means
// "folders only", a pattern matches everything inside a folder it matches, and `!pattern`
// brings back what an earlier pattern matched (the last matching pattern decides).
// Matching is linear in the path's length whatever the pattern (see src/util/glob-match.ts).
import { compileGlob } from '../util/glob-match.js';

interface CompiledGlob {
  negated: boolean;
  /** Has a slash: matched against the path from the config's folder, not against names. */
  anchored: boolean;
  folderOnly: boolean;
  test: (path: string) => boolean;
}

const compiled = new Map<string, CompiledGlob>();

function compile(pattern: string): CompiledGlob {
  let cached = compiled.get(pattern);
  if (cached) return cached;
  let body = pattern.trim();
  const negated = body.startsWith('!');
  if (negated) body = body.slice(1);
  const folderOnly = body.endsWith('/');
  body = body.replace(/\/+$/, '');
  const anchored = body.includes('/');
  body = body.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  // Forward slashes on every platform: paths are normalized before matching.
  cached = { negated, anchored, folderOnly, test: compileGlob(body) };
  compiled.set(pattern, cached);
  return cached;
}

/**
 * Turns a path relative to the config's folder into forward-slash segments, or undefined when
 * the path leaves that folder (globs of a config never reach outside it).
 */
export function pathSegments(file: string): string[] | undefined {
  const normalized = file.replace(/\\/g, '/');
  if (normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized)) return undefined;
  const segments: string[] = [];
  for (const segment of normalized.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return undefined;
    segments.push(segment);
  }
  return segments.length > 0 ? segments : undefined;
}

/** Whether the patterns, read in order, select `file` (a path relative to the config's folder). */
export function matchesGlobs(patterns: readonly string[], file: string): boolean {
  const segments = pathSegments(file);
  if (!segments) return false;
  let selected = false;
  for (const pattern of patterns) {
    // Only a pattern that could change the answer needs testing.
    const glob = compile(pattern);
    if (glob.negated !== selected) continue;
    if (matchesPath(glob, segments)) selected = !glob.negated;
  }
  return selected;
}

function matchesPath(glob: CompiledGlob, segments: readonly string[]): boolean {
  for (let index = 0; index < segments.length; index++) {
    const isFolder = index < segments.length - 1;
    if (glob.folderOnly && !isFolder) continue;
    const candidate = glob.anchored ? segments.slice(0, index + 1).join('/') : segments[index]!;
    if (glob.test(candidate)) return true;
  }
  return false;
}
