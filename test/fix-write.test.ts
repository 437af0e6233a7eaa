// How --fix and every output write files: atomically, never over an input, never truncated.
import { chmodSync, readFileSync, readdirSync, statSync } from 'node:fs';
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
