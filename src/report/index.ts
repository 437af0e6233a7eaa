// The output formats by name. Each is a plain function of the AuditResult.
import { extname } from 'node:path';
import { UsageError } from '../files.js';
import type { AuditResult } from '../model/result.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export interface FormatContext {
  color: boolean;
}

const FORMATTERS = {
  stylish: (result: AuditResult, context: FormatContext) => formatStylish(result, { color: context.color }),
  json: (result: AuditResult) => formatJson(result),
} satisfies Record<string, (result: AuditResult, context: FormatContext) => string>;

export type OutputFormat = keyof typeof FORMATTERS;

export const OUTPUT_FORMATS = Object.keys(FORMATTERS) as OutputFormat[];

export function isOutputFormat(name: string): name is OutputFormat {
  return Object.hasOwn(FORMATTERS, name);
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

const EXTENSIONS: Record<string, OutputFormat> = { '.json': 'json', '.txt': 'stylish' };

export function outputFormatFor(path: string): OutputFormat | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}
