import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { UsageError } from '../files.js';
import { audit } from '../index.js';
import { loadLayoutEngine } from '../report/diagram.js';
import { loadFlows } from '../report/flows.js';
import { formatHtml } from '../report/html.js';
import { formatMarkdown } from '../report/markdown.js';
import { refuseOutputsOverInputs } from '../util/output-guard.js';
import { IvrAuditCommand } from '../cli/command.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { PAPER_FORMATS, type PaperFormat } from '../report/paper.js';

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
    '<%= config.bin %> report flows/ --pdf audit.pdf --paper letter',
  ];
  static override flags = {
    format: Flags.string({ description: 'html (default) or markdown; inferred from the extension of -o' }),
    output: Flags.string({ char: 'o', description: 'write the report to this file instead of stdout' }),
    pdf: Flags.string({ description: 'also print the HTML report to this PDF file, through the system Chromium' }),
    paper: Flags.string({ description: 'paper of --pdf: a4 (default) or letter' }),
    config: Flags.string({ char: 'c', description: 'use this config file for every flow' }),
    'no-config': Flags.boolean({ description: 'ignore config files' }),
    'no-gitignore': Flags.boolean({ description: 'also lint what .gitignore files exclude when walking folders and globs' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Report);
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : ['.'];
    const format = reportFormat(flags.format, flags.output);
    const paper = paperFormat(flags.paper, flags.pdf);
    if (flags.pdf !== undefined && format === 'markdown') throw new UsageError('--pdf prints the HTML report; it cannot be used with --format markdown');
    if (flags.config !== undefined && flags['no-config']) throw new UsageError('-c/--config and --no-config cannot be used together');
    const cwd = process.cwd();
    const result = await audit(paths, { cwd, configPath: flags.config, noConfig: flags['no-config'], gitignore: !flags['no-gitignore'], timelines: true });
    const outputs = [
      ...(flags.output === undefined ? [] : [{ path: flags.output, shownAs: `-o ${flags.output}` }]),
      ...(flags.pdf === undefined ? [] : [{ path: flags.pdf, shownAs: `--pdf ${flags.pdf}` }]),
    ];
    if (outputs.length > 0) await refuseOutputsOverInputs(outputs, result.read ?? []);
    const flows = await loadFlows(result, cwd);
    const generated = `generated ${new Date().toISOString().slice(0, 10)}`;
    const text = format === 'markdown'
      ? formatMarkdown(result, { report: true, flows, generated })
      : formatHtml(result, { flows, layout: await loadLayoutEngine(), generated, scope: scopeOf(paths) });
    if (flags.pdf !== undefined) {
      // Printed first: without Chromium the command fails before it writes anything.
      const { htmlToPdf } = await import('../report/pdf.js');
      await writeFileAtomic(flags.pdf, await htmlToPdf(text, paper));
      if (flags.output === undefined) return;
    }
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

/** `--paper`: A4 unless Letter is asked for; only meaningful with --pdf. */
export function paperFormat(paper: string | undefined, pdf: string | undefined): PaperFormat {
  if (paper === undefined) return 'A4';
  if (pdf === undefined) throw new UsageError('--paper sets the paper of --pdf; give --pdf FILE too');
  const format = PAPER_FORMATS.find((name) => name.toLowerCase() === paper.toLowerCase());
  if (!format) throw new UsageError(`unknown paper "${paper}"; the papers are a4, letter`);
  return format;
}

/** The title page's scope: what was audited. */
function scopeOf(paths: readonly string[]): string {
  return `Scope: ${paths.join(', ')}`;
}
