// Every file the tool writes goes through here, so an interrupted write (full disk, kill, a file
// size limit) leaves either the old file or the new one, never a truncated mix.
import { randomBytes } from 'node:crypto';
import { chmod, lstat, open, readlink, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../files.js';

/**
 * Writes `data` to `path` atomically: a temporary file in the same folder, fsync, rename over the
 * target, fsync the folder. An existing file keeps its mode; through a symlink the link's target
 * is written and the link stays. Errors name the file as `shownAs` (default: `path`).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, shownAs = path): Promise<void> {
  try {
    const info = await stat(path).catch(() => undefined);
    // A terminal, pipe or device (`-o /dev/stdout`) cannot be replaced, only written.
    if (info && !info.isFile() && !info.isDirectory()) await writeFile(path, data);
    else await replaceFile(info ? await realpath(path) : await danglingTarget(path), data);
  } catch (error) {
    throw new WriteError(`cannot write ${shownAs}: ${reasonOf(error)}`);
  }
}

/** A file could not be written; the message is one line naming the file and why (exit 2, as a usage error). */
export class WriteError extends UsageError {}

async function replaceFile(target: string, data: string | Uint8Array): Promise<void> {
  const mode = await stat(target).then((info) => info.mode & 0o7777, () => undefined);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // `open` applies the umask; the file being replaced had its mode set on purpose.
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(target));
}

/** Where a path that does not exist yet is created: through a dangling symlink, its target. */
async function danglingTarget(path: string): Promise<string> {
  let current = resolve(path);
  // A bounded walk: a symlink loop ends as an error from the write, not a hang here.
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) break;
    current = resolve(dirname(current), await readlink(current));
  }
  const folder = await realpath(dirname(current)).catch(() => dirname(current));
  return join(folder, basename(current));
}

/** Makes the rename durable; some file systems cannot sync a folder, which costs only durability. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is larger than the file size limit',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'no such folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links',
};

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
