// Minimal edits of a YAML file's text, for `--fix`: set one key of a mapping, touching nothing
// else, so comments, quoting, order and layout stay as the author wrote them.
import { isMap, isScalar, parseDocument, stringify, type Node as YamlNode, type YAMLMap } from 'yaml';
import { splitPointer } from '../util/pointer.js';
import { stripBom } from './yaml.js';

export type EditValue = string | number | boolean;

/** Set the key at `pointer` (e.g. `/nodes/espera/music`) to `value`, adding it when absent. */
export interface TextEdit {
  pointer: string;
  value: EditValue;
}

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/**
 * Applies the edits to a YAML text. An edit whose parent mapping is missing is applied only when
 * the parent's parent exists (a `settings` block is created); others are skipped. Returns the new
 * text and how many edits were applied.
 */
export function applyTextEdits(source: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const bom = source.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const text = stripBom(source);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return { text: source, applied: 0 };
  const splices: Splice[] = [];
  const seen = new Set<string>();
  for (const edit of edits) {
    if (seen.has(edit.pointer)) continue;
    seen.add(edit.pointer);
    const splice = spliceFor(doc.contents, text, edit, newline);
    if (splice) splices.push(splice);
  }
  // Back to front, so that earlier offsets stay valid.
  splices.sort((a, b) => b.at - a.at);
  let result = text;
  for (const { at, remove, insert } of splices) result = result.slice(0, at) + insert + result.slice(at + remove);
  return { text: bom + result, applied: splices.length };
}

function spliceFor(root: unknown, text: string, edit: TextEdit, newline: string): Splice | undefined {
  const path = splitPointer(edit.pointer);
  const key = path.pop();
  if (key === undefined) return undefined;
  const parent = mapAt(root, path);
  if (parent) return setInMap(parent, text, key, edit.value, newline);
  // One missing level (a flow without `settings`): add the mapping with its key.
  const missing = path.pop();
  const grandparent = missing === undefined ? undefined : mapAt(root, path);
  if (!grandparent || missing === undefined) return undefined;
  const indent = indentOf(grandparent, text) ?? '';
  const child = `${indent}  ${key}: ${scalarText(edit.value)}`;
  return insertPair(grandparent, text, `${indent}${missing}:${newline}${child}`, newline);
}

function mapAt(root: unknown, path: readonly string[]): YAMLMap | undefined {
  let current: unknown = root;
  for (const segment of path) {
    if (!isMap(current)) return undefined;
    current = current.get(segment, true);
  }
  return isMap(current) ? current : undefined;
}

function setInMap(map: YAMLMap, text: string, key: string, value: EditValue, newline: string): Splice | undefined {
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  if (pair) {
    const node = pair.value as YamlNode | null;
    if (!isScalar(node) || !node.range) return undefined;
    const [start, end] = node.range;
    return { at: start, remove: end - start, insert: scalarText(value) };
  }
  if (map.flow) {
    if (!map.range) return undefined;
    const close = text.lastIndexOf('}', map.range[1]);
    if (close < 0) return undefined;
    const before = text.slice(0, close).trimEnd();
    const separator = before.endsWith('{') ? ' ' : ', ';
    return { at: before.length, remove: 0, insert: `${separator}${key}: ${scalarText(value)}${before.endsWith('{') ? ' ' : ''}` };
  }
  const indent = indentOf(map, text);
  if (indent === undefined) return undefined;
  return insertPair(map, text, `${indent}${key}: ${scalarText(value)}`, newline);
}

/** Inserts whole lines after the last line of a block mapping. */
function insertPair(map: YAMLMap, text: string, lines: string, newline: string): Splice | undefined {
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

function scalarText(value: EditValue): string {
  return typeof value === 'string' ? stringify(value).trimEnd() : String(value);
}
