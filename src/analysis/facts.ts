// Facts about one flow, computed once on first use and shared by every rule.
import type { Program } from '../load/program.js';
import type { Flow, FlowNode } from '../model/flow.js';
import { buildGraph, type FlowGraph } from './graph.js';
import { singleFlowProgram } from './journey.js';
import { JourneyFacts } from './journey-facts.js';
import { reachable, stronglyConnectedComponents, type Components } from './scc.js';

/** A node as a caller meets it: in this file, or inside a subflow called from it. */
export interface Step {
  node: FlowNode;
  /** The flow the node is written in. */
  flow: Flow;
  /** Its journey vertex; undefined only when inlining stopped at the size cap. */
  vertex: number | undefined;
  /** The node of this file findings about the step are reported at: itself, or the subflow node the caller entered. */
  anchor: FlowNode;
  /** For a step inside a subflow: its journey id (`verify/ask-pin`). */
  inside?: string;
}

export class Facts {
  readonly flow: Flow;
  readonly program: Program;
  #graph?: FlowGraph;
  #reachable?: Uint8Array;
  #components?: Components;
  #journey?: JourneyFacts;
  #steps?: Step[];

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

  /**
   * Every step a rule about single nodes checks: each node of this file (reachable or not), then
   * each node of every subflow a caller enters from it, once per call site. A flaw costs the same
   * written inline or in a subflow.
   */
  get steps(): Step[] {
    if (this.#steps) return this.#steps;
    const journey = this.journey;
    const steps: Step[] = [];
    for (const node of this.flow.nodes.values()) steps.push({ node, flow: this.flow, vertex: journey.rootVertex(node.id), anchor: node });
    journey.vertices.forEach((found, vertex) => {
      if (found.context !== '') steps.push({ node: found.node, flow: found.flow, vertex, anchor: this.anchor(vertex), inside: found.id });
    });
    return (this.#steps = steps);
  }

  /** Journey vertex ids as a reader of this file follows them (`verify/ask-pin` inside subflow `verify`). */
  ids(vertices: readonly number[]): string[] {
    return vertices.map((vertex) => this.journey.vertices[vertex]!.id);
  }
}
