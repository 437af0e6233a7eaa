// What one thread of an audit run knows: the files it has read (each read once), the project the
// run's platform exports form, and how one file becomes its result. The serial run has one session;
// a parallel run has one in each worker, all linked to the same project, so every file is audited
// by the same code with the same inputs wherever it runs.
import { resolve } from 'node:path';
import { auditFile, internalErrorResult, loadedFileLang, type FileAnalysis } from '../audit.js';
import { UsageError } from '../cli/usage-error.js';
import { configResolver, type ConfigFor, type FileConfig } from '../config/for-file.js';
import type { RuleSetting } from '../engine.js';
import { FileReadError, loadAny, loadAnyText, readSourceFile, type LoadedFile } from '../load/index.js';
import { Project, isQueueFlowUnknown, withHoldExperience, type ProjectMember } from '../load/project.js';
import type { Lang } from '../i18n/index.js';
import type { Flow } from '../model/flow.js';
import type { FileResult, FixType } from '../model/result.js';

/** The options a session needs; plain data, so that a worker gets them as they are. */
export interface SessionOptions {
  cwd: string;
  rules?: Record<string, RuleSetting>;
  weights?: Record<string, number>;
  configPath?: string;
  noConfig?: boolean;
  fixes?: boolean;
  writableFirst?: readonly FixType[];
  /** Absolute paths of the files to lint; the others are only read as members of the project. */
  lintOnly?: string[];
  /** False: outcomes carry no flow model (see AuditOptions.models). */
  models?: boolean;
  /** Each result carries its flow's journey timelines (see AuditOptions.timelines). */
  timelines?: boolean;
  /** See AuditOptions.lang and envLang. */
  lang?: Lang;
  envLang?: Lang;
}

/** What became of one file of the run. */
export type FileOutcome =
  | { kind: 'ignored' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'audited'; result: FileResult; flow?: Flow; /** The language of its messages. */ lang: Lang };

export class AuditSession {
  /** Absolute paths of the files and configs this session read. */
  readonly read = new Set<string>();
  readonly configFor: ConfigFor;
  private readonly firstReadings = new Map<string, Promise<LoadedFile>>();
  private readonly readings = new Map<string, Promise<LoadedFile>>();
  private project: Project | undefined;
  /** The run's files (not ignored) by absolute path, under the names the user gave them. */
  private runFiles = new Map<string, string>();
  private readonly lintOnly: ReadonlySet<string> | undefined;

  constructor(
    private readonly options: SessionOptions,
    /** In-memory sources by absolute path, read instead of the disk. */
    private readonly memory: ReadonlyMap<string, string> = new Map(),
    /** Sees the analysis of each flow (a function: only in the thread that was given it). */
    private readonly inspect?: (analysis: FileAnalysis) => void,
  ) {
    this.lintOnly = options.lintOnly === undefined ? undefined : new Set(options.lintOnly);
    const { cwd, configPath, noConfig, rules } = options;
    this.configFor = configResolver({ cwd, configPath, noConfig, cliRules: rules });
    if (configPath !== undefined) this.read.add(resolve(cwd, configPath));
  }

  /** The config of a file, noting the config file among what the run read. */
  async config(file: string): Promise<FileConfig> {
    const config = await this.configFor(file);
    if (config.source !== undefined) this.read.add(config.source);
    return config;
  }

  /**
   * Each file read once, as it is alone; what the project adds is a second reading of the same text.
   * A file of the run keeps the name the user gave it even when a subflow reference (an absolute
   * path) reads it first, as happens in a worker that did not scan it.
   */
  readAlone(file: string): Promise<LoadedFile> {
    const absolute = resolve(this.options.cwd, file);
    let loaded = this.firstReadings.get(absolute);
    if (!loaded) {
      const name = this.runFiles.get(absolute) ?? file;
      const text = this.memory.get(absolute);
      if (text === undefined) this.read.add(absolute);
      loaded = (text === undefined ? readSourceFile(absolute) : Promise.resolve(text)).then(
        (source) => loadAny(name, source),
        (error: unknown) => unreadable(name, error),
      );
      this.firstReadings.set(absolute, loaded);
    }
    return loaded;
  }

  /** A file as the run sees it: read alone, then linked into the project when there is one. */
  loadFile(file: string): Promise<LoadedFile> {
    const absolute = resolve(this.options.cwd, file);
    let loaded = this.readings.get(absolute);
    if (!loaded) {
      loaded = this.readAlone(file).then((alone) => (this.project ? inProject(alone, absolute, this.project) : alone));
      this.readings.set(absolute, loaded);
    }
    return loaded;
  }

  /**
   * What the project needs to know of a file that is not ignored: undefined when it is no platform
   * export. A file that fails to load is simply not a member: its own audit reports why.
   */
  async member(file: string): Promise<ProjectMember | undefined> {
    try {
      const alone = await this.readAlone(file);
      if (!alone.flow || alone.aliases === undefined) return undefined;
      return { path: resolve(this.options.cwd, file), aliases: alone.aliases, references: alone.references ?? [], kind: alone.flow.kind, hold: alone.flow.hold };
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return undefined;
    }
  }

  /** False for a file read only as a member of the project (see `lintOnly`). */
  lints(file: string): boolean {
    return this.lintOnly === undefined || this.lintOnly.has(resolve(this.options.cwd, file));
  }

  /**
   * The run: its files that are not ignored, and its platform exports, linked as one project when
   * there are several (members in input order).
   */
  link(files: readonly string[], members: readonly ProjectMember[]): void {
    if (this.readings.size > 0) throw new Error('a session is linked before it loads any file');
    for (const file of files) {
      const absolute = resolve(this.options.cwd, file);
      if (!this.runFiles.has(absolute)) this.runFiles.set(absolute, file);
    }
    this.project = members.length > 1 ? new Project(members) : undefined;
  }

  /** One file of the run; a usage error is about the whole run and is thrown, any other is this file's. */
  async auditOne(file: string): Promise<FileOutcome> {
    if (!this.lints(file)) return { kind: 'ignored' };
    const config = await this.config(file);
    if (config.ignored) return { kind: 'ignored' };
    try {
      const loaded = await this.loadFile(file);
      if (loaded.skipped) return { kind: 'skipped', reason: loaded.skipped };
      const result = await auditFile(file, (path) => this.loadFile(path), { config, weights: this.options.weights, fixes: this.options.fixes, writableFirst: this.options.writableFirst, timelines: this.options.timelines, inspect: this.inspect, cwd: this.options.cwd, lang: this.options.lang, envLang: this.options.envLang });
      const lang = loadedFileLang(loaded.flow, { config, lang: this.options.lang, envLang: this.options.envLang });
      return { kind: 'audited', result, lang, ...(loaded.flow && this.options.models !== false ? { flow: loaded.flow } : {}) };
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return { kind: 'audited', result: internalErrorResult(file, error), lang: loadedFileLang(undefined, { config, lang: this.options.lang, envLang: this.options.envLang }) };
    }
  }
}

/** A file read again as a member of the project: references linked, the kind others give it, queues' hold. */
function inProject(alone: LoadedFile, absolute: string, project: Project): LoadedFile {
  if (!alone.flow || alone.flow.format === 'ivr-audit') return alone;
  const options = project.importOptions(absolute);
  // An export: readAlone loaded the importers to read it, so this reading can be synchronous.
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
