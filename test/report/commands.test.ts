// `ivr-audit report` and `ivr-audit graph` through the built binary, and the new lint formats'
// names and file extensions. Exit 0 on success, 2 with one stderr line for what the user got wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFormatFor, parseFormatFlag } from '../../src/report/index.js';
import { HOSTILE, cli, scratch } from './support.js';

function expectUsageError(run: { status: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^ivr-audit: /);
  expect(run.stderr).toMatch(pattern);
}

describe('ivr-audit report', () => {
  it('prints one self-contained HTML document to stdout by default, exit 0 even with findings', () => {
    const run = cli(['report', HOSTILE, 'examples/acme-support.yaml']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(run.stdout).not.toMatch(/<script/i);
    expect(run.stdout.match(/<section class="flow"/g)).toHaveLength(2);
  });

  it('writes Markdown with --format markdown, or when -o ends in .md', () => {
    const folder = scratch();
    const byFlag = cli(['report', HOSTILE, '--format', 'markdown']);
    expect(byFlag.status).toBe(0);
    expect(byFlag.stdout).toMatch(/^# IVR audit report\n/);
    const out = join(folder, 'audit.md');
    const byExtension = cli(['report', HOSTILE, '-o', out]);
    expect(byExtension.status).toBe(0);
    expect(byExtension.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^# IVR audit report\n/);
  });

  it('fails with exit 2 and one line for a missing path or an unknown format', () => {
    expectUsageError(cli(['report', 'no/such/flows']), /no such file or folder: no\/such\/flows/);
    expectUsageError(cli(['report', HOSTILE, '--format', 'pdf']), /unknown report format "pdf"/);
  });
});

describe('ivr-audit graph', () => {
  it('prints Mermaid by default and DOT with --format dot', () => {
    const mermaid = cli(['graph', HOSTILE]);
    expect(mermaid.stderr).toBe('');
    expect(mermaid.status).toBe(0);
    expect(mermaid.stdout).toMatch(/^flowchart TD\n/);
    expect(mermaid.stdout).toContain('classDef sevError');
    const dot = cli(['graph', HOSTILE, '--format', 'dot']);
    expect(dot.status).toBe(0);
    expect(dot.stdout).toMatch(/^digraph "/);
    expect(dot.stdout).toContain('"main-menu" [');
  });

  it('writes to a file with -o', () => {
    const out = join(scratch(), 'flow.mmd');
    const run = cli(['graph', 'examples/acme-support.yaml', '-o', out]);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^flowchart TD\n/);
  });

  it('fails with exit 2 and one line for a missing file, a bad format or a file that is not a flow', () => {
    expectUsageError(cli(['graph', 'nope.yaml']), /no such file: nope\.yaml$/m);
    expectUsageError(cli(['graph', HOSTILE, '--format', 'svg']), /unknown graph format "svg"/);
    const folder = scratch({ 'broken.yaml': 'version: 1\nnodes: [unclosed\n' });
    expectUsageError(cli(['graph', 'broken.yaml'], { cwd: folder }), /broken\.yaml cannot be drawn/);
  });
});

describe('lint output formats', () => {
  it('knows the new names and infers them from extensions', () => {
    for (const name of ['sarif', 'junit', 'github', 'markdown', 'html']) expect(parseFormatFlag(name).format).toBe(name);
    expect(parseFormatFlag('sarif=out/a=b.sarif')).toEqual({ format: 'sarif', path: 'out/a=b.sarif' });
    expect(outputFormatFor('x.sarif')).toBe('sarif');
    expect(outputFormatFor('x.SARIF.json')).toBe('sarif');
    expect(outputFormatFor('x.json')).toBe('json');
    expect(outputFormatFor('x.xml')).toBe('junit');
    expect(outputFormatFor('x.md')).toBe('markdown');
    expect(outputFormatFor('x.html')).toBe('html');
    expect(() => parseFormatFlag('pdf')).toThrow(/unknown format "pdf"/);
  });

  it('writes SARIF when -o ends in .sarif.json and rejects an unknown -f with exit 2', () => {
    const out = join(scratch(), 'results.sarif.json');
    const run = cli(['lint', HOSTILE, '-o', out]);
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    expectUsageError(cli(['lint', HOSTILE, '-f', 'pdf']), /unknown format "pdf"/);
  });
});
