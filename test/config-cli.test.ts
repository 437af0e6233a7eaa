// Config files, --rule, inline disables and baselines through the built CLI, as a team uses them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const MENU = readFileSync(join(ROOT, 'fixtures/rules/menu-options/fires.yaml'), 'utf8');
const CLEAN = readFileSync(join(ROOT, 'examples/acme-support.yaml'), 'utf8');

function project(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-audit-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

function lint(folder: string, ...args: string[]): { status: number | null; stdout: string; stderr: string; ruleIds: string[] } {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), 'lint', ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } });
  let ruleIds: string[] = [];
  if (args.includes('json')) {
    const output = JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ ruleId: string }> }> };
    ruleIds = output.files.flatMap((file) => file.findings.map((finding) => finding.ruleId));
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ruleIds };
}

describe('config files', () => {
  it('turn a rule off and change a limit', () => {
    const plain = project({ 'menu.yaml': MENU });
    expect(lint(plain, 'menu.yaml', '-f', 'json').ruleIds).toContain('menu-options');
    const off = project({ 'menu.yaml': MENU, '.ivr-audit.yaml': 'rules:\n  menu-options: off\n' });
    expect(lint(off, 'menu.yaml', '-f', 'json').ruleIds).not.toContain('menu-options');
    const wider = project({ 'menu.yaml': MENU, '.ivr-audit.yml': 'rules:\n  menu-options: [warning, { max: 9 }]\n' });
    expect(lint(wider, 'menu.yaml', '-f', 'json').ruleIds).not.toContain('menu-options');
  });

  it('are found upwards from each file, and in package.json', () => {
    const folder = project({ 'flows/deep/menu.yaml': MENU, 'package.json': JSON.stringify({ name: 'x', 'ivr-audit': { rules: { 'menu-options': 'off' } } }) });
    expect(lint(folder, 'flows', '-f', 'json').ruleIds).not.toContain('menu-options');
    expect(lint(folder, 'flows', '-f', 'json', '--no-config').ruleIds).toContain('menu-options');
  });

  it('apply an override only to the files its glob matches', () => {
    const folder = project({
      'legacy/menu.yaml': MENU,
      'new/menu.yaml': MENU,
      '.ivr-audit.yaml': 'overrides:\n  - files: ["legacy/**"]\n    rules: { menu-options: off }\n',
    });
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), 'lint', '.', '-f', 'json'], { cwd: folder, encoding: 'utf8' });
    const files = (JSON.parse(run.stdout) as { files: Array<{ file: string; findings: Array<{ ruleId: string }> }> }).files;
    const rulesOf = (name: string): string[] => files.find((file) => file.file === name)!.findings.map((finding) => finding.ruleId);
    expect(rulesOf(join('legacy', 'menu.yaml'))).not.toContain('menu-options');
    expect(rulesOf(join('new', 'menu.yaml'))).toContain('menu-options');
  });

  it('skip ignored files, and -c names the config to use', () => {
    const folder = project({ 'drafts/menu.yaml': MENU, 'menu.yaml': MENU, 'team.yaml': 'ignore: ["drafts/**"]\nrules: { menu-options: error }\n' });
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), 'lint', '.', '-f', 'json', '-c', 'team.yaml'], { cwd: folder, encoding: 'utf8' });
    const output = JSON.parse(run.stdout) as { files: Array<{ file: string; findings: Array<{ ruleId: string; severity: string }> }> };
    expect(output.files.map((file) => file.file)).toEqual(['menu.yaml']);
    expect(output.files[0]!.findings.find((finding) => finding.ruleId === 'menu-options')!.severity).toBe('error');
    expect(run.status).toBe(1);
  });

  it('strict lowers the limits and raises warnings to errors', () => {
    const folder = project({ 'flow.yaml': CLEAN, '.ivr-audit.yaml': 'extends: strict\n' });
    const recommended = lint(folder, 'flow.yaml', '--no-config');
    expect(recommended.status).toBe(0);
    const strict = lint(folder, 'flow.yaml', '-f', 'json');
    expect(strict.ruleIds.length).toBeGreaterThan(0);
  });

  it.each([
    ['rules:\n  menu-optons: off\n', /^ivr-audit: .*\.ivr-audit\.yaml: rules\.menu-optons: .*did you mean "menu-options".*\n$/],
    ['rules:\n  menu-options: [warning, { max: "five" }]\n', /^ivr-audit: .*\.ivr-audit\.yaml: rules\.menu-options.*\n$/],
    ['extends: lenient\n', /^ivr-audit: .*\.ivr-audit\.yaml: extends.*\n$/],
    ['rules: [\n', /^ivr-audit: .*\.ivr-audit\.yaml:\d+:\d+: .*\n$/],
  ])('a bad config (%j) is exit 2 with one line naming the file and key', (config, pattern) => {
    const folder = project({ 'menu.yaml': MENU, '.ivr-audit.yaml': config });
    const run = lint(folder, 'menu.yaml');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(pattern);
    expect(run.stdout).toBe('');
  });
});

describe('config settings', () => {
  const spanish = (settings: string): string => [
    'version: 1', 'name: Settings', 'entry: welcome', settings, 'nodes:',
    '  welcome: { type: play, say: Espere un momento., next: agent }',
    '  agent: { type: agent }', '',
  ].filter(Boolean).join('\n');

  it('apply where the flow says nothing, and a flow\'s own settings win', () => {
    const folder = project({
      'plain.yaml': spanish(''),
      'english.yaml': spanish('settings: { language: en }'),
      '.ivr-audit.yaml': 'settings:\n  language: es\n',
    });
    expect(lint(folder, 'plain.yaml', '-f', 'json').ruleIds).toContain('cliche-prompt');
    expect(lint(folder, 'english.yaml', '-f', 'json').ruleIds).not.toContain('cliche-prompt');
    expect(lint(folder, 'plain.yaml', '-f', 'json', '--no-config').ruleIds).not.toContain('cliche-prompt');
  });
});

describe('--rule', () => {
  it('wins over the config', () => {
    const folder = project({ 'menu.yaml': MENU, '.ivr-audit.yaml': 'rules:\n  menu-options: off\n' });
    expect(lint(folder, 'menu.yaml', '-f', 'json', '--rule', 'menu-options=error').ruleIds).toContain('menu-options');
    expect(lint(folder, 'menu.yaml', '--rule', 'menu-options=error').status).toBe(1);
  });

  it('rejects an unknown rule or severity with exit 2', () => {
    const folder = project({ 'menu.yaml': MENU });
    expect(lint(folder, 'menu.yaml', '--rule', 'menu-option=off')).toMatchObject({ status: 2 });
    expect(lint(folder, 'menu.yaml', '--rule', 'menu-options=loud')).toMatchObject({ status: 2 });
  });
});

describe('inline disables', () => {
  it('hide the finding on the next line and report a disable that hides nothing', () => {
    const disabled = MENU.replace(/^( {2})([\w-]+): # expect: menu-options$/m, '$1# ivr-audit-disable-next-line menu-options -- legacy menu, redesign planned\n$1$2:');
    expect(disabled).not.toBe(MENU);
    const folder = project({ 'menu.yaml': disabled, 'clean.yaml': `# ivr-audit-disable-file cold-transfer\n${CLEAN}` });
    // Two menus have too many options; the directive hides the first only.
    expect(lint(project({ 'menu.yaml': MENU }), 'menu.yaml', '-f', 'json').ruleIds.filter((id) => id === 'menu-options')).toHaveLength(2);
    const menu = lint(folder, 'menu.yaml', '-f', 'json');
    expect(menu.ruleIds.filter((id) => id === 'menu-options')).toHaveLength(1);
    expect(menu.ruleIds).not.toContain('unused-disable');
    const clean = lint(folder, 'clean.yaml', '-f', 'json');
    expect(clean.ruleIds).toEqual(['unused-disable']);
  });
});

describe('baselines', () => {
  it('record today\'s findings and report only new ones', () => {
    const folder = project({ 'menu.yaml': MENU });
    const first = lint(folder, 'menu.yaml', '--write-baseline', 'baseline.json');
    expect(first.status).toBe(0);
    const baseline = JSON.parse(readFileSync(join(folder, 'baseline.json'), 'utf8')) as { findings: unknown[] };
    expect(baseline.findings.length).toBeGreaterThan(0);
    expect(lint(folder, 'menu.yaml', '-f', 'json', '--baseline', 'baseline.json').ruleIds).toEqual([]);
    // A regression: a typo in a target is new, so it is reported and fails the run.
    writeFileSync(join(folder, 'menu.yaml'), MENU.replace(/next: (\w[\w-]*)/, 'next: $1-typo'));
    const after = lint(folder, 'menu.yaml', '-f', 'json', '--baseline', 'baseline.json');
    expect(after.ruleIds).toContain('unknown-target');
    expect(after.status).toBe(1);
  });

  it('refuses a malformed baseline with exit 2', () => {
    const folder = project({ 'menu.yaml': MENU, 'baseline.json': '{"version": 9}' });
    const run = lint(folder, 'menu.yaml', '--baseline', 'baseline.json');
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
