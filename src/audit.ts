// One file through the pipeline: load, subflows, rules, score, fixes, inline directives.
import { resolve } from 'node:path';
import { Facts } from './analysis/facts.js';
import { applyDirectives } from './config/directives.js';
import type { FileConfig } from './config/for-file.js';
import { compareFindings, findingsOfProblems, resolveRules, runRules, type ResolvedRule } from './engine.js';
import { confinedLoader } from './load/confine.js';
import type { LoadedFile } from './load/index.js';
import { loadProgram, type Program } from './load/program.js';
import type { Finding } from './model/finding.js';
import { DEFAULT_SETTINGS, type Flow, type FlowSettings } from './model/flow.js';
import type { FileResult, Fix } from './model/result.js';
import { proposeFixes, rankFixes } from './score/fixes.js';
import { resolveWeights, scoreFlow, type Scored, type Weights } from './score/index.js';

export type LoadFile = (file: string) => Promise<LoadedFile>;

export interface FileAuditOptions {
  config: FileConfig;
  /** Weights from the API caller, over the config's. */
  weights?: Record<string, number>;
}

export async function auditFile(file: string, loadFile: LoadFile, options: FileAuditOptions): Promise<FileResult> {
  const { config } = options;
  const rules = resolveRules(config.rules);
  const weights = resolveWeights({ ...config.scoring.weights, ...options.weights });
  const loaded = await loadFile(file);
  const findings: Finding[] = findingsOfProblems(loaded.problems, rules);
  const flow = loaded.flow ? withConfigSettings(loaded.flow, config.settings) : undefined;
  let scored: Scored | undefined;
  let fixes: Fix[] = [];
  if (flow) {
    // Subflow files are read relative to this file, through the same cache.
    const loadSubflow = (absolute: string): Promise<LoadedFile> => loadFile(absolute);
    const program = await loadProgram(flow, config.subflowRoot === undefined ? loadSubflow : confinedLoader(config.subflowRoot, loadSubflow));
    findings.push(...findingsOfProblems(program.problems, rules));
    const beforeRules = [...findings];
    const facts = new Facts(flow, program);
    findings.push(...runRules(flow, rules, facts));
    scored = scoreFlow(facts, findings, weights);
    fixes = scoreFixes(flow, program, findings, beforeRules, rules, weights, scored.score.value);
  }
  // Disables hide findings; they do not change the score, which measures the flow itself.
  const shown = applyDirectives(loaded.text, file, findings, { severity: rules.get('unused-disable')?.severity ?? 'off' }).sort(compareFindings);
  return {
    file,
    flow: flow ? { name: flow.name, format: flow.format, nodes: flow.nodes.size } : undefined,
    score: scored?.score ?? null,
    metrics: scored?.metrics ?? null,
    findings: shown,
    fixes,
    unknowns: flow?.unknowns ?? [],
    ...(config.scoring.minScore === undefined ? {} : { minScore: config.scoring.minScore }),
  };
}

/** Config settings apply where the flow does not set its own. */
function withConfigSettings(flow: Flow, settings: Partial<FlowSettings>): Flow {
  if (Object.keys(settings).length === 0) return flow;
  const own = Object.fromEntries([...flow.settingsGiven].map((key) => [key, flow.settings[key]]));
  return { ...flow, settings: { ...DEFAULT_SETTINGS, ...settings, ...own } };
}

/** Each fix is scored by applying it to the model and auditing the edited flow again. */
function scoreFixes(
  flow: Flow,
  program: Program,
  findings: readonly Finding[],
  beforeRules: readonly Finding[],
  rules: ReadonlyMap<string, ResolvedRule>,
  weights: Weights,
  baseScore: number,
): Fix[] {
  // The score reads only findings of penalty rules and whether any error remains: journey rules
  // that report at error level must still run, the others need not.
  const scoringRules = new Map([...rules].filter(([, { rule, severity }]) => rule.meta.scoring === 'penalty' || severity === 'error'));
  const scoreOf = (edited: Flow): number => {
    const flows = new Map(program.flows);
    flows.set(resolve(edited.file), edited);
    const editedFacts = new Facts(edited, { ...program, root: edited, flows });
    return scoreFlow(editedFacts, [...beforeRules, ...runRules(edited, scoringRules, editedFacts)], weights).score.value;
  };
  const optionsOf = (ruleId: string) => rules.get(ruleId)?.options ?? {};
  return rankFixes(proposeFixes(flow, findings, optionsOf), baseScore, scoreOf, flow);
}
