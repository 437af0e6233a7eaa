#!/usr/bin/env node
// Entry point. Errors become one line on stderr and exit code 2 (see src/cli/errors.ts); the
// stack only with IVR_AUDIT_DEBUG=1. Messages may quote a flow or a path, so errorReport makes
// them visible: no control character reaches the terminal.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);

// `--version` is asked for by scripts and bug reports, often in loops: answer it without loading
// oclif, with the same line oclif prints.
function printVersion() {
  const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`);
}

async function runCommand() {
  // oclif's index loads every part of it (semver, help classes, the parser, ux...): import only
  // the entry points a run needs (both are in the package's `exports`).
  const [{ run }, { flush }] = await Promise.all([import('@oclif/core/run'), import('@oclif/core/flush')]);

  // The error report is loaded only when there is an error to report: `--help` stays light.
  async function fail(error) {
    const { errorReport } = await import('../dist/cli/errors.js');
    const report = errorReport(error, process.env);
    for (const line of report.lines) process.stderr.write(`${line}\n`);
    process.exitCode = report.exitCode;
  }

  // A promise nobody awaited is a bug, but the user still gets one line, not a Node stack trace.
  process.on('unhandledRejection', (error) => {
    fail(error).finally(() => process.exit());
  });

  try {
    await run(args, import.meta.url);
    await flush();
  } catch (error) {
    await fail(error);
  }
}

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) printVersion();
else await runCommand();
