// The output formats of `diff` by name.
import type { DiffResult } from './index.js';
import { formatDiffJson } from './json.js';
import { formatDiffMarkdown } from './markdown.js';
import { formatDiffText } from './text.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function formatDiff(format: DiffFormat, diff: DiffResult, options: { color: boolean }): string {
  if (format === 'json') return formatDiffJson(diff);
  if (format === 'markdown') return formatDiffMarkdown(diff);
  return formatDiffText(diff, options);
}
