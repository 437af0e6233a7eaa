// Not a check over the flow: the finding the audit gives a file when the tool itself failed on it,
// so that one bad file (or one bug) never stops the other files from being audited and reported.
import type { Rule } from './types.js';

export const ISSUES_URL = 'https://github.com/ivr-audit/ivr-audit/issues';

export const internalError: Rule = {
  meta: {
    id: 'internal-error',
    category: 'structure',
    severity: 'error',
    description: 'ivr-audit failed while auditing the file (a bug in the tool).',
    details: 'The audit of this file stopped on an unexpected error; the other files were audited as usual. The file has no score and no other findings. Please report it, with the file if you can. It cannot be turned off or lowered: it is not about the flow, and hiding it would pass a file nobody checked.',
    options: [],
    driver: 'generic',
    scoring: 'penalty',
    alwaysOn: true,
  },
};

/** One line: what failed, without a stack trace (DEBUG=1 on the CLI shows where). */
export function internalErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
  return `ivr-audit failed while auditing this file (${name}: ${detail}); this is a bug in ivr-audit: please report it at ${ISSUES_URL}`;
}
