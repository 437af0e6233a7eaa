// The diagrams need the flow model, which the AuditResult does not carry: these read the audited
// files again. A file that cannot be read as a flow simply gets no diagram.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_FILE_BYTES, loadAny, loadAnyText, readSourceFile } from '../load/index.js';
import type { Flow } from '../model/flow.js';
import type { AuditResult } from '../model/result.js';


/** Flows of the audited files that are flows, by the file name the result uses. */
export async function loadFlows(result: AuditResult, cwd: string): Promise<Map<string, Flow>> {
  if (result.flows) return new Map(result.flows);
  const flows = new Map<string, Flow>();
  for (const file of result.files) {
    if (!file.flow) continue;
    const text = await readSourceFile(resolve(cwd, file.file)).catch(() => undefined);
    const flow = text === undefined ? undefined : (await loadAny(file.file, text)).flow;
    if (flow) flows.set(file.file, flow);
  }
  return flows;
}

/** The same for the synchronous formatter registry (`lint -f html`), once the importers are loaded (`loadImporters`). */
export function loadFlowsSync(result: AuditResult, cwd: string): Map<string, Flow> {
  // The audit keeps the models it built: read files again only for results from elsewhere.
  if (result.flows) return new Map(result.flows);
  const flows = new Map<string, Flow>();
  for (const file of result.files) {
    if (!file.flow) continue;
    const path = resolve(cwd, file.file);
    try {
      const info = statSync(path);
      if (!info.isFile() || info.size > MAX_FILE_BYTES) continue;
      const flow = loadAnyText(file.file, readFileSync(path, 'utf8')).flow;
      if (flow) flows.set(file.file, flow);
    } catch {
      // In-memory sources and files removed since the audit have no diagram; the report says so.
    }
  }
  return flows;
}
