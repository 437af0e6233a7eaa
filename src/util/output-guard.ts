// An output written over a file the run reads would destroy the user's input (`-o flow.yaml`).
import { stat } from 'node:fs/promises';
import { UsageError } from '../files.js';

export interface PlannedOutput {
  /** As the user wrote it, for the message: `-o report.json`, `-f json=out.json`. */
  shownAs: string;
  path: string;
}

/**
 * Throws a usage error when an output path names one of the input files. Files are compared by
 * device and inode, so symlinks, `..` and hard links to an input are all caught.
 */
export async function refuseOutputsOverInputs(outputs: readonly PlannedOutput[], inputs: readonly string[]): Promise<void> {
  if (outputs.length === 0) return;
  const identities = new Set<string>();
  for (const input of inputs) {
    const identity = await identityOf(input);
    if (identity) identities.add(identity);
  }
  for (const output of outputs) {
    const identity = await identityOf(output.path);
    if (identity && identities.has(identity)) {
      throw new UsageError(`${output.shownAs} is a file this run reads; write the output to another file`);
    }
  }
}

async function identityOf(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  // Only regular files can be inputs; `-o /dev/stdout` is never refused.
  return info?.isFile() ? `${info.dev}:${info.ino}` : undefined;
}
