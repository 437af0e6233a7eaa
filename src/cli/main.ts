// What bin/run.js runs for every command but `--version`: oclif's dispatch, and the one-line error
// report (see ./errors.ts). It is the entry point of the CLI bundle (scripts/build-bundle.js), so
// oclif, the commands and their modules come from one bundle that shares them.
import { run } from '@oclif/core/run';
import { flush } from '@oclif/core/flush';

/** Runs `args` as the CLI installed at `binUrl` (oclif finds the package root from it). */
export async function main(args: string[], binUrl: string): Promise<void> {
  // The error report is loaded only when there is an error to report: `--help` stays light.
  async function fail(error: unknown): Promise<void> {
    const { errorReport } = await import('./errors.js');
    const report = errorReport(error, process.env);
    for (const line of report.lines) process.stderr.write(`${line}\n`);
    process.exitCode = report.exitCode;
  }

  // A promise nobody awaited is a bug, but the user still gets one line, not a Node stack trace.
  process.on('unhandledRejection', (error) => {
    void fail(error).finally(() => process.exit());
  });

  try {
    await run(args, binUrl);
    await flush();
  } catch (error) {
    await fail(error);
  }
}
