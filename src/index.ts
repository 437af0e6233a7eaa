// The programmatic API: everything the CLI does, without the CLI.
import { resolve } from 'node:path';
import { unknownRuleIds, type RuleSetting } from './engine.js';
import { UsageError, expandPaths } from './files.js';
import type { FileAnalysis } from './audit.js';
import { resolveLang, type Lang } from './i18n/index.js';
import type { Source } from './load/index.js';
import type { Flow } from './model/flow.js';
import { auditFiles, type AuditProgress } from './parallel/run.js';
import type { AuditResult, FileResult, FixType, SkippedFile, Summary } from './model/result.js';

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
  /** Called with the analysis each flow was scored on (for tools such as the language server); such a run stays in this thread. */
  inspect?: (analysis: FileAnalysis) => void;
  /** Rank fixes for each flow (default true); false skips that work, as an editor on every save would. */
  fixes?: boolean;
  /**
   * The kinds of fixes the caller will write (`--fix`'s `--fix-type`): on a flow too big for every
   * candidate to be re-scored, fixes it can write take the budget first. Default: none preferred.
   */
  writableFirst?: readonly FixType[];
  /** Language of messages (`--lang`): wins over a config's `lang` and a flow's `settings.language`. */
  lang?: Lang;
  /** The environment's language (`langOfEnv(process.env)`), used when nothing else says; English otherwise. */
  envLang?: Lang;
  /**
   * Most worker threads to audit files in (default 1: this thread). Output is the same at any
   * value; runs of a few small files stay in this thread whatever is asked.
   */
  concurrency?: number;
  /**
   * Keep each flow's model in the result's `flows` (default true), for diagrams. False saves
   * copying every model out of the workers of a parallel run.
   */
  models?: boolean;
  /** Draw each flow's worst and most common journey step by step (`timelines` in each file's result; default false). */
  timelines?: boolean;
  /** Called as files are audited, for a progress display. */
  onProgress?: (progress: AuditProgress) => void;
  /**
   * Finding no flow file (a folder without one, a glob matching nothing, only files that are not
   * call flows) gives an empty result instead of a `UsageError` (`--pass-on-no-flows`). A path
   * that does not exist is still an error.
   */
  allowNoFlows?: boolean;
}

/**
 * Audits flow files (paths: files, folders, globs) or in-memory sources. Throws `UsageError`
 * when the tool cannot do its job (a missing path, a bad config, an unknown rule id).
 */
export async function audit(inputs: readonly string[] | readonly Source[], options: AuditOptions = {}): Promise<AuditResult> {
  const cwd = options.cwd ?? process.cwd();
  const unknown = unknownRuleIds(options.rules ?? {});
  if (unknown.length > 0) throw new UsageError(`unknown rule ${unknown.map((id) => `"${id}"`).join(', ')}`);
  const memory = new Map<string, string>();
  let files: string[];
  if (inputs.length > 0 && typeof inputs[0] !== 'string') {
    for (const source of inputs as readonly Source[]) memory.set(resolve(cwd, source.path), source.text);
    files = (inputs as readonly Source[]).map((source) => source.path);
  } else {
    files = await expandPaths(inputs as readonly string[], { cwd, gitignore: options.gitignore, allowUnmatchedGlobs: options.allowNoFlows });
    if (files.length === 0 && !options.allowNoFlows) throw new UsageError(`no flow files found in ${(inputs as readonly string[]).join(', ')}`);
  }
  // The config named by -c may sit among the flows; it is not one of them.
  if (options.configPath !== undefined) {
    const configFile = resolve(cwd, options.configPath);
    files = files.filter((file) => resolve(cwd, file) !== configFile);
  }
  const { rules, weights, configPath, noConfig, fixes, writableFirst, models, timelines, lintOnly, inspect, lang, envLang } = options;
  const sessionOptions = { cwd, rules, weights, configPath, noConfig, fixes, writableFirst, models, timelines, lang, envLang, ...(lintOnly === undefined ? {} : { lintOnly: [...lintOnly] }) };
  const { outcomes, read } = await auditFiles(files, sessionOptions, memory, { concurrency: options.concurrency ?? 1, onProgress: options.onProgress, inspect });
  const results: FileResult[] = [];
  const skipped: SkippedFile[] = [];
  const flows = new Map<string, Flow>();
  const langs = new Set<Lang>();
  for (const [index, outcome] of outcomes.entries()) {
    const file = files[index]!;
    if (outcome.kind === 'skipped') skipped.push({ file, reason: outcome.reason });
    else if (outcome.kind === 'audited') {
      results.push(outcome.result);
      langs.add(outcome.lang);
      if (outcome.flow) flows.set(file, outcome.flow);
    }
  }
  if (results.length === 0 && skipped.length > 0 && !options.allowNoFlows) {
    throw new UsageError(`no flow files found: ${skipped.length} file${skipped.length === 1 ? ' is' : 's are'} not a call flow (${skipped[0]!.file}${skipped.length > 1 ? ', ...' : ''})`);
  }
  const summaryLang = resolveLang({ flag: lang, env: envLang });
  const documentLang = reportLang(langs, summaryLang);
  return { files: results, summary: summarize(results), ...(summaryLang === 'en' ? {} : { lang: summaryLang }), ...(documentLang === 'en' ? {} : { reportLang: documentLang }), read: [...read].sort(), ...(models === false ? {} : { flows }), ...(skipped.length > 0 ? { skipped } : {}) };
}

/**
 * The language of a document about the whole run (the HTML and Markdown reports): the one every
 * file speaks (--lang, a config's `lang`, the flows' `settings.language`, the environment), else,
 * when the files disagree or there are none, that of the run-wide lines (--lang, the environment).
 */
export function reportLang(fileLangs: ReadonlySet<Lang>, summaryLang: Lang): Lang {
  return fileLangs.size === 1 ? [...fileLangs][0]! : summaryLang;
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
export type { AuditProgress } from './parallel/run.js';
export type { FileAnalysis } from './audit.js';
export type { RuleSetting } from './engine.js';
export type * from './model/index.js';
export type { RuleMeta, RuleOption } from './rules/types.js';

export { defineCatalog, langOfEnv, message, parseLang, resolveLang, type Lang } from './i18n/index.js';
