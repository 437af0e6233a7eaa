// The GitHub Action: action.yml's shape, and its steps (scripts/action.sh) run as GitHub would run
// them on a pull request, with GITHUB_* files in a temporary folder and a real two-commit repository.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';
import { scratchFolder } from '../cli-run.js';
import { CLEAN, NO_ZERO_OUT, TYPO, git, gitRepository } from '../diff/repo.js';
import { tableRows } from '../diff/tables.js';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; 'working-directory'?: string; if?: string }
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};

describe('action.yml', () => {
  it('is a composite action with the inputs of docs/ci.md', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['fail-on', 'min-score', 'paths', 'sarif']);
  });

  it('sets up Node 20, installs from its own folder, runs the script, uploads SARIF', () => {
    const steps = action.runs.steps;
    expect(steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/setup-node@/), with: { 'node-version': 20 } });
    const install = steps.find((step) => step.run?.includes('npm ci'))!;
    expect(install['working-directory']).toBe('${{ github.action_path }}');
    expect(install.run).toContain('npm run build');
    expect(steps.find((step) => step.run?.includes('scripts/action.sh'))).toBeDefined();
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with?.sarif_file).toBe('ivr-audit.sarif');
    expect(upload.if).toContain("inputs.sarif == 'true'");
  });
});

describe('scripts/action.sh on a pull request', () => {
  it('annotates, writes SARIF, outputs and the summary, and diffs against the base branch', () => {
    const repository = gitRepository([{ 'main.yaml': CLEAN }, { 'main.yaml': NO_ZERO_OUT, 'typo.yaml': TYPO }]);
    // What actions/checkout leaves for a pull request: the base branch as a remote-tracking ref.
    git(repository, 'update-ref', 'refs/remotes/origin/main', 'HEAD~1');
    const github = scratchFolder({ 'summary.md': '', 'output.txt': '' });
    const run = spawnSync('bash', [join(ROOT, 'scripts/action.sh')], {
      cwd: repository,
      encoding: 'utf8',
      env: {
        ...process.env,
        NO_COLOR: '1',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_BASE_REF: 'main',
        GITHUB_STEP_SUMMARY: join(github, 'summary.md'),
        GITHUB_OUTPUT: join(github, 'output.txt'),
        IVR_AUDIT_MIN_SCORE: '50',
      },
    });
    // typo.yaml has an error: lint fails the step, after the diff was written.
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=typo\.yaml,line=\d+/m);
    const sarif = JSON.parse(readFileSync(join(repository, 'ivr-audit.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toContain('unknown-target');
    const outputs = Object.fromEntries(readFileSync(join(github, 'output.txt'), 'utf8').trim().split('\n').map((line) => line.split('=') as [string, string]));
    expect(outputs).toEqual({ sarif: 'ivr-audit.sarif', 'exit-code': '1', 'diff-exit-code': '0' });
    const summary = readFileSync(join(github, 'summary.md'), 'utf8');
    // The lint report first, then the diff's table against origin/main.
    expect(summary.indexOf('## ivr-audit\n')).toBe(0);
    const diff = summary.slice(summary.indexOf('## ivr-audit: origin/main → HEAD'));
    expect(tableRows(diff).map((row) => [row.Flow, row.Status])).toEqual([['main.yaml', 'changed'], ['typo.yaml', 'added']]);
  });

  it('does not diff outside a pull request, and passes when the flows do', () => {
    const repository = gitRepository([{ 'main.yaml': CLEAN }]);
    const github = scratchFolder({ 'summary.md': '', 'output.txt': '' });
    writeFileSync(join(github, 'summary.md'), '');
    const run = spawnSync('bash', [join(ROOT, 'scripts/action.sh')], {
      cwd: repository,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_STEP_SUMMARY: join(github, 'summary.md'), GITHUB_OUTPUT: join(github, 'output.txt') },
    });
    expect(run.status).toBe(0);
    expect(readFileSync(join(github, 'summary.md'), 'utf8')).not.toContain('→ HEAD');
    expect(readFileSync(join(github, 'output.txt'), 'utf8')).toContain('exit-code=0');
  });
});
