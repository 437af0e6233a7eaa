// The Dockerfile: read statically everywhere; built (and run on a flow) only where Docker runs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { scratchFolder } from '../cli-run.js';
import { TYPO } from '../diff/repo.js';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+ /.test(line));
const finalStage = instructions.slice(instructions.findLastIndex((line) => line.startsWith('FROM ')));
const dockerRuns = spawnSync('docker', ['info'], { encoding: 'utf8' }).status === 0;

describe('Dockerfile', () => {
  it('runs on Node 20 slim, in /flows, with the bin as entrypoint and `lint .` as command', () => {
    expect(instructions.filter((line) => line.startsWith('FROM ')).every((line) => /^FROM node:20-slim\b/.test(line))).toBe(true);
    expect(finalStage).toContain('WORKDIR /flows');
    const bin = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin);
    const entrypoint = JSON.parse(finalStage.find((line) => line.startsWith('ENTRYPOINT '))!.slice('ENTRYPOINT '.length)) as string[];
    expect(entrypoint).toEqual(bin);
    expect(JSON.parse(finalStage.find((line) => line.startsWith('CMD '))!.slice('CMD '.length))).toEqual(['lint', '.']);
    // The image installs the packed CLI, as a user would get it from npm.
    expect(dockerfile).toMatch(/npm pack/);
    expect(finalStage.some((line) => /npm install --global .*\.tgz/.test(line))).toBe(true);
  });

  it('leaves build output and dependencies out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git']));
  });

  it.skipIf(!dockerRuns)('builds, and lints a mounted folder (skipped: `docker info` fails here, no Docker engine)', () => {
    const tag = `ivr-audit-test:${process.pid}`;
    const build = spawnSync('docker', ['build', '-q', '-t', tag, ROOT], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    try {
      const folder = scratchFolder({ 'typo.yaml': TYPO });
      const run = spawnSync('docker', ['run', '--rm', '-v', `${folder}:/flows`, tag], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('unknown-target');
    } finally {
      spawnSync('docker', ['rmi', '-f', tag]);
    }
  }, 600_000);
});
