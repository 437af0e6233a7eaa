import type { AuditResult } from '../model/result.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { escapeJsonOutput } from './escape.js';

/** The JSON output of cli.md: tool, version, files with findings, score and fixes, summary. */
export function formatJson(result: AuditResult): string {
  return `${escapeJsonOutput(JSON.stringify({ tool: TOOL_NAME, version: VERSION, files: result.files, summary: result.summary }, null, 2))}\n`;
}
