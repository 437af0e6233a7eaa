// Wording shared by rule messages, so every rule names nodes and exits the same way.
import { msg, render, type Msg } from '../i18n/index.js';
import { EXIT_KEY, type Edge, type FlowNode } from '../model/flow.js';

/** "menu `main`", in any language. */
export function nodeMsg(node: Pick<FlowNode, 'type' | 'id'>): Msg {
  return msg('node.name', { type: node.type, id: node.id });
}

/** "menu `main`" */
export function nodeName(node: Pick<FlowNode, 'type' | 'id'>): string {
  return render('en', nodeMsg(node));
}

/** "menu `main`" after "of" (Spanish "del menú `main`"). */
export function nodeOfMsg(node: Pick<FlowNode, 'type' | 'id'>): Msg {
  return msg('node.of', { type: node.type, id: node.id });
}

/** "`onNoMatch`", "option `1`", "case 2", in any language. */
export function exitMsg(edge: Edge): Msg {
  if (edge.kind === 'option') return msg('exit.option', { key: edge.label.slice('option:'.length) });
  if (edge.kind === 'case') return msg('exit.case', { number: Number(edge.label.slice('case:'.length)) + 1 });
  return msg('exit.key', { key: EXIT_KEY[edge.kind] });
}

/** "`onNoMatch`", "option `1`", "case 2" */
export function exitName(edge: Edge): string {
  return render('en', exitMsg(edge));
}

/** Steps kept at each end of a long journey, so output stays proportional to the flow. */
export const PATH_ENDS = 5;

/**
 * The journey's ids, or for a long one its first and last few with the count of those left out
 * between them (a subflow bomb has journeys of hundreds of thousands of steps).
 */
export function elidedPath(ids: readonly string[]): string[] {
  if (ids.length <= PATH_ENDS * 2 + 1) return [...ids];
  return [...ids.slice(0, PATH_ENDS), `… ${(ids.length - PATH_ENDS * 2).toLocaleString('en-US')} more steps …`, ...ids.slice(-PATH_ENDS)];
}

/** "a → b → c" */
export function pathText(ids: readonly string[]): string {
  return elidedPath(ids).join(' → ');
}

/** True when the flow's source does not say what this key of the node is (see `FlowNode.unknown`). */
export function isUnknown(node: FlowNode, key: string): boolean {
  return node.unknown?.has(key) === true;
}
