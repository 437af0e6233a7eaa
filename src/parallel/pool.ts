// Worker threads and the jobs they are given. A worker takes the jobs meant for it first (the
// files it has already read), then shared ones, then the last ones queued for another worker, so
// both cores stay busy to the end. A worker that dies leaves its jobs to the others, and the jobs
// it was doing to the main thread, which does them with the same code: the run's output is the same.
import { Worker } from 'node:worker_threads';
import type { Job, JobReply } from './answer.js';
import type { Reply, Request } from './protocol.js';
import type { SessionOptions } from './session.js';

/** Jobs sent ahead to a worker, so that it never waits for the main thread between two. */
const IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  alive: boolean;
  finishing: boolean;
  /** Indexes of the jobs of the current run meant for this worker, in order. */
  queue: number[];
  inFlight: Map<number, number>;
}

export interface Done {
  reply: JobReply;
  /** The worker that did the job (undefined: the main thread did). */
  worker: number | undefined;
}

interface Phase {
  jobs: readonly Job[];
  shared: number[];
  results: Done[];
  left: number;
  onStart?: (index: number) => void;
  onDone?: (index: number) => void;
  resolve: (results: Done[]) => void;
  reject: (error: unknown) => void;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private nextId = 0;
  private phase: Phase | undefined;
  private localQueue: Promise<void> = Promise.resolve();

  constructor(
    script: URL,
    count: number,
    options: SessionOptions,
    /** Does a job in the main thread, for a worker that died. */
    private readonly runLocally: (job: Job, id: number) => Promise<JobReply>,
  ) {
    this.slots = Array.from({ length: count }, () => {
      const slot: Slot = { worker: new Worker(script, { workerData: options }), alive: true, finishing: false, queue: [], inFlight: new Map() };
      slot.worker.on('message', (reply: Reply) => {
        if (reply.type !== 'finished') this.settle(slot, reply);
      });
      slot.worker.on('error', () => this.lose(slot));
      slot.worker.on('exit', () => this.lose(slot));
      return slot;
    });
  }

  /**
   * Does every job, the one at index i preferably on worker `preferred(i)`, and returns their
   * replies in job order with the worker that did each.
   */
  run(jobs: readonly Job[], preferred: (index: number) => number | undefined, events: { onStart?: (index: number) => void; onDone?: (index: number) => void } = {}): Promise<Done[]> {
    return new Promise((resolve, reject) => {
      const phase: Phase = { jobs, shared: [], results: new Array<Done>(jobs.length), left: jobs.length, ...events, resolve, reject };
      for (let index = 0; index < jobs.length; index++) {
        const slot = this.slots[preferred(index) ?? -1];
        (slot?.alive ? slot.queue : phase.shared).push(index);
      }
      this.phase = phase;
      if (jobs.length === 0) resolve([]);
      else this.fill();
    });
  }

  /** The same message to every live worker (they read messages in order, so before later jobs). */
  broadcast(request: Request): void {
    for (const slot of this.slots) if (slot.alive) slot.worker.postMessage(request);
  }

  /** Ends the workers; resolves with what each read. */
  async finish(): Promise<string[][]> {
    const live = this.slots.filter((slot) => slot.alive);
    const reads = await Promise.all(live.map((slot) => new Promise<string[]>((resolve) => {
      slot.finishing = true;
      const onMessage = (reply: Reply): void => {
        if (reply.type === 'finished') resolve(reply.read);
      };
      slot.worker.on('message', onMessage);
      // A worker that dies now has read nothing that matters any more than the main thread knows.
      slot.worker.once('exit', () => resolve([]));
      slot.worker.postMessage({ type: 'finish' } satisfies Request);
    })));
    await this.close();
    return reads;
  }

  /** Stops every worker at once (after finish, or when the run fails). */
  async close(): Promise<void> {
    for (const slot of this.slots) slot.finishing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private take(slot: Slot, phase: Phase): number | undefined {
    if (slot.queue.length > 0) return slot.queue.shift();
    if (phase.shared.length > 0) return phase.shared.shift();
    let victim: Slot | undefined;
    for (const other of this.slots) if (other.queue.length > (victim?.queue.length ?? 0)) victim = other;
    return victim?.queue.pop();
  }

  private fill(): void {
    const phase = this.phase;
    if (!phase) return;
    const live = this.slots.filter((slot) => slot.alive && !slot.finishing);
    for (const slot of live) {
      while (slot.inFlight.size < IN_FLIGHT) {
        const index = this.take(slot, phase);
        if (index === undefined) break;
        const id = this.nextId++;
        slot.inFlight.set(id, index);
        phase.onStart?.(index);
        slot.worker.postMessage({ id, ...phase.jobs[index]! } satisfies Request);
      }
    }
    if (live.length === 0) {
      // No worker left: the main thread does the rest, one job at a time as a serial run would.
      const rest = [...phase.shared.splice(0), ...this.slots.flatMap((slot) => slot.queue.splice(0))].sort((a, b) => a - b);
      for (const index of rest) this.doLocally(phase, index);
    }
  }

  private settle(slot: Slot, reply: JobReply): void {
    const index = slot.inFlight.get(reply.id);
    if (index === undefined || !this.phase) return;
    slot.inFlight.delete(reply.id);
    this.record(this.phase, index, { reply, worker: this.slots.indexOf(slot) });
  }

  private record(phase: Phase, index: number, done: Done): void {
    phase.results[index] = done;
    phase.onDone?.(index);
    if (--phase.left === 0) {
      this.phase = undefined;
      phase.resolve(phase.results);
    } else this.fill();
  }

  /** A worker that crashed or exited: what it was doing is done here, what was queued for it goes to the others. */
  private lose(slot: Slot): void {
    if (!slot.alive) return;
    slot.alive = false;
    if (slot.finishing) return;
    const phase = this.phase;
    if (!phase) return;
    const doing = [...slot.inFlight.values()];
    slot.inFlight.clear();
    for (const index of doing) this.doLocally(phase, index);
    this.fill();
  }

  private doLocally(phase: Phase, index: number): void {
    const id = this.nextId++;
    phase.onStart?.(index);
    this.localQueue = this.localQueue
      .then(() => this.runLocally(phase.jobs[index]!, id))
      .then((reply) => this.record(phase, index, { reply, worker: undefined }), phase.reject);
  }
}
