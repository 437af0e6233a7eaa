// The messages between the main thread and a worker of a parallel run. Everything in them is
// structured-cloneable data (flows are Maps and Sets of plain objects).
import type { ProjectMember } from '../load/project.js';
import type { Job } from './answer.js';
import type { FileOutcome } from './session.js';

export type Request =
  /** A scan (read files alone: which are platform exports?) or an audit of one file. */
  | ({ id: number } & Job)
  /** The run all sessions link to (see AuditSession.link); sent to every worker before any audit. */
  | { type: 'link'; files: string[]; members: ProjectMember[] }
  /** No more work: reply with what was read. */
  | { type: 'finish' };

export type Reply =
  | { type: 'scanned'; id: number; members: Array<ProjectMember | null> }
  | { type: 'audited'; id: number; outcome: FileOutcome }
  /** The task threw: a usage error is about the whole run; anything else is a bug. */
  | { type: 'failed'; id: number; usage: boolean; message: string }
  | { type: 'finished'; read: string[] };
