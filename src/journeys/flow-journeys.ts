// A flow made ready to walk: its journey graph (subflows inlined, as the audit sees it) and the
// audit's findings, read once for every journey that walks it.
import { Facts } from '../analysis/facts.js';
import type { JourneyGraph } from '../analysis/journey.js';
import { audit } from '../index.js';
import { FileReadError, loadAny, readSourceFile, type LoadedFile } from '../load/index.js';
import { loadProgram } from '../load/program.js';
import type { Finding } from '../model/finding.js';
import type { Flow } from '../model/flow.js';
import type { FileResult } from '../model/result.js';

export interface WalkableFlow {
  flow: Flow;
  graph: JourneyGraph;
  findings: Finding[];
  result: FileResult | undefined;
}

export class FlowUnavailable extends Error {}

async function loadFile(absolute: string): Promise<LoadedFile> {
  return loadAny(absolute, await readSourceFile(absolute));
}

/** Loads a flow by absolute path; throws `FlowUnavailable` with the reason a person can act on. */
export async function walkableFlow(absolute: string, shownAs: string): Promise<WalkableFlow> {
  let loaded: LoadedFile;
  try {
    loaded = await loadFile(absolute);
  } catch (error) {
    throw new FlowUnavailable(error instanceof FileReadError ? error.message : `cannot read ${shownAs}`);
  }
  if (!loaded.flow) {
    const first = loaded.problems[0];
    const why = loaded.skipped ?? (first ? `${first.loc.line}:${first.loc.column} ${first.message}` : 'not a flow');
    throw new FlowUnavailable(`${shownAs} cannot be walked: ${why} (ivr-audit lint shows every problem)`);
  }
  if (!loaded.flow.nodes.has(loaded.flow.entry)) throw new FlowUnavailable(`${shownAs} cannot be walked: its entry "${loaded.flow.entry}" is not a node`);
  const program = await loadProgram(loaded.flow, (path) => loadFile(path).catch(() => ({ file: path, text: '', problems: [] })));
  const graph = new Facts(loaded.flow, program).journey.graph;
  const result = (await audit([absolute])).files[0];
  return { flow: loaded.flow, graph, findings: result?.findings ?? [], result };
}
