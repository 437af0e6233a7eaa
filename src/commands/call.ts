import { spawn } from 'node:child_process';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { IvrAuditCommand } from '../cli/command.js';
import { UsageError } from '../files.js';
import { findingsOnWalk, problemMessage } from '../journeys/check.js';
import { FlowUnavailable, walkableFlow, type WalkableFlow } from '../journeys/flow-journeys.js';
import { simulateCall, type CallerTerminal, type Question } from '../journeys/simulator.js';
import { walkJourney, type HoursState, type Walk, type WalkChoices } from '../journeys/walk.js';
import { stderrLine, visible } from '../report/escape.js';
import { actionText, formatWalkJson, walkLines } from '../report/journeys.js';

export default class Call extends IvrAuditCommand {
  static override description = 'Call a flow as a caller would, on the terminal: prompts, a clock since answer, rings and hold; keys 0-9 * #, w to stay silent, q to hang up.';
  static override args = {
    flow: Args.string({ description: 'a flow file', required: true }),
  };
  static override examples = [
    '<%= config.bin %> call examples/acme-support.yaml',
    '<%= config.bin %> call examples/acme-support.yaml --keys 1,12345678',
  ];
  static override flags = {
    keys: Flags.string({ description: 'walk without a terminal: what the caller does at each menu and input, comma-separated (an empty item is silence, ? something unexpected)' }),
    hours: Flags.string({ options: ['open', 'closed', 'holiday'], description: 'the time of the call, for flows with schedules (default: open)' }),
    take: Flags.string({ multiple: true, multipleNonGreedy: true, description: 'NODE=EXIT: the exit a system step takes (a branch case, a queue timeout); repeatable' }),
    speak: Flags.boolean({ description: 'speak the prompts through espeak-ng' }),
    format: Flags.string({ char: 'f', options: ['text', 'json'], description: 'with --keys: text (default) or json' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Call);
    const choices: WalkChoices = { hours: flags.hours as HoursState | undefined, take: parseTakes(flags.take ?? []) };
    let flow: WalkableFlow;
    try {
      flow = await walkableFlow(args.flow, args.flow);
    } catch (error) {
      if (error instanceof FlowUnavailable) throw new UsageError(error.message);
      throw error;
    }
    const speak = flags.speak ? speaker(flow.flow.settings.language) : undefined;
    if (flags.keys !== undefined) {
      const walk = walkJourney(flow.graph, flags.keys.split(','), choices);
      if (speak) for (const step of walk.steps) if (step.node.say.length > 0) await speak(step.node.say.join(' '));
      process.stdout.write(flags.format === 'json' ? formatWalkJson(walk) : summary(walk, flow, false));
      if (walk.problem && walk.problem.kind !== 'keys-ran-out') process.exitCode = 1;
      return;
    }
    if (flags.format !== undefined) throw new UsageError('-f/--format needs --keys');
    if (!process.stdin.isTTY) throw new UsageError('call needs a terminal to take key presses; give --keys 1,2,... to walk without one');
    process.stdout.write(`Calling ${visible(flow.flow.name)}. Keys: 0-9 * #, w = stay silent, q = hang up.\n`);
    const outcome = await simulateCall(flow.graph, terminalOnStdio(speak), choices);
    process.stdout.write(`\n${outcome.hungUp ? 'You hung up.\n' : ''}${summary(outcome.walk, flow, outcome.hungUp)}`);
  }
}

function parseTakes(values: readonly string[]): Record<string, string> {
  const take: Record<string, string> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    if (at <= 0 || at === value.length - 1) throw new UsageError(`--take ${value}: expected NODE=EXIT, e.g. --take billing-queue=timeout`);
    take[value.slice(0, at)] = value.slice(at + 1);
  }
  return take;
}

/** The journey with its times, and what the audit says about it. */
function summary(walk: Walk, flow: WalkableFlow, hungUp: boolean): string {
  const lines = ['journey:', ...walkLines(walk).map((line) => `  ${line}`)];
  if (walk.problem && !(hungUp && walk.problem.kind === 'keys-ran-out')) lines.push(visible(`  ${problemMessage(walk.problem)}`));
  const findings = findingsOnWalk(walk, flow.findings);
  const score = flow.result?.score;
  lines.push('', `the audit says${score ? ` (flow score ${score.value}/100 ${score.grade})` : ''}:`);
  if (findings.length === 0) lines.push('  nothing on this journey');
  for (const finding of findings) lines.push(visible(`  ${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}  ${finding.ruleId}`));
  return `${lines.join('\n')}\n`;
}

/** Key presses from a raw-mode terminal. */
function terminalOnStdio(speak: ((text: string) => Promise<void>) | undefined): CallerTerminal {
  const stdin = process.stdin;
  return {
    write: (text) => process.stdout.write(visible(text, { keepLineBreaks: true })),
    ...(speak ? { speak } : {}),
    ask: (question: Question) => new Promise((resolvePress) => {
      const hint = question.line ? 'type, then Enter or #' : question.options.join(' ');
      process.stdout.write(`        [${hint}; w silent, q hang up] `);
      let typed = '';
      stdin.setRawMode(true);
      stdin.resume();
      const done = (answer: string | null): void => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        process.stdout.write(answer === null ? `${question.line ? ' ' : ''}hang up\n` : `${question.line ? ' ' : ''}→ caller ${actionText(answer === 'w' || answer === '' ? { kind: 'silence' } : { kind: 'answer', text: answer })}\n`);
        resolvePress(answer);
      };
      const onData = (chunk: Buffer): void => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\u0003' || char === '\u0004' || char === 'q') return done(null);
          if (char === 'w' && typed === '') return done('w');
          if (!question.line) {
            if (/^[0-9*#]$/.test(char) || /^[a-z]$/i.test(char)) return done(char);
            continue;
          }
          if (char === '\r' || char === '\n' || (char === '#' && typed !== '')) return done(typed === '' ? 'w' : typed);
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
          else if (/^[0-9*#a-z ]$/i.test(char)) typed += char;
          process.stdout.write(`\r        [${question.options.length > 0 ? 'type, then Enter' : 'type, then Enter or #'}] ${typed} \b`);
        }
      };
      stdin.on('data', onData);
    }),
  };
}

/** Speaks through espeak-ng; says once how to install it when it is missing, then stays quiet. */
function speaker(language: string): (text: string) => Promise<void> {
  let missing = false;
  return (text) => new Promise((done) => {
    if (missing) return done();
    const child = spawn('espeak-ng', ['-v', language === 'es' ? 'es' : 'en', '--', text], { stdio: 'ignore' });
    child.on('error', () => {
      missing = true;
      process.stderr.write(stderrLine('--speak needs espeak-ng, which is not installed (Debian and Ubuntu: sudo apt-get install espeak-ng); prompts are shown only'));
      done();
    });
    child.on('close', () => done());
  });
}
