// `ivr-audit diff` on real two-commit repositories and on two folders, through the built binary.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchFolder } from '../cli-run.js';
import { CLEAN, NO_ZERO_OUT, TYPO, gitRepository } from './repo.js';

interface Side { score: number | null; grade: string | null; metrics: Record<string, unknown> | null; drivers: Record<string, number> | null }
interface FindingShape { ruleId: string; severity: string; fingerprint: string }
interface DiffJson {
  tool: string;
  base: string;
  head: string;
  files: Array<{
    file: string;
    status: string;
    before: Side | null;
    after: Side | null;
    scoreChange: number | null;
    scoreChangeByDriver: Record<string, number> | null;
    newFindings: FindingShape[];
    fixedFindings: FindingShape[];
  }>;
  summary: { flows: number; added: number; removed: number; changed: number; unchanged: number; scoreDrops: number; newErrors: number; newFindings: number; fixedFindings: number; regression: boolean };
}

function diffJson(args: string[], cwd: string): DiffJson {
  const run = runCli(['diff', ...args, '-f', 'json'], { cwd });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as DiffJson;
}

/** main.yaml loses its way to a person; gone.yaml is deleted; new.yaml is added; same.yaml stays. */
const repository = (): string => gitRepository([
  { 'flows/main.yaml': CLEAN, 'flows/gone.yaml': CLEAN, 'flows/same.yaml': CLEAN },
  { 'flows/main.yaml': NO_ZERO_OUT, 'flows/gone.yaml': null, 'flows/new.yaml': TYPO },
]);

describe('diff of two git refs', () => {
  it('gives per flow the score before and after, the change by driver, metrics and new findings (JSON)', () => {
    const output = diffJson(['HEAD~1', 'HEAD'], repository());
    expect(output).toMatchObject({ tool: 'ivr-audit', base: 'HEAD~1', head: 'HEAD' });
    const byFile = new Map(output.files.map((file) => [file.file, file]));
    expect([...byFile.keys()].sort()).toEqual(['flows/gone.yaml', 'flows/main.yaml', 'flows/new.yaml', 'flows/same.yaml']);

    const main = byFile.get('flows/main.yaml')!;
    expect(main.status).toBe('changed');
    expect(main.after!.score!).toBeLessThan(main.before!.score!);
    expect(main.scoreChange).toBe(main.after!.score! - main.before!.score!);
    expect(main.before!.grade).toMatch(/^[A-F]$/);
    expect(Object.keys(main.before!.metrics!)).toEqual(expect.arrayContaining(['fastestSecondsToHuman', 'expectedSecondsInFlow', 'shareWithoutHelp']));
    // Navigation is what the change costs; the drivers' changes add up to the score change.
    expect(main.scoreChangeByDriver!.navigation).toBeLessThan(0);
    const sum = Object.values(main.scoreChangeByDriver!).reduce((total, points) => total + points, 0);
    expect(Math.abs(sum - main.scoreChange!)).toBeLessThanOrEqual(1);
    expect(main.newFindings.map((finding) => finding.ruleId)).toEqual(['no-zero-out']);
    expect(main.fixedFindings).toEqual([]);

    expect(byFile.get('flows/new.yaml')).toMatchObject({ status: 'added', before: null, scoreChange: null });
    expect(byFile.get('flows/new.yaml')!.newFindings.map((finding) => finding.ruleId)).toContain('unknown-target');
    expect(byFile.get('flows/gone.yaml')).toMatchObject({ status: 'removed', after: null, newFindings: [], fixedFindings: [] });
    expect(byFile.get('flows/same.yaml')).toMatchObject({ status: 'unchanged', scoreChange: 0, newFindings: [], fixedFindings: [] });

    expect(output.summary).toMatchObject({ flows: 4, added: 1, removed: 1, changed: 1, unchanged: 1, scoreDrops: 1, regression: true });
    expect(output.summary.newErrors).toBeGreaterThanOrEqual(1);
    // Changed flows first, the worst drop first; unchanged ones last.
    expect(output.files.at(-1)!.file).toBe('flows/same.yaml');
    expect(output.files[0]!.file).toBe('flows/main.yaml');
  });

  it('lists fixed findings and a score rise the other way round, which is no regression', () => {
    const output = diffJson(['HEAD', 'HEAD~1'], repository());
    const main = output.files.find((file) => file.file === 'flows/main.yaml')!;
    expect(main.scoreChange!).toBeGreaterThan(0);
    expect(main.fixedFindings.map((finding) => finding.ruleId)).toEqual(['no-zero-out']);
    expect(main.newFindings).toEqual([]);
    expect(output.summary).toMatchObject({ scoreDrops: 0, newErrors: 0, regression: false });
  });

  it('prints text with the score change, the new finding and a summary line', () => {
    const run = runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: repository() });
    expect(run.status).toBe(0);
    const block = run.stdout.split('\n\n').find((part) => part.startsWith('flows/main.yaml'))!;
    expect(block).toMatch(/^ {2}score \d+ [A-F] → \d+ [A-F] {2}-\d+$/m);
    expect(block).toMatch(/^ {2}by driver: .*Navigation -/m);
    expect(block).toMatch(/^ {2}new +\d+:\d+ +warning .*no-zero-out$/m);
    expect(run.stdout).toMatch(/^flows\/new\.yaml {2}added$/m);
    expect(run.stdout).toMatch(/^flows\/gone\.yaml {2}removed$/m);
    expect(run.stdout).not.toMatch(/^flows\/same\.yaml/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ 1 flow scores lower, \d+ new errors?; .* in 4 flows \(1 added, 1 removed, 1 changed, 1 unchanged\)$/);
  });

  it('fails with --fail-on-regression only when a score drops or an error appears', () => {
    const folder = repository();
    expect(runCli(['diff', 'HEAD~1', 'HEAD', '--fail-on-regression'], { cwd: folder }).status).toBe(1);
    expect(runCli(['diff', 'HEAD', 'HEAD~1', '--fail-on-regression'], { cwd: folder }).status).toBe(0);
    // Without the flag a regression is reported, not failed on.
    expect(runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: folder }).status).toBe(0);
  });

  it('fails on a new error even when no score drops', () => {
    const folder = gitRepository([{ 'a.yaml': CLEAN }, { 'b.yaml': TYPO }]);
    const run = runCli(['diff', 'HEAD~1', 'HEAD', '--fail-on-regression', '-f', 'json'], { cwd: folder });
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as DiffJson).summary).toMatchObject({ scoreDrops: 0, newErrors: 1, regression: true });
  });

  it('compares only the paths given, relative to the folder it runs in', () => {
    const folder = repository();
    const output = diffJson(['HEAD~1', 'HEAD', 'main.yaml'], join(folder, 'flows'));
    expect(output.files.map((file) => file.file)).toEqual(['main.yaml']);
    // A path that exists on one side only is an added or removed flow.
    expect(diffJson(['HEAD~1', 'HEAD', 'flows/gone.yaml'], folder).files).toMatchObject([{ file: 'flows/gone.yaml', status: 'removed' }]);
  });

  it('applies the config of each ref to that ref', () => {
    const folder = gitRepository([
      { 'main.yaml': NO_ZERO_OUT },
      { '.ivr-audit.yaml': 'rules:\n  no-zero-out: off\n' },
    ]);
    const output = diffJson(['HEAD~1', 'HEAD'], folder);
    expect(output.files[0]!.fixedFindings.map((finding) => finding.ruleId)).toEqual(['no-zero-out']);
    expect(output.files[0]!.newFindings).toEqual([]);
  });

  it('follows subflows inside the tree of each ref', () => {
    const caller = [
      'version: 1', 'name: caller', 'entry: verify', 'nodes:',
      '  verify:', '    type: subflow', '    flow: pin.yaml', '    next: bye',
      '  bye:', '    type: hangup', '    outcome: resolved', '',
    ].join('\n');
    const folder = gitRepository([{ 'calls.yaml': caller, 'pin.yaml': CLEAN }, { 'pin.yaml': NO_ZERO_OUT }]);
    const output = diffJson(['HEAD~1', 'HEAD', 'calls.yaml'], folder);
    const calls = output.files[0]!;
    expect(calls.newFindings.map((finding) => finding.ruleId)).not.toContain('subflow-not-found');
    expect(calls.before!.score).not.toBeNull();
    expect(calls.status).toBe('changed');
  });

  it('shows every flow as added when the base has none (only a package.json)', () => {
    const folder = gitRepository([{ 'package.json': '{ "name": "flows" }\n' }, { 'main.yaml': CLEAN }]);
    const run = runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'json'], { cwd: folder });
    expect(run.status).toBe(0);
    // As lint does, the head's files that are not flows are named on stderr.
    expect(run.stderr).toMatch(/^ivr-audit: skipped package\.json: not a call flow[^\n]*\n$/);
    expect((JSON.parse(run.stdout) as DiffJson).files).toMatchObject([{ file: 'main.yaml', status: 'added' }]);
  });

  it('removes the trees it wrote', () => {
    const temporary = mkdtempSync(join(tmpdir(), 'ivr-audit-diff-tmp-'));
    const run = runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: repository(), env: { TMPDIR: temporary } });
    expect(run.status).toBe(0);
    expect(readdirSync(temporary)).toEqual([]);
  });
});

describe('diff of two folders', () => {
  it('matches flows by path inside each folder', () => {
    const folder = scratchFolder({ 'old/a.yaml': CLEAN, 'old/b.yaml': CLEAN, 'new/a.yaml': NO_ZERO_OUT, 'new/c.yaml': CLEAN });
    const output = diffJson(['old', 'new'], folder);
    const status = Object.fromEntries(output.files.map((file) => [file.file, file.status]));
    expect(status).toEqual({ 'a.yaml': 'changed', 'b.yaml': 'removed', 'c.yaml': 'added' });
    expect(output.files[0]).toMatchObject({ file: 'a.yaml' });
    expect(output.files[0]!.newFindings.map((finding) => finding.ruleId)).toEqual(['no-zero-out']);
  });
});

describe('diff usage errors', () => {
  it('names an unknown ref in one stderr line, exit 2', () => {
    const run = runCli(['diff', 'no-such-branch', 'HEAD'], { cwd: repository() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ivr-audit: unknown git ref "no-such-branch"[^\n]*\n$/);
  });

  it('says when the folder is not in a git repository, exit 2', () => {
    const run = runCli(['diff', 'main', 'HEAD'], { cwd: scratchFolder({ 'a.yaml': CLEAN }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ivr-audit: not a git repository: [^\n]*\n$/);
  });

  it('refuses a ref that looks like an option', () => {
    const run = runCli(['diff', '--', '--output=x', 'HEAD'], { cwd: repository() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ivr-audit: unknown git ref "--output=x"\n$/);
  });

  it('says when a path has no flows on either side', () => {
    const run = runCli(['diff', 'HEAD~1', 'HEAD', 'nowhere/'], { cwd: repository() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ivr-audit: no flow files at nowhere\/ in HEAD~1 or in HEAD\n$/);
  });
});
