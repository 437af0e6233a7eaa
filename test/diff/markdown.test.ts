// `diff -f markdown` and the GitHub job summary, read back by parsing the Markdown tables.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-run.js';
import { CLEAN, NO_ZERO_OUT, TYPO, gitRepository } from './repo.js';
import { tableRows } from './tables.js';

const repository = (): string => gitRepository([
  { 'main.yaml': CLEAN, 'same.yaml': CLEAN, 'gone.yaml': CLEAN },
  { 'main.yaml': NO_ZERO_OUT, 'typo.yaml': TYPO, 'gone.yaml': null },
]);

describe('diff -f markdown', () => {
  it('has one row per changed flow, the worst drop first, the new errors listed, unchanged flows folded', () => {
    const run = runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'markdown'], { cwd: repository() });
    expect(run.status).toBe(0);
    const rows = tableRows(run.stdout);
    expect(rows.map((row) => [row.Flow, row.Status])).toEqual([['main.yaml', 'changed'], ['gone.yaml', 'removed'], ['typo.yaml', 'added']]);
    const main = rows[0]!;
    const [before, after] = main.Score!.split(' → ').map((side) => Number(side.split(' ')[0]));
    expect(after!).toBeLessThan(before!);
    expect(Number(main.Change)).toBe(after! - before!);
    expect(main['By driver']).toMatch(/Navigation -\d/);
    expect(main['New findings']).toBe('1');
    const errors = run.stdout.split('### New errors\n\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^- typo\.yaml:\d+:\d+ .*\(\[unknown-target\]\(.+\)\)$/);
    expect(tableRows(run.stdout, '### Journey metrics that changed').every((row) => row.Flow === 'main.yaml' && row.Before !== row.After)).toBe(true);
    expect(run.stdout).toMatch(/<summary>1 unchanged flow<\/summary>/);
    expect(tableRows(run.stdout.split('<details>')[1]!)).toEqual([{ Flow: 'same.yaml', Score: expect.stringMatching(/^\d+ [A-F]$/) }]);
  });

  it('escapes what a path could do to the table', () => {
    const folder = gitRepository([{ 'a|b.yaml': CLEAN }, { 'a|b.yaml': NO_ZERO_OUT }]);
    const run = runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'markdown'], { cwd: folder });
    expect(tableRows(run.stdout)[0]!.Flow).toBe('a\\|b.yaml');
  });
});

describe('diff under GitHub Actions', () => {
  it('appends the Markdown to GITHUB_STEP_SUMMARY, keeping what is there, whatever the format', () => {
    const folder = repository();
    const summary = join(folder, '..', `${folder.split('/').at(-1)}-summary.md`);
    writeFileSync(summary, '# Earlier step output\n');
    const run = runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'json'], { cwd: folder, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(run.status).toBe(0);
    JSON.parse(run.stdout);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# Earlier step output\n\n## ivr-audit: ')).toBe(true);
    expect(tableRows(text).map((row) => row.Flow)).toEqual(['main.yaml', 'gone.yaml', 'typo.yaml']);
  });

  it('writes no summary outside GitHub Actions', () => {
    const folder = repository();
    const summary = join(folder, '..', `${folder.split('/').at(-1)}-summary.md`);
    writeFileSync(summary, '');
    runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: folder, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe('');
  });
});
