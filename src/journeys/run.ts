// Runs journey test files: read each, walk its flow once per journey, check the expectations.
import { dirname, relative, resolve } from 'node:path';
import { FileReadError, readSourceFile } from '../load/index.js';
import type { SourceRange } from '../model/flow.js';
import { findRule } from '../rules/index.js';
import { checkWalk, type Failure } from './check.js';
import { FlowUnavailable, walkableFlow, type WalkableFlow } from './flow-journeys.js';
import { readTestFile, type JourneyTest, type TestFileProblem } from './testfile.js';
import { walkJourney, type Walk } from './walk.js';

export interface JourneyResult {
  name: string;
  range: SourceRange;
  passed: boolean;
  failures: Failure[];
  walk: Walk;
}

export interface TestFileResult {
  /** The test file as given. */
  file: string;
  /** The flow it tests, relative to the working folder; absent when the test file could not be read. */
  flow?: string;
  journeys: JourneyResult[];
  /** Why the test file itself is wrong (exit 2); empty when it ran. */
  problems: TestFileProblem[];
}

export interface TestRun {
  files: TestFileResult[];
  summary: { passed: number; failed: number; badFiles: number };
}

const START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Rule ids in `noFindings` that no rule has: a typo would make the expectation pass forever. */
function unknownRuleProblems(journeys: readonly JourneyTest[]): TestFileProblem[] {
  return journeys.flatMap((journey) => (journey.expect.noFindings ?? [])
    .filter((id) => !findRule(id))
    .map((id) => ({ message: `unknown rule "${id}" in noFindings of journey "${journey.name}"`, range: journey.expectRanges.noFindings ?? journey.range })));
}

export function runJourney(flow: WalkableFlow, journey: JourneyTest): JourneyResult {
  const walk = walkJourney(flow.graph, journey.keys, { hours: journey.hours, take: journey.take });
  const failures = checkWalk(walk, journey.expect, flow.findings);
  return { name: journey.name, range: journey.range, passed: failures.length === 0, failures, walk };
}

export async function runTestFile(file: string, cwd: string): Promise<TestFileResult> {
  const absolute = resolve(cwd, file);
  let text: string;
  try {
    text = await readSourceFile(absolute);
  } catch (error) {
    return { file, journeys: [], problems: [{ message: error instanceof FileReadError ? error.message : `cannot read ${file}`, range: START }] };
  }
  const read = readTestFile(text);
  if (!read.ok) return { file, journeys: [], problems: read.problems };
  const unknownRules = unknownRuleProblems(read.file.journeys);
  if (unknownRules.length > 0) return { file, journeys: [], problems: unknownRules };
  const flowPath = resolve(dirname(absolute), read.file.flow);
  const shownFlow = relative(cwd, flowPath) || flowPath;
  let flow: WalkableFlow;
  try {
    flow = await walkableFlow(flowPath, shownFlow);
  } catch (error) {
    if (!(error instanceof FlowUnavailable)) throw error;
    return { file, flow: shownFlow, journeys: [], problems: [{ message: error.message, range: read.file.flowRange }] };
  }
  return { file, flow: shownFlow, journeys: read.file.journeys.map((journey) => runJourney(flow, journey)), problems: [] };
}

export async function runTests(files: readonly string[], cwd: string): Promise<TestRun> {
  const results: TestFileResult[] = [];
  for (const file of files) results.push(await runTestFile(file, cwd));
  const journeys = results.flatMap((result) => result.journeys);
  return {
    files: results,
    summary: {
      passed: journeys.filter((journey) => journey.passed).length,
      failed: journeys.filter((journey) => !journey.passed).length,
      badFiles: results.filter((result) => result.problems.length > 0).length,
    },
  };
}
