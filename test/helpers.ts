import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../src/index.js';
import type { FileResult } from '../src/model/result.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Audits one in-memory flow as if it were the file `name` in the repository root. */
export async function auditText(text: string, name = 'flow.yaml'): Promise<FileResult> {
  const result = await audit([{ path: name, text }], { cwd: ROOT });
  return result.files[0]!;
}

export async function auditFile(path: string): Promise<FileResult> {
  const result = await audit([path], { cwd: ROOT });
  return result.files[0]!;
}

/** Lines that carry `# expect: rule-id[, rule-id]` comments, per rule id. */
export function expectedLines(path: string): Map<string, number[]> {
  const expected = new Map<string, number[]>();
  readFileSync(join(ROOT, path), 'utf8').split(/\r?\n/).forEach((line, index) => {
    const match = /#\s*expect:\s*([\w, -]+)$/.exec(line);
    if (!match) return;
    for (const id of match[1]!.split(',').map((part) => part.trim()).filter(Boolean)) {
      expected.set(id, [...(expected.get(id) ?? []), index + 1]);
    }
  });
  return expected;
}
