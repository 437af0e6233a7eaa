// `diff -f json`: the comparison as data, for scripts and bots.
import { escapeJsonOutput } from '../report/escape.js';
import { TOOL_NAME, VERSION } from '../version.js';
import type { DiffResult } from './index.js';

export function formatDiffJson(diff: DiffResult): string {
  const { base, head, files, summary } = diff;
  return `${escapeJsonOutput(JSON.stringify({ tool: TOOL_NAME, version: VERSION, base, head, files, summary }, null, 2))}\n`;
}
