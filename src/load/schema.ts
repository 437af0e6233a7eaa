import { NODE_TYPES, type NodeType, type SourceRange } from '../model/flow.js';
import { validate as generatedValidate } from './generated/callflow-validator.js';
import { closest } from '../util/suggest.js';
import type { Place } from './yaml.js';
import { joinPointer, splitPointer, valueAt } from '../util/pointer.js';

/** The subset of an ajv error this module reads. */
interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
}

interface Validator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

const validateCallFlow = generatedValidate as unknown as Validator;

export interface SchemaProblem {
  message: string;
  range: SourceRange;
  pointer: string;
}

/** Keys each node type allows, for "did you mean" on unknown keys. Kept beside the schema's wording. */
const COMMON_KEYS = ['type', 'say', 'durationSeconds', 'label', 'approval', 'offer'];

/** Checks a parsed document against format v1 and explains each problem for a CX designer. */
export function checkSchema(data: unknown, places: ReadonlyMap<string, Place>): SchemaProblem[] {
  if (data === undefined || data === null) {
    return [{
      message: 'the file is empty: a flow needs `version: 1`, `name`, `entry` and `nodes`',
      range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
      pointer: '',
    }];
  }
  if (validateCallFlow(data)) return [];
  const errors = validateCallFlow.errors ?? [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of selectErrors(errors)) {
    const problem = explain(error, data, places);
    if (!problem) continue;
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

/**
 * ajv reports every failed branch of an `anyOf`. When the value has the shape of one branch
 * (say, an option written as a mapping), keep that branch's specific errors; otherwise keep the
 * one `anyOf` error, which `explain` turns into "must be X or Y".
 */
function selectErrors(errors: AjvError[]): AjvError[] {
  const anyOfRoots = new Map<string, AjvError[]>();
  const kept: AjvError[] = [];
  for (const error of errors) {
    const root = anyOfRoot(error.schemaPath);
    if (root === undefined) {
      kept.push(error);
      continue;
    }
    const group = anyOfRoots.get(`${error.instancePath}|${root}`) ?? [];
    group.push(error);
    anyOfRoots.set(`${error.instancePath}|${root}`, group);
  }
  // A value written as a mapping where text was also allowed: "must be text" would mislead.
  const anyOfPaths = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  const withoutTypeNoise = kept.filter((error) => !(error.keyword === 'type' && anyOfPaths.has(error.instancePath)));
  kept.length = 0;
  kept.push(...withoutTypeNoise);
  for (const group of anyOfRoots.values()) {
    const specific = group.filter((error) => error.keyword !== 'type' && error.keyword !== 'anyOf');
    if (specific.length > 0) kept.push(...specific);
    else kept.push(...group.filter((error) => error.keyword === 'anyOf'));
  }
  return kept;
}

function anyOfRoot(schemaPath: string): string | undefined {
  const index = schemaPath.indexOf('/anyOf');
  return index < 0 ? undefined : schemaPath.slice(0, index + '/anyOf'.length);
}

function explain(error: AjvError, data: unknown, places: ReadonlyMap<string, Place>): SchemaProblem | undefined {
  const pointer = error.instancePath;
  const subject = describe(pointer, data);
  const at = (target: string, part: 'key' | 'value' = 'value'): SchemaProblem['range'] => placeOf(places, target, part);
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      return { message: `${subject} needs \`${missing}\``, range: at(pointer, 'key'), pointer };
    }
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      const child = joinPointer(pointer, extra);
      const suggestion = closest(extra, allowedKeys(pointer, data));
      const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
      return { message: `\`${extra}\` is not a key of ${subject}${hint}`, range: at(child, 'key'), pointer: child };
    }
    case 'const':
      if (pointer === '/version') {
        return {
          message: `version ${JSON.stringify(valueAt(data, pointer))} is not supported: this tool reads version 1`,
          range: at(pointer),
          pointer,
        };
      }
      return { message: `${subject} must be ${JSON.stringify(error.params.allowedValue)}`, range: at(pointer), pointer };
    case 'discriminator': {
      const typePointer = `${pointer}/type`;
      const given = valueAt(data, typePointer);
      // A missing or non-text type is already reported by `required` or `type`.
      if (typeof given !== 'string') return undefined;
      const suggestion = closest(given, NODE_TYPES);
      const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
      return {
        message: `${subject} has an unknown type \`${given}\`; the types are ${NODE_TYPES.join(', ')}.${hint}`,
        range: at(typePointer),
        pointer: typePointer,
      };
    }
    case 'enum':
      return {
        message: `${subject} must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`,
        range: at(pointer),
        pointer,
      };
    case 'type':
      return { message: `${subject} must be ${article(String(error.params.type))}`, range: at(pointer), pointer };
    case 'anyOf':
      return { message: `${subject} must be ${anyOfExpectation(pointer)}`, range: at(pointer), pointer };
    case 'maximum':
    case 'minimum':
    case 'exclusiveMinimum': {
      // The bound is the point: a figure no call has (1e308 rings) would overflow the analysis.
      const words = { maximum: 'at most', minimum: 'at least', exclusiveMinimum: 'greater than' }[error.keyword];
      const given = valueAt(data, pointer);
      return { message: `${subject} must be ${words} ${String(error.params.limit)} (it is ${String(given)})`, range: at(pointer), pointer };
    }
    case 'propertyNames':
      // ajv adds this summary after the key's own error (`pattern` with the key), which says more.
      return undefined;
    case 'minProperties':
      return { message: `${subject} must not be empty`, range: at(pointer, 'key'), pointer };
    case 'pattern':
    case 'minLength':
      if (error.propertyName !== undefined) {
        const child = joinPointer(pointer, error.propertyName);
        return {
          message: `\`${error.propertyName}\` is not a valid id: use a letter or _ first, then letters, digits, _ . or -`,
          range: at(child, 'key'),
          pointer: child,
        };
      }
      return { message: `${subject} must not be empty`, range: at(pointer), pointer };
    default:
      return { message: `${subject} ${error.message ?? 'is not valid'}`, range: at(pointer), pointer };
  }
}

function anyOfExpectation(pointer: string): string {
  if (/\/options\/[^/]+$/.test(pointer)) return 'a node id or a mapping with `next` (and optional `label`, `share`)';
  return 'text or a list of texts';
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping (key: value)',
    array: 'a list',
  };
  return words[type] ?? type;
}

/** Names the thing at a pointer the way a designer reads the file: "menu `main`'s `retries`". */
function describe(pointer: string, data: unknown): string {
  if (pointer === '') return 'the flow';
  const parts = splitPointer(pointer);
  if (parts[0] === 'nodes' && parts.length >= 2) {
    const nodeId = parts[1]!;
    const type = valueAt(data, joinPointer('/nodes', nodeId, 'type'));
    const node = NODE_TYPES.includes(type as NodeType) ? `${type as string} \`${nodeId}\`` : `node \`${nodeId}\``;
    if (parts.length === 2) return node;
    if (parts[2] === 'options' && parts.length === 4) return `option \`${parts[3]}\` of ${node}`;
    if (parts[2] === 'options' && parts.length === 5) return `\`${parts[4]}\` of option \`${parts[3]}\` of ${node}`;
    if (parts[2] === 'cases' && parts.length >= 4) {
      const field = parts.length === 5 ? `\`${parts[4]}\` of ` : '';
      return `${field}case ${Number(parts[3]) + 1} of ${node}`;
    }
    return `\`${parts.slice(2).join('.')}\` of ${node}`;
  }
  if (parts[0] === 'nodes') return '`nodes`';
  if (parts[0] === 'queues' && parts.length >= 2) {
    const queue = `queue \`${parts[1]}\``;
    return parts.length === 2 ? queue : `\`${parts.slice(2).join('.')}\` of ${queue}`;
  }
  if (parts[0] === 'schedules' && parts.length >= 2) {
    const schedule = `schedule \`${parts[1]}\``;
    return parts.length === 2 ? schedule : `\`${parts.slice(2).join('.')}\` of ${schedule}`;
  }
  return `\`${parts.join('.')}\``;
}

/** Keys allowed where an unknown key was found, read from the schema's own wording. */
function allowedKeys(pointer: string, data: unknown): string[] {
  const parts = splitPointer(pointer);
  if (parts.length === 0) return ['version', 'name', 'entry', 'description', 'kind', 'settings', 'queues', 'schedules', 'nodes'];
  if (parts[0] === 'settings') return ['answerRings', 'ringSeconds', 'wordsPerMinute', 'language', 'patienceSeconds'];
  if (parts[0] === 'queues') return ['agents', 'callsPerHour', 'ahtSeconds', 'targetAnswerSeconds', 'afterHoursAgents', 'patienceSeconds'];
  if (parts[0] === 'schedules') return ['timezone', 'open', 'holidays', 'closedShare'];
  if (parts[0] === 'nodes' && parts.length === 2) {
    const type = valueAt(data, `${pointer}/type`);
    return [...COMMON_KEYS, ...(typeof type === 'string' ? NODE_KEYS[type] ?? [] : [])];
  }
  if (parts[2] === 'options') return ['next', 'label', 'share'];
  if (parts[2] === 'cases') return ['when', 'next', 'share', 'times'];
  return [];
}

const NODE_KEYS: Record<string, string[]> = {
  play: ['next'],
  menu: ['options', 'onNoInput', 'onNoMatch', 'timeoutSeconds', 'retries'],
  input: ['collects', 'identity', 'next', 'onNoInput', 'onNoMatch', 'timeoutSeconds', 'retries'],
  branch: ['cases', 'default', 'onError'],
  transfer: ['to', 'rings', 'ringTimeoutSeconds', 'context', 'toFlow', 'next', 'onNoAnswer', 'onBusy'],
  queue: ['queue', 'maxWaitSeconds', 'expectedWaitSeconds', 'music', 'announcements', 'announceWait', 'callback', 'next', 'onTimeout', 'onFull'],
  agent: ['rings', 'resolves', 'next'],
  deflect: ['channel', 'resolves', 'next'],
  notify: ['channel', 'next'],
  lookup: ['by', 'provides', 'next', 'onNotFound'],
  hours: ['schedule', 'open', 'closed', 'holiday'],
  subflow: ['flow', 'next'],
  return: [],
  hangup: ['outcome'],
};

function placeOf(places: ReadonlyMap<string, Place>, pointer: string, part: 'key' | 'value'): SourceRange {
  // Walk up to the nearest written ancestor: a missing key is reported where its parent is.
  let current = pointer;
  for (;;) {
    const place = places.get(current);
    if (place) return (part === 'key' ? place.key : undefined) ?? place.value;
    if (current === '') return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
