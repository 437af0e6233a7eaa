// Inline disables in flow files, in YAML comments:
//   # ivr-audit-disable-next-line RULE[, RULE] -- reason   (findings on the very next line)
//   # ivr-audit-disable-file RULE[, RULE] -- reason         (findings anywhere in the file)
// Without rule ids a directive covers every rule. As ESLint does with its unused disable
// directives, a directive that suppresses nothing is reported, so stale disables do not pile up
// and hide the next real problem.
import { LineCounter, Parser } from 'yaml';
import { DOCS_BASE, compareFindings, fingerprint } from '../engine.js';
import type { Finding, Severity, SeverityOrOff } from '../model/finding.js';
import { findRule, ruleMetas } from '../rules/index.js';
import { closest } from '../util/suggest.js';

/** Rule id of the findings about directives themselves (unused, unknown rule, unknown directive). */
export const UNUSED_DISABLE = 'unused-disable';

const PREFIX = 'ivr-audit-disable';
const KINDS = { 'ivr-audit-disable-next-line': 'next-line', 'ivr-audit-disable-file': 'file' } as const;

export interface Directive {
  /** `unknown` for a misspelt directive such as `ivr-audit-disable-line`. */
  kind: 'next-line' | 'file' | 'unknown';
  /** The directive as written (`ivr-audit-disable-next-line`). */
  name: string;
  /** Empty: every rule. */
  ruleIds: string[];
  reason?: string;
  /** Where the comment is (1-based; end exclusive). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface DirectiveOptions {
  /** Report directives that suppress nothing (default true). */
  reportUnused?: boolean;
  /** Severity of the `unused-disable` findings, as configured (default info); `off` reports none. */
  severity?: SeverityOrOff;
}

/** The directives in the comments of a YAML text. Text in quoted or block scalars is not a comment. */
export function parseDirectives(text: string): Directive[] {
  // Most files have none: skip the second parse.
  if (!text.includes(PREFIX)) return [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const directives: Directive[] = [];
  for (const comment of yamlComments(source)) {
    const directive = parseComment(comment.text);
    if (!directive) continue;
    directives.push({ ...directive, line: comment.line, column: comment.column, endLine: comment.line, endColumn: comment.column + comment.text.length });
  }
  return directives;
}

interface Comment {
  text: string;
  line: number;
  column: number;
}

/**
 * Every comment of the text, from the yaml package's concrete syntax tree: it knows where quoted
 * strings and block scalars begin and end, which a line scan gets wrong. The walk is iterative:
 * hostile files can nest deeply.
 */
function yamlComments(source: string): Comment[] {
  const lineCounter = new LineCounter();
  const comments: Comment[] = [];
  const pending: unknown[] = [];
  try {
    for (const token of new Parser(lineCounter.addNewLine).parse(source)) pending.push(token);
  } catch {
    return []; // a file the parser cannot even tokenize has no usable comments
  }
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const token = value as { type?: unknown; source?: unknown; offset?: unknown };
    if (token.type === 'comment' && typeof token.source === 'string' && typeof token.offset === 'number') {
      const { line, col } = lineCounter.linePos(token.offset);
      comments.push({ text: token.source.replace(/\r$/, ''), line, column: col });
      continue;
    }
    for (const child of Object.values(value)) {
      if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return comments.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `# ivr-audit-disable-next-line a, b -- why` → its parts; undefined for any other comment. */
export function parseComment(comment: string): Omit<Directive, 'line' | 'column' | 'endLine' | 'endColumn'> | undefined {
  const body = comment.replace(/^#/, '').trim();
  const match = /^(ivr-audit-disable[\w-]*)(?:\s+([\s\S]*))?$/.exec(body);
  if (!match) return undefined;
  const name = match[1]!;
  const rest = match[2] ?? '';
  // The reason follows two or more dashes standing alone, as in ESLint.
  const separator = /(?:^|\s)-{2,}(?:\s|$)/.exec(rest);
  const list = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
  const directive: Omit<Directive, 'line' | 'column' | 'endLine' | 'endColumn'> = {
    kind: Object.hasOwn(KINDS, name) ? KINDS[name as keyof typeof KINDS] : 'unknown',
    name,
    ruleIds: list.split(/[\s,]+/).filter(Boolean),
  };
  if (reason) directive.reason = reason;
  return directive;
}

/**
 * Drops the findings of `file` that a directive in `text` disables, and adds an `info` finding
 * (rule `unused-disable`) for each directive, or rule id of one, that suppressed nothing, names
 * an unknown rule, or is not a directive. Findings of other files pass through.
 */
export function applyDirectives(text: string, file: string, findings: readonly Finding[], options: DirectiveOptions = {}): Finding[] {
  const directives = parseDirectives(text);
  if (directives.length === 0) return [...findings];
  const nextLine = new Map<number, Directive[]>();
  const fileWide: Directive[] = [];
  for (const directive of directives) {
    if (directive.kind === 'file') fileWide.push(directive);
    else if (directive.kind === 'next-line') nextLine.set(directive.line + 1, [...(nextLine.get(directive.line + 1) ?? []), directive]);
  }
  // Per directive, the rule ids that suppressed something ('*' for a directive without ids).
  const used = new Map<Directive, Set<string>>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const covering = finding.file === file
      ? [...(nextLine.get(finding.line) ?? []), ...fileWide].filter((directive) => covers(directive, finding.ruleId))
      : [];
    if (covering.length === 0) {
      kept.push(finding);
      continue;
    }
    for (const directive of covering) {
      const ids = used.get(directive) ?? new Set<string>();
      ids.add(directive.ruleIds.length === 0 ? '*' : finding.ruleId);
      used.set(directive, ids);
    }
  }
  if (options.severity !== 'off') {
    for (const directive of directives) kept.push(...directiveFindings(directive, used.get(directive), file, options));
  }
  return kept.sort(compareFindings);
}

function covers(directive: Directive, ruleId: string): boolean {
  return directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId);
}

function directiveFindings(directive: Directive, used: ReadonlySet<string> | undefined, file: string, options: DirectiveOptions): Finding[] {
  const severity: Severity = options.severity === undefined || options.severity === 'off' ? 'info' : options.severity;
  if (directive.kind === 'unknown') {
    return [directiveFinding(directive, file, severity, `\`${directive.name}\` is not a directive: use ivr-audit-disable-next-line or ivr-audit-disable-file`)];
  }
  const findings: Finding[] = [];
  const unused: string[] = [];
  for (const id of directive.ruleIds) {
    if (!findRule(id)) {
      const near = closest(id, ruleMetas().map((meta) => meta.id));
      findings.push(directiveFinding(directive, file, severity, `${directive.name}: "${id}" is not a rule${near ? ` (did you mean "${near}"?)` : ''}`));
    } else if (!used?.has(id)) {
      unused.push(id);
    }
  }
  const reportUnused = options.reportUnused ?? true;
  if (reportUnused && directive.ruleIds.length === 0 && !used) {
    findings.push(directiveFinding(directive, file, severity, `${directive.name} suppresses nothing`));
  } else if (reportUnused && unused.length > 0) {
    findings.push(directiveFinding(directive, file, severity, `${directive.name} ${unused.join(', ')} suppresses nothing`));
  }
  return findings;
}

function directiveFinding(directive: Directive, file: string, severity: Severity, message: string): Finding {
  return {
    ruleId: UNUSED_DISABLE,
    severity,
    message,
    file,
    line: directive.line,
    column: directive.column,
    endLine: directive.endLine,
    endColumn: directive.endColumn,
    pointer: '',
    fingerprint: directiveFingerprint(file, message),
    docs: `${DOCS_BASE}${UNUSED_DISABLE}.md`,
  };
}

/**
 * Same recipe and length as the engine's fingerprints; the message names the directive and its
 * rule ids but no line, so moving the comment keeps the fingerprint (and a baseline entry).
 */
export function directiveFingerprint(file: string, message: string): string {
  return fingerprint(UNUSED_DISABLE, file, 'directive', message);
}
