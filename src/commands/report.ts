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
import { langFlag } from '../cli/flags.js';
import { langOfEnv, resolveLang, type Lang } from '../i18n/index.js';
import { reportWords } from '../i18n/report.js';

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
    '<%= config.bin %> report flows/ --lang es -o auditoria.html',
  ];
  static override flags = {
    format: Flags.string({ description: 'html (default) or markdown; inferred from the extension of -o' }),
    output: Flags.string({ char: 'o', description: 'write the report to this file instead of stdout' }),
    pdf: Flags.string({ description: 'also print the HTML report to this PDF file, through the system Chromium' }),
    paper: Flags.string({ description: 'paper of --pdf: a4 (default) or letter' }),
    config: Flags.string({ char: 'c', description: 'use this config file for every flow' }),
    'no-config': Flags.boolean({ description: 'ignore config files' }),
    'no-gitignore': Flags.boolean({ description: 'also lint what .gitignore files exclude when walking folders and globs' }),
    lang: langFlag('the report (its words, messages and fixes)'),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Report);
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : ['.'];
    const envLang = langOfEnv(process.env);
    // Before the audit only --lang and the environment can say: the flows are not read yet.
    const runLang = resolveLang({ flag: flags.lang, env: envLang });
    const format = reportFormat(flags.format, flags.output, runLang);
    const paper = paperFormat(flags.paper, flags.pdf, runLang);
    const t = reportWords(runLang);
    if (flags.pdf !== undefined && format === 'markdown') throw new UsageError(t('command.pdf-markdown'));
    if (flags.config !== undefined && flags['no-config']) throw new UsageError(t('command.config-and-no-config'));
    const cwd = process.cwd();
    const result = await audit(paths, { cwd, configPath: flags.config, noConfig: flags['no-config'], gitignore: !flags['no-gitignore'], timelines: true, lang: flags.lang, envLang });
    const outputs = [
      ...(flags.output === undefined ? [] : [{ path: flags.output, shownAs: `-o ${flags.output}` }]),
      ...(flags.pdf === undefined ? [] : [{ path: flags.pdf, shownAs: `--pdf ${flags.pdf}` }]),
    ];
    if (outputs.length > 0) await refuseOutputsOverInputs(outputs, result.read ?? []);
    const flows = await loadFlows(result, cwd);
    const date = new Date();
    const text = format === 'markdown'
      ? formatMarkdown(result, { report: true, flows, date })
      : formatHtml(result, { flows, layout: await loadLayoutEngine(), date, scope: paths });
    if (flags.pdf !== undefined) {
      // Printed first: without Chromium the command fails before it writes anything.
      const { htmlToPdf } = await import('../report/pdf.js');
      await writeFileAtomic(flags.pdf, await htmlToPdf(text, paper, process.env, result.reportLang ?? 'en'));
      if (flags.output === undefined) return;
    }
    if (flags.output === undefined) process.stdout.write(text);
    else await writeFileAtomic(flags.output, text);
  }
}

/** `--format` wins; else `-o report.md` means Markdown; else HTML. */
export function reportFormat(format: string | undefined, output: string | undefined, lang: Lang = 'en'): ReportFormat {
  if (format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(reportWords(lang)('command.unknown-format', { format, formats: REPORT_FORMATS.join(', ') }));
    }
    return format as ReportFormat;
  }
  return output !== undefined && /\.(md|markdown)$/i.test(output) ? 'markdown' : 'html';
}

/** `--paper`: A4 unless Letter is asked for; only meaningful with --pdf. */
export function paperFormat(paper: string | undefined, pdf: string | undefined, lang: Lang = 'en'): PaperFormat {
  if (paper === undefined) return 'A4';
  const t = reportWords(lang);
  if (pdf === undefined) throw new UsageError(t('command.paper-without-pdf'));
  const format = PAPER_FORMATS.find((name) => name.toLowerCase() === paper.toLowerCase());
  if (!format) throw new UsageError(t('command.unknown-paper', { paper }));
  return format;
}
