// One file through the pipeline: load, subflows, rules, score, fixes, inline directives.
import { resolve } from 'node:path';
import { Facts } from './analysis/facts.js';
import { MAX_JOURNEY_VERTICES } from './analysis/journey.js';
import { applyDirectives } from './config/directives.js';
import type { FileConfig } from './config/for-file.js';
import { DOCS_BASE, compareFindings, findingsOfProblems, fingerprint, resolveRules, runRules } from './engine.js';
import { resolveLang, type Lang } from './i18n/index.js';
import { confinedLoader } from './load/confine.js';
import { internalError, internalErrorMessage } from './rules/internal-error.js';
import { nameFinding, nameFix, readableNames, readableText, type NodeNames } from './rules/names.js';
import type { LoadedFile } from './load/index.js';
import { loadProgram } from './load/program.js';
import type { Finding } from './model/finding.js';
import { DEFAULT_SETTINGS, type Flow, type FlowSettings } from './model/flow.js';
import type { FileResult, Fix, FixType, FlowTimelines } from './model/result.js';
import { visitShare } from './score/effort.js';
import { proposeFixes, rankFixes, touchedNodes } from './score/fixes.js';
import { measured, fixMeasure, type RescoreBase } from './score/rescore.js';
import { resolveWeights, scoreFlow, type Scored, type Weights } from './score/index.js';
import { flowTimelines } from './score/timelines.js';

export type LoadFile = (file: string) => Promise<LoadedFile>;

export interface FileAuditOptions {
  config: FileConfig;
  /** Weights from the API caller, over the config's. */
  weights?: Record<string, number>;
  /** Called with the analysis the file was scored on (the language server's hover reads it). */
  inspect?: (analysis: FileAnalysis) => void;
  /** False: no fixes are proposed or scored (default true). */
  fixes?: boolean;
  /** The kinds of fixes `--fix` will write: on a flow too big to re-score every candidate, those it can write go first. */
  writableFirst?: readonly FixType[];
  /** True: the result carries the flow's worst and most common journeys as timelines. */
  timelines?: boolean;
  /** Folder relative paths are read from (the API's `cwd`); the process's by default. */
  cwd?: string;
  /** `--lang`: the language of messages, over the config's `lang` and the flow's `settings.language`. */
  lang?: Lang;
  /** The language LC_ALL / LC_MESSAGES / LANG ask for, used when nothing else says (see `langOfEnv`). */
  envLang?: Lang;
}

/** What one flow was scored on: its model with the config's settings, the facts and the weights. */
export interface FileAnalysis {
  file: string;
  flow: Flow;
  facts: Facts;
  weights: Weights;
  /** Every finding of the flow, before inline directives hide any (what fixes are proposed for). */
  findings: readonly Finding[];
  /** What an edited version of the flow is scored with, as a fix is measured. */
  rescoreBase: RescoreBase;
}

export async function auditFile(file: string, loadFile: LoadFile, options: FileAuditOptions): Promise<FileResult> {
  const { config } = options;
  const rules = resolveRules(config.rules);
  const weights = resolveWeights({ ...config.scoring.weights, ...options.weights });
  const loaded = await loadFile(file);
  const findings: Finding[] = findingsOfProblems(loaded.problems, rules);
  const flow = loaded.flow ? withConfigSettings(loaded.flow, config.settings) : undefined;
  let scored: Scored | undefined;
  // Said among the unknowns: figures from a truncated journey graph look exact but are not.
  const truncation: string[] = [];
  let fixes: Fix[] = [];
  let names: NodeNames = new Map();
  let timelines: FlowTimelines | undefined;
  if (flow) {
    // Subflow files are read relative to this file, through the same cache.
    const loadSubflow = (absolute: string): Promise<LoadedFile> => loadFile(absolute);
    const program = await loadProgram(flow, config.subflowRoot === undefined ? loadSubflow : confinedLoader(config.subflowRoot, loadSubflow), resolve(options.cwd ?? process.cwd(), file));
    findings.push(...findingsOfProblems(program.problems, rules));
    const beforeRules = [...findings];
    const facts = new Facts(flow, program);
    findings.push(...runRules(flow, rules, facts, fileLang(flow, options)));
    scored = scoreFlow(facts, findings, weights);
    const rescoreBase: RescoreBase = { program, beforeRules, rules, weights };
    options.inspect?.({ file, flow, facts, weights, findings, rescoreBase });
    if (options.timelines) timelines = flowTimelines(facts.journey, weights);
    if (program.flows.size > 1 && facts.journey.graph.truncated) {
      truncation.push(`journeys truncated at ${MAX_JOURNEY_VERTICES.toLocaleString('en-US')} steps (subflows inlined too many times); counts are lower bounds`);
    }
    if (options.fixes !== false) fixes = scoreFixes(flow, facts, findings, rescoreBase, scored, fileLang(flow, options), options.writableFirst);
    // Named last: rules, fixes and fingerprints work on ids; people read names.
    names = readableNames(program.flows.values());
    fixes = fixes.map((fix) => nameFix(fix, names));
  }
  // Disables hide findings; they do not change the score, which measures the flow itself.
  const shown = applyDirectives(loaded.text, file, findings, { severity: rules.get('unused-disable')?.severity ?? 'off' })
    .map((finding) => nameFinding(finding, names))
    .sort(compareFindings);
  return {
    file,
    flow: flow ? { name: flow.name, format: flow.format, kind: flow.kind ?? 'flow', nodes: flow.nodes.size } : undefined,
    score: scored?.score ?? null,
    metrics: scored?.metrics ?? null,
    findings: shown,
    fixes,
    unknowns: [...(flow?.unknowns ?? []), ...truncation].map((unknown) => readableText(unknown, names)),
    ...(config.scoring.minScore === undefined ? {} : { minScore: config.scoring.minScore }),
    ...(timelines ? { timelines } : {}),
  };
}

/**
 * The result of a file whose audit failed on an unexpected error: one `internal-error` finding at
 * 1:1, no score. The run goes on with the other files.
 */
export function internalErrorResult(file: string, error: unknown): FileResult {
  const { id } = internalError.meta;
  const message = internalErrorMessage(error);
  const finding: Finding = {
    ruleId: id,
    severity: 'error',
    message,
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    pointer: '',
    fingerprint: fingerprint(id, file, '', id),
    docs: `${DOCS_BASE}${id}.md`,
  };
  return { file, score: null, metrics: null, findings: [finding], fixes: [], unknowns: [] };
}

/** --lang, the config's `lang`, the flow's own `settings.language` (or its config's), the environment. */
export function fileLang(flow: Flow | undefined, options: Pick<FileAuditOptions, 'config' | 'lang' | 'envLang'>): Lang {
  const given = flow !== undefined && (flow.settingsGiven.has('language') || options.config.settings.language !== undefined);
  return resolveLang({ flag: options.lang, config: options.config.lang, flow: given ? flow.settings.language : undefined, env: options.envLang });
}

/** The language a file's messages are written in, from its model as loaded (config settings not applied yet). */
export function loadedFileLang(flow: Flow | undefined, options: Pick<FileAuditOptions, 'config' | 'lang' | 'envLang'>): Lang {
  return fileLang(flow ? withConfigSettings(flow, options.config.settings) : undefined, options);
}

/** Config settings apply where the flow does not set its own. */
function withConfigSettings(flow: Flow, settings: Partial<FlowSettings>): Flow {
  if (Object.keys(settings).length === 0) return flow;
  const own = Object.fromEntries([...flow.settingsGiven].map((key) => [key, flow.settings[key]]));
  return { ...flow, settings: { ...DEFAULT_SETTINGS, ...settings, ...own } };
}

/** Each fix is scored on the flow it edits: measured from today's analysis when it only changes how steps are done, else analysed again. */
function scoreFixes(flow: Flow, facts: Facts, findings: readonly Finding[], base: RescoreBase, scored: Scored, lang: Lang, writableFirst?: readonly FixType[]): Fix[] {
  // Callers helped are counted on today's journeys: who passes the steps the fix changes.
  const helped = (edited: Flow): number => {
    const vertices = touchedNodes(flow, edited).map((id) => facts.journey.rootVertex(id)).filter((vertex): vertex is number => vertex !== undefined);
    return visitShare(facts.journey, vertices);
  };
  const optionsOf = (ruleId: string) => base.rules.get(ruleId)?.options ?? {};
  const measure = fixMeasure(base, { flow, facts, findings, scored }, helped);
  const candidates = proposeFixes(flow, findings, optionsOf, writableFirst && new Set(writableFirst), measure.inPlace);
  return rankFixes(candidates, measured(scored), measure, lang);
}
