// Document symbols (the nodes) and go to definition (from an exit, the entry or a subflow to where it leads).
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SymbolKind, type DocumentSymbol, type Location, type Position } from 'vscode-languageserver';
import type { NodeType } from '../model/flow.js';
import { visible } from '../report/escape.js';
import type { LintedDocument } from './documents.js';
import { nodeSpans } from './nodes.js';
import { rangeContains, toRange } from './positions.js';

/** How outlines draw each kind of step: a choice as an enum, a person as an object, the ends as null. */
const KINDS: Readonly<Record<NodeType, SymbolKind>> = {
  play: SymbolKind.String,
  menu: SymbolKind.Enum,
  input: SymbolKind.Field,
  branch: SymbolKind.Operator,
  transfer: SymbolKind.Event,
  queue: SymbolKind.Event,
  agent: SymbolKind.Object,
  deflect: SymbolKind.Event,
  notify: SymbolKind.Event,
  lookup: SymbolKind.Function,
  hours: SymbolKind.Operator,
  subflow: SymbolKind.Module,
  return: SymbolKind.Null,
  hangup: SymbolKind.Null,
};

export function documentSymbols(linted: LintedDocument): DocumentSymbol[] {
  return nodeSpans(linted).map(({ node, range, selection }) => ({
    name: visible(node.id),
    detail: node.label === undefined ? node.type : `${node.type} · ${visible(node.label)}`,
    kind: KINDS[node.type],
    range,
    selectionRange: selection,
  }));
}

export function definition(linted: LintedDocument, position: Position): Location | null {
  const flow = linted.analysis?.flow;
  if (!flow) return null;
  const here = (id: string): Location | null => {
    const target = flow.nodes.get(id);
    return target ? { uri: pathToFileURL(linted.path).href, range: toRange(target.loc) } : null;
  };
  if (rangeContains(toRange(flow.entryLoc), position)) return here(flow.entry);
  for (const node of flow.nodes.values()) {
    const edge = node.edges.find((candidate) => rangeContains(toRange(candidate.loc), position));
    if (edge) return here(edge.to);
    const file = node.type === 'subflow' && flow.format === 'ivr-audit' ? node.fieldLocs.get('flow') : undefined;
    if (node.type === 'subflow' && file && rangeContains(toRange(file), position)) {
      const start = { line: 0, character: 0 };
      return { uri: pathToFileURL(resolve(dirname(linted.path), node.flow)).href, range: { start, end: start } };
    }
  }
  return null;
}
