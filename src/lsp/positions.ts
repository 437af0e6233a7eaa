// Between the tool's places (1-based lines and columns, end exclusive) and LSP's (0-based, end
// exclusive). Both count columns in UTF-16 code units, as JavaScript strings do.
import type { Position, Range } from 'vscode-languageserver';
import type { SourceRange } from '../model/flow.js';

export function toRange(range: SourceRange): Range {
  return {
    start: { line: Math.max(0, range.line - 1), character: Math.max(0, range.column - 1) },
    end: { line: Math.max(0, range.endLine - 1), character: Math.max(0, range.endColumn - 1) },
  };
}

/** True when the position lies in the range, its end included (a cursor just after a word is on it). */
export function rangeContains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

/** True when two ranges share at least one position. */
export function rangesMeet(a: Range, b: Range): boolean {
  return rangeContains(a, b.start) || rangeContains(a, b.end) || rangeContains(b, a.start);
}

/** The smallest of the ranges that contain the position, for a cursor inside nested places. */
export function innermost<T>(items: readonly T[], rangeOf: (item: T) => Range, position: Position): T | undefined {
  let best: T | undefined;
  let bestSize = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const range = rangeOf(item);
    if (!rangeContains(range, position)) continue;
    const size = (range.end.line - range.start.line) * 1e6 + (range.end.character - range.start.character);
    if (size < bestSize) {
      best = item;
      bestSize = size;
    }
  }
  return best;
}
