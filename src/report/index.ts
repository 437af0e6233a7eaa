// The output formats by name. Each is a plain function of the AuditResult.
import { extname } from 'node:path';
import { UsageError } from '../files.js';
import type { AuditResult } from '../model/result.js';
import { loadLayoutEngine, loadedLayoutEngine } from './diagram.js';
import { loadFlowsSync } from './flows.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export interface FormatContext {
  color: boolean;
  /** Folder that paths in SARIF and GitHub annotations are relative to (default: the process's). */
  cwd?: string;
}

const FORMATTERS = {
  stylish: (result: AuditResult, context: FormatContext) => formatStylish(result, { color: context.color }),
  json: (result: AuditResult) => formatJson(result),
  sarif: (result: AuditResult, context: FormatContext) => formatSarif(result, { cwd: context.cwd ?? process.cwd() }),
  junit: (result: AuditResult) => formatJunit(result),
  github: (result: AuditResult, context: FormatContext) => formatGithub(result, { cwd: context.cwd ?? process.cwd() }),
  markdown: (result: AuditResult) => formatMarkdown(result),
  // The diagrams need the flows and the layout engine: the engine is loaded beforehand by
  // `prepareFormats`, only when HTML is asked for.
  html: (result: AuditResult, context: FormatContext) => {
    const cwd = context.cwd ?? process.cwd();
    return formatHtml(result, { flows: loadFlowsSync(result, cwd), layout: loadedLayoutEngine() });
  },
} satisfies Record<string, (result: AuditResult, context: FormatContext) => string>;

export type OutputFormat = keyof typeof FORMATTERS;

export const OUTPUT_FORMATS = Object.keys(FORMATTERS) as OutputFormat[];

export function isOutputFormat(name: string): name is OutputFormat {
  return Object.hasOwn(FORMATTERS, name);
}

/** Loads what a format needs before the synchronous `formatResult` runs (the WebAssembly layout engine for HTML). */
export async function prepareFormats(formats: readonly OutputFormat[]): Promise<void> {
  if (formats.includes('html')) await loadLayoutEngine();
}

export function formatResult(format: OutputFormat, result: AuditResult, context: FormatContext): string {
  return FORMATTERS[format](result, context);
}

/** `json` or `json=out/report.json`. */
export function parseFormatFlag(value: string): { format: OutputFormat; path?: string } {
  const [name = '', ...rest] = value.split('=');
  if (!isOutputFormat(name)) throw new UsageError(`unknown format "${name}"; the formats are ${OUTPUT_FORMATS.join(', ')}`);
  const path = rest.join('=');
  return path === '' ? { format: name } : { format: name, path };
}

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
