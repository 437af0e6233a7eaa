// Finds the config that applies to a folder: the nearest `.ivr-audit.yaml`, `.ivr-audit.yml` or
// `package.json` with an `ivr-audit` key, searching upwards. The nearest config is the whole
// configuration; configs further up are not merged into it (a folder opts out of its parent's
// config by having its own).
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UnreadableFileError, readRegularFile } from '../util/read-file.js';
import { ConfigError } from './errors.js';
import type { ConfigFile } from './types.js';

// The config validator (the compiled schema, ~70 kB of the bundle) loads only when a config file is
// there to check: most runs find none, or pass --no-config.
const validation = (): Promise<typeof import('./validate.js')> => import('./validate.js');

/** Looked for in each folder, in this order; the first found wins. */
export const CONFIG_FILE_NAMES = ['.ivr-audit.yaml', '.ivr-audit.yml', 'package.json'] as const;
export const PACKAGE_KEY = 'ivr-audit';
/** A config (or a package.json holding one) is a few KB; anything this large is not one. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface FoundConfig {
  /** Absolute path of the file that holds the config. */
  path: string;
  config: ConfigFile;
}

/** Per folder (and stop folder): a whole lint run reads each folder's candidates once. */
const cache = new Map<string, Promise<FoundConfig | undefined>>();

/** Forgets what was found, for long-running callers (watch modes, tests) whose files change. */
export function clearConfigCache(): void {
  cache.clear();
}

/**
 * The nearest config of `startDir` or a folder above it, up to `stopAt` (included) or the root of
 * the file system. Throws `ConfigError` when the config found cannot be used.
 */
export function findConfig(startDir: string, stopAt?: string): Promise<FoundConfig | undefined> {
  const folder = resolve(startDir);
  const stop = stopAt === undefined ? undefined : resolve(stopAt);
  const key = `${folder}\u0000${stop ?? ''}`;
  let found = cache.get(key);
  if (!found) {
    found = searchFrom(folder, stop);
    cache.set(key, found);
  }
  return found;
}

async function searchFrom(folder: string, stop: string | undefined): Promise<FoundConfig | undefined> {
  const own = await configIn(folder);
  if (own) return own;
  const parent = dirname(folder);
  if (folder === stop || parent === folder) return undefined;
  return findConfig(parent, stop);
}

async function configIn(folder: string): Promise<FoundConfig | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(folder, name);
    const text = await readIfPresent(path);
    if (text === undefined) continue;
    const config = name === 'package.json' ? await packageConfig(text, displayPath(path), false) : (await validation()).parseConfigText(text, displayPath(path));
    if (config) return { path, config };
  }
  return undefined;
}

/** Reads the config named by `-c PATH`: YAML (or JSON), or a package.json's `ivr-audit` key. */
export async function loadConfigFile(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readConfigBytes(path);
  } catch (error) {
    throw new ConfigError(displayPath(path), undefined, `cannot read the config file (${reason(error)})`);
  }
  if (basename(path) === 'package.json') return (await packageConfig(text, displayPath(path), true))!;
  return (await validation()).parseConfigText(text, displayPath(path));
}

/**
 * The `ivr-audit` key of a package.json. Found by searching, a package.json without the key (or
 * one that is not JSON and does not mention the key: another tool's problem) is not a config.
 */
async function packageConfig(text: string, file: string, required: boolean): Promise<ConfigFile | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    if (!required && !text.includes(`"${PACKAGE_KEY}"`)) return undefined;
    throw new ConfigError(file, undefined, `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const hasKey = typeof data === 'object' && data !== null && !Array.isArray(data) && Object.hasOwn(data, PACKAGE_KEY);
  if (!hasKey) {
    if (required) throw new ConfigError(file, undefined, `has no "${PACKAGE_KEY}" key`);
    return undefined;
  }
  return (await validation()).validateConfig((data as Record<string, unknown>)[PACKAGE_KEY], file, PACKAGE_KEY);
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readConfigBytes(path);
  } catch (error) {
    // A folder that happens to carry the name is not a config either.
    if (error instanceof UnreadableFileError && (error.kind === 'missing' || error.kind === 'folder')) return undefined;
    throw new ConfigError(displayPath(path), undefined, `cannot read the config file (${reason(error)})`);
  }
}

/** Relative to the working folder when inside it, as the user would type it. */
function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}

/** Never blocks on a FIFO, never reads a device or a huge file to its end. */
export async function readConfigBytes(path: string): Promise<string> {
  return (await readRegularFile(path, MAX_CONFIG_BYTES)).toString('utf8');
}

function reason(error: unknown): string {
  if (error instanceof UnreadableFileError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
