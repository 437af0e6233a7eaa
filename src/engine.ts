// Runs the rules over one loaded file and turns their reports into findings.
import { createHash } from 'node:crypto';
import { Facts } from './analysis/facts.js';
import { isMsg, msg, render, type Lang, type Msg } from './i18n/index.js';
import type { LoadProblem } from './load/index.js';
import type { Finding, PlacedFinding, Report, ScoredFinding, Severity, SeverityOrOff } from './model/finding.js';
import type { Flow } from './model/flow.js';
import { elidedPath } from './rules/describe.js';
import { RULES, findRule } from './rules/index.js';
import type { OptionValue, Rule } from './rules/types.js';

export const DOCS_BASE = 'https://github.com/ivr-audit/ivr-audit/blob/main/docs/rules/';

/** A rule's setting as written in a config or on the command line. */
export type RuleSetting = SeverityOrOff | [SeverityOrOff, Record<string, OptionValue>?];

export interface ResolvedRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, OptionValue>;
}

/** Fills in defaults and drops rules turned off. Unknown ids are a usage error for the caller to report. */
export function resolveRules(settings: Readonly<Record<string, RuleSetting>> = {}): Map<string, ResolvedRule> {
  const resolved = new Map<string, ResolvedRule>();
  for (const rule of RULES) {
    const setting = Object.hasOwn(settings, rule.meta.id) ? settings[rule.meta.id] : undefined;
    const [severity, options] = Array.isArray(setting) ? setting : [setting ?? rule.meta.severity, undefined];
    if (severity === 'off') continue;
    const defaults = Object.fromEntries(rule.meta.options.map((option) => [option.name, option.default]));
    resolved.set(rule.meta.id, { rule, severity, options: { ...defaults, ...options } });
  }
  return resolved;
}

export function unknownRuleIds(settings: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(settings).filter((id) => !findRule(id));
}

/** Stable across unrelated edits: no line numbers, only what the finding is about. */
export function fingerprint(ruleId: string, file: string, anchor: string, key: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${file}\u0000${anchor}\u0000${key}`).digest('hex').slice(0, 16);
}

function toFinding(ruleId: string, severity: Severity, report: Report, lang: Lang): Finding {
  const { loc } = report;
  return {
    ruleId,
    severity,
    message: render(lang, report.message),
    ...withMessageId(report.message),
    file: loc.file,
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
    pointer: loc.pointer,
    nodeId: report.nodeId,
    path: report.path && elidedPath(report.path),
    related: report.related,
    ...(report.places === undefined || report.places.length === 0 ? {} : { places: report.places }),
    ...(report.inside === undefined ? {} : { inside: report.inside }),
    ...(report.data === undefined ? {} : { data: report.data }),
    // Line numbers stay out, so that editing elsewhere in the file keeps the fingerprint; the
    // English text, so that a baseline made in one language holds in another.
    fingerprint: fingerprint(ruleId, loc.file, report.nodeId ?? loc.pointer, report.key ?? render('en', report.message)),
    docs: `${DOCS_BASE}${ruleId}.md`,
  };
}

/** The rule's own message under the wrappers that add places or a subflow (`steps.inside`, `engine.same-places`). */
function messageIdOf(message: string | Msg | undefined): string | undefined {
  if (!isMsg(message)) return undefined;
  if (message.id !== 'steps.inside' && message.id !== 'engine.same-places') return message.id;
  const inner = message.values?.message;
  return typeof inner === 'string' || isMsg(inner) ? messageIdOf(inner) : undefined;
}

function withMessageId(message: string | Msg): { messageId?: string } {
  const id = messageIdOf(message);
  return id === undefined ? {} : { messageId: id };
}

export function findingsOfProblems(problems: readonly LoadProblem[], rules: ReadonlyMap<string, ResolvedRule>): Finding[] {
  const findings: Finding[] = [];
  for (const problem of problems) {
    const resolved = rules.get(problem.ruleId);
    if (!resolved) continue;
    findings.push(toFinding(problem.ruleId, resolved.severity, { message: problem.message, loc: problem.loc, related: problem.related, places: problem.places }, 'en'));
  }
  return findings;
}

/** Runs every enabled rule that has a check over the flow. */
export function runRules(flow: Flow, rules: ReadonlyMap<string, ResolvedRule>, facts = new Facts(flow), lang: Lang = 'en'): Finding[] {
  return checkRules(flow, rules, facts, (ruleId, severity, report) => toFinding(ruleId, severity, report, lang));
}

/**
 * The rules' verdicts only (rule and severity), as the score reads them: re-scoring a fix runs
 * the rules again, and rendering messages and fingerprints nobody reads was a fifth of that work.
 */
export function runRulesForScore(flow: Flow, rules: ReadonlyMap<string, ResolvedRule>, facts: Facts): ScoredFinding[] {
  return checkRules(flow, rules, facts, (ruleId, severity) => ({ ruleId, severity }));
}

/** The findings with what a fix measured in place reads of them: rule, severity and the nodes they are about. */
export function runRulesPlaced(flow: Flow, rules: ReadonlyMap<string, ResolvedRule>, facts: Facts): PlacedFinding[] {
  return checkRules(flow, rules, facts, (ruleId, severity, report) => ({ ruleId, severity, nodeId: report.nodeId, places: report.places, inside: report.inside }));
}

function checkRules<T>(flow: Flow, rules: ReadonlyMap<string, ResolvedRule>, facts: Facts, make: (ruleId: string, severity: Severity, report: Report) => T): T[] {
  const made: T[] = [];
  for (const { rule, severity, options } of rules.values()) {
    if (!rule.check) continue;
    const reports: Report[] = [];
    rule.check({ flow, facts, options, report: (report) => reports.push(report) });
    for (const report of mergeByCause(reports)) {
      // A finding may escalate to an error while its rule keeps its default severity.
      made.push(make(rule.meta.id, report.escalate && severity === rule.meta.severity ? 'error' : severity, report));
    }
  }
  return made;
}

/**
 * One report per root cause: reports of one rule that name the same `cause` become the first of
 * them, with the others' places listed (in its message, and as `places`). Reports without a cause
 * stay as they are.
 */
export function mergeByCause(reports: readonly Report[]): Report[] {
  const byCause = new Map<string, Report[]>();
  const merged: Array<Report | Report[]> = [];
  for (const report of reports) {
    if (report.cause === undefined) {
      merged.push(report);
      continue;
    }
    const group = byCause.get(report.cause);
    if (group) group.push(report);
    else {
      const fresh = [report];
      byCause.set(report.cause, fresh);
      merged.push(fresh);
    }
  }
  return merged.map((entry) => (Array.isArray(entry) ? oneReport(entry) : entry));
}

function oneReport(group: readonly Report[]): Report {
  const [first, ...others] = group as [Report, ...Report[]];
  if (others.length === 0) return first;
  const names = others.map(placeNameOf);
  return {
    ...first,
    message: msg('engine.same-places', { message: first.message, count: names.length, places: names }),
    // Anchored on the cause, so that the fingerprint does not change with which place comes first.
    key: `cause:${first.cause}`,
    places: others.map((other) => ({ ...other.loc, ...(other.nodeId === undefined ? {} : { nodeId: other.nodeId }) })),
  };
}

function placeNameOf(report: Report): string | Msg {
  return report.placeName ?? (report.nodeId === undefined ? msg('engine.place-line', { line: report.loc.line }) : `\`${report.nodeId}\``);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
