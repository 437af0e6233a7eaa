import { availableParallelism } from 'node:os';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { IvrAuditCommand } from '../cli/command.js';
import { integerFlag } from '../cli/flags.js';
import { diffFlows } from '../diff/index.js';
import { formatDiff, DIFF_FORMATS, type DiffFormat } from '../diff/format.js';
import { formatDiffMarkdown } from '../diff/markdown.js';
import { appendStepSummary, stepSummaryPath } from '../diff/step-summary.js';
import { stderrLine } from '../report/escape.js';

export default class Diff extends IvrAuditCommand {
  static override description = 'Compare the flows of two git refs (or two folders): score change by driver, journey metrics, new and fixed findings.';
  static override strict = false;
  static override args = {
    base: Args.string({ description: 'git ref (branch, tag, commit) or folder before the change', required: true }),
    head: Args.string({ description: 'git ref or folder after the change', required: true }),
    paths: Args.string({ description: 'files, folders or globs to compare (default: the current folder)' }),
  };
  static override examples = [
    '<%= config.bin %> diff main HEAD',
    '<%= config.bin %> diff origin/main HEAD flows/ -f markdown',
    '<%= config.bin %> diff old-flows/ new-flows/ --fail-on-regression',
  ];
  static override flags = {
    format: Flags.string({ char: 'f', options: [...DIFF_FORMATS], default: 'text', description: 'output format' }),
    'fail-on-regression': Flags.boolean({ description: 'exit 1 when a flow\'s score drops or a new error appears' }),
    'no-config': Flags.boolean({ description: 'ignore config files (on both sides)' }),
    'no-gitignore': Flags.boolean({ description: 'also compare what .gitignore files exclude when walking folders and globs' }),
    concurrency: integerFlag({ min: 1, description: 'audit files in up to N worker threads (default: the number of CPU cores; 1: no workers)' }),
    color: Flags.boolean({ allowNo: true, description: 'color the text output (default: when printing to a terminal; NO_COLOR and FORCE_COLOR are honored)' }),
  };

  async run(): Promise<void> {
    const { args, argv, flags } = await this.parse(Diff);
    const paths = (argv as string[]).slice(2);
    const diff = await diffFlows(args.base, args.head, {
      paths,
      noConfig: flags['no-config'],
      gitignore: !flags['no-gitignore'],
      concurrency: flags.concurrency ?? availableParallelism(),
    });
    for (const skipped of diff.skipped) process.stderr.write(stderrLine(`skipped ${skipped.file}: ${skipped.reason}`));
    const color = flags.color ?? (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0'
      ? true
      : process.stdout.isTTY === true && process.env.NO_COLOR === undefined);
    process.stdout.write(formatDiff(flags.format as DiffFormat, diff, { color }));
    // In GitHub Actions the job summary shows the table, whatever the format on stdout.
    const summary = stepSummaryPath(process.env);
    if (summary !== undefined) await appendStepSummary(summary, formatDiffMarkdown(diff));
    if (flags['fail-on-regression'] && diff.summary.regression) process.exitCode = 1;
  }
}
