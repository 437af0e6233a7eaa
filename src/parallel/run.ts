// Audits the files of a run in this thread or in worker threads, with the same outcome either way:
// one outcome per file in input order, and the files read. A parallel run first has the workers
// read every file alone (the scan) to learn the project's members, links every session to that one
// project, then audits each file on the worker that read it, so that references between platform
// exports and subflows resolve as in the serial run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../cli/usage-error.js';
import type { FileAnalysis } from '../audit.js';
import type { ProjectMember } from '../load/project.js';
import { answer, type Job, type JobReply } from './answer.js';
import { batches, fileSizes, workerCount } from './plan.js';
import { WorkerPool } from './pool.js';
import { AuditSession, type FileOutcome, type SessionOptions } from './session.js';

/** Where a run is: files done of the total, and the file last started. */
export interface AuditProgress {
  done: number;
  total: number;
  file?: string;
}

export interface RunOptions {
  /** Most worker threads to use; 1 audits in this thread. */
  concurrency: number;
  /** Sees each flow's analysis: a function, so the run stays in this thread. */
  inspect?: (analysis: FileAnalysis) => void;
  onProgress?: (progress: AuditProgress) => void;
}

export interface RunResult {
  outcomes: FileOutcome[];
  read: Set<string>;
}

const SCAN_BATCH = 8;
const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

export async function auditFiles(files: readonly string[], options: SessionOptions, memory: ReadonlyMap<string, string>, run: RunOptions): Promise<RunResult> {
  // Workers read files from disk; run from the TypeScript sources (tests) there is no built worker.
  if (run.concurrency >= 2 && memory.size === 0 && run.inspect === undefined && existsSync(fileURLToPath(WORKER_SCRIPT))) {
    const count = workerCount(run.concurrency, await fileSizes(files, options.cwd));
    if (count >= 2) return auditInWorkers(files, options, count, run);
  }
  return auditInThread(files, new AuditSession(options, memory, run.inspect), run);
}

async function auditInThread(files: readonly string[], session: AuditSession, run: RunOptions): Promise<RunResult> {
  if (files.length >= 2) {
    const linked: string[] = [];
    const members: ProjectMember[] = [];
    for (const file of files) {
      // Only the files linted note their config among what was read.
      if ((await (session.lints(file) ? session.config(file) : session.configFor(file))).ignored) continue;
      linked.push(file);
      const member = await session.member(file);
      if (member) members.push(member);
    }
    session.link(linked, members);
  }
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    run.onProgress?.({ done: index, total: files.length, file });
    outcomes.push(await session.auditOne(file));
  }
  run.onProgress?.({ done: files.length, total: files.length });
  return { outcomes, read: session.read };
}

async function auditInWorkers(files: readonly string[], options: SessionOptions, count: number, run: RunOptions): Promise<RunResult> {
  const main = new AuditSession(options);
  // Configs first, in input order; an error is thrown where the serial run would meet it. Files not
  // ignored are scanned (read as project members); of those, the files linted are audited.
  const scannedFiles: number[] = [];
  let configError: unknown;
  for (const [index, file] of files.entries()) {
    try {
      if (!(await (main.lints(file) ? main.config(file) : main.configFor(file))).ignored) scannedFiles.push(index);
    } catch (error) {
      configError = error;
      break;
    }
  }
  const pool = new WorkerPool(WORKER_SCRIPT, count, options, (job: Job, id: number) => answer(main, job, id));
  try {
    const scanJobs = batches(scannedFiles, SCAN_BATCH);
    const scanned = await pool.run(scanJobs.map((batch) => ({ type: 'scan', files: batch.map((index) => files[index]!) })), () => undefined);
    const reader = new Map<number, number | undefined>();
    const members: ProjectMember[] = [];
    for (const [job, { reply, worker }] of scanned.entries()) {
      if (reply.type !== 'scanned') throw failure(reply);
      for (const [position, member] of reply.members.entries()) {
        reader.set(scanJobs[job]![position]!, worker);
        if (member) members.push(member);
      }
    }
    if (configError !== undefined) throw configError;
    const linked = scannedFiles.map((index) => files[index]!);
    const wanted = scannedFiles.filter((index) => main.lints(files[index]!));
    main.link(linked, members);
    pool.broadcast({ type: 'link', files: linked, members });

    let done = files.length - wanted.length;
    let current: string | undefined;
    const progress = (): void => run.onProgress?.({ done, total: files.length, ...(current === undefined ? {} : { file: current }) });
    const audited = await pool.run(wanted.map((index) => ({ type: 'audit', file: files[index]! })), (job) => reader.get(wanted[job]!), {
      onStart: (job) => {
        current = files[wanted[job]!];
        progress();
      },
      onDone: () => {
        done++;
        progress();
      },
    });
    const outcomes: FileOutcome[] = files.map(() => ({ kind: 'ignored' }));
    for (const [job, { reply }] of audited.entries()) outcomes[wanted[job]!] = outcomeOf(reply);
    const read = new Set(main.read);
    for (const paths of await pool.finish()) for (const path of paths) read.add(path);
    return { outcomes, read };
  } finally {
    await pool.close();
  }
}

function outcomeOf(reply: JobReply): FileOutcome {
  if (reply.type !== 'audited') throw failure(reply);
  return reply.outcome;
}

/** The error a job threw in a worker, as the serial run would have thrown it. */
function failure(reply: JobReply): Error {
  if (reply.type !== 'failed') return new Error(`unexpected reply ${reply.type} from a worker`);
  return reply.usage ? new UsageError(reply.message) : new Error(reply.message);
}

