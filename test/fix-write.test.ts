// How --fix and every output write files: atomically, never over an input, never truncated.
import { chmodSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchFolder } from './cli-run.js';
import { ROOT } from './helpers.js';

const SEED = readFileSync(join(ROOT, 'fixtures/reference/seed-001-call.yaml'), 'utf8');

describe('writing outputs', () => {
  it('--fix under a file size limit leaves the flow whole and says why in one line', () => {
    const folder = scratchFolder({ 'seed.yaml': SEED });
    // 1 KB: the fixed seed (2 KB) cannot be written.
    const run = runCli(['lint', 'seed.yaml', '--fix'], { cwd: folder, shellPrefix: 'ulimit -f 1' });
    expect(run.stderr).toBe('ivr-audit: cannot write seed.yaml: the file is larger than the file size limit\n');
    expect(run.status).toBe(2);
    expect(readFileSync(join(folder, 'seed.yaml'), 'utf8')).toBe(SEED);
    expect(readdirSync(folder)).toEqual(['seed.yaml']);
  });

  it('-o under a file size limit keeps the old report', () => {
    const folder = scratchFolder({ 'seed.yaml': SEED, 'report.json': '{"old":true}\n' });
    const run = runCli(['lint', 'seed.yaml', '-o', 'report.json'], { cwd: folder, shellPrefix: 'ulimit -f 1' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ivr-audit: cannot write report\.json: [^\n]+\n$/);
    expect(readFileSync(join(folder, 'report.json'), 'utf8')).toBe('{"old":true}\n');
  });

  it('--fix keeps the mode of the flow file', () => {
    const folder = scratchFolder({ 'seed.yaml': SEED });
    chmodSync(join(folder, 'seed.yaml'), 0o600);
    runCli(['lint', 'seed.yaml', '--fix'], { cwd: folder });
    expect(readFileSync(join(folder, 'seed.yaml'), 'utf8')).not.toBe(SEED);
    expect(statSync(join(folder, 'seed.yaml')).mode & 0o777).toBe(0o600);
  });
});

const MAIN = readFileSync(join(ROOT, 'fixtures/rules/subflow-not-found/quiet.yaml'), 'utf8');
const PART = readFileSync(join(ROOT, 'fixtures/rules/subflow-not-found/part-verify.yaml'), 'utf8');

describe('an output over an input', () => {
  const refusals: Array<[string, string[], string]> = [
    ['-o over the flow', ['lint', 'seed.yaml', '-o', 'seed.yaml'], '-o seed.yaml'],
    ['-f NAME=PATH through a symlink', ['lint', 'seed.yaml', '-f', 'json=link.yaml'], '-f json=link.yaml'],
    ['-o over a subflow file', ['lint', 'main.yaml', '-o', 'part-verify.yaml'], '-o part-verify.yaml'],
    ['-o over the -c config', ['lint', 'seed.yaml', '-c', 'team.yaml', '-o', 'team.yaml'], '-o team.yaml'],
    ['-o over the config found', ['lint', 'seed.yaml', '-o', '.ivr-audit.yaml'], '-o .ivr-audit.yaml'],
    ['--write-baseline over the flow', ['lint', 'seed.yaml', '--write-baseline', 'seed.yaml'], '--write-baseline seed.yaml'],
    ['--write-baseline over the baseline read', ['lint', 'seed.yaml', '--baseline', 'base.json', '--write-baseline', './base.json'], '--write-baseline ./base.json'],
    ['report -o over the flow', ['report', 'seed.yaml', '-o', 'seed.yaml'], '-o seed.yaml'],
    ['graph -o over the flow', ['graph', 'seed.yaml', '-o', 'seed.yaml'], '-o seed.yaml'],
  ];
  for (const [name, args, shown] of refusals) {
    it(`refuses ${name} with exit 2 and one line, writing nothing`, () => {
      const files = {
        'seed.yaml': SEED,
        'main.yaml': MAIN,
        'part-verify.yaml': PART,
        'team.yaml': 'rules: {}\n',
        '.ivr-audit.yaml': 'rules: {}\n',
        'base.json': '{ "version": 1, "tool": "ivr-audit", "findings": [] }\n',
      };
      const folder = scratchFolder(files);
      symlinkSync('seed.yaml', join(folder, 'link.yaml'));
      const run = runCli(args, { cwd: folder });
      expect(run.stderr).toBe(`ivr-audit: ${shown} is a file this run reads; write the output to another file\n`);
      expect(run.status).toBe(2);
      for (const [file, text] of Object.entries(files)) expect(readFileSync(join(folder, file), 'utf8')).toBe(text);
    });
  }

  it('--write-baseline says what it wrote and exits 0 although the flow has errors', () => {
    const folder = scratchFolder({ 'seed.yaml': SEED });
    expect(runCli(['lint', 'seed.yaml'], { cwd: folder }).status).toBe(1);
    const run = runCli(['lint', 'seed.yaml', '--write-baseline', 'base.json', '-f', 'json'], { cwd: folder });
    const written = JSON.parse(readFileSync(join(folder, 'base.json'), 'utf8')) as { findings: unknown[] };
    const reported = JSON.parse(run.stdout) as { summary: { errors: number; warnings: number; infos: number } };
    expect(reported.summary.errors).toBeGreaterThan(0);
    expect(written.findings.length).toBe(reported.summary.errors + reported.summary.warnings + reported.summary.infos);
    expect(run.stderr).toBe(`ivr-audit: wrote baseline base.json with ${written.findings.length} findings\n`);
    expect(run.status).toBe(0);
  });
});
