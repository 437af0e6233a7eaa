// Where the cursor is in a YAML buffer that may be half typed (and so not parse): the keys above
// it, read from the indentation, and whether a key or a value is being written.

/** `[]` stands for an item of a list. */
export type YamlPath = string[];

export interface CursorContext {
  /** Keys from the document's root to the mapping the cursor is in. */
  path: YamlPath;
  /** A key being typed, or the value of `key`. */
  writing: 'key' | 'value';
  /** For a value: its key. */
  key?: string;
  /** What is typed so far of the word at the cursor. */
  prefix: string;
}

interface LineShape {
  indent: number;
  /** Indentation of the key on a `- key:` line, else `indent`. */
  keyIndent: number;
  dash: boolean;
  key?: string;
}

const KEY = String.raw`("[^"]*"|'[^']*'|[^\s:#'"{}\[\],][^:#{}\[\],]*?)`;
const LINE = new RegExp(String.raw`^(\s*)(-\s+)?(?:${KEY}\s*:(?:\s|$))?`);

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

function shapeOf(line: string): LineShape | undefined {
  if (/^\s*(#|$)/.test(line)) return undefined;
  const match = LINE.exec(line)!;
  const indent = match[1]!.length;
  const dash = match[2] !== undefined;
  return { indent, keyIndent: indent + (match[2]?.length ?? 0), dash, ...(match[3] !== undefined ? { key: unquote(match[3]) } : {}) };
}

/** The keys above a line indented `indent`, nearest last. */
function parentsOf(lines: readonly string[], lineIndex: number, indent: number): YamlPath {
  const path: YamlPath = [];
  let current = indent;
  for (let index = lineIndex - 1; index >= 0 && current > 0; index--) {
    const shape = shapeOf(lines[index]!);
    if (!shape) continue;
    if (shape.dash && shape.indent < current) {
      // A `- key: value` line: the cursor is under its key when indented past it, else beside it in the item.
      if (shape.key !== undefined && shape.keyIndent < current) path.unshift(shape.key);
      path.unshift('[]');
      current = shape.indent;
    } else if (shape.key !== undefined && shape.keyIndent < current) {
      path.unshift(shape.key);
      current = shape.keyIndent;
    }
  }
  return path;
}

export function cursorContext(text: string, line: number, character: number): CursorContext | undefined {
  const lines = text.split(/\r?\n/);
  const before = (lines[line] ?? '').slice(0, character);
  if (before.includes('#')) return undefined;
  const word = /[^\s:,{}\[\]"']*$/.exec(before)![0];
  const shape = shapeOf(before) ?? { indent: before.length, keyIndent: before.length, dash: false };
  const path = parentsOf(lines, line, shape.indent);
  if (shape.dash) path.push('[]');
  // `"1": { next: ta|` or `{ next: a, share: |`: a value in a flow mapping on this line.
  const inline = new RegExp(String.raw`^(.*)[{,]\s*${KEY}\s*:\s*[^,{}]*$`).exec(before);
  if (inline && shape.key !== undefined) return { path: [...path, shape.key], writing: 'value', key: unquote(inline[2]!), prefix: word };
  if (/[{,]\s*[^\s:,{}]*$/.test(before) && shape.key !== undefined) return { path: [...path, shape.key], writing: 'key', prefix: word };
  if (shape.key !== undefined) {
    const rest = before.slice(before.indexOf(':', shape.keyIndent + shape.key.length) + 1);
    // A value already in place and a space typed after it is not a value being written.
    if (/^\s*[^\s]*$/.test(rest)) return { path, writing: 'value', key: shape.key, prefix: word };
    return undefined;
  }
  return { path, writing: 'key', prefix: word };
}
