// `lint --print-config FILE`: the configuration that applies to FILE as JSON, nothing linted.
import { describe, expect, it } from 'vitest';
import { ruleMetas } from '../src/rules/index.js';
import { runCli, scratchFolder } from './cli-run.js';

interface Printed {
  file: string;
  config: string | null;
  ignored: boolean;
  rules: Record<string, { severity: string; options: Record<string, unknown> }>;
  settings: Record<string, unknown>;
  scoring: Record<string, unknown>;
}

const CONFIG = [
  'extends: strict',
  'settings:',
  '  language: es',
  'rules:',
  '  cliche-prompt: off',
  'overrides:',
  '  - files: ["legacy/**"]',
  '    rules:',
  '      transfer-chain: info',
  'ignore: ["drafts/**"]',
  'scoring:',
  '  minScore: 70',
  '',
].join('\n');

function printConfig(args: string[], files: Record<string, string> = { '.ivr-audit.yaml': CONFIG }): Printed {
  const run = runCli(['lint', ...args], { cwd: scratchFolder(files) });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Printed;
}

describe('lint --print-config', () => {
  it('prints every rule with its severity and options, the preset and overrides resolved, without reading the file', () => {
    const printed = printConfig(['--print-config', 'legacy/main.yaml']);
    expect(printed).toMatchObject({ file: 'legacy/main.yaml', config: '.ivr-audit.yaml', ignored: false, settings: { language: 'es' }, scoring: { minScore: 70 } });
    expect(Object.keys(printed.rules)).toEqual(ruleMetas().map((meta) => meta.id));
    expect(printed.rules['cliche-prompt']!.severity).toBe('off');
    expect(printed.rules['transfer-chain']!.severity).toBe('info');
    // strict lowers the limits and makes warnings errors; every option is listed.
    expect(printed.rules['identity-questions']).toEqual({ severity: 'error', options: { max: 1 } });
    expect(printed.rules['internal-error']!.severity).toBe('error');
  });

  it('applies --rule with options last, and tells an ignored file', () => {
    const printed = printConfig(['--print-config', 'drafts/x.yaml', '--rule', 'identity-questions=[warning,{max:3}]']);
    expect(printed.ignored).toBe(true);
    expect(printed.rules['identity-questions']).toEqual({ severity: 'warning', options: { max: 3 } });
  });

  it('prints the defaults with --no-config', () => {
    const printed = printConfig(['--print-config', 'main.yaml', '--no-config']);
    expect(printed.config).toBeNull();
    expect(printed.rules['identity-questions']).toEqual({ severity: 'error', options: { max: 2 } });
  });

  it('refuses paths or --stdin beside it, and reports a broken config with exit 2', () => {
    const folder = scratchFolder({ '.ivr-audit.yaml': 'rules:\n  no-such-rule: error\n' });
    const broken = runCli(['lint', '--print-config', 'main.yaml'], { cwd: folder });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^ivr-audit: .*no-such-rule/);
    for (const args of [['--print-config', 'a.yaml', 'b.yaml'], ['--print-config', 'a.yaml', '--stdin']]) {
      const run = runCli(['lint', ...args], { cwd: scratchFolder() });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^ivr-audit: --print-config /);
    }
  });
});
