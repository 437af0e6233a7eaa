// Completion in a format v1 YAML buffer: node ids wherever an exit (or `entry`) is written, node
// types after `type:`, other enumerated values, and the keys the JSON schema allows where a key
// goes, with the schema's descriptions.
import { readFileSync } from 'node:fs';
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { parseYaml } from '../load/yaml.js';
import { visible } from '../report/escape.js';
import { cursorContext, type YamlPath } from './yaml-context.js';

interface Schema {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  type?: string;
  discriminator?: { propertyName: string };
  $defs?: Record<string, Schema>;
}

let schema: Schema | undefined;

function callflowSchema(): Schema {
  return (schema ??= JSON.parse(readFileSync(new URL('../../schemas/callflow.schema.json', import.meta.url), 'utf8')) as Schema);
}

const TARGET = '#/$defs/target';

function deref(node: Schema): Schema {
  if (node.$ref === undefined || node.$ref === TARGET) return node;
  const name = node.$ref.replace('#/$defs/', '');
  return { ...callflowSchema().$defs![name]!, ...(node.description === undefined ? {} : { description: node.description }) };
}

/** The node variants a `type` value picks (`menu` → menuNode); every variant when the type is unknown. */
function variants(node: Schema, type: unknown): Schema[] {
  const all = (node.oneOf ?? []).map(deref);
  const picked = all.filter((variant) => variant.properties?.type?.const === type);
  return picked.length > 0 ? picked : all;
}

/** The schemas that may hold the value at `path`; `nodeType` picks a node's variant. */
function schemasAt(path: YamlPath, typeAt: (depth: number) => unknown): Schema[] {
  let current: Schema[] = [callflowSchema()];
  path.forEach((segment, depth) => {
    const next: Schema[] = [];
    for (const candidate of current.flatMap(alternatives)) {
      if (segment === '[]') {
        if (candidate.items) next.push(deref(candidate.items));
      } else if (candidate.properties?.[segment]) next.push(deref(candidate.properties[segment]!));
      else if (typeof candidate.additionalProperties === 'object') next.push(deref(candidate.additionalProperties));
    }
    current = next.flatMap((candidate) => (candidate.discriminator ? variants(candidate, typeAt(depth + 1)) : [candidate]));
  });
  return current;
}

function alternatives(node: Schema): Schema[] {
  const listed = [...(node.anyOf ?? []), ...(node.discriminator ? [] : node.oneOf ?? [])];
  return [node, ...listed.map(deref)];
}

function isTarget(node: Schema): boolean {
  return node.$ref === TARGET || alternatives(node).some((alternative) => alternative.$ref === TARGET);
}

export function completions(text: string, position: Position): CompletionItem[] {
  // JSON buffers are platform exports (or v1 written as JSON): completion is for YAML flows.
  if (/^\s*[{[]/.test(text)) return [];
  const context = cursorContext(text, position.line, position.character);
  if (!context) return [];
  const data = parsedData(text, position.line);
  const typeAt = (depth: number): unknown => valueAt(data, [...context.path.slice(0, depth), 'type']);
  if (context.writing === 'value') {
    const holders = context.path.length === 0 && context.key === 'entry'
      ? [{ $ref: TARGET }]
      : schemasAt([...context.path, context.key!], typeAt);
    if (holders.some(isTarget)) return nodeIds(data, text);
    if (context.key === 'type' && context.path.length === 2 && context.path[0] === 'nodes') return nodeTypes();
    return holders.flatMap(alternatives).flatMap((holder) => holder.enum ?? (holder.type === 'boolean' ? [true, false] : [])).map((value) => ({ label: String(value), kind: CompletionItemKind.Value }));
  }
  const present = valueAt(data, context.path);
  const written = present !== null && typeof present === 'object' ? new Set(Object.keys(present)) : new Set<string>();
  const items = new Map<string, CompletionItem>();
  for (const holder of schemasAt(context.path, typeAt).flatMap(alternatives)) {
    for (const [key, property] of Object.entries(holder.properties ?? {})) {
      if (written.has(key) || items.has(key)) continue;
      const description = deref(property).description;
      items.set(key, {
        label: key,
        kind: CompletionItemKind.Property,
        insertText: `${key}: `,
        ...(description === undefined ? {} : { documentation: { kind: MarkupKind.Markdown, value: description } }),
      });
    }
  }
  return [...items.values()];
}

function nodeTypes(): CompletionItem[] {
  const node = callflowSchema().$defs!.node!;
  return (node.oneOf ?? []).map(deref).map((variant) => ({
    label: String(variant.properties?.type?.const),
    kind: CompletionItemKind.EnumMember,
    ...(variant.description === undefined ? {} : { documentation: variant.description }),
  }));
}

/**
 * The buffer as data. A half-typed line often breaks the YAML: then the buffer without that line;
 * undefined when it still does not parse.
 */
function parsedData(text: string, line: number): unknown {
  const whole = parseYaml(text);
  if (whole.problems.every((problem) => problem.kind !== 'yaml-syntax')) return whole.data;
  const lines = text.split('\n');
  lines[line] = '';
  const without = parseYaml(lines.join('\n'));
  return without.problems.every((problem) => problem.kind !== 'yaml-syntax') ? without.data : undefined;
}

/** The keys written one level under `nodes:`, read line by line, for a buffer that does not parse. */
function nodeIdsOfLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^nodes:\s*(#.*)?$/.test(line));
  const ids: string[] = [];
  let indent: number | undefined;
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const own = /^\s*/.exec(line)![0].length;
    if (own === 0) break;
    indent ??= own;
    const key = own === indent ? /^\s*("[^"]*"|'[^']*'|[^\s:#]+)\s*:/.exec(line) : null;
    if (key) ids.push(key[1]!.replace(/^(["'])(.*)\1$/, '$2'));
  }
  return ids;
}

/** The buffer's node ids, with their type and label when the buffer parses. */
function nodeIds(data: unknown, text: string): CompletionItem[] {
  const nodes = valueAt(data, ['nodes']);
  const parsed = nodes !== null && typeof nodes === 'object' && !Array.isArray(nodes) ? Object.entries(nodes as Record<string, unknown>) : undefined;
  const entries = parsed ?? nodeIdsOfLines(text).map((id) => [id, undefined] as const);
  return entries.map(([id, node]) => {
    const fields = node !== null && typeof node === 'object' ? (node as { type?: unknown; label?: unknown }) : {};
    return {
      label: id,
      kind: CompletionItemKind.Reference,
      ...(typeof fields.type === 'string' ? { detail: `${fields.type}${typeof fields.label === 'string' ? ` · ${visible(fields.label)}` : ''}` } : {}),
    };
  });
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const segment of path) {
    if (segment === '[]' || current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
