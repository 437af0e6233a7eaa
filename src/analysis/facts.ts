// Facts about one flow, computed once on first use and shared by every rule.
import type { Program } from '../load/program.js';
import type { Flow, FlowNode } from '../model/flow.js';
import { buildGraph, type FlowGraph } from './graph.js';
import { singleFlowProgram } from './journey.js';
import { JourneyFacts } from './journey-facts.js';
import { reachable, stronglyConnectedComponents, type Components } from './scc.js';

export class Facts {
  readonly flow: Flow;
  readonly program: Program;
  #graph?: FlowGraph;
  #reachable?: Uint8Array;
  #components?: Components;
  #journey?: JourneyFacts;

  constructor(flow: Flow, program: Program = singleFlowProgram(flow)) {
    this.flow = flow;
    this.program = program;
  }

  /** The flow's own nodes and edges (subflows not inlined): what structural rules check. */
  get graph(): FlowGraph {
    return (this.#graph ??= buildGraph(this.flow));
  }

  /** 1 for each node a caller can reach from `entry`. */
  get reachable(): Uint8Array {
    return (this.#reachable ??= reachable(this.graph, this.graph.entry, () => true));
  }

  get components(): Components {
    return (this.#components ??= stronglyConnectedComponents(this.graph));
  }

  /** The caller's journeys with subflows inlined: what effort rules and the score read. */
  get journey(): JourneyFacts {
    return (this.#journey ??= new JourneyFacts(this.program));
  }

  /**
   * The node of this file a finding about a journey vertex belongs to: the vertex's own node in
   * the root flow, else the root's subflow node through which the caller got there.
   */
  anchor(vertex: number): FlowNode {
    const found = this.journey.vertices[vertex]!;
    if (found.context === '') return found.node;
    return this.flow.nodes.get(found.context.slice(0, found.context.indexOf('/')))!;
  }

  /** Journey vertex ids as a reader of this file follows them (`verify/ask-pin` inside subflow `verify`). */
  ids(vertices: readonly number[]): string[] {
    return vertices.map((vertex) => this.journey.vertices[vertex]!.id);
  }
}
