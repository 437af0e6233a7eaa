// Markdown tables read back into rows, so tests check what a reader of the table sees.
import { expect } from 'vitest';

/** The rows of the first table under `heading` (or of the first table at all), as objects by header cell. */
export function tableRows(markdown: string, heading?: string): Array<Record<string, string>> {
  const lines = markdown.split('\n');
  const start = heading === undefined ? 0 : lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const first = lines.findIndex((line, index) => index >= start && line.startsWith('|'));
  const cells = (line: string): string[] => line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim());
  const header = cells(lines[first]!);
  expect(lines[first + 1]).toMatch(/^\|(---\|)+$/);
  const rows: Array<Record<string, string>> = [];
  for (let index = first + 2; index < lines.length && lines[index]!.startsWith('|'); index++) {
    const row = cells(lines[index]!);
    expect(row).toHaveLength(header.length);
    rows.push(Object.fromEntries(header.map((name, column) => [name, row[column]!])));
  }
  return rows;
}
