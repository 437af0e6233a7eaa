// Minimal edits of a flow file's text, for `--fix`: set one key of a mapping, touching nothing
// else, so comments, quoting, order and layout stay as the author wrote them. A file written as
// JSON gets JSON edits (quoted keys, its own indentation), so it stays JSON.
import { isAlias, isMap, isNode, isScalar, isSeq, parseDocument, Scalar, stringify, visit, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { splitPointer } from '../util/pointer.js';
import { stripBom } from './yaml.js';

export type EditValue = string | number | boolean;

/** Set the key at `pointer` (e.g. `/nodes/espera/music`) to `value`, adding it when absent. */
export interface TextEdit {
  pointer: string;
  value: EditValue;
}

export interface EditResult {
  text: string;
  /** Places changed: an edit reaching a place another edit already set (through an alias) counts once, and keeps the first value. */
  applied: number;
  /** Things the user should know about the edits, e.g. that the node edited is shared through an anchor. */
  notes: string[];
}

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/** Keys to add to one mapping, in edit order; a missing child mapping is added with its keys. */
interface Additions {
  pairs: Map<string, string>;
  children: Map<string, Map<string, string>>;
}

interface Style {
  json: boolean;
  newline: string;
  text: string;
}

/**
 * Applies the edits to a flow file's text. An edit whose parent mapping is missing is applied only
 * when the parent's parent exists (a `settings` block is created); others are skipped. An edit
 * through an alias (`support-hold: *hold`) edits the anchored node, once, and says so in `notes`.
 */
export function applyTextEdits(source: string, edits: readonly TextEdit[]): EditResult {
  const bom = source.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const text = stripBom(source);
  const style: Style = { json: isJsonText(text), newline: text.includes('\r\n') ? '\r\n' : '\n', text };
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return { text: source, applied: 0, notes: [] };
  const replacements = new Map<number, Splice>();
  const additions = new Map<YAMLMap, Additions>();
  const notes: string[] = [];
  let applied = 0;
  const anchors = new Set<string>();
  for (const edit of edits) {
    const passed: string[] = [];
    const path = splitPointer(edit.pointer);
    const key = path.pop();
    if (key === undefined) continue;
    const parent = mapAt(doc, path, passed);
    const planned = parent
      ? planInMap(parent, key, edit.value, style, replacements, additions)
      : planMissingParent(doc, path, key, edit.value, style, additions);
    // A shared definition is worth a note even when another name already set the place.
    if (parent) for (const anchor of passed) anchors.add(anchor);
    if (planned) applied++;
  }
  for (const anchor of anchors) {
    const names = namesSharing(doc, anchor);
    if (names.length > 1) notes.push(`${listed(names)} share one definition (&${anchor}): the change applies to each of them`);
  }
  const splices = [...replacements.values()];
  for (const [map, adding] of additions) {
    const splice = additionSplice(map, adding, style);
    if (splice) splices.push(splice);
  }
  // Back to front, so that earlier offsets stay valid.
  splices.sort((a, b) => b.at - a.at);
  let result = text;
  for (const { at, remove, insert } of splices) result = result.slice(0, at) + insert + result.slice(at + remove);
  return { text: bom + result, applied: result === text ? 0 : applied, notes };
}

/** A file whose whole text parses as JSON is kept JSON. */
function isJsonText(text: string): boolean {
  if (!/^\s*[{[]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The mapping at `path` (through mappings and lists), following aliases; the anchors passed are added to `anchors`. */
function mapAt(doc: Document, path: readonly string[], anchors: string[]): YAMLMap | undefined {
  let current: unknown = doc.contents;
  for (const segment of path) {
    if (isSeq(current) && /^(0|[1-9]\d*)$/.test(segment)) current = current.get(Number(segment), true);
    else if (isMap(current)) current = current.get(segment, true);
    else return undefined;
    if (isAlias(current)) current = current.resolve(doc);
    if (isNode(current) && current.anchor !== undefined) anchors.push(current.anchor);
  }
  return isMap(current) ? current : undefined;
}

/** Keys whose value is the anchored node, an alias of it, or a mapping that merges it (`<<: *anchor`). */
function namesSharing(doc: Document, anchor: string): string[] {
  const uses = (node: unknown): boolean => (isAlias(node) && node.source === anchor) || (isNode(node) && node.anchor === anchor);
  const merges = (value: unknown): boolean => isMap(value) && value.items.some((item) => isScalar(item.key) && item.key.value === '<<'
    && (uses(item.value) || (isSeq(item.value) && item.value.items.some(uses))));
  const names: string[] = [];
  visit(doc, {
    Pair(_, pair: Pair) {
      if (isScalar(pair.key) && pair.key.value !== '<<' && (uses(pair.value) || merges(pair.value))) names.push(String(pair.key.value));
    },
  });
  return names;
}

function listed(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

function planInMap(map: YAMLMap, key: string, value: EditValue, style: Style, replacements: Map<number, Splice>, additions: Map<YAMLMap, Additions>): boolean {
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  if (pair) {
    const node = pair.value as YamlNode | null;
    if (!isScalar(node) || !node.range) return false;
    const [start, end] = node.range;
    // Two names for one node (an alias) reach the same value: it is set once.
    if (replacements.has(start)) return false;
    replacements.set(start, { at: start, remove: end - start, insert: valueText(value, style, node) });
    return true;
  }
  const adding = additionsOf(additions, map);
  if (adding.pairs.has(key)) return false;
  adding.pairs.set(key, valueText(value, style));
  return true;
}

/** One missing level (a flow without `settings`): the mapping is added with its key. */
function planMissingParent(doc: Document, path: string[], key: string, value: EditValue, style: Style, additions: Map<YAMLMap, Additions>): boolean {
  const missing = path.pop();
  if (missing === undefined) return false;
  const grandparent = mapAt(doc, path, []);
  // A key that exists but is no mapping (an alias to a scalar, a list) is not replaced.
  if (!grandparent || grandparent.has(missing)) return false;
  const adding = additionsOf(additions, grandparent);
  const child = adding.children.get(missing) ?? new Map<string, string>();
  adding.children.set(missing, child);
  if (child.has(key)) return false;
  child.set(key, valueText(value, style));
  return true;
}

function additionsOf(additions: Map<YAMLMap, Additions>, map: YAMLMap): Additions {
  let adding = additions.get(map);
  if (!adding) {
    adding = { pairs: new Map(), children: new Map() };
    additions.set(map, adding);
  }
  return adding;
}

function additionSplice(map: YAMLMap, adding: Additions, style: Style): Splice | undefined {
  if (map.flow) {
    const pairs = [...adding.pairs].map(([key, value]) => `${keyText(key, style)}: ${value}`);
    for (const [name, child] of adding.children) pairs.push(`${keyText(name, style)}: { ${[...child].map(([key, value]) => `${keyText(key, style)}: ${value}`).join(', ')} }`);
    return flowInsertion(map, pairs, style);
  }
  const indent = indentOf(map, style.text);
  if (indent === undefined) return undefined;
  const lines = [...adding.pairs].map(([key, value]) => `${indent}${keyText(key, style)}: ${value}`);
  for (const [name, child] of adding.children) {
    lines.push(`${indent}${keyText(name, style)}:`, ...[...child].map(([key, value]) => `${indent}  ${keyText(key, style)}: ${value}`));
  }
  return blockInsertion(map, style.text, lines.join(style.newline), style.newline);
}

/**
 * Pairs added to a `{ ... }` mapping: after its last pair, each on its own line with the last
 * pair's indentation when the mapping spans lines (as JSON files are written), else inline.
 */
function flowInsertion(map: YAMLMap, pairs: readonly string[], style: Style): Splice | undefined {
  if (!map.range || pairs.length === 0) return undefined;
  const { text } = style;
  const open = text.indexOf('{', map.range[0]);
  const last = map.items.at(-1);
  if (!last) {
    const close = text.lastIndexOf('}', map.range[1]);
    if (open < 0 || close < open) return undefined;
    return { at: open + 1, remove: close - open - 1, insert: ` ${pairs.join(', ')} ` };
  }
  const lastKey = last.key as YamlNode | null;
  const lastValue = last.value as YamlNode | null;
  const end = lastValue?.range?.[1] ?? lastKey?.range?.[1];
  if (end === undefined || !lastKey?.range) return undefined;
  const keyStart = lastKey.range[0];
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const onOwnLine = lineStart > open && /^[ \t]*$/.test(text.slice(lineStart, keyStart));
  if (onOwnLine) {
    const indent = text.slice(lineStart, keyStart);
    return { at: end, remove: 0, insert: pairs.map((pair) => `,${style.newline}${indent}${pair}`).join('') };
  }
  return { at: end, remove: 0, insert: pairs.map((pair) => `, ${pair}`).join('') };
}

/** Inserts whole lines after the last line of a block mapping. */
function blockInsertion(map: YAMLMap, text: string, lines: string, newline: string): Splice | undefined {
  if (!map.range) return undefined;
  const end = map.range[1];
  const lineEnd = text.indexOf('\n', Math.max(0, end - 1));
  if (lineEnd < 0) return { at: text.length, remove: 0, insert: `${newline}${lines}${newline}` };
  return { at: lineEnd + 1, remove: 0, insert: `${lines}${newline}` };
}

/** The indentation of a block mapping's keys, from its first key. */
function indentOf(map: YAMLMap, text: string): string | undefined {
  const first = map.items[0]?.key as YamlNode | undefined;
  if (!first?.range) return map.items.length === 0 ? '' : undefined;
  const start = first.range[0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return text.slice(lineStart, start).replace(/[^ \t]/g, ' ');
}

function keyText(key: string, style: Style): string {
  return style.json ? JSON.stringify(key) : stringify(key).trimEnd();
}

/** A value as JSON in a JSON file; in YAML, in the quoting of the value it replaces when there is one. */
function valueText(value: EditValue, style: Style, replacing?: Scalar): string {
  if (typeof value !== 'string') return String(value);
  if (style.json || replacing?.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (replacing?.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return stringify(value).trimEnd();
}
