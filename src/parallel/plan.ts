// How many workers a run gets. A worker costs its start-up (loading the pipeline, some 0.1-0.2 s of
// CPU), so small runs stay in one thread: one worker per BYTES_PER_WORKER of flows, at least two
// or none, at most the concurrency asked for and one per file.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** About a third of a second of auditing on one core (flows audit at some 10 ms per KB). */
export const BYTES_PER_WORKER = 32 * 1024;

export function workerCount(concurrency: number, sizes: readonly number[]): number {
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  const count = Math.min(concurrency, sizes.length, Math.floor(bytes / BYTES_PER_WORKER));
  return count >= 2 ? count : 0;
}

/** Sizes of the files in bytes; one that cannot be read counts as empty (its audit says why). */
export function fileSizes(files: readonly string[], cwd: string): Promise<number[]> {
  return Promise.all(files.map((file) => stat(resolve(cwd, file)).then((info) => (info.isFile() ? info.size : 0), () => 0)));
}

/** Consecutive runs of `size` items: a scan job reads a few files, so messages stay few. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
