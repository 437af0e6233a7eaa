// In a module of its own so that the error report, loaded at every failure, does not pull in the
// path expansion of src/files.ts.

/** The tool cannot do its job with what it was given (exit code 2). */
export class UsageError extends Error {}
