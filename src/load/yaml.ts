import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode } from 'yaml';
import type { SourceRange } from '../model/flow.js';
import { pointerSegment } from '../util/pointer.js';
export { pointerSegment };

/** Where one value of the document is written: its key (for mapping values) and the value itself. */
export interface Place {
  key?: SourceRange;
  value: SourceRange;
}

export interface YamlProblem {
  kind: 'yaml-syntax' | 'duplicate-key';
  message: string;
  range: SourceRange;
  pointer: string;
  /** For a duplicate key: where the key was first written. */
  first?: SourceRange;
}

export interface ParsedYaml {
  /** The document as plain data; undefined for an empty document or one that failed to parse. */
  data: unknown;
  /** Every key and value of the document by JSON pointer ('' is the root). */
  places: Map<string, Place>;
  problems: YamlProblem[];
  /** Comments of the document by line, for inline directives. */
  lineCounter: LineCounter;
}

export function toRange(lineCounter: LineCounter, start: number, end: number): SourceRange {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/** Removes a byte-order mark so that columns on the first line match what editors show. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Aliases expanded per document: a billion-laughs file stops here instead of filling memory. */
export const MAX_ALIAS_COUNT = 100;
export const TOO_DEEP = 'the document is nested too deeply to read';

/**
 * Tags that only restate what plain YAML already reads. Any other (`!!js/function`, `!foo`,
 * `!!binary`, `!!set`) is refused: it would build something other than text, numbers, lists and
 * mappings, and nothing in a flow is ever executed or constructed from a tag.
 */
const PLAIN_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

/**
 * Parses YAML (or JSON) keeping the position of every key and value.
 *
 * `uniqueKeys` is off because the yaml package checks it in quadratic time; duplicate keys are
 * found here instead, in one linear pass over each mapping. Merge keys (`<<: *defaults`) are
 * merged, as YAML 1.1 readers and most flow authors expect.
 */
export function parseYaml(source: string): ParsedYaml {
  const text = stripBom(source);
  const lineCounter = new LineCounter();
  const problems: YamlProblem[] = [];
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    // Text files hold no NUL; one means a binary, a corrupted file or an unsupported encoding.
    lineCounter.addNewLine(0);
    for (let index = text.indexOf('\n'); index >= 0 && index < nul; index = text.indexOf('\n', index + 1)) lineCounter.addNewLine(index + 1);
    problems.push({ kind: 'yaml-syntax', message: 'the file holds a NUL byte (\\0): it is not a text file', range: toRange(lineCounter, nul, nul + 1), pointer: '' });
    return { data: undefined, places: new Map(), problems, lineCounter };
  }
  const tooDeep = tooDeepAt(text);
  if (tooDeep !== undefined) {
    lineCounter.addNewLine(0);
    for (let index = text.indexOf('\n'); index >= 0 && index < tooDeep; index = text.indexOf('\n', index + 1)) lineCounter.addNewLine(index + 1);
    problems.push({ kind: 'yaml-syntax', message: TOO_DEEP, range: toRange(lineCounter, tooDeep, tooDeep), pointer: '' });
    return { data: undefined, places: new Map(), problems, lineCounter };
  }
  if (text.length >= PIECEWISE_MIN_CHARS) {
    const pieces = parseInPieces(text);
    if (pieces) return pieces;
  }
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, merge: true });
  } catch (error) {
    // Some nestings (`- - - ...` thousands deep) overflow the parser's stack outright.
    if (!(error instanceof RangeError)) throw error;
    return { data: undefined, places: new Map(), problems: [{ kind: 'yaml-syntax', message: TOO_DEEP, range: toRange(lineCounter, 0, 0), pointer: '' }], lineCounter };
  }
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    // The parser stops at a stack overflow on hostile nesting, often once per level: say it once, in words.
    const tooDeep = /call stack/i.test(error.message);
    if (tooDeep && problems.some((problem) => problem.message === TOO_DEEP)) continue;
    problems.push({
      kind: 'yaml-syntax',
      message: tooDeep ? TOO_DEEP : firstLine(error.message),
      range: toRange(lineCounter, start, end),
      pointer: '',
    });
  }
  const places = new Map<string, Place>();
  if (problems.length > 0) return { data: undefined, places, problems, lineCounter };

  collectPlaces(doc.contents, lineCounter, places, problems);
  if (problems.some((problem) => problem.kind === 'yaml-syntax')) return { data: undefined, places, problems, lineCounter };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // Alias bombs and documents nested too deeply for the stack end up here.
    problems.push({
      kind: 'yaml-syntax',
      message: error instanceof RangeError
        ? TOO_DEEP
        : `the document cannot be read: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      range: toRange(lineCounter, 0, 0),
      pointer: '',
    });
    data = undefined;
  }
  return { data: data ?? undefined, places, problems, lineCounter };
}

/**
 * Documents this large have their `nodes:` mapping parsed in pieces (see parseInPieces): yaml holds
 * a whole document's syntax tree and its Document at once, some 90 bytes for each byte of text.
 */
export const PIECEWISE_MIN_CHARS = 1024 * 1024;
const NODES_PER_PIECE = 2000;
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, merge: true } as const;

/**
 * A large format v1 document read as the whole-document parse would read it, with a fraction of
 * its memory: the entries of the top-level `nodes:` block mapping are parsed some thousands at a
 * time (each piece's syntax tree is garbage before the next is built), the rest of the document
 * with the entries blanked out (same offsets and lines). Undefined (parse the whole document)
 * whenever the result could differ: anything but plain block structure around the entries (tabs,
 * CR, document markers, directives, explicit keys, `__proto__`), a piece that does not parse
 * cleanly into exactly the entries it was cut at, aliases, or any problem at all (problems are
 * then reported by the whole parse, in its order).
 */
export function parseInPieces(text: string): ParsedYaml | undefined {
  if (/[\t\r]/.test(text) || /^(---|\.\.\.)(\s|$)|^%|^\s*\? /m.test(text) || text.includes('__proto__')) return undefined;
  const header = /^nodes:[ ]*(#.*)?\n/m.exec(text);
  if (!header || /^nodes:/m.test(text.slice(header.index + header[0].length))) return undefined;
  const bodyStart = header.index + header[0].length;
  // Entry lines: the indentation of the first line with content; the body ends at a line indented less.
  const lineStarts: number[] = [];
  let indent = -1;
  let bodyEnd = text.length;
  for (let at = bodyStart; at < text.length; ) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next + 1;
    const line = text.slice(at, end);
    const content = line.search(/[^ \n]/);
    if (content >= 0 && line[content] !== '#') {
      if (indent < 0) indent = content;
      if (content < indent) {
        bodyEnd = at;
        break;
      }
      if (content === indent) {
        // Only simple keys start an entry; anything else is left to the whole parse.
        if (!/^[A-Za-z0-9_"'-]/.test(line.slice(content))) return undefined;
        lineStarts.push(at);
      }
    }
    at = end;
  }
  if (indent <= 0 || lineStarts.length === 0) return undefined;
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineCounter.addNewLine(index + 1);
  const problems: YamlProblem[] = [];
  const places = new Map<string, Place>();
  const outerText = text.slice(0, bodyStart) + text.slice(bodyStart, bodyEnd).replace(/[^\n]/g, ' ') + text.slice(bodyEnd);
  const outer = cleanDocument(outerText);
  if (!outer || !isMap(outer.contents)) return undefined;
  collectPlaces(outer.contents, lineCounter, places, problems);
  const data = outer.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
  const nodesPlace = places.get('/nodes');
  if (problems.length > 0 || data === null || typeof data !== 'object' || data.nodes !== null || !nodesPlace?.key) return undefined;
  const nodes: Record<string, unknown> = {};
  const seen = new Map<string, SourceRange>();
  let first: number | undefined;
  let last = 0;
  for (let index = 0; index < lineStarts.length; index += NODES_PER_PIECE) {
    const offset = lineStarts[index]!;
    const end = index + NODES_PER_PIECE < lineStarts.length ? lineStarts[index + NODES_PER_PIECE]! : bodyEnd;
    const piece = cleanDocument(text.slice(offset, end));
    const map = piece?.contents;
    const starts = lineStarts.slice(index, index + NODES_PER_PIECE);
    // Exactly the entries it was cut at: a cut inside a multi-line value shows here or as an error.
    if (!piece || !isMap(map) || !map.range || map.items.length !== starts.length) return undefined;
    if (!map.items.every((pair, at) => isScalar(pair.key) && pair.key.range?.[0] === starts[at]! - offset + indent)) return undefined;
    collectPlaces(map, lineCounter, places, problems, { offset, pointer: '/nodes', seen });
    if (problems.length > 0) return undefined;
    first ??= map.range[0] + offset;
    last = map.range[1] + offset;
    Object.assign(nodes, piece.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  }
  data.nodes = nodes;
  places.set('/nodes', { key: nodesPlace.key, value: toRange(lineCounter, first!, last) });
  const outerRoot = outer.contents;
  const lastKey = outerRoot.items.at(-1)?.key;
  // When `nodes` is the last key, the document ends where its last entry does.
  if (isScalar(lastKey) && lastKey.value === 'nodes' && outerRoot.range) places.set('', { value: toRange(lineCounter, outerRoot.range[0], last) });
  return { data, places, problems, lineCounter };
}

/** The document of `text` when it parses without errors, warnings or aliases. */
function cleanDocument(text: string): ReturnType<typeof parseDocument> | undefined {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  // An alias is written `*name`: a text without a `*` has none, and needs no walk to find one.
  if (!text.includes('*')) return doc;
  let alias = false;
  visit(doc, {
    Alias: () => {
      alias = true;
      return visit.BREAK;
    },
  });
  return alias ? undefined : doc;
}

/**
 * Nesting refused before parsing. The parser recurses, and whether it overflows at 1,000 levels
 * depends on how much stack its caller left: below this bound it never does, so the same file
 * always gets the same findings. A flow nests a dozen levels.
 */
export const MAX_NESTING = 200;

/**
 * Where the nesting of `text` may pass MAX_NESTING, or undefined. An upper bound, cheap and
 * linear: block nesting is at most the width of a line's indentation and `- `, `? `, `: `
 * indicators; flow nesting is the count of open `[` and `{` outside quotes and comments.
 */
function tooDeepAt(text: string): number | undefined {
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let previous = '\n';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (previous === '\n' && quote === undefined && flow + indentationWidth(text, index) > MAX_NESTING) return index;
    previous = char;
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '#' && /\s/.test(text[index - 1] ?? ' ')) {
      const end = text.indexOf('\n', index);
      index = (end < 0 ? text.length : end) - 1;
    } else if ((char === '"' || char === "'") && /[\s,[{:-]/.test(text[index - 1] ?? ' ')) quote = char;
    else if (char === '[' || char === '{') {
      if (++flow > MAX_NESTING) return index;
    } else if ((char === ']' || char === '}') && flow > 0) flow--;
  }
  return undefined;
}

/** Columns of indentation and block indicators at the start of the line at `start`, counted up to the bound. */
function indentationWidth(text: string, start: number): number {
  let index = start;
  while (index - start <= MAX_NESTING) {
    const char = text[index];
    if (char === ' ' || char === '\t') index++;
    else if ((char === '-' || char === '?' || char === ':') && /[ \t\n]/.test(text[index + 1] ?? '\n')) index += 2;
    else break;
  }
  return index - start;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // yaml appends " at line L, column C:"; the finding carries the position already.
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function rangeAt(node: YamlNode, lineCounter: LineCounter, offset = 0): SourceRange | undefined {
  if (!node.range) return undefined;
  const [start, valueEnd] = node.range;
  return toRange(lineCounter, start + offset, valueEnd + offset);
}

/** Where a document parsed from a piece of the text sits in it: its offset and the pointer of its root. */
interface PieceOf {
  offset: number;
  pointer: string;
  /** Keys of the root mapping already seen in earlier pieces of the same mapping. */
  seen: Map<string, SourceRange>;
}

/** Walks the document without recursion (hostile files may nest deeply). */
function collectPlaces(
  root: unknown,
  lineCounter: LineCounter,
  places: Map<string, Place>,
  problems: YamlProblem[],
  piece?: PieceOf,
): void {
  if (!root || !(isMap(root) || isSeq(root) || isScalar(root) || isAlias(root))) return;
  const offset = piece?.offset ?? 0;
  const rangeOf = (node: YamlNode, lineCounter: LineCounter): SourceRange | undefined => rangeAt(node, lineCounter, offset);
  const rootRange = rangeOf(root, lineCounter);
  // A piece's root is part of a mapping whose place the caller sets.
  if (rootRange && !piece) places.set('', { value: rootRange });
  const stack: Array<{ node: YamlNode; pointer: string }> = [{ node: root, pointer: piece?.pointer ?? '' }];
  const checkTag = (node: unknown, pointer: string): void => {
    if (!(isScalar(node) || isMap(node) || isSeq(node)) || node.tag === undefined || PLAIN_TAGS.has(node.tag)) return;
    const range = rangeOf(node, lineCounter);
    if (!range) return;
    problems.push({ kind: 'yaml-syntax', message: `the tag ${shownTag(node.tag)} is not supported: write plain text, numbers, lists and mappings`, range, pointer });
  };
  checkTag(root, '');
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (isMap(node)) {
      const seen = piece && node === root ? piece.seen : new Map<string, SourceRange>();
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyText = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const keyRange = isScalar(keyNode) || isMap(keyNode) || isSeq(keyNode) ? rangeOf(keyNode, lineCounter) : undefined;
        const childPointer = `${pointer}/${pointerSegment(keyText)}`;
        checkTag(keyNode, childPointer);
        checkTag(pair.value, childPointer);
        const firstRange = seen.get(keyText);
        if (firstRange && keyRange) {
          problems.push({
            kind: 'duplicate-key',
            message: `key "${keyText}" is repeated (first written at line ${firstRange.line}); YAML readers would silently keep only one`,
            range: keyRange,
            pointer: childPointer,
            first: firstRange,
          });
          // Go on: the last value is the one the model keeps, so its positions win.
        } else if (keyRange) seen.set(keyText, keyRange);
        const valueNode = pair.value;
        const valueRange = isNodeWithRange(valueNode) ? rangeOf(valueNode, lineCounter) : undefined;
        const value = valueRange ?? keyRange;
        if (value) places.set(childPointer, { key: keyRange, value });
        if (isMap(valueNode) || isSeq(valueNode)) stack.push({ node: valueNode, pointer: childPointer });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const childPointer = `${pointer}/${index}`;
        checkTag(item, childPointer);
        const range = isNodeWithRange(item) ? rangeOf(item, lineCounter) : undefined;
        if (range) places.set(childPointer, { value: range });
        if (isMap(item) || isSeq(item)) stack.push({ node: item, pointer: childPointer });
      });
    }
  }
}

/** `!!name` for YAML's own tags, as written; local tags (`!foo`) as they are. */
function shownTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function isNodeWithRange(value: unknown): value is YamlNode {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}
