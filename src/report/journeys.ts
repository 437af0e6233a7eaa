// Output of `ivr-audit test` and `ivr-audit call`: journeys as passed or failed, each failed one
// with the expectation that failed and the journey actually taken, step by step with its times.
import { Chalk, type ChalkInstance } from 'chalk';
import type { JourneyResult, TestRun } from '../journeys/run.js';
import type { CallerAction, Walk, WalkStep } from '../journeys/walk.js';
import { isMachineId, readableJourneyId, readableNames, type NodeNames } from '../rules/names.js';
import { TOOL_NAME } from '../version.js';
import { escapeJsonOutput, escapeXmlAttribute, escapeXmlText, visible } from './escape.js';
import { callClock as clock, plural } from './text.js';

export function actionText(action: CallerAction): string {
  if (action.kind === 'silence') return 'says nothing';
  if (action.kind === 'unexpected') return 'does something unexpected';
  return /^[0-9*#]+$/.test(action.text) ? `presses ${action.text}` : `says "${action.text}"`;
}

/**
 * How a step is named for people: `type id`, or the node's label when its id is machine-made (a
 * Connect UUID), with the subflow nodes it is reached through named the same way.
 */
export function stepName(step: WalkStep, names: NodeNames): string {
  const name = readableJourneyId(step.id, step.node, names);
  return isMachineId(step.node.id) && step.node.label ? name : `${step.node.type} ${name}`;
}

/** Readable names of every machine-made id on the walk. */
export function walkNames(walk: Walk): NodeNames {
  return readableNames(new Set(walk.steps.map((step) => step.flow)));
}

function stepLine(step: WalkStep, names: NodeNames): string {
  const what = isMachineId(step.node.id) ? step.node.say[0] : step.node.label ?? step.node.say[0];
  const said = what === undefined ? '' : ` "${what.length > 60 ? `${what.slice(0, 57)}...` : what}"`;
  const caller = step.action ? `; caller ${actionText(step.action)}${step.attempt && step.attempt > 1 ? ` (attempt ${step.attempt})` : ''}` : '';
  const exit = step.exit ? ` → ${step.exit}` : '';
  const seconds = `${Math.round(step.seconds)} s${step.unknownTime ? '+' : ''}`;
  return `${clock(step.at)}  ${stepName(step, names)}${said} (${seconds})${caller}${exit}`;
}

/** The journey as a person reads it: one line a step, then how it ended. */
export function walkLines(walk: Walk): string[] {
  const names = walkNames(walk);
  const lines = walk.steps.map((step) => visible(stepLine(step, names)));
  const person = walk.secondsToPerson === undefined ? 'no person reached' : `a person after ${Math.round(walk.secondsToPerson)} s`;
  const rings = walk.answerRings > 0 ? `, answered after ${plural(walk.answerRings, 'ring')}` : '';
  const last = walk.steps.at(-1);
  const endName = last && isMachineId(last.node.id) ? stepName(last, names) : walk.endsAt;
  lines.push(visible(`ends at ${endName} (${walk.end}) at ${clock(walk.totalSeconds)}${walk.unknownTime ? '+' : ''}: ${person}, ${plural(walk.identityQuestions, 'identity question')}, ${plural(walk.transfers, 'transfer')}${rings}`));
  return lines;
}

function journeyBlock(chalk: ChalkInstance, journey: JourneyResult): string[] {
  const mark = journey.passed ? chalk.green('✓') : chalk.red('✗');
  const lines = [`  ${mark} ${visible(journey.name)} ${chalk.dim(`(line ${journey.range.line})`)}`];
  if (journey.passed) return lines;
  for (const failure of journey.failures) lines.push(`      ${chalk.red(failure.expectation)}: ${visible(failure.message)}`);
  lines.push(`      ${chalk.dim('journey taken:')}`);
  for (const line of walkLines(journey.walk)) lines.push(`        ${chalk.dim(line)}`);
  return lines;
}

export function formatTestRunText(run: TestRun, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  for (const file of run.files) {
    lines.push(chalk.underline(visible(file.file)) + (file.flow ? chalk.dim(` → ${visible(file.flow)}`) : ''));
    for (const problem of file.problems) {
      lines.push(`  ${chalk.dim(`${problem.range.line}:${problem.range.column}`)}  ${chalk.red('error')}  ${visible(problem.message)}`);
    }
    for (const journey of file.journeys) lines.push(...journeyBlock(chalk, journey));
    lines.push('');
  }
  const { passed, failed, badFiles } = run.summary;
  const bad = badFiles > 0 ? `, ${plural(badFiles, 'test file')} could not run` : '';
  const summary = `${plural(passed + failed, 'journey')}: ${passed} passed, ${failed} failed${bad}`;
  lines.push(failed > 0 || badFiles > 0 ? chalk.red(summary) : chalk.green(summary));
  return `${lines.join('\n')}\n`;
}

function walkJson(walk: Walk): object {
  return {
    steps: walk.steps.map((step) => ({
      id: step.id,
      type: step.node.type,
      at: round(step.at),
      seconds: round(step.seconds),
      ...(step.unknownTime ? { unknownTime: true } : {}),
      ...(step.action ? { action: step.action } : {}),
      ...(step.attempt ? { attempt: step.attempt } : {}),
      ...(step.exit ? { exit: step.exit } : {}),
    })),
    endsAt: walk.endsAt,
    end: walk.end,
    ...(walk.secondsToPerson === undefined ? {} : { secondsToPerson: round(walk.secondsToPerson) }),
    totalSeconds: round(walk.totalSeconds),
    identityQuestions: walk.identityQuestions,
    transfers: walk.transfers,
    ...(walk.problem ? { problem: walk.problem } : {}),
  };
}

const round = (seconds: number): number => Math.round(seconds * 10) / 10;

export function formatTestRunJson(run: TestRun): string {
  const files = run.files.map((file) => ({
    file: file.file,
    ...(file.flow ? { flow: file.flow } : {}),
    problems: file.problems,
    journeys: file.journeys.map((journey) => ({
      name: journey.name,
      line: journey.range.line,
      passed: journey.passed,
      failures: journey.failures,
      journey: walkJson(journey.walk),
    })),
  }));
  return `${escapeJsonOutput(JSON.stringify({ files, summary: run.summary }, null, 2))}\n`;
}

export function formatWalkJson(walk: Walk): string {
  return `${escapeJsonOutput(JSON.stringify(walkJson(walk), null, 2))}\n`;
}

/** JUnit: a test file is a suite, a journey a test case; a bad test file is one erroring case. */
export function formatTestRunJunit(run: TestRun): string {
  const suites = run.files.map((file) => {
    const cases = file.journeys.map((journey) => {
      const open = `    <testcase name="${escapeXmlAttribute(journey.name)}" classname="${escapeXmlAttribute(file.file)}" file="${escapeXmlAttribute(file.file)}" line="${journey.range.line}"`;
      if (journey.passed) return `${open}/>`;
      const message = journey.failures.map((failure) => `${failure.expectation}: ${failure.message}`).join('; ');
      const body = [...journey.failures.map((failure) => `${failure.expectation}: ${failure.message}`), '', 'journey taken:', ...walkLines(journey.walk)].join('\n');
      return `${open}>\n      <failure message="${escapeXmlAttribute(message)}" type="journey">${escapeXmlText(body)}</failure>\n    </testcase>`;
    });
    for (const problem of file.problems) {
      cases.push(`    <testcase name="test file" classname="${escapeXmlAttribute(file.file)}" file="${escapeXmlAttribute(file.file)}" line="${problem.range.line}">\n      <error message="${escapeXmlAttribute(problem.message)}" type="test-file"/>\n    </testcase>`);
    }
    const failures = file.journeys.filter((journey) => !journey.passed).length;
    const errors = file.problems.length;
    return `  <testsuite name="${escapeXmlAttribute(file.file)}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const total = run.summary.passed + run.summary.failed + run.files.reduce((sum, file) => sum + file.problems.length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${TOOL_NAME} test" tests="${total}" failures="${run.summary.failed}" errors="${run.files.reduce((sum, file) => sum + file.problems.length, 0)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
