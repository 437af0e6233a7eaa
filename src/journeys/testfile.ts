// Reads a journey test file (`*.ivr-test.yaml`): checked against schemas/ivr-test.schema.json,
// with every problem placed at its line so that a bad test file is a positioned error, never a
// test that silently passes.
import { validate as generatedValidate } from '../load/generated/journey-test-validator.js';
import { parseYaml, type Place } from '../load/yaml.js';
import type { SourceRange } from '../model/flow.js';
import { joinPointer, splitPointer } from '../util/pointer.js';
import type { HoursState } from './walk.js';

export interface Expectations {
  reaches?: string[];
  ends?: string;
  maxSeconds?: number;
  maxIdentityQuestions?: number;
  maxTransfers?: number;
  noFindings?: string[];
}

export interface JourneyTest {
  name: string;
  keys: string[];
  hours?: HoursState;
  take?: Record<string, string>;
  expect: Expectations;
  /** Where the journey is written (its `name`), for results. */
  range: SourceRange;
  /** Where each expectation is written, for failures. */
  expectRanges: Partial<Record<keyof Expectations, SourceRange>>;
}

export interface TestFile {
  /** The flow path as written, relative to the test file. */
  flow: string;
  flowRange: SourceRange;
  journeys: JourneyTest[];
}

export interface TestFileProblem {
  message: string;
  range: SourceRange;
}

export type ReadTestFile = { ok: true; file: TestFile } | { ok: false; problems: TestFileProblem[] };

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

interface Validator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

const validateTestFile = generatedValidate as unknown as Validator;

const START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function rangeAt(places: ReadonlyMap<string, Place>, pointer: string, key = false): SourceRange {
  for (let at = pointer; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/')))) {
    const place = places.get(at);
    if (place) return (key ? place.key : undefined) ?? place.value;
    if (at === '') return START;
  }
}

/** Says an ajv error in a test author's words. */
function explain(error: AjvError): { pointer: string; message: string; key: boolean } {
  const where = splitPointer(error.instancePath).join('.') || 'the file';
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      return { pointer: joinPointer(error.instancePath, extra), key: true, message: `unknown key "${extra}" in ${where}` };
    }
    case 'required':
      return { pointer: error.instancePath, key: false, message: `${where} needs \`${String(error.params.missingProperty)}\`` };
    case 'enum':
      return { pointer: error.instancePath, key: false, message: `${where} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}` };
    case 'type':
      return { pointer: error.instancePath, key: false, message: `${where} must be ${String(error.params.type)}` };
    default:
      return { pointer: error.instancePath, key: false, message: `${where} ${error.message ?? 'is not valid'}` };
  }
}

export function readTestFile(text: string): ReadTestFile {
  const parsed = parseYaml(text);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems.map((problem) => ({ message: problem.message, range: problem.range })) };
  if (parsed.data === undefined) return { ok: false, problems: [{ message: 'the test file is empty: it needs `flow` and `journeys`', range: START }] };
  if (!validateTestFile(parsed.data)) {
    const seen = new Set<string>();
    const problems: TestFileProblem[] = [];
    for (const error of validateTestFile.errors ?? []) {
      // anyOf reports each branch too; the branch errors say it better than the summary.
      if (error.keyword === 'anyOf') continue;
      const { pointer, message, key } = explain(error);
      if (seen.has(message)) continue;
      seen.add(message);
      problems.push({ message, range: rangeAt(parsed.places, pointer, key) });
    }
    return { ok: false, problems };
  }
  return { ok: true, file: testFileOf(parsed.data as RawTestFile, parsed.places) };
}

interface RawJourney {
  name: string;
  keys: string[];
  at?: { hours?: HoursState };
  take?: Record<string, string>;
  expect: Omit<Expectations, 'reaches'> & { reaches?: string | string[] };
}

interface RawTestFile {
  flow: string;
  journeys: RawJourney[];
}

function testFileOf(raw: RawTestFile, places: ReadonlyMap<string, Place>): TestFile {
  const journeys = raw.journeys.map((journey, index): JourneyTest => {
    const at = joinPointer('', 'journeys', index);
    const expectRanges: JourneyTest['expectRanges'] = {};
    for (const key of Object.keys(journey.expect) as Array<keyof Expectations>) {
      expectRanges[key] = rangeAt(places, joinPointer(at, 'expect', key));
    }
    const { reaches, ...rest } = journey.expect;
    return {
      name: journey.name,
      keys: journey.keys,
      ...(journey.at?.hours ? { hours: journey.at.hours } : {}),
      ...(journey.take ? { take: journey.take } : {}),
      expect: { ...rest, ...(reaches === undefined ? {} : { reaches: typeof reaches === 'string' ? [reaches] : reaches }) },
      range: rangeAt(places, joinPointer(at, 'name')),
      expectRanges,
    };
  });
  return { flow: raw.flow, flowRange: rangeAt(places, '/flow'), journeys };
}
