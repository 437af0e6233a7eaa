// The pool on its own, with small worker scripts: jobs come back in job order whoever did them,
// and the jobs of a worker that dies are done by the main thread.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Job, JobReply } from '../../src/parallel/answer.js';
import { BYTES_PER_WORKER, batches, workerCount } from '../../src/parallel/plan.js';
import { WorkerPool } from '../../src/parallel/pool.js';
import { scratchFolder } from '../cli-run.js';

/** A worker script: answers an audit job with the file name as its result, or dies on `die`. */
function script(body: string): URL {
  const path = join(scratchFolder(), 'worker.mjs');
  writeFileSync(path, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (request) => {\n${body}\n});\n`);
  return pathToFileURL(path);
}

const ECHO = `  if (request.type === 'finish') { parentPort.postMessage({ type: 'finished', read: ['/read/by/worker'] }); parentPort.close(); return; }
  if (request.file === 'die') process.exit(3);
  parentPort.postMessage({ type: 'audited', id: request.id, outcome: { kind: 'skipped', reason: 'worker ' + request.file } });`;

const local = async (job: Job, id: number): Promise<JobReply> => ({ type: 'audited', id, outcome: { kind: 'skipped', reason: `main ${job.type === 'audit' ? job.file : ''}` } });

const reasons = (done: Array<{ reply: JobReply }>): string[] => done.map(({ reply }) => (reply.type === 'audited' && reply.outcome.kind === 'skipped' ? reply.outcome.reason : reply.type));

describe('WorkerPool', () => {
  it('returns the replies in job order, and what each worker read', async () => {
    const pool = new WorkerPool(script(ECHO), 2, { cwd: '.' }, local);
    const files = Array.from({ length: 20 }, (_, index) => `f${index}`);
    const started: number[] = [];
    const done = await pool.run(files.map((file) => ({ type: 'audit', file })), (index) => index % 2, { onStart: (index) => started.push(index) });
    expect(reasons(done)).toEqual(files.map((file) => `worker ${file}`));
    expect(started.sort((a, b) => a - b)).toEqual(files.map((_, index) => index));
    expect(await pool.finish()).toEqual([['/read/by/worker'], ['/read/by/worker']]);
  });

  it('does the jobs of a worker that dies in the main thread, and the rest on the others', async () => {
    const pool = new WorkerPool(script(ECHO), 2, { cwd: '.' }, local);
    const files = ['a', 'die', 'b', 'c', 'd', 'e'];
    const done = await pool.run(files.map((file) => ({ type: 'audit', file })), () => 0);
    const got = reasons(done);
    expect(got[1]).toBe('main die');
    expect(got.filter((reason) => reason.endsWith(' a') || reason.endsWith(' b') || reason.endsWith(' e'))).toHaveLength(3);
    expect(got.map((reason) => reason.split(' ')[1])).toEqual(files);
    await pool.finish();
  });

  it('does everything in the main thread when every worker dies', async () => {
    const pool = new WorkerPool(script('  process.exit(1);'), 2, { cwd: '.' }, local);
    const done = await pool.run(['a', 'b', 'c'].map((file) => ({ type: 'audit', file })), () => undefined);
    expect(reasons(done)).toEqual(['main a', 'main b', 'main c']);
    await pool.close();
  });
});

describe('how many workers', () => {
  it('none for one file, for a few small files, or when one is asked for', () => {
    expect(workerCount(4, [10 * BYTES_PER_WORKER])).toBe(0);
    expect(workerCount(4, [1000, 2000, 3000])).toBe(0);
    expect(workerCount(1, Array.from({ length: 100 }, () => BYTES_PER_WORKER))).toBe(0);
  });

  it('one per BYTES_PER_WORKER of flows, at most the concurrency and one per file', () => {
    expect(workerCount(8, Array.from({ length: 10 }, () => BYTES_PER_WORKER / 2))).toBe(5);
    expect(workerCount(2, Array.from({ length: 100 }, () => BYTES_PER_WORKER))).toBe(2);
    expect(workerCount(8, [BYTES_PER_WORKER * 5, BYTES_PER_WORKER * 5, 1])).toBe(3);
  });

  it('batches keep order and size', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
