// Walks over graphs in compressed sparse row form: strongly connected components (Tarjan's
// algorithm with an explicit stack, so flows of 100,000 nodes in one chain do not overflow the
// call stack), reachability and predecessor lists.

export interface Components {
  /** Component index of each vertex. */
  componentOf: Int32Array;
  /**
   * Vertices of each component, in reverse topological order: every component appears before
   * any component that has an edge into it (sinks first). Process them in this order to have the
   * successors' values ready; process them backwards to go from the entry outwards.
   */
  components: number[][];
}

/** The graph in compressed sparse row form: the successors of v are targets[offsets[v] .. offsets[v+1]). */
export interface CsrGraph {
  size: number;
  offsets: Int32Array;
  targets: Int32Array;
}

export function stronglyConnectedComponents(graph: CsrGraph): Components {
  const { size, offsets, targets } = graph;
  assertGraph(size, offsets, targets);
  const order = new Int32Array(size).fill(-1);
  const lowLink = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const componentOf = new Int32Array(size).fill(-1);
  const nextEdge = new Int32Array(size);
  const components: number[][] = [];
  const tarjanStack: number[] = [];
  const callStack: number[] = [];
  let counter = 0;

  for (let root = 0; root < size; root++) {
    if (order[root] !== -1) continue;
    callStack.push(root);
    order[root] = lowLink[root] = counter++;
    nextEdge[root] = offsets[root]!;
    tarjanStack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const vertex = callStack[callStack.length - 1]!;
      if (nextEdge[vertex]! < offsets[vertex + 1]!) {
        const successor = targets[nextEdge[vertex]!]!;
        nextEdge[vertex]!++;
        if (order[successor] === -1) {
          order[successor] = lowLink[successor] = counter++;
          nextEdge[successor] = offsets[successor]!;
          tarjanStack.push(successor);
          onStack[successor] = 1;
          callStack.push(successor);
        } else if (onStack[successor]) {
          lowLink[vertex] = Math.min(lowLink[vertex]!, order[successor]!);
        }
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent !== undefined) lowLink[parent] = Math.min(lowLink[parent]!, lowLink[vertex]!);
      if (lowLink[vertex] === order[vertex]) {
        const component: number[] = [];
        let member: number;
        do {
          member = tarjanStack.pop()!;
          onStack[member] = 0;
          componentOf[member] = components.length;
          component.push(member);
        } while (member !== vertex);
        components.push(component);
      }
    }
  }
  return { componentOf, components };
}

/** Builds a CSR graph from edge lists. */
export function toCsr(size: number, successors: (vertex: number) => Iterable<number>): CsrGraph {
  const offsets = new Int32Array(size + 1);
  const list: number[] = [];
  for (let vertex = 0; vertex < size; vertex++) {
    offsets[vertex] = list.length;
    for (const successor of successors(vertex)) list.push(successor);
  }
  offsets[size] = list.length;
  return { size, offsets, targets: Int32Array.from(list) };
}

/** Rejects a malformed CSR graph with a RangeError rather than reading out of bounds. */
export function assertGraph(size: number, offsets: Int32Array, targets: Int32Array): void {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`graph: size must be an integer >= 0, got ${size}`);
  if (offsets.length !== size + 1) {
    throw new RangeError(`graph: offsets has length ${offsets.length}, expected size + 1 = ${size + 1}`);
  }
  if (offsets[0] !== 0 || offsets[size] !== targets.length) {
    throw new RangeError('graph: offsets must start at 0 and end at the number of edges');
  }
  for (let i = 0; i < size; i++) {
    if (offsets[i + 1] < offsets[i]) throw new RangeError(`graph: offsets decrease at state ${i}`);
  }
  for (let e = 0; e < targets.length; e++) {
    if (targets[e] < 0 || targets[e] >= size) throw new RangeError(`graph: edge ${e} targets ${targets[e]}, outside the chain`);
  }
}

/** Breadth-first reachability: every vertex is reached, but only those `expand` allows lead on. */
export function reachable(graph: CsrGraph, start: number, expand: (vertex: number) => boolean): Uint8Array {
  const seen = new Uint8Array(graph.size);
  if (start < 0) return seen;
  const queue = [start];
  seen[start] = 1;
  for (let head = 0; head < queue.length; head++) {
    const vertex = queue[head]!;
    if (!expand(vertex)) continue;
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) {
      const next = graph.targets[slot]!;
      if (!seen[next]) {
        seen[next] = 1;
        queue.push(next);
      }
    }
  }
  return seen;
}

/** The reversed graph: the predecessors of v are targets[offsets[v] .. offsets[v+1]), in vertex order. Two typed arrays, not a list per vertex. */
export function reversed(graph: CsrGraph): CsrGraph {
  const { size, offsets, targets } = graph;
  const reverseOffsets = new Int32Array(size + 1);
  for (let slot = 0; slot < targets.length; slot++) reverseOffsets[targets[slot]! + 1]!++;
  for (let vertex = 0; vertex < size; vertex++) reverseOffsets[vertex + 1]! += reverseOffsets[vertex]!;
  const fill = reverseOffsets.slice(0, size);
  const sources = new Int32Array(targets.length);
  for (let vertex = 0; vertex < size; vertex++) {
    for (let slot = offsets[vertex]!; slot < offsets[vertex + 1]!; slot++) sources[fill[targets[slot]!]!++] = vertex;
  }
  return { size, offsets: reverseOffsets, targets: sources };
}

/** The predecessors of each vertex. */
export function incomingLists(graph: CsrGraph): number[][] {
  const incoming: number[][] = Array.from({ length: graph.size }, () => []);
  for (let vertex = 0; vertex < graph.size; vertex++) {
    for (let slot = graph.offsets[vertex]!; slot < graph.offsets[vertex + 1]!; slot++) incoming[graph.targets[slot]!]!.push(vertex);
  }
  return incoming;
}
