// Checks a config file: its shape against schemas/config.schema.json (compiled at build time by
// scripts/build-validator.js), then every rule entry against the registry, so that a typo in a
// rule id or an option is a clear error instead of a setting silently ignored.
import { LineCounter, parseDocument } from 'yaml';
import type { RuleSetting } from '../engine.js';
import { UsageError } from '../files.js';
import { validate as generatedValidate } from '../load/generated/config-validator.js';
import type { SeverityOrOff } from '../model/finding.js';
import { findRule, ruleMetas } from '../rules/index.js';
import type { RuleOption } from '../rules/types.js';
import { splitPointer } from '../util/pointer.js';
import { DEFAULT_WEIGHTS } from '../score/weights.js';
import { GlobError, compileGlob } from '../util/glob-match.js';
import { closest } from '../util/suggest.js';
import { ConfigError } from './errors.js';
import type { ConfigFile } from './types.js';

export { ConfigError } from './errors.js';

/** The subset of an ajv error this module reads. */
interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

interface Validator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

const validateShape = generatedValidate as unknown as Validator;

export const SEVERITIES: readonly SeverityOrOff[] = ['error', 'warning', 'info', 'off'];

/**
 * Keys each mapping of the schema allows, by the schema path of that mapping, for "did you mean".
 * A test checks them against schemas/config.schema.json.
 */
export const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '#': ['extends', 'settings', 'rules', 'overrides', 'ignore', 'lang', 'confineSubflows', 'scoring'],
  '#/properties/overrides/items': ['files', 'rules', 'settings'],
  '#/properties/scoring': ['minScore', 'weights'],
  '#/properties/scoring/properties/weights': Object.keys(DEFAULT_WEIGHTS),
  '#/definitions/settings': ['answerRings', 'ringSeconds', 'wordsPerMinute', 'language', 'patienceSeconds'],
};

/** YAML's words for JSON Schema types, as a CX designer reads them. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

interface Problem {
  key: string;
  detail: string;
}

/**
 * Reads config text (YAML; JSON is YAML too). `file` is the name used in messages.
 * An empty file is an empty config. Throws `ConfigError`.
 */
export function parseConfigText(text: string, file: string): ConfigFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  // Configs are small, so yaml's own (quadratic) duplicate-key check is fine here.
  let doc;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: false, strict: true, uniqueKeys: true, merge: true });
  } catch (caught) {
    // Some nestings (`- - - ...` thousands deep) overflow the parser's stack outright.
    if (caught instanceof RangeError) throw new ConfigError(file, undefined, 'is nested too deeply to read');
    throw caught;
  }
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ConfigError(`${file}:${line}:${col}`, undefined, firstLine(error.message));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (caught) {
    throw new ConfigError(file, undefined, `cannot be read: ${firstLine(caught instanceof Error ? caught.message : String(caught))}`);
  }
  return validateConfig(data ?? {}, file);
}

/**
 * Checks parsed config data and returns it typed. `keyPrefix` names where the config sits in its
 * file (`ivr-audit` for package.json). Throws `ConfigError` naming the first problem (and how
 * many more there are).
 */
export function validateConfig(data: unknown, file: string, keyPrefix = ''): ConfigFile {
  const problems = [...shapeProblems(data), ...ruleEntryProblems(data), ...globProblems(data)];
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    const key = [keyPrefix, first.key].filter(Boolean).join('.');
    throw new ConfigError(file, key || undefined, first.detail + more);
  }
  return data as ConfigFile;
}

/** Problems the schema finds, except inside rule entries, which `ruleEntryProblems` explains better. */
function shapeProblems(data: unknown): Problem[] {
  if (validateShape(data)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of validateShape.errors ?? []) {
    const segments = splitPointer(error.instancePath);
    if (isInsideRules(segments)) continue;
    const problem = explain(error, segments, data);
    const id = `${problem.key}\u0000${problem.detail}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}

/** `rules.<id>...` or `overrides.<n>.rules.<id>...`: a rule entry, not the `rules` mapping itself. */
function isInsideRules(segments: readonly string[]): boolean {
  if (segments[0] === 'rules') return segments.length > 1;
  return segments[0] === 'overrides' && segments[2] === 'rules' && segments.length > 3;
}

function explain(error: AjvError, segments: readonly string[], data: unknown): Problem {
  const key = keyPath(segments, data);
  const { params } = error;
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const known = KNOWN_KEYS[error.schemaPath.replace(/\/additionalProperties$/, '')] ?? [];
      return { key: joinKey(key, unknown), detail: `unknown key${suggestion(unknown, known)}` };
    }
    case 'required':
      return { key: joinKey(key, String(params.missingProperty)), detail: 'is required' };
    case 'type':
      return { key, detail: `must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = valueAtSegments(data, segments);
      const hint = typeof value === 'string' ? suggestion(value, allowed) : '';
      return { key, detail: `must be one of ${allowed.join(', ')}${hint}` };
    }
    case 'minimum':
      return { key, detail: `must be at least ${String(params.limit)}` };
    case 'exclusiveMinimum':
      return { key, detail: `must be greater than ${String(params.limit)}` };
    case 'maximum':
      return { key, detail: `must be at most ${String(params.limit)}` };
    case 'minItems':
      return { key, detail: `must list at least ${String(params.limit)} pattern${params.limit === 1 ? '' : 's'}` };
    case 'minLength':
      return { key, detail: 'must not be empty' };
    default:
      return { key, detail: `is not valid (${error.keyword})` };
  }
}

/** Patterns the matcher refuses (braces nested too deeply), named by where they are written. */
function globProblems(data: unknown): Problem[] {
  if (!isMapping(data)) return [];
  const problems: Problem[] = [];
  const check = (patterns: unknown, at: string): void => {
    if (!Array.isArray(patterns)) return; // the schema reports it
    patterns.forEach((pattern: unknown, index) => {
      if (typeof pattern !== 'string') return;
      try {
        compileGlob(pattern);
      } catch (error) {
        if (!(error instanceof GlobError)) throw error;
        problems.push({ key: `${at}[${index}]`, detail: `is not a usable glob: ${error.message}` });
      }
    });
  };
  check(data.ignore, 'ignore');
  if (Array.isArray(data.overrides)) {
    data.overrides.forEach((override, index) => {
      if (isMapping(override)) check(override.files, `overrides[${index}].files`);
    });
  }
  return problems;
}

/** Checks every rule entry of `rules` and of each override's `rules` against the registry. */
function ruleEntryProblems(data: unknown): Problem[] {
  if (!isMapping(data)) return [];
  const problems: Problem[] = [];
  const check = (rules: unknown, at: string): void => {
    if (!isMapping(rules)) return; // the schema reports it
    for (const [id, value] of Object.entries(rules)) {
      const detail = ruleSettingProblem(id, value);
      if (detail) problems.push({ key: joinKey(at, id), detail });
    }
  };
  check(data.rules, 'rules');
  if (Array.isArray(data.overrides)) {
    data.overrides.forEach((override, index) => {
      if (isMapping(override)) check(override.rules, `overrides[${index}].rules`);
    });
  }
  return problems;
}

/**
 * What is wrong with one rule entry (`id: value` of a `rules` mapping), or undefined when it is
 * fine. Exported for `--rule` and for callers that build settings in code.
 */
export function ruleSettingProblem(id: string, value: unknown): string | undefined {
  const rule = findRule(id);
  if (!rule) {
    const near = closest(id, ruleMetas().map((meta) => meta.id));
    return near === undefined
      ? `"${id}" is not a rule (\`ivr-audit rules\` lists them)`
      : `"${id}" is not a rule (did you mean "${near}"?)`;
  }
  if (rule.meta.alwaysOn) return `cannot be set: ${id} reports a failure of ivr-audit itself, not of the flow, and is always an error`;
  if (typeof value === 'string') return severityProblem(value);
  if (!Array.isArray(value)) return 'must be a severity (error, warning, info, off) or [severity, { options }]';
  if (value.length < 1 || value.length > 2) return `must be [severity] or [severity, { options }], not a list of ${value.length}`;
  const severity = value[0] as unknown;
  if (typeof severity !== 'string') return 'the first entry must be a severity (error, warning, info, off)';
  const bad = severityProblem(severity);
  if (bad) return bad;
  if (value.length === 1) return undefined;
  const options = value[1] as unknown;
  if (!isMapping(options)) return 'the second entry must be a mapping of options, e.g. { max: 1 }';
  for (const [name, optionValue] of Object.entries(options)) {
    const problem = optionProblem(id, rule.meta.options, name, optionValue);
    if (problem) return problem;
  }
  return undefined;
}

function severityProblem(value: string): string | undefined {
  if ((SEVERITIES as readonly string[]).includes(value)) return undefined;
  return `"${value}" is not a severity: use error, warning, info or off${suggestion(value, SEVERITIES)}`;
}

function optionProblem(ruleId: string, options: readonly RuleOption[], name: string, value: unknown): string | undefined {
  const option = options.find((candidate) => candidate.name === name);
  if (!option) {
    if (options.length === 0) return `option "${name}" is not an option of ${ruleId} (it has no options)`;
    return `option "${name}" is not an option of ${ruleId}${suggestion(name, options.map((candidate) => candidate.name))}`;
  }
  const got = ` (got ${describeValue(value)})`;
  switch (option.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `option "${name}" must be a whole number${got}`;
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `option "${name}" must be a number${got}`;
      break;
    case 'string[]':
      if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) return `option "${name}" must be a list of text${got}`;
      return undefined;
  }
  if (option.minimum !== undefined && (value as number) < option.minimum) return `option "${name}" must be at least ${option.minimum}${got}`;
  return undefined;
}

/**
 * Parses `--rule` flags (repeatable; the last one for an id wins): `ID=SEVERITY`, or with options
 * as in a config file, `ID=[SEVERITY, { options }]`, written as JSON or YAML flow syntax
 * (`identity-questions=[error,{max:1}]`). Checked as config entries are. Throws `UsageError` naming the flag.
 */
export function parseRuleFlags(values: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const value of values) {
    // Rule ids hold no `=`, option values may (a string in a list): the first one ends the id.
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`--rule ${value}: expected ID=SEVERITY or ID=[SEVERITY, { options }], e.g. --rule transfer-chain=warning`);
    const id = value.slice(0, at).trim();
    const text = value.slice(at + 1).trim();
    const setting = text.startsWith('[') ? ruleFlagList(value, text) : text;
    const problem = ruleSettingProblem(id, setting);
    if (problem) throw new UsageError(`--rule ${value}: ${problem}`);
    rules[id] = setting as RuleSetting;
  }
  return rules;
}

/** `[error, {max: 1}]` as data: JSON first, then YAML's flow syntax. */
function ruleFlagList(flag: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: YAML's flow syntax is the relaxed form (unquoted keys and words).
  }
  const doc = parseDocument(text, { prettyErrors: false, strict: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) throw new UsageError(`--rule ${flag}: cannot read the value as JSON or YAML (${firstLine(error.message)}); write it as [severity, { option: value }]`);
  return withTightPairs(doc.toJS() as unknown);
}

/**
 * YAML reads `{max:1}` (no space after the colon) as a key `max:1` without a value, where a
 * command line means `max: 1`: such keys are split at their first colon, the rest read as YAML.
 */
function withTightPairs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withTightPairs);
  if (!isMapping(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const colon = key.indexOf(':');
    if (entry === null && colon > 0) result[key.slice(0, colon).trim()] = withTightPairs(parseDocument(key.slice(colon + 1)).toJS() as unknown);
    else result[key] = withTightPairs(entry);
  }
  return result;
}

function suggestion(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates);
  return near === undefined || near === word ? '' : ` (did you mean "${near}"?)`;
}

/** `overrides[0].files[2]`: JSON pointer segments as a reader of YAML names the key. */
function keyPath(segments: readonly string[], data: unknown): string {
  let key = '';
  let current: unknown = data;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      key += `[${segment}]`;
      current = current[Number(segment)];
    } else {
      key = joinKey(key, segment);
      current = isMapping(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
    }
  }
  return key;
}

function valueAtSegments(data: unknown, segments: readonly string[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isMapping(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

function joinKey(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
