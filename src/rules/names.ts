// Readable names for machine-made node ids. Platforms such as Amazon Connect identify blocks by
// UUID; a person cannot read `_5282cb52-045b-…`. Importers give those nodes a label made from the
// export's own names and prompts, and human text names the node by it. JSON and SARIF keep the id
// in their id fields (`nodeId`, `path`), with the label beside it.
import type { Finding } from '../model/finding.js';
import { NODE_TYPES, type Flow, type FlowNode } from '../model/flow.js';
import type { Fix } from '../model/result.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** True for an id no person chose (it holds a UUID): such an id is named by its label. */
export function isMachineId(id: string): boolean {
  return UUID.test(id);
}

/** Node id → readable name, for the nodes whose id is machine-made and whose label is not. */
export type NodeNames = ReadonlyMap<string, string>;

export function readableNames(flows: Iterable<Flow>): Map<string, string> {
  const names = new Map<string, string>();
  for (const flow of flows) {
    for (const node of flow.nodes.values()) {
      const label = node.label?.trim();
      if (!label || !isMachineId(node.id) || isMachineId(label)) continue;
      names.set(node.id, label);
      // The platform's own spelling (an id made valid by a leading `_`), as data names carry it
      // (`customer input 5282cb52-…`).
      const raw = node.id.replace(/^_(?=[0-9])/, '');
      if (raw !== node.id && !names.has(raw)) names.set(raw, label);
    }
  }
  return names;
}

/**
 * A journey id (`verify/ask-pin`: the subflow nodes it is reached through, then the node) as people
 * read it: every machine-made id replaced by its label.
 */
export function readableJourneyId(journeyId: string, node: FlowNode, names: NodeNames): string {
  const context = readableText(journeyId.slice(0, journeyId.length - node.id.length), names);
  return `${context}${isMachineId(node.id) && node.label ? node.label : node.id}`;
}

/** How a node's name reads: its label when its id is machine-made, else the id. */
export function displayName(id: string, names: NodeNames): string {
  return names.get(id) ?? id;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every machine id of `names` in a text by the node's name. "menu `id`" becomes the label
 * alone, since a label says what the node is ("menu "For billing press 1…"", "Lambda checkBalance").
 */
export function readableText(text: string, names: NodeNames): string {
  if (names.size === 0 || !UUID.test(text)) return text;
  return text.replace(namePattern(names), (match, quoted: string | undefined, bare: string | undefined) => names.get(quoted ?? bare ?? '') ?? match);
}

const patterns = new WeakMap<NodeNames, RegExp>();

function namePattern(names: NodeNames): RegExp {
  let pattern = patterns.get(names);
  if (!pattern) {
    // Longest ids first, so that `id.agent` is not read as `id` followed by text.
    const ids = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const alternatives = ids.join('|');
    // A quoted id loses both quotes; a bare id must not run on into a longer word.
    pattern = new RegExp(`(?:\\b(?:${NODE_TYPES.join('|')}) )?(?:\`(${alternatives})\`|(${alternatives})(?![\\w-]|\\.\\w))`, 'g');
    patterns.set(names, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** The finding as people read it: names in its message, and its node's and path's labels beside the ids. */
export function nameFinding(finding: Finding, names: NodeNames): Finding {
  if (names.size === 0) return finding;
  const label = finding.nodeId === undefined ? undefined : names.get(finding.nodeId);
  const pathLabels = finding.path?.some((id) => names.has(lastStep(id))) ? finding.path.map((id) => displayName(lastStep(id), names)) : undefined;
  const places = finding.places?.map((place) => {
    const name = place.nodeId === undefined ? undefined : names.get(place.nodeId);
    return name === undefined ? place : { ...place, label: name };
  });
  return {
    ...finding,
    message: readableText(finding.message, names),
    ...(label === undefined ? {} : { label }),
    ...(pathLabels === undefined ? {} : { pathLabels }),
    ...(places === undefined ? {} : { places }),
  };
}

/** A fix as people read it: names in its title and description. */
export function nameFix(fix: Fix, names: NodeNames): Fix {
  if (names.size === 0) return fix;
  return { ...fix, title: readableText(fix.title, names), description: readableText(fix.description, names) };
}

/** `verify/ask-pin` → `ask-pin`: a step inside a subflow is named by its own id. */
function lastStep(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}
