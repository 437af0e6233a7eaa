// `--fix`: writes the mechanical fixes of an audit into the flow files.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyTextEdits, type TextEdit } from './load/yaml-edit.js';
import type { AuditResult } from './model/result.js';
import { writeFileAtomic } from './util/write-atomic.js';

export interface FixReport {
  /** Files changed, with how many keys were set in each. */
  files: Array<{ file: string; edits: number }>;
}

/** Applies every mechanical fix of each format v1 file in place; other files are left alone. */
export async function writeFixes(result: AuditResult, cwd: string): Promise<FixReport> {
  const report: FixReport = { files: [] };
  for (const file of result.files) {
    if (file.flow?.format !== 'ivr-audit') continue;
    const edits: TextEdit[] = file.fixes.flatMap((fix) => fix.edits ?? []);
    if (edits.length === 0) continue;
    const path = resolve(cwd, file.file);
    const before = await readFile(path, 'utf8');
    const { text, applied } = applyTextEdits(before, edits);
    if (applied === 0 || text === before) continue;
    await writeFileAtomic(path, text, file.file);
    report.files.push({ file: file.file, edits: applied });
  }
  return report;
}
