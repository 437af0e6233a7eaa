// A worker of a parallel run: one session, linked to the run's project, doing the jobs it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { withClonableFieldLocs } from '../load/field-locs.js';
import { answer, type JobReply } from './answer.js';
import type { Reply, Request } from './protocol.js';
import { AuditSession, type SessionOptions } from './session.js';

const port = parentPort!;
const session = new AuditSession(workerData as SessionOptions);

function send(reply: JobReply): void {
  try {
    port.postMessage(clonable(reply) satisfies Reply);
  } catch (error) {
    // A value that cannot be cloned is a bug of ours: the main thread reports it for this job.
    port.postMessage({ type: 'failed', id: reply.id, usage: false, message: error instanceof Error ? error.message : String(error) } satisfies Reply);
  }
}

function clonable(reply: JobReply): JobReply {
  if (reply.type !== 'audited' || reply.outcome.kind !== 'audited' || !reply.outcome.flow) return reply;
  return { ...reply, outcome: { ...reply.outcome, flow: withClonableFieldLocs(reply.outcome.flow) } };
}

port.on('message', (request: Request) => {
  if (request.type === 'link') session.link(request.files, request.members);
  else if (request.type === 'finish') {
    port.postMessage({ type: 'finished', read: [...session.read] } satisfies Reply);
    port.close();
  } else {
    const { id, ...job } = request;
    void answer(session, job, id).then(send);
  }
});
