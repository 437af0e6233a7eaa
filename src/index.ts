// The programmatic API: everything the CLI does, without the CLI.
import { resolve } from 'node:path';
import { auditFile, internalErrorResult, type FileAnalysis } from './audit.js';
import { configResolver } from './config/for-file.js';
import { unknownRuleIds, type RuleSetting } from './engine.js';
import { UsageError, expandPaths } from './files.js';
import { FileReadError, loadAnyText, readSourceFile, type LoadedFile, type Source } from './load/index.js';
import type { Flow } from './model/flow.js';
import { Project, isQueueFlowUnknown, withHoldExperience, type ProjectMember } from './load/project.js';
import type { AuditResult, FileResult, SkippedFile, Summary } from './model/result.js';

export interface AuditOptions {
  /** Folder that relative paths are read from (default: the process's). */
  cwd?: string;
  /** Severity and options per rule id; they win over config files (like `--rule`). */
  rules?: Record<string, RuleSetting>;
  /** Effort weights overriding the defaults of docs/scoring.md and the config's. */
  weights?: Record<string, number>;
  /** A config file for every flow, instead of searching upwards from each. */
  configPath?: string;
  /** Ignore config files. */
  noConfig?: boolean;
  /** Leave out what .gitignore files exclude when walking folders and globs (default true; like `--no-gitignore` when false). */
  gitignore?: boolean;
  /**
   * Absolute paths of the inputs to lint; the other inputs are only read as members of the project
   * (the language server lints the file being edited, with its folder's exports around it).
   */
  lintOnly?: readonly string[];
  /** Called with the analysis each flow was scored on (for tools such as the language server). */
  inspect?: (analysis: FileAnalysis) => void;
  /** Rank fixes for each flow (default true); false skips that work, as an editor on every save would. */
  fixes?: boolean;
}

/**
 * Audits flow files (paths: files, folders, globs) or in-memory sources. Throws `UsageError`
 * when the tool cannot do its job (a missing path, a bad config, an unknown rule id).
 */
export async function audit(inputs: readonly string[] | readonly Source[], options: AuditOptions = {}): Promise<AuditResult> {
  const cwd = options.cwd ?? process.cwd();
  const unknown = unknownRuleIds(options.rules ?? {});
  if (unknown.length > 0) throw new UsageError(`unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}`);
  const configFor = configResolver({ cwd, configPath: options.configPath, noConfig: options.noConfig, cliRules: options.rules });
  const memory = new Map<string, string>();
  let files: string[];
  if (inputs.length > 0 && typeof inputs[0] !== 'string') {
    for (const source of inputs as readonly Source[]) memory.set(resolve(cwd, source.path), source.text);
    files = (inputs as readonly Source[]).map((source) => source.path);
  } else {
    files = await expandPaths(inputs as readonly string[], { cwd, gitignore: options.gitignore });
    if (files.length === 0) throw new UsageError(`no flow files found in ${(inputs as readonly string[]).join(', ')}`);
  }
  // The config named by -c may sit among the flows; it is not one of them.
  if (options.configPath !== undefined) {
    const configFile = resolve(cwd, options.configPath);
    files = files.filter((file) => resolve(cwd, file) !== configFile);
  }
  const read = new Set<string>();
  if (options.configPath !== undefined) read.add(resolve(cwd, options.configPath));
  const firstReadings = new Map<string, Promise<LoadedFile>>();
  // Each file read once, as it is alone; what the project adds is a second reading of the same text.
  const readAlone = (file: string): Promise<LoadedFile> => {
    const absolute = resolve(cwd, file);
    let loaded = firstReadings.get(absolute);
    if (!loaded) {
      if (!memory.has(absolute)) read.add(absolute);
      loaded = (memory.has(absolute) ? Promise.resolve(memory.get(absolute)!) : readSourceFile(absolute)).then(
        (text) => loadAnyText(file, text),
        (error: unknown) => unreadable(file, error),
      );
      firstReadings.set(absolute, loaded);
    }
    return loaded;
  };
  const project = await projectOf(files, cwd, readAlone, configFor);
  const cache = new Map<string, Promise<LoadedFile>>();
  const loadFile = (file: string): Promise<LoadedFile> => {
    const absolute = resolve(cwd, file);
    let loaded = cache.get(absolute);
    if (!loaded) {
      loaded = readAlone(file).then((alone) => (project ? inProject(alone, absolute, project) : alone));
      cache.set(absolute, loaded);
    }
    return loaded;
  };
  const results: FileResult[] = [];
  const skipped: SkippedFile[] = [];
  const flows = new Map<string, Flow>();
  const lintOnly = options.lintOnly === undefined ? undefined : new Set(options.lintOnly);
  for (const file of files) {
    if (lintOnly !== undefined && !lintOnly.has(resolve(cwd, file))) continue;
    const config = await configFor(file);
    if (config.source !== undefined) read.add(config.source);
    if (config.ignored) continue;
    try {
      const loaded = await loadFile(file);
      if (loaded.skipped) skipped.push({ file, reason: loaded.skipped });
      else results.push(await auditFile(file, loadFile, { config, weights: options.weights, fixes: options.fixes, inspect: options.inspect }));
      if (loaded.flow) flows.set(file, loaded.flow);
    } catch (error) {
      // A usage error is about the whole run (exit 2); anything else is a bug met on this file only.
      if (error instanceof UsageError) throw error;
      results.push(internalErrorResult(file, error));
    }
  }
  if (results.length === 0 && skipped.length > 0) {
    throw new UsageError(`no flow files found: ${skipped.length} file${skipped.length === 1 ? ' is' : 's are'} not a call flow (${skipped[0]!.file}${skipped.length > 1 ? ', ...' : ''})`);
  }
  return { files: results, summary: summarize(results), read: [...read].sort(), flows, ...(skipped.length > 0 ? { skipped } : {}) };
}

/**
 * The platform exports of the run, linked as one project, when there are several. A file that fails to
 * load is simply not a member: its own audit reports why.
 */
async function projectOf(
  files: readonly string[],
  cwd: string,
  readAlone: (file: string) => Promise<LoadedFile>,
  configFor: (file: string) => Promise<{ ignored?: boolean }>,
): Promise<Project | undefined> {
  if (files.length < 2) return undefined;
  const members: ProjectMember[] = [];
  for (const file of files) {
    try {
      if ((await configFor(file)).ignored) continue;
      const alone = await readAlone(file);
      if (!alone.flow || alone.aliases === undefined) continue;
      members.push({ path: resolve(cwd, file), aliases: alone.aliases, references: alone.references ?? [], kind: alone.flow.kind, hold: alone.flow.hold });
    } catch (error) {
      if (error instanceof UsageError) throw error;
    }
  }
  return members.length > 1 ? new Project(members) : undefined;
}

/** A file read again as a member of the project: references linked, the kind others give it, queues' hold. */
function inProject(alone: LoadedFile, absolute: string, project: Project): LoadedFile {
  if (!alone.flow || alone.flow.format === 'ivr-audit') return alone;
  const options = project.importOptions(absolute);
  const linked = options ? loadAnyText(alone.file, alone.text, alone.flow.format, options) : alone;
  if (!linked.flow) return linked;
  const heard = withHoldExperience(linked.flow, (queue) => project.holdFor(queue));
  if (heard !== linked.flow) return { ...linked, flow: heard };
  const candidates = project.queueFlowNames();
  // Queues that name their in-queue flow are not in doubt about which one plays.
  const unnamed = [...linked.flow.nodes.values()].some((node) => node.type === 'queue' && node.holdFlow === undefined);
  if (candidates.length < 2 || !unnamed || !linked.flow.unknowns.some(isQueueFlowUnknown)) return linked;
  const which = `which customer queue flow the queues play (${candidates.map((name) => `\`${name}\``).join(', ')})`;
  return { ...linked, flow: { ...linked.flow, unknowns: [...linked.flow.unknowns, which] } };
}

function unreadable(file: string, error: unknown): LoadedFile {
  const message = error instanceof FileReadError ? error.message : `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
  return {
    file,
    text: '',
    problems: [{ ruleId: 'schema', message, loc: { file, pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 } }],
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
export type { FileAnalysis } from './audit.js';
export type { RuleSetting } from './engine.js';
export type * from './model/index.js';
export type { RuleMeta, RuleOption } from './rules/types.js';
