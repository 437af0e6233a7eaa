// Markdown: hostile text must not break a table row, open a code span or inject HTML.
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { loadFlows } from '../../src/report/flows.js';
import { formatMarkdown, pathText } from '../../src/report/markdown.js';
import { HOSTILE, ROOT } from './support.js';

/** Cells of a table row, split on pipes that are not escaped. */
function cells(row: string): string[] {
  return row.replace(/^\| /, '').replace(/ \|$/, '').split(/(?<!\\)\|/);
}

describe('markdown', () => {
  it('writes per flow the score, an intact findings table and no raw HTML from the flow', async () => {
    const result = await audit([HOSTILE], { cwd: ROOT });
    const text = formatMarkdown(result);
    const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Line'));
    expect(rows).toHaveLength(result.files[0]!.findings.length);
    for (const row of rows) expect(cells(row)).toHaveLength(4);
    expect(text).not.toContain('<script');
    expect(text).toContain('&lt;script&gt;');
    expect(text).toMatch(result.files[0]!.score ? /\*\*Score \d+\/100, grade [A-F]\*\*/ : /\*\*Not scored\*\*/);
    // Every backtick from a message is escaped, so no code span opens.
    expect(text.replace(/\\`/g, '').replace(/```mermaid[\s\S]*?```/g, '')).not.toContain('`');
  });

  it('as a report, puts a summary table of flows first and a Mermaid diagram per flow', async () => {
    const result = await audit([HOSTILE, 'examples/acme-support.yaml'], { cwd: ROOT });
    const text = formatMarkdown(result, { report: true, flows: await loadFlows(result, ROOT) });
    const summaryAt = text.indexOf('| Flow | File | Score | Grade |');
    expect(summaryAt).toBeGreaterThan(0);
    expect(summaryAt).toBeLessThan(text.indexOf('## '));
    const summaryRows = text.slice(summaryAt).split('\n').slice(2, 4);
    for (const row of summaryRows) expect(cells(row)).toHaveLength(7);
    expect(summaryRows[1]).toContain('ACME support line');
    expect(text.match(/```mermaid\n/g)).toHaveLength(2);
  });

  it('shortens very long witness paths in the middle', () => {
    const path = Array.from({ length: 50 }, (_, index) => `n${index}`);
    expect(pathText(path)).toBe('n0 → n1 → n2 → n3 → n4 → n5 → n6 → n7 → n8 → n9 → … 30 more … → n40 → n41 → n42 → n43 → n44 → n45 → n46 → n47 → n48 → n49');
  });
});
