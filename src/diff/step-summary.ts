// The job summary of a GitHub Actions step: Markdown appended to the file GITHUB_STEP_SUMMARY names.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../util/write-atomic.js';

/** The summary file, when running in GitHub Actions and the runner gave one. */
export function stepSummaryPath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const path = env.GITHUB_STEP_SUMMARY;
  return env.GITHUB_ACTIONS === 'true' && path !== undefined && path !== '' ? path : undefined;
}

/**
 * Appends `markdown` after what earlier commands of the step wrote there, atomically: the file
 * holds either the old summary or the old one and this, never half of it.
 */
export async function appendStepSummary(path: string, markdown: string): Promise<void> {
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const separator = existing === '' || existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  await writeFileAtomic(path, `${existing}${separator}${markdown}`, `GITHUB_STEP_SUMMARY (${path})`);
}
