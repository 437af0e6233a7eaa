import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError, writeFileAtomic } from '../src/util/write-atomic.js';
import { scratchFolder } from './cli-run.js';

describe('writeFileAtomic', () => {
  it('creates a new file and leaves no temporary file behind', async () => {
    const folder = scratchFolder({});
    await writeFileAtomic(join(folder, 'out.json'), '{"a":1}\n');
    expect(readFileSync(join(folder, 'out.json'), 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(folder)).toEqual(['out.json']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const folder = scratchFolder({ 'flow.yaml': 'old\n' });
    chmodSync(join(folder, 'flow.yaml'), 0o640);
    await writeFileAtomic(join(folder, 'flow.yaml'), 'new\n');
    expect(statSync(join(folder, 'flow.yaml')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(folder, 'flow.yaml'), 'utf8')).toBe('new\n');
  });

  it('writes the target of a symlink and keeps the link', async () => {
    const folder = scratchFolder({});
    mkdirSync(join(folder, 'real'));
    writeFileSync(join(folder, 'real', 'flow.yaml'), 'old\n');
    symlinkSync(join('real', 'flow.yaml'), join(folder, 'link.yaml'));
    await writeFileAtomic(join(folder, 'link.yaml'), 'new\n');
    expect(lstatSync(join(folder, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'real', 'flow.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(folder, 'real'))).toEqual(['flow.yaml']);
  });

  it('creates the target of a dangling symlink', async () => {
    const folder = scratchFolder({});
    symlinkSync('target.txt', join(folder, 'link.txt'));
    await writeFileAtomic(join(folder, 'link.txt'), 'made\n');
    expect(lstatSync(join(folder, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'target.txt'), 'utf8')).toBe('made\n');
  });

  it('fails with one line naming the file, leaving the old content and no temporary file', async () => {
    const folder = scratchFolder({ 'flow.yaml': 'old\n' });
    mkdirSync(join(folder, 'sub'));
    const error = await writeFileAtomic(join(folder, 'missing', 'out.txt'), 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toBe(`cannot write ${join(folder, 'missing', 'out.txt')}: no such folder`);
    const onFolder = await writeFileAtomic(join(folder, 'sub'), 'x').catch((caught: unknown) => caught);
    expect((onFolder as Error).message).toMatch(/^cannot write .*sub: [^\n]+$/);
    expect(readdirSync(folder).sort()).toEqual(['flow.yaml', 'sub']);
    expect(readFileSync(join(folder, 'flow.yaml'), 'utf8')).toBe('old\n');
  });
});
