import { Args, Flags } from '@oclif/core';
import { UsageError } from '../files.js';
import { audit } from '../index.js';
import { loadLayoutEngine } from '../report/diagram.js';
import { loadFlows } from '../report/flows.js';
import { formatHtml } from '../report/html.js';
import { formatMarkdown } from '../report/markdown.js';
import { refuseOutputsOverInputs } from '../util/output-guard.js';
import { IvrAuditCommand } from '../cli/command.js';
import { writeFileAtomic } from '../util/write-atomic.js';

const REPORT_FORMATS = ['html', 'markdown'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

export default class Report extends IvrAuditCommand {
  static override description = 'Write an audit report of many flows: one self-contained HTML file (default) or Markdown.';
  static override strict = false;
  static override args = {
    paths: Args.string({ description: 'files, folders or globs (default: the current folder)' }),
  };
  static override examples = [
    '<%= config.bin %> report flows/ -o audit.html',
    '<%= config.bin %> report flows/ --format markdown -o audit.md',
  ];
  static override flags = {
    format: Flags.string({ description: 'html (default) or markdown; inferred from the extension of -o' }),
    output: Flags.string({ char: 'o', description: 'write the report to this file instead of stdout' }),
    config: Flags.string({ char: 'c', description: 'use this config file for every flow' }),
    'no-config': Flags.boolean({ description: 'ignore config files' }),
    'no-gitignore': Flags.boolean({ description: 'also lint what .gitignore files exclude when walking folders and globs' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Report);
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : ['.'];
    const format = reportFormat(flags.format, flags.output);
    if (flags.config !== undefined && flags['no-config']) throw new UsageError('-c/--config and --no-config cannot be used together');
    const cwd = process.cwd();
    const result = await audit(paths, { cwd, configPath: flags.config, noConfig: flags['no-config'], gitignore: !flags['no-gitignore'], timelines: true });
    if (flags.output !== undefined) await refuseOutputsOverInputs([{ path: flags.output, shownAs: `-o ${flags.output}` }], result.read ?? []);
    const flows = await loadFlows(result, cwd);
    const generated = `generated ${new Date().toISOString().slice(0, 10)}`;
    const text = format === 'markdown'
      ? formatMarkdown(result, { report: true, flows, generated })
      : formatHtml(result, { flows, layout: await loadLayoutEngine(), generated });
    if (flags.output === undefined) process.stdout.write(text);
    else await writeFileAtomic(flags.output, text);
  }
}

/** `--format` wins; else `-o report.md` means Markdown; else HTML. */
export function reportFormat(format: string | undefined, output: string | undefined): ReportFormat {
  if (format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown report format "${format}"; the report formats are ${REPORT_FORMATS.join(', ')}`);
    }
    return format as ReportFormat;
  }
  return output !== undefined && /\.(md|markdown)$/i.test(output) ? 'markdown' : 'html';
}
