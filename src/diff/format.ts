// The output formats of `diff` by name.
import type { DiffResult } from './index.js';
import { formatDiffJson } from './json.js';
import { formatDiffText } from './text.js';

export const DIFF_FORMATS = ['text', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function formatDiff(format: DiffFormat, diff: DiffResult, options: { color: boolean }): string {
  return format === 'json' ? formatDiffJson(diff) : formatDiffText(diff, options);
}
