// Facts about one flow, computed once on first use and shared by every rule.
import type { Flow } from '../model/flow.js';
import { buildGraph, reachableFrom, type FlowGraph } from './graph.js';
import { stronglyConnectedComponents, type Components } from './scc.js';

export class Facts {
  readonly flow: Flow;
  #graph?: FlowGraph;
  #reachable?: Uint8Array;
  #components?: Components;

  constructor(flow: Flow) {
    this.flow = flow;
  }

  get graph(): FlowGraph {
    return (this.#graph ??= buildGraph(this.flow));
  }

  /** 1 for each node a caller can reach from `entry`. */
  get reachable(): Uint8Array {
    return (this.#reachable ??= reachableFrom(this.graph, this.graph.entry));
  }

  get components(): Components {
    return (this.#components ??= stronglyConnectedComponents(this.graph));
  }
}
