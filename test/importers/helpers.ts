// Shared helpers of the importer tests: where the files are, and edges written the same way for a Flow
// and for the format v1 YAML that flowToYaml writes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { Flow, FlowNode } from '../../src/model/flow.js';
import { importFlow, type ImportFormat, type ImportResult } from '../../src/load/importers/index.js';

/** Real public exports, copied into the repository with their sources and licenses (SOURCES.md there). */
export const REFERENCE_ROOT = fileURLToPath(new URL('../../fixtures/platform/', import.meta.url));
export const FIXTURE_ROOT = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));

export interface FlowFile {
  platform: ImportFormat;
  /** Path as given to the importer (relative, for readable messages). */
  name: string;
  path: string;
}

/** Every export under a root, by platform folder. */
export function flowFiles(root: string): FlowFile[] {
  return (['connect', 'twilio', 'genesys'] as const).flatMap((platform) =>
    readdirSync(join(root, platform))
      .filter((name) => /\.(json|ya?ml)$/.test(name))
      .sort()
      .map((name) => ({ platform, name: `${platform}/${name}`, path: join(root, platform, name) })));
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Imports a fixture by its path under fixtures/import, e.g. `connect/legacy.json`. */
export function importFixture(name: string): ImportResult & { text: string } {
  const text = read(join(FIXTURE_ROOT, name));
  const result = importFlow(name, text);
  if (!result) throw new Error(`${name} was not detected as an export`);
  return { ...result, text };
}

export function flowOf(result: ImportResult): Flow {
  if (!result.flow) throw new Error(`no flow: ${JSON.stringify(result.problems)}`);
  return result.flow;
}

/** The text from a 1-based line and column to the end of that line. */
export function textAt(text: string, line: number, column: number): string {
  return (text.split('\n')[line - 1] ?? '').slice(column - 1);
}

/** Edges of a flow as `from | label | to`, sorted. */
export function flowEdges(flow: Flow): string[] {
  return [...flow.nodes.values()].flatMap((node) => node.edges.map((edge) => `${edge.from} | ${edge.label} | ${edge.to}`)).sort();
}

const YAML_EXITS: Readonly<Record<string, string>> = {
  next: 'next',
  default: 'default',
  onNoInput: 'noInput',
  onNoMatch: 'noMatch',
  onTimeout: 'timeout',
  onFull: 'full',
  onNoAnswer: 'noAnswer',
  onBusy: 'busy',
  onError: 'error',
  open: 'open',
  closed: 'closed',
  holiday: 'holiday',
};

/** Node ids and edges of a format v1 YAML text, read from the YAML tree (ids such as `__proto__` stay keys). */
export function yamlGraph(text: string): { version: unknown; entry: unknown; ids: string[]; edges: string[] } {
  const doc = parseDocument(text);
  const nodes = doc.get('nodes') as YAMLMap;
  const ids: string[] = [];
  const edges: string[] = [];
  for (const pair of nodes.items) {
    const id = String(isScalar(pair.key) ? pair.key.value : pair.key);
    ids.push(id);
    const node = pair.value as YAMLMap;
    for (const field of node.items) {
      const key = String(isScalar(field.key) ? field.key.value : field.key);
      const value = field.value;
      if (Object.hasOwn(YAML_EXITS, key) && isScalar(value)) edges.push(`${id} | ${YAML_EXITS[key]} | ${String(value.value)}`);
      if (key === 'options' && isMap(value)) {
        for (const option of value.items) {
          const optionKey = String(isScalar(option.key) ? option.key.value : option.key);
          const target = isScalar(option.value) ? option.value.value : (option.value as YAMLMap).get('next');
          edges.push(`${id} | option:${optionKey} | ${String(target)}`);
        }
      }
      if (key === 'cases' && isSeq(value)) {
        (value.toJSON() as Array<{ next: string }>).forEach((branchCase, index) => {
          edges.push(`${id} | case:${index} | ${branchCase.next}`);
        });
      }
    }
  }
  return { version: doc.get('version'), entry: doc.get('entry'), ids, edges: edges.sort() };
}

export function nodeOf(flow: Flow, id: string): FlowNode {
  const node = flow.nodes.get(id);
  if (!node) throw new Error(`no node ${id}; nodes: ${[...flow.nodes.keys()].join(', ')}`);
  return node;
}

/** `label -> target` of a node's exits, in order. */
export function exits(flow: Flow, id: string): string[] {
  return nodeOf(flow, id).edges.map((edge) => `${edge.label} -> ${edge.to}`);
}
