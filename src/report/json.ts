import type { AuditResult } from '../model/result.js';
import { TOOL_NAME, VERSION } from '../version.js';

/** The JSON output of cli.md: tool, version, files with findings, score and fixes, summary. */
export function formatJson(result: AuditResult): string {
  return `${JSON.stringify({ tool: TOOL_NAME, version: VERSION, files: result.files, summary: result.summary }, null, 2)}\n`;
}
