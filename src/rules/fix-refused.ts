// Not a check over the flow: the finding `--fix` gives a file it will not edit because writing
// it back would change bytes the author wrote (a file that is not valid UTF-8).
import type { Rule } from './types.js';

export const fixRefused: Rule = {
  meta: {
    id: 'fix-refused',
    category: 'structure',
    severity: 'warning',
    description: '`--fix` left the file unchanged because editing it would change bytes outside the fix (the file is not valid UTF-8).',
    details: 'Only reported by `lint --fix` and `--fix-dry-run`, at the first byte that is not UTF-8 (a Latin-1 "é", for instance). Writing such a file back as text would turn those bytes into replacement characters, so --fix does not touch it. Save the file as UTF-8 and run --fix again.',
    options: [],
    driver: 'generic',
    scoring: 'penalty',
  },
};
