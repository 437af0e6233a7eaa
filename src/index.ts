// The programmatic API: everything the CLI does, without the CLI.
import { resolve } from 'node:path';
import { Facts } from './analysis/facts.js';
import {
  compareFindings,
  findingsOfProblems,
  resolveRules,
  runRules,
  unknownRuleIds,
  type ResolvedRule,
  type RuleSetting,
} from './engine.js';
import { UsageError, expandPaths } from './files.js';
import { FileReadError, loadText, readSourceFile, type LoadedFile, type Source } from './load/index.js';
import { loadProgram } from './load/program.js';
import type { Finding } from './model/finding.js';
import type { AuditResult, FileResult, Summary } from './model/result.js';

export interface AuditOptions {
  /** Folder that relative paths are read from (default: the process's). */
  cwd?: string;
  /** Severity and options per rule id, as in a config's `rules`. */
  rules?: Record<string, RuleSetting>;
}

/**
 * Audits flow files (paths: files, folders, globs) or in-memory sources. Throws `UsageError`
 * when the tool cannot do its job (a missing path, an unknown rule id).
 */
export async function audit(inputs: readonly string[] | readonly Source[], options: AuditOptions = {}): Promise<AuditResult> {
  const cwd = options.cwd ?? process.cwd();
  const unknown = unknownRuleIds(options.rules ?? {});
  if (unknown.length > 0) throw new UsageError(`unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}`);
  const rules = resolveRules(options.rules);
  const memory = new Map<string, string>();
  let files: string[];
  if (inputs.length > 0 && typeof inputs[0] !== 'string') {
    for (const source of inputs as readonly Source[]) memory.set(resolve(cwd, source.path), source.text);
    files = (inputs as readonly Source[]).map((source) => source.path);
  } else {
    files = await expandPaths(inputs as readonly string[], { cwd });
    if (files.length === 0) throw new UsageError(`no flow files found in ${(inputs as readonly string[]).join(', ')}`);
  }
  const cache = new Map<string, Promise<LoadedFile>>();
  const loadFile = (file: string): Promise<LoadedFile> => {
    const absolute = resolve(cwd, file);
    let loaded = cache.get(absolute);
    if (!loaded) {
      loaded = readText(absolute, memory).then(
        (text) => loadText(file, text),
        (error: unknown) => unreadable(file, error),
      );
      cache.set(absolute, loaded);
    }
    return loaded;
  };
  const results: FileResult[] = [];
  for (const file of files) results.push(await auditFile(file, loadFile, rules));
  return { files: results, summary: summarize(results) };
}

async function readText(absolute: string, memory: ReadonlyMap<string, string>): Promise<string> {
  return memory.get(absolute) ?? readSourceFile(absolute);
}

function unreadable(file: string, error: unknown): LoadedFile {
  const message = error instanceof FileReadError ? error.message : `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
  return {
    file,
    text: '',
    problems: [{ ruleId: 'schema', message, loc: { file, pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 } }],
  };
}

async function auditFile(
  file: string,
  loadFile: (file: string) => Promise<LoadedFile>,
  rules: ReadonlyMap<string, ResolvedRule>,
): Promise<FileResult> {
  const loaded = await loadFile(file);
  const findings: Finding[] = findingsOfProblems(loaded.problems, rules);
  const { flow } = loaded;
  if (flow) {
    // Subflow files are read relative to this file, through the same cache.
    const program = await loadProgram(flow, (absolute) => loadFile(absolute));
    findings.push(...findingsOfProblems(program.problems, rules));
    findings.push(...runRules(flow, rules, new Facts(flow)));
  }
  findings.sort(compareFindings);
  return {
    file,
    flow: flow ? { name: flow.name, format: flow.format, nodes: flow.nodes.size } : undefined,
    score: null,
    metrics: null,
    findings,
    fixes: [],
    unknowns: flow?.unknowns ?? [],
  };
}

export function summarize(files: readonly FileResult[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

export { UsageError } from './files.js';
export { RULES, findRule, ruleMetas } from './rules/index.js';
export type { Source } from './load/index.js';
export type { RuleSetting } from './engine.js';
export type * from './model/index.js';
export type { RuleMeta, RuleOption } from './rules/types.js';
