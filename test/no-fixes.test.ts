// `--no-fixes` and the API's `fixes: false`: the audit without proposing or scoring fixes, for an
// editor that lints on every save. Everything else of the result stays as it is.
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { ROOT } from './helpers.js';
import { runCli } from './cli-run.js';

const SEED = 'fixtures/reference/seed-001-call.yaml';

describe('no fixes', () => {
  it('leaves the fixes out of the API result and keeps score and findings', async () => {
    const full = (await audit([SEED], { cwd: ROOT, noConfig: true })).files[0]!;
    const lean = (await audit([SEED], { cwd: ROOT, noConfig: true, fixes: false })).files[0]!;
    expect(full.fixes.length).toBeGreaterThan(0);
    expect(lean.fixes).toEqual([]);
    expect(lean.score).toEqual(full.score);
    expect(lean.metrics).toEqual(full.metrics);
    expect(lean.findings).toEqual(full.findings);
  });

  it('prints JSON without fixes on --no-fixes', () => {
    const run = runCli(['lint', SEED, '--no-config', '--no-fixes', '-f', 'json']);
    const output = JSON.parse(run.stdout) as { files: Array<{ fixes: unknown[]; score: { value: number } }> };
    expect(output.files[0]!.fixes).toEqual([]);
    expect(output.files[0]!.score.value).toBeGreaterThanOrEqual(0);
    const withFixes = JSON.parse(runCli(['lint', SEED, '--no-config', '-f', 'json']).stdout) as typeof output;
    expect(withFixes.files[0]!.fixes.length).toBeGreaterThan(0);
    expect(run.status).toBe(runCli(['lint', SEED, '--no-config', '-f', 'json']).status);
  });

  it('refuses --no-fixes with --fix or --fix-dry-run: one line, exit 2', () => {
    for (const flag of ['--fix', '--fix-dry-run']) {
      const run = runCli(['lint', SEED, '--no-config', '--no-fixes', flag]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`--no-fixes and ${flag} cannot be used together`);
    }
  });
});
