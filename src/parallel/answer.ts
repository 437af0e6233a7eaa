// One scan or audit job, done by a session: the same code in a worker and, for the jobs of a worker
// that died, in the main thread.
import { UsageError } from '../cli/usage-error.js';
import type { Reply } from './protocol.js';
import type { AuditSession } from './session.js';

export type Job = { type: 'scan'; files: string[] } | { type: 'audit'; file: string };
export type JobReply = Extract<Reply, { type: 'scanned' | 'audited' | 'failed' }>;

export async function answer(session: AuditSession, job: Job, id: number): Promise<JobReply> {
  try {
    if (job.type === 'scan') {
      const members = [];
      for (const file of job.files) members.push((await session.member(file)) ?? null);
      return { type: 'scanned', id, members };
    }
    return { type: 'audited', id, outcome: await session.auditOne(job.file) };
  } catch (error) {
    return { type: 'failed', id, usage: error instanceof UsageError, message: error instanceof Error ? error.message : String(error) };
  }
}
