// Where each key of a node is written, kept as numbers: a map of location objects per node was
// a third of a large flow's model, and rules read a field's place only when they report on it.
import type { Flow, FlowNode, SourceLocation, SourceRange } from '../model/flow.js';
import { joinPointer } from '../util/pointer.js';

/** The places of a node's keys: a read-only map from key to location, each built when asked for. */
export class FieldLocs implements ReadonlyMap<string, SourceLocation> {
  readonly #file: string;
  readonly #pointer: string;
  readonly #keys: readonly string[];
  /** line, column, endLine, endColumn of each key's value, in the order of `keys`. */
  readonly #ranges: readonly number[];

  constructor(file: string, pointer: string, keys: readonly string[], rangeOf: (key: string) => SourceRange) {
    this.#file = file;
    this.#pointer = pointer;
    this.#keys = keys;
    const ranges: number[] = [];
    for (const key of keys) {
      const range = rangeOf(key);
      ranges.push(range.line, range.column, range.endLine, range.endColumn);
    }
    this.#ranges = ranges;
  }

  get size(): number {
    return this.#keys.length;
  }

  has(key: string): boolean {
    return this.#keys.includes(key);
  }

  get(key: string): SourceLocation | undefined {
    const index = this.#keys.indexOf(key);
    return index < 0 ? undefined : this.#at(index);
  }

  #at(index: number): SourceLocation {
    const ranges = this.#ranges;
    const at = 4 * index;
    return { file: this.#file, pointer: joinPointer(this.#pointer, this.#keys[index]!), line: ranges[at]!, column: ranges[at + 1]!, endLine: ranges[at + 2]!, endColumn: ranges[at + 3]! };
  }

  *entries(): MapIterator<[string, SourceLocation]> {
    for (let index = 0; index < this.#keys.length; index++) yield [this.#keys[index]!, this.#at(index)];
  }

  keys(): MapIterator<string> {
    return this.#keys.values();
  }

  *values(): MapIterator<SourceLocation> {
    for (let index = 0; index < this.#keys.length; index++) yield this.#at(index);
  }

  forEach(callback: (value: SourceLocation, key: string, map: ReadonlyMap<string, SourceLocation>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, SourceLocation]> {
    return this.entries();
  }
}

/**
 * The flow with its nodes' field places as plain Maps: what a worker thread sends back, since a
 * structured clone keeps a Map but drops a class's private fields.
 */
export function withClonableFieldLocs(flow: Flow): Flow {
  const nodes = new Map<string, FlowNode>();
  for (const [id, node] of flow.nodes) nodes.set(id, node.fieldLocs instanceof FieldLocs ? { ...node, fieldLocs: new Map(node.fieldLocs) } : node);
  return { ...flow, nodes };
}
