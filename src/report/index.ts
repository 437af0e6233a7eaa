// The output formats by name. Each is a plain function of the AuditResult, loaded only when its
// format is asked for: a lint that prints stylish output never loads the SARIF, HTML or diagram code.
import { extname } from 'node:path';
import { UsageError } from '../cli/usage-error.js';
import type { AuditResult } from '../model/result.js';

export interface FormatContext {
  color: boolean;
  /** Folder that paths in SARIF, GitHub, GitLab, compact and Checkstyle output are relative to (default: the process's). */
  cwd?: string;
  /** Where SARIF links the rule pages (`--docs-base`); the docs installed with the package by default. */
  docsBase?: string;
}

export type Formatter = (result: AuditResult, context: FormatContext) => string;

/** Format name → its module, imported on first use. Add a format by adding a line. */
const FORMATTERS = {
  stylish: async (): Promise<Formatter> => {
    const { formatStylish } = await import('./stylish.js');
    return (result, context) => formatStylish(result, { color: context.color });
  },
  json: async (): Promise<Formatter> => {
    const { formatJson } = await import('./json.js');
    return (result) => formatJson(result);
  },
  sarif: async (): Promise<Formatter> => {
    const { formatSarif } = await import('./sarif.js');
    return (result, context) => formatSarif(result, { cwd: context.cwd ?? process.cwd(), ...(context.docsBase === undefined ? {} : { docsBase: context.docsBase }) });
  },
  junit: async (): Promise<Formatter> => {
    const { formatJunit } = await import('./junit.js');
    return (result) => formatJunit(result);
  },
  github: async (): Promise<Formatter> => {
    const { formatGithub } = await import('./github.js');
    return (result, context) => formatGithub(result, { cwd: context.cwd ?? process.cwd() });
  },
  gitlab: async (): Promise<Formatter> => {
    const { formatGitlab } = await import('./gitlab.js');
    return (result, context) => formatGitlab(result, { cwd: context.cwd ?? process.cwd() });
  },
  compact: async (): Promise<Formatter> => {
    const { formatCompact } = await import('./compact.js');
    return (result, context) => formatCompact(result, { cwd: context.cwd ?? process.cwd() });
  },
  checkstyle: async (): Promise<Formatter> => {
    const { formatCheckstyle } = await import('./checkstyle.js');
    return (result, context) => formatCheckstyle(result, { cwd: context.cwd ?? process.cwd() });
  },
  markdown: async (): Promise<Formatter> => {
    const { formatMarkdown } = await import('./markdown.js');
    return (result) => formatMarkdown(result);
  },
  // The diagrams need the flows and the layout engine: both are read only when HTML is asked for.
  html: async (): Promise<Formatter> => {
    // A result from elsewhere has its flows read again, platform exports among them: the importers too.
    const [{ formatHtml }, { loadFlowsSync }, { loadLayoutEngine }] = await Promise.all([import('./html.js'), import('./flows.js'), import('./diagram.js'), import('../load/index.js').then(({ loadImporters }) => loadImporters())]);
    const layout = await loadLayoutEngine();
    return (result, context) => formatHtml(result, { flows: loadFlowsSync(result, context.cwd ?? process.cwd()), layout });
  },
} satisfies Record<string, () => Promise<Formatter>>;

export type OutputFormat = keyof typeof FORMATTERS;

export const OUTPUT_FORMATS = Object.keys(FORMATTERS) as OutputFormat[];

export function isOutputFormat(name: string): name is OutputFormat {
  return Object.hasOwn(FORMATTERS, name);
}

/** The formatter of a format, its module loaded on the first call. */
export function loadFormatter(format: OutputFormat): Promise<Formatter> {
  return FORMATTERS[format]();
}

export async function formatResult(format: OutputFormat, result: AuditResult, context: FormatContext): Promise<string> {
  return (await loadFormatter(format))(result, context);
}

/** `json` or `json=out/report.json`. */
export function parseFormatFlag(value: string): { format: OutputFormat; path?: string } {
  const [name = '', ...rest] = value.split('=');
  if (!isOutputFormat(name)) throw new UsageError(`unknown format "${name}"; the formats are ${OUTPUT_FORMATS.join(', ')}`);
  const path = rest.join('=');
  return path === '' ? { format: name } : { format: name, path };
}

// gitlab, compact and checkstyle are never inferred: their files end in .json, .txt and .xml,
// which already mean json, stylish and junit.
const EXTENSIONS: Record<string, OutputFormat> = {
  '.json': 'json',
  '.txt': 'stylish',
  '.sarif': 'sarif',
  '.xml': 'junit',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

export function outputFormatFor(path: string): OutputFormat | undefined {
  const lower = path.toLowerCase();
  // `.sarif.json` is the other name code-scanning uploads use; it must not fall to plain JSON.
  if (lower.endsWith('.sarif.json')) return 'sarif';
  return EXTENSIONS[extname(lower)];
}

export { githubAnnotationsByDefault } from './github.js';
