#!/usr/bin/env node
// Entry point. Errors become one line on stderr and exit code 2 (see src/cli/errors.ts); the
// stack only with IVR_AUDIT_DEBUG=1. Messages may quote a flow or a path, so errorReport makes
// them visible: no control character reaches the terminal.
import { flush, run } from '@oclif/core';
import { errorReport } from '../dist/cli/errors.js';

function fail(error) {
  const report = errorReport(error, process.env);
  for (const line of report.lines) process.stderr.write(`${line}\n`);
  process.exitCode = report.exitCode;
}

// A promise nobody awaited is a bug, but the user still gets one line, not a Node stack trace.
process.on('unhandledRejection', (error) => {
  fail(error);
  process.exit();
});

try {
  await run(process.argv.slice(2), import.meta.url);
  await flush();
} catch (error) {
  fail(error);
}
