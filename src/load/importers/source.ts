// A parsed export that can say where any of its values is written in the original file, even when the flow
// sits inside a JSON string (Connect's `Content`), so findings on imported flows point at the real text.
import type { SourceLocation, SourceRange } from '../../model/flow.js';
import { valueAt } from '../../util/pointer.js';
import { parseYaml, pointerSegment, stripBom, type Place } from '../yaml.js';
import { fillPlaceholders, restoreInData } from './placeholders.js';
import type { ImportProblem } from './types.js';

/** Line starts of a text: offsets to 1-based lines and columns and back, counting as yaml's LineCounter does. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  offsetAt(line: number, column: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
    return start + Math.max(column, 1) - 1;
  }

  positionAt(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

const NOWHERE: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** How this document's own offsets become offsets of the file (identity for a file read directly). */
type OffsetMap = (offset: number) => number;

interface DocumentParts {
  file: string;
  data: unknown;
  text: string;
  places: ReadonlyMap<string, Place>;
  /** Pointer of this document's root in the file ('' for the file itself, `/Content` for an embedded flow). */
  prefix: string;
  lines: LineIndex;
  fileLines: LineIndex;
  toFile?: OffsetMap;
}

/** A parsed document whose every pointer can be located in the original file. */
export class SourceDocument {
  constructor(private readonly parts: DocumentParts, private readonly root = '') {}

  get file(): string {
    return this.parts.file;
  }

  /** The data at this view's root. */
  get data(): unknown {
    return valueAt(this.parts.data, this.root);
  }

  /** The same document seen from the value at `pointer`: pointers given later are relative to it. */
  at(pointer: string): SourceDocument {
    return new SourceDocument(this.parts, this.root + pointer);
  }

  /**
   * Where the key or the value at `pointer` is written. A pointer that is not in the document falls back to
   * its closest ancestor, so a location is always returned.
   */
  locate(pointer: string, part: 'key' | 'value' = 'value'): SourceLocation {
    const full = this.root + pointer;
    let place: Place | undefined;
    for (let probe = full; ; probe = probe.slice(0, probe.lastIndexOf('/'))) {
      place = this.parts.places.get(probe);
      if (place || probe === '') break;
    }
    const range = (part === 'key' ? place?.key : undefined) ?? place?.value ?? NOWHERE;
    return { file: this.parts.file, pointer: this.parts.prefix + full, ...this.toFileRange(range) };
  }

  /** A range of this document's own text (as the parser reports it), as a location in the file. */
  rangeLocation(range: SourceRange, pointer: string): SourceLocation {
    return { file: this.parts.file, pointer: this.parts.prefix + pointer, ...this.toFileRange(range) };
  }

  private toFileRange(range: SourceRange): SourceRange {
    const { toFile, lines, fileLines } = this.parts;
    if (!toFile) return range;
    const start = fileLines.positionAt(toFile(lines.offsetAt(range.line, range.column)));
    const end = fileLines.positionAt(toFile(lines.offsetAt(range.endLine, range.endColumn)));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  /**
   * Opens the JSON text held in the string at `pointer` (Connect's `Content`) as a document of its own.
   * Positions inside it are mapped through the string's escapes back to the file.
   */
  openEmbedded(pointer: string): { doc?: SourceDocument; problems: ImportProblem[] } {
    const full = this.root + pointer;
    const value = valueAt(this.parts.data, full);
    const place = this.parts.places.get(full);
    if (typeof value !== 'string' || !place) return { problems: [] };
    const literalStart = this.parts.lines.offsetAt(place.value.line, place.value.column);
    const decoded = decodeJsonString(this.parts.text, literalStart);
    const outer = this.parts.toFile ?? ((offset: number) => offset);
    // A string not written in double quotes (a YAML block, say) cannot be mapped character by character:
    // every position inside it is then reported at the start of the string.
    const inner: { text: string; toLiteral: (offset: number) => number } = decoded
      ? { text: decoded.text, toLiteral: (offset) => decoded.map[Math.min(offset, decoded.map.length - 1)]! }
      : { text: value, toLiteral: () => 0 };
    const toFile: OffsetMap = (offset) => outer(literalStart + inner.toLiteral(offset));
    return readParts({
      file: this.parts.file,
      text: inner.text,
      prefix: this.parts.prefix + full,
      fileLines: this.parts.fileLines,
      toFile,
    });
  }
}

/** Reads a whole file: YAML or JSON, with bare placeholders filled so that the parse succeeds. */
export function readDocument(file: string, source: string): { doc?: SourceDocument; problems: ImportProblem[] } {
  const text = stripBom(source);
  return readParts({ file, text, prefix: '', fileLines: new LineIndex(text) });
}

function readParts(input: {
  file: string;
  text: string;
  prefix: string;
  fileLines: LineIndex;
  toFile?: OffsetMap;
}): { doc?: SourceDocument; problems: ImportProblem[] } {
  const filled = fillPlaceholders(input.text);
  const parsed = parseYaml(filled.text);
  const lines = new LineIndex(input.text);
  const partsWithoutData = { ...input, lines, places: parsed.places };
  const locator = new SourceDocument({ ...partsWithoutData, data: undefined });
  const problems: ImportProblem[] = parsed.problems.map((problem) => ({
    // A repeated key is a defect of the export, not of its syntax: the parser keeps one of the values.
    ruleId: problem.kind === 'yaml-syntax' ? 'yaml-syntax' : 'schema',
    message: problem.message,
    loc: locator.rangeLocation(problem.range, problem.pointer),
  }));
  if (parsed.problems.some((problem) => problem.kind === 'yaml-syntax')) {
    const open = unclosedJson(filled.text);
    if (open === undefined) return { problems: onePerPlace(problems) };
    // The YAML parser reports a cut-off JSON export as a pile of errors at its end: one finding says what happened.
    const end = lines.positionAt(input.text.length);
    const range = { line: end.line, column: end.column, endLine: end.line, endColumn: end.column };
    return {
      problems: [{
        ruleId: 'yaml-syntax',
        message: `${input.prefix === '' ? 'the file' : 'the text'} ends inside ${open}: it looks cut off (a truncated or partly copied export)`,
        loc: locator.rangeLocation(range, ''),
      }],
    };
  }
  if (parsed.data === undefined || parsed.data === null) {
    problems.push({ ruleId: 'schema', message: 'the file is empty', loc: locator.locate('') });
    return { problems };
  }
  const data = restoreInData(parsed.data, filled.fills);
  return { doc: new SourceDocument({ ...partsWithoutData, data }), problems };
}

/**
 * For JSON text that ends before it is complete: what is left open at the end (a string, an object, a
 * list), in words; undefined when the text is not JSON-like or closes everything it opens.
 */
export function unclosedJson(text: string): string | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  const open: string[] = [];
  let inString = false;
  for (let i = text.indexOf(first); i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') open.push(ch);
    else if (ch === '}' || ch === ']') {
      if (open.pop() !== (ch === '}' ? '{' : '[')) return undefined; // mismatched: some other syntax error
      if (open.length === 0) return undefined; // the document closes; whatever follows is another error
    }
  }
  if (inString) return 'a string';
  const last = open.at(-1);
  return last === undefined ? undefined : last === '{' ? 'an unclosed `{`' : 'an unclosed `[`';
}

/** Parser errors often repeat at one place (every open collection fails there): one finding per place. */
function onePerPlace(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.ruleId}:${problem.loc.line}:${problem.loc.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Decodes the JSON string literal starting at `start` (its opening quote) and records, for each decoded
 * character, its offset from the opening quote, plus one entry for the closing quote.
 */
export function decodeJsonString(text: string, start: number): { text: string; map: number[] } | undefined {
  if (text[start] !== '"') return undefined;
  let decoded = '';
  const map: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      map.push(i - start);
      return { text: decoded, map };
    }
    if (ch === '\n') return undefined;
    if (ch !== '\\') {
      decoded += ch;
      map.push(i - start);
      i += 1;
      continue;
    }
    const escape = text[i + 1];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (escape !== undefined && Object.hasOwn(simple, escape)) {
      decoded += simple[escape];
      map.push(i - start);
      i += 2;
    } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      decoded += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      map.push(i - start);
      i += 6;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Joins keys onto a pointer, escaping each one. */
export function child(pointer: string, ...keys: Array<string | number>): string {
  return keys.reduce<string>((result, key) => `${result}/${pointerSegment(String(key))}`, pointer);
}
