// Reads a file the user named (or a flow calls) without trusting what it is: a FIFO would block
// the run forever, /dev/zero never ends, and a file may grow between a stat and a read.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Why a file was not read, in words that fit after "cannot read PATH: ". */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: string,
    /** What stood in the way: callers that look for optional files skip `missing` and `folder`. */
    readonly kind: 'missing' | 'folder' | 'special' | 'too-large' | 'other',
  ) {
    super(reason);
    this.name = 'UnreadableFileError';
  }
}

const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of a regular file of at most `limit` bytes. Opened without blocking (a FIFO opens at
 * once and is then refused), checked on the open handle (no race with a swap), and read no
 * further than `limit + 1` bytes whatever the file claims its size is.
 */
export async function readRegularFile(path: string, limit: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const kind = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EISDIR' ? 'folder' : code === 'ENXIO' ? 'special' : 'other';
    throw new UnreadableFileError(openFailure(error), kind);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnreadableFileError(`not a regular file (${kindOf(info)})`, info.isDirectory() ? 'folder' : 'special');
    if (info.size > limit) throw tooLarge(info.size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge(total, limit, true);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Exact byte counts when the rounded sizes would read the same ("32 MB is larger than 32 MB"). */
export function sizeMessage(size: number, limit: number, atLeast = false): string {
  const megabytes = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;
  const sameWhenRounded = megabytes(size) === megabytes(limit);
  const shown = sameWhenRounded ? `${size.toLocaleString('en-US')} bytes` : megabytes(size);
  const limitShown = sameWhenRounded ? `${megabytes(limit)} (${limit.toLocaleString('en-US')} bytes)` : megabytes(limit);
  return `${atLeast ? 'at least ' : ''}${shown}, over the ${limitShown} limit`;
}

function tooLarge(size: number, limit: number, atLeast = false): UnreadableFileError {
  return new UnreadableFileError(sizeMessage(size, limit, atLeast), 'too-large');
}

function kindOf(info: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

function openFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'ENOTDIR') return 'no such file (a folder on the way is a file)';
  if (code === 'EISDIR') return 'not a regular file (a folder)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'ENXIO') return 'not a regular file (a socket or device)';
  return error instanceof Error ? error.message : String(error);
}
