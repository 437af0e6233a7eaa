// A flow and the subflow files it calls, loaded once each: the call graph the analysis walks.
import { dirname, relative, resolve } from 'node:path';
import type { Flow, SubflowNode } from '../model/flow.js';
import type { LoadedFile, LoadProblem } from './index.js';

export interface Program {
  root: Flow;
  /** The root flow's absolute path (its `file` may be relative to the API's `cwd`). */
  rootPath: string;
  /** Every flow reachable through subflow nodes, by absolute path, the root included. */
  flows: ReadonlyMap<string, Flow>;
  /** The absolute path a subflow node calls, keyed by `subflowKey`; absent when it could not be loaded. */
  callees: ReadonlyMap<string, string>;
  /** subflow-not-found and subflow-cycle problems located in the root file. */
  problems: LoadProblem[];
}

export function subflowKey(file: string, nodeId: string): string {
  return `${resolve(file)}\u0000${nodeId}`;
}

export type LoadFile = (absolutePath: string) => Promise<LoadedFile>;

/**
 * Loads the subflow files a flow calls, breadth first, each file once. `rootPath` is where the root
 * flow is: subflows are found next to it, whatever folder the process runs in.
 */
export async function loadProgram(root: Flow, loadFile: LoadFile, rootPath = resolve(root.file)): Promise<Program> {
  const flows = new Map<string, Flow>([[rootPath, root]]);
  const failures = new Map<string, string>();
  const callees = new Map<string, string>();
  const calls = new Map<string, string[]>();
  const queue: Flow[] = [root];
  while (queue.length > 0) {
    const flow = queue.shift()!;
    const from = flow === root ? rootPath : resolve(flow.file);
    const targets: string[] = [];
    for (const node of subflowNodes(flow)) {
      const target = resolve(dirname(from), node.flow);
      if (!flows.has(target) && !failures.has(target)) {
        const loaded = await loadFile(target);
        if (loaded.flow) {
          flows.set(target, loaded.flow);
          queue.push(loaded.flow);
        } else failures.set(target, describeFailure(loaded));
      }
      if (flows.has(target)) {
        callees.set(subflowKey(from, node.id), target);
        targets.push(target);
      }
    }
    calls.set(from, targets);
  }
  return { root, rootPath, flows, callees, problems: rootProblems(root, rootPath, failures, calls) };
}

function subflowNodes(flow: Flow): SubflowNode[] {
  return [...flow.nodes.values()].filter((node): node is SubflowNode => node.type === 'subflow');
}

function describeFailure(loaded: LoadedFile): string {
  const first = loaded.problems.find((problem) => problem.ruleId !== 'duplicate-key') ?? loaded.problems[0];
  if (!first) return 'it is not a flow';
  if (first.message.startsWith('cannot read')) return first.message.replace(/^cannot read [^:]*: /, 'cannot read it: ');
  const count = loaded.problems.length;
  return `it has ${count} problem${count === 1 ? '' : 's'}, the first at line ${first.loc.line}: ${first.message}`;
}

function rootProblems(
  root: Flow,
  rootPath: string,
  failures: ReadonlyMap<string, string>,
  calls: ReadonlyMap<string, string[]>,
): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const node of subflowNodes(root)) {
    const target = resolve(dirname(rootPath), node.flow);
    const valueLoc = node.fieldLocs.get('flow') ?? node.loc;
    const failure = failures.get(target);
    if (failure !== undefined) {
      problems.push({
        ruleId: 'subflow-not-found',
        message: `subflow \`${node.id}\` calls ${node.flow}, which cannot be used: ${failure}`,
        loc: valueLoc,
      });
      continue;
    }
    // Platform flows hop back to the flow that sent them (the main menu): their journey loops, no error.
    const cycle = root.format === 'ivr-audit' ? pathBack(target, rootPath, calls) : undefined;
    if (cycle) {
      const names = [rootPath, ...cycle].map((path) => relative(dirname(rootPath), path) || path);
      problems.push({
        ruleId: 'subflow-cycle',
        message: `subflow \`${node.id}\` starts a cycle of flows that call each other: ${names.join(' → ')}`,
        loc: valueLoc,
      });
    }
  }
  return problems;
}

/** A shortest chain of calls from `start` back to `goal`, or undefined. */
function pathBack(start: string, goal: string, calls: ReadonlyMap<string, string[]>): string[] | undefined {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === goal) {
      const chain: string[] = [];
      for (let step: string | null = current; step !== null; step = previous.get(step) ?? null) chain.unshift(step);
      return chain;
    }
    for (const next of calls.get(current) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return undefined;
}
