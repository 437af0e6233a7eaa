// A bug met while auditing one file becomes a finding on that file; the other files are audited.
import { describe, expect, it, vi } from 'vitest';
import { parseConfigText } from '../src/config/validate.js';
import { audit } from '../src/index.js';
import { ROOT } from './helpers.js';

// The fault: the subflow loader throws for flows named "Crash", as a bug anywhere in the pipeline would.
vi.mock('../src/load/program.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/load/program.js')>();
  return {
    ...original,
    loadProgram: (root: { name: string }, ...rest: unknown[]) => {
      if (root.name === 'Crash') throw new RangeError('expectedTotals: reward[1] is Infinity\n    at somewhere (file.js:1:1)');
      return (original.loadProgram as (...args: unknown[]) => unknown)(root, ...rest);
    },
  };
});

const flow = (name: string): string => ['version: 1', `name: ${name}`, 'entry: person', 'nodes:', '  person:', '    type: agent', ''].join('\n');

describe('internal-error', () => {
  it('reports the failing file with one finding and audits every other file', async () => {
    const result = await audit(
      [
        { path: 'a.yaml', text: flow('Fine') },
        { path: 'crash.yaml', text: flow('Crash') },
        { path: 'z.yaml', text: flow('Also fine') },
      ],
      { cwd: ROOT, noConfig: true },
    );
    expect(result.files.map((file) => file.file)).toEqual(['a.yaml', 'crash.yaml', 'z.yaml']);
    const [fine, crashed, after] = result.files;
    expect(fine!.score).not.toBeNull();
    expect(after!.score).not.toBeNull();
    expect(crashed).toMatchObject({ score: null, fixes: [] });
    expect(crashed!.findings).toMatchObject([{ ruleId: 'internal-error', severity: 'error', line: 1, column: 1 }]);
    const { message } = crashed!.findings[0]!;
    expect(message).toBe(
      'ivr-audit failed while auditing this file (RangeError: expectedTotals: reward[1] is Infinity); this is a bug in ivr-audit: please report it at https://github.com/ivr-audit/ivr-audit/issues',
    );
    expect(message).not.toContain('\n');
    expect(result.summary.errors).toBeGreaterThanOrEqual(1);
  });

  it('cannot be turned off or given another severity in a config', () => {
    for (const setting of ['off', 'warning', '[error]']) {
      expect(() => parseConfigText(`rules: { internal-error: ${setting} }\n`, 'c.yaml')).toThrow(
        /^c\.yaml: rules\.internal-error: cannot be set: internal-error reports a failure of ivr-audit itself, not of the flow, and is always an error$/,
      );
    }
  });
});
