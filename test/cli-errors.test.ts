// The one line a failed run prints: the user's mistakes as they are, our bugs with a request to report.
import { describe, expect, it } from 'vitest';
import { DEBUG_VARIABLE, REPORT_URL, errorReport, unknownCommandMessage, valuedBooleanFlag } from '../src/cli/errors.js';
import { UsageError } from '../src/files.js';
import { integerProblem } from '../src/cli/flags.js';

describe('errorReport', () => {
  it('prints a usage error as it is, exit 2', () => {
    expect(errorReport(new UsageError('no such file or folder: x.yaml'), {})).toEqual({ lines: ['ivr-audit: no such file or folder: x.yaml'], exitCode: 2 });
  });

  it('asks to report an unexpected error, on one line, and keeps the stack for the debug variable', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')\n    more");
    const plain = errorReport(bug, {});
    expect(plain.exitCode).toBe(2);
    expect(plain.lines).toHaveLength(1);
    expect(plain.lines[0]).toMatch(/^ivr-audit: internal error: Cannot read properties of undefined \(reading 'id'\)\. This is a bug in ivr-audit; please report it/);
    expect(plain.lines[0]).toContain(REPORT_URL);
    expect(plain.lines[0]).toContain(`${DEBUG_VARIABLE}=1`);
    const debug = errorReport(bug, { [DEBUG_VARIABLE]: '1' });
    expect(debug.lines).toEqual([plain.lines[0], bug.stack]);
    expect(errorReport(bug, { [DEBUG_VARIABLE]: '0' }).lines).toEqual(plain.lines);
  });

  it('treats a file the system refuses as the user\'s to fix, not a bug', () => {
    const refused = Object.assign(new Error("ENOENT: no such file or directory, open 'out/x.json'"), { code: 'ENOENT', syscall: 'open' });
    expect(errorReport(refused, {}).lines).toEqual(["ivr-audit: ENOENT: no such file or directory, open 'out/x.json'"]);
  });

  it('passes the exit code of an oclif exit through, silently', () => {
    expect(errorReport(Object.assign(new Error('EEXIT: 3'), { code: 'EEXIT', oclif: { exit: 3 } }), {})).toEqual({ lines: [], exitCode: 3 });
  });

  it('reports a thrown non-error value', () => {
    expect(errorReport('boom', {}).lines[0]).toMatch(/^ivr-audit: internal error: boom\. /);
  });
});

describe('unknownCommandMessage', () => {
  const commands = ['graph', 'help', 'import', 'init', 'lint', 'report', 'rules', 'schema'];
  it('suggests the nearest command, or lint for a path, or only the help', () => {
    expect(unknownCommandMessage('lnt', commands, 'ivr-audit')).toBe('unknown command "lnt" (did you mean lint?); ivr-audit --help lists the commands');
    expect(unknownCommandMessage('flows/', commands, 'ivr-audit')).toBe('unknown command "flows/" (to lint it: ivr-audit lint flows/); ivr-audit --help lists the commands');
    expect(unknownCommandMessage('frobnicate', commands, 'ivr-audit')).toBe('unknown command "frobnicate"; ivr-audit --help lists the commands');
    expect(unknownCommandMessage('--verison', commands, 'ivr-audit')).toBe('unknown flag --verison (did you mean --version?); ivr-audit --help lists the commands, and flags go after the command');
    expect(unknownCommandMessage('--format=json', commands, 'ivr-audit')).toBe('unknown flag --format; ivr-audit --help lists the commands, and flags go after the command');
  });
});

describe('integerProblem', () => {
  it.each([['0', undefined], ['100', undefined], [' 7 ', undefined], ['101', 'must be an integer from 0 to 100, not "101"'], ['-1', 'must be an integer from 0 to 100, not "-1"'], ['1e2', 'must be an integer from 0 to 100, not "1e2"'], ['', 'must be an integer from 0 to 100, not ""']])('%j in 0..100', (input, problem) => {
    expect(integerProblem(input, { min: 0, max: 100 })).toBe(problem);
  });

  it('has no upper end without a max', () => {
    expect(integerProblem('123456', { min: 0 })).toBeUndefined();
    expect(integerProblem('99999999999999999999', { min: 0 })).toBe('must be an integer of 0 or more, not "99999999999999999999"');
  });
  it('tells a boolean flag given a value, but not a value that looks like one, nor what follows --', () => {
    const context = { bin: 'ivr-audit', id: 'lint', flags: { quiet: { type: 'boolean' }, color: { type: 'boolean', allowNo: true }, output: { type: 'option', char: 'o' } } };
    expect(valuedBooleanFlag(['f.yaml', '--quiet=3'], context)?.message).toBe('--quiet takes no value, not "3"; see ivr-audit lint --help');
    expect(valuedBooleanFlag(['--no-color=1'], context)?.message).toBe('--no-color takes no value, not "1"; see ivr-audit lint --help');
    expect(valuedBooleanFlag(['--no-quiet=1'], context)).toBeUndefined();
    expect(valuedBooleanFlag(['-o', '--quiet=3'], context)).toBeUndefined();
    expect(valuedBooleanFlag(['--output', '--quiet=3', '--quiet'], context)).toBeUndefined();
    expect(valuedBooleanFlag(['--output=x', '--quiet=3'], context)).toBeDefined();
    expect(valuedBooleanFlag(['--', '--quiet=3'], context)).toBeUndefined();
  });
});
