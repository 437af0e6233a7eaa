// Wording shared by rule messages, so every rule names nodes and exits the same way.
import { EXIT_KEY, type Edge, type FlowNode } from '../model/flow.js';


/** "menu `main`" */
export function nodeName(node: FlowNode): string {
  return `${node.type} \`${node.id}\``;
}

/** "`onNoMatch`", "option `1`", "case 2" */
export function exitName(edge: Edge): string {
  if (edge.kind === 'option') return `option \`${edge.label.slice('option:'.length)}\``;
  if (edge.kind === 'case') return `case ${Number(edge.label.slice('case:'.length)) + 1}`;
  return `\`${EXIT_KEY[edge.kind]}\``;
}

/** "a → b → c" */
export function pathText(ids: readonly string[]): string {
  return ids.join(' → ');
}

/** True when the flow's source does not say what this key of the node is (see `FlowNode.unknown`). */
export function isUnknown(node: FlowNode, key: string): boolean {
  return node.unknown?.has(key) === true;
}
