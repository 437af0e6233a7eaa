// Where each node of the buffer is written: its whole entry (for hover and symbols) and its key.
import type { Range } from 'vscode-languageserver';
import { parseYaml } from '../load/yaml.js';
import type { FlowNode } from '../model/flow.js';
import { joinPointer } from '../util/pointer.js';
import type { LintedDocument } from './documents.js';
import { toRange } from './positions.js';

export interface NodeSpan {
  node: FlowNode;
  /** The node's key and its value. */
  range: Range;
  /** Its key (or, for an imported flow, where the importer found it). */
  selection: Range;
}

const spansOf = new WeakMap<LintedDocument, NodeSpan[]>();

/** The nodes of the flow the buffer was linted as, in source order. */
export function nodeSpans(linted: LintedDocument): NodeSpan[] {
  const known = spansOf.get(linted);
  if (known) return known;
  const flow = linted.analysis?.flow;
  const spans: NodeSpan[] = [];
  if (flow) {
    // A format v1 file has each node's mapping in its YAML; an imported flow has the place the importer gave.
    const places = flow.format === 'ivr-audit' ? parseYaml(linted.text).places : undefined;
    for (const node of flow.nodes.values()) {
      const selection = toRange(node.loc);
      const place = places?.get(joinPointer('/nodes', node.id));
      const range = place ? { start: selection.start, end: toRange(place.value).end } : selection;
      spans.push({ node, range, selection });
    }
  }
  spans.sort((a, b) => a.selection.start.line - b.selection.start.line || a.selection.start.character - b.selection.start.character);
  spansOf.set(linted, spans);
  return spans;
}
