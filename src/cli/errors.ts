// What the user sees when a run cannot be done: one line on stderr and exit code 2. A mistake of
// theirs says what is wrong and how to fix it; a bug of ours says so and asks to be reported.
import { UsageError } from './usage-error.js';
import { visible } from '../report/escape.js';
import { closest } from '../util/suggest.js';

export const REPORT_URL = 'https://github.com/ivr-audit/ivr-audit/issues';
/** Set to 1 to print the stack trace after the one-line message. */
export const DEBUG_VARIABLE = 'IVR_AUDIT_DEBUG';

export interface ErrorReport {
  /** Lines for stderr, without their newline. */
  lines: string[];
  exitCode: number;
}

/** The command a parse error happened in, to name its help and suggest its flags. */
export interface CommandContext {
  bin: string;
  id: string;
  flags: Readonly<Record<string, FlagShape>>;
}

interface FlagShape {
  char?: string;
  allowNo?: boolean;
  type?: string;
}

interface OclifError {
  code?: unknown;
  oclif?: { exit?: unknown };
  message?: unknown;
  stack?: unknown;
}

export function errorReport(error: unknown, env: Readonly<Record<string, string | undefined>>): ErrorReport {
  const oclif = (error ?? {}) as OclifError;
  // `this.exit(n)` inside a command: the exit code is the message.
  if (oclif.code === 'EEXIT' && typeof oclif.oclif?.exit === 'number') return { lines: [], exitCode: oclif.oclif.exit };
  // Messages may quote a flow or a path: visible() keeps control characters off the terminal.
  const lines = [visible(isUserError(error) ? `ivr-audit: ${oneLine(messageOf(error))}` : internalErrorLine(error))];
  if (env[DEBUG_VARIABLE] !== undefined && env[DEBUG_VARIABLE] !== '' && env[DEBUG_VARIABLE] !== '0' && typeof oclif.stack === 'string') {
    lines.push(visible(oclif.stack, { keepLineBreaks: true }));
  }
  return { lines, exitCode: 2 };
}

/**
 * Ours (UsageError and its kinds), oclif's own about the command line, or the system refusing a
 * file (a missing folder for -o, a full disk): the user can act on it.
 */
export function isUserError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  const shape = error as (OclifError & { syscall?: unknown }) | undefined;
  return typeof shape?.oclif?.exit === 'number' || (typeof shape?.code === 'string' && typeof shape.syscall === 'string');
}

function internalErrorLine(error: unknown): string {
  return `ivr-audit: internal error: ${oneLine(messageOf(error))}. This is a bug in ivr-audit; please report it with the command and the flow that caused it at ${REPORT_URL} (${DEBUG_VARIABLE}=1 prints the details)`;
}

/**
 * oclif's parse errors, rewritten as one line that keeps the reason and points at the help:
 * a suggestion for a misspelt flag, the missing argument by name.
 */
export function commandLineError(error: unknown, context: CommandContext): unknown {
  if (!(error instanceof Error)) return error;
  // A flag's own parse function throws a plain error that oclif prefixes with "Parsing --flag".
  const flagParse = /^Parsing --\S+ *\n/.test(error.message);
  if (typeof (error as OclifError).oclif?.exit !== 'number' && !flagParse) return error;
  const help = `see ${context.bin} ${context.id} --help`;
  const kind = error.constructor.name;
  if (kind === 'NonExistentFlagsError') {
    const unknown = ((error as Error & { flags?: unknown }).flags as string[] | undefined) ?? [];
    return new UsageError(`${unknown.map((flag) => unknownFlag(flag, context.flags)).join('; ')}; ${help}`);
  }
  if (kind === 'RequiredArgsError') {
    const args = ((error as Error & { args?: unknown }).args as Array<{ name: string; description?: string }> | undefined) ?? [];
    const named = args.map((arg) => `${arg.name.toUpperCase()}${arg.description ? ` (${arg.description})` : ''}`);
    return new UsageError(`missing ${named.join(', ')}; ${help}`);
  }
  if (kind === 'UnexpectedArgsError') {
    const args = ((error as Error & { args?: unknown }).args as unknown[] | undefined) ?? [];
    return new UsageError(`unexpected argument${args.length === 1 ? '' : 's'} ${args.map((arg) => `"${String(arg)}"`).join(', ')}; ${help}`);
  }
  return new UsageError(`${flagReason(error.message)}; ${help}`);
}

function unknownFlag(given: string, flags: Readonly<Record<string, FlagShape>>): string {
  const name = given.replace(/=.*$/s, '');
  const suggestion = suggestFlag(name, flags);
  return `unknown flag ${name}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
}

function suggestFlag(name: string, flags: Readonly<Record<string, FlagShape>>): string | undefined {
  if (name.startsWith('--')) {
    const long = Object.entries(flags).flatMap(([flag, shape]) => (shape.allowNo ? [flag, `no-${flag}`] : [flag]));
    const found = closest(name.slice(2), long);
    return found === undefined ? undefined : `--${found}`;
  }
  // `-format` for `--format`: a long name typed with one dash.
  if (name.length > 2 && Object.hasOwn(flags, name.slice(1))) return `-${name}`;
  return undefined;
}

/** "Parsing --min-score \n\tmust be …" → "--min-score must be …"; other messages joined on one line. */
function flagReason(message: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^See more help with/.test(line));
  const parsing = /^Parsing (--\S+)$/.exec(lines[0] ?? '');
  if (parsing && lines.length > 1) return `${parsing[1]} ${lines.slice(1).join(' ')}`;
  return lines.join(': ');
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof (error as OclifError | undefined)?.message === 'string') return (error as { message: string }).message;
  return String(error);
}

/** The first line with text: stderr gets one line per error. */
function oneLine(message: string): string {
  const line = message.split('\n').find((part) => part.trim() !== '') ?? 'unknown error';
  return line.replace(/^Error: /, '').trim();
}

/** `ivr-audit lnt`: the nearest command, or `lint` for what looks like a path. */
export function unknownCommandMessage(word: string, commands: readonly string[], bin: string): string {
  // A flag before any command: only --help and --version live there.
  if (word.startsWith('-')) {
    const flag = word.replace(/=.*$/s, '');
    const nearest = flag.startsWith('--') ? closest(flag.slice(2), ['help', 'version']) : undefined;
    return `unknown flag ${flag}${nearest ? ` (did you mean --${nearest}?)` : ''}; ${bin} --help lists the commands, and flags go after the command`;
  }
  const visible = commands.filter((id) => !id.includes(':'));
  const nearest = closest(word, visible);
  const hint = nearest !== undefined
    ? ` (did you mean ${nearest}?)`
    : /[./\\*]/.test(word) ? ` (to lint it: ${bin} lint ${word})` : '';
  return `unknown command "${word}"${hint}; ${bin} --help lists the commands`;
}

/**
 * A boolean flag written with a value (`--quiet=3`), which oclif would split into the flag and an
 * argument, so that `3` is read as a path: the mistake, as a usage error, or undefined.
 */
export function valuedBooleanFlag(argv: readonly string[], context: CommandContext): UsageError | undefined {
  const booleanNamed = (name: string): boolean => {
    const flag = context.flags[name];
    if (flag) return flag.type === 'boolean';
    return name.startsWith('no-') && context.flags[name.slice(3)]?.type === 'boolean' && context.flags[name.slice(3)]?.allowNo === true;
  };
  const takesValue = (token: string): boolean => {
    const flag = token.startsWith('--') ? context.flags[token.slice(2)] : Object.values(context.flags).find((shape) => `-${shape.char}` === token);
    return flag !== undefined && flag.type !== 'boolean';
  };
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') return undefined;
    const valued = /^--([^=]+)=(.*)$/s.exec(token);
    if (valued && booleanNamed(valued[1]!)) return new UsageError(`--${valued[1]} takes no value, not "${valued[2]}"; see ${context.bin} ${context.id} --help`);
    // The next word is this flag's value, whatever it looks like.
    if (!valued && takesValue(token)) index++;
  }
  return undefined;
}
