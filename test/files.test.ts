import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, expandPaths } from '../src/files.js';

/** A scratch folder with `files` (path → text; text `FIFO` makes a named pipe, `-> target` a link). */
function scratch(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-audit-files-'));
  for (const [name, text] of Object.entries(files)) {
    const path = join(folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    if (text === 'FIFO') execFileSync('mkfifo', [path]);
    else if (text.startsWith('-> ')) symlinkSync(text.slice(3), path);
    else writeFileSync(path, text);
  }
  return folder;
}

describe('expandPaths', () => {
  it('walks folders sorted, skipping hidden entries, node_modules and non-flow files', async () => {
    const cwd = scratch({ 'b.yaml': '', 'a/c.yml': '', 'a/d.json': '', 'a/e.txt': '', '.hidden/f.yaml': '', 'node_modules/g.yaml': '', '.h.yaml': '' });
    expect(await expandPaths(['.'], { cwd })).toEqual(['a/c.yml', 'a/d.json', 'b.yaml']);
  });

  it('ends on a symbolic link loop and lists each real folder once', async () => {
    const cwd = scratch({ 'a/b/x.yaml': '', 'a/b/loop': '-> ..', 'a/self': '-> .', 'broken': '-> nowhere' });
    expect(await expandPaths(['a'], { cwd })).toEqual(['a/b/x.yaml']);
    expect(await expandPaths(['**/*.yaml'], { cwd })).toEqual(['a/b/x.yaml']);
  });

  it('never lists a FIFO found in a folder or by a glob (reading one would block)', async () => {
    const cwd = scratch({ 'pipe.yaml': 'FIFO', 'ok.yaml': '' });
    expect(await expandPaths(['.'], { cwd })).toEqual(['ok.yaml']);
    expect(await expandPaths(['*.yaml'], { cwd })).toEqual(['ok.yaml']);
  });

  it('keeps a FIFO named on the command line, for the reader to refuse with a finding', async () => {
    const cwd = scratch({ 'pipe.yaml': 'FIFO' });
    expect(await expandPaths(['pipe.yaml'], { cwd })).toEqual(['pipe.yaml']);
  });

  it('matches globs from the folder they name, no deeper than they reach', async () => {
    const cwd = scratch({ 'flows/a.yaml': '', 'flows/sub/b.yaml': '', 'flows/{x}.yaml': '', 'other/c.yaml': '' });
    expect(await expandPaths(['flows/*.yaml'], { cwd })).toEqual(['flows/a.yaml', 'flows/{x}.yaml']);
    expect(await expandPaths(['flows/**/*.yaml'], { cwd })).toEqual(['flows/a.yaml', 'flows/sub/b.yaml', 'flows/{x}.yaml']);
    expect(await expandPaths(['./*/?.yaml'], { cwd })).toEqual(['flows/a.yaml', 'other/c.yaml']);
    expect(await expandPaths(['{flows,other}/[ac].yaml'], { cwd })).toEqual(['flows/a.yaml', 'other/c.yaml']);
    expect(await expandPaths([join(cwd, 'other/*.yaml')], { cwd })).toEqual(['other/c.yaml']);
  });

  // picomatch, used before, backtracks for minutes here; a hang fails at the runner's timeout.
  it('matches a pattern that makes regex matchers backtrack at once', async () => {
    const name = `${'a'.repeat(240)}.yml`;
    const cwd = scratch({ [name]: '' });
    await expect(expandPaths(['*a*a*a*a*a*a*a*a*a*a*b.yaml'], { cwd })).rejects.toThrow(UsageError);
    expect(await expandPaths(['*a*a*a*a*a*a*a*a*a*a*.yml'], { cwd })).toEqual([name]);
  });

  it('says what is missing', async () => {
    const cwd = scratch({});
    await expect(expandPaths(['nope.yaml'], { cwd })).rejects.toThrow(/^no such file or folder: nope\.yaml$/);
    await expect(expandPaths(['*.yaml'], { cwd })).rejects.toThrow(/^no files match \*\.yaml$/);
  });
});

describe('.gitignore when walking', () => {
  const FLOW = 'version: 1\nname: X\nentry: a\nnodes:\n  a:\n    type: agent\n';

  it('leaves out what the .gitignore files exclude, each relative to its own folder', async () => {
    const cwd = scratch({
      '.gitignore': 'build/\n*.generated.yaml\n/top.yaml\n',
      'top.yaml': FLOW,
      'keep.yaml': FLOW,
      'x.generated.yaml': FLOW,
      'build/out.yaml': FLOW,
      'flows/top.yaml': FLOW,
      'flows/.gitignore': 'draft-*.yaml\n!draft-keep.yaml\n',
      'flows/draft-1.yaml': FLOW,
      'flows/draft-keep.yaml': FLOW,
      'flows/deep/draft-2.yaml': FLOW,
      'other/draft-3.yaml': FLOW,
    });
    expect(await expandPaths(['.'], { cwd })).toEqual(['flows/draft-keep.yaml', 'flows/top.yaml', 'keep.yaml', 'other/draft-3.yaml']);
    expect(await expandPaths(['**/*.yaml'], { cwd })).toEqual(['flows/draft-keep.yaml', 'flows/top.yaml', 'keep.yaml', 'other/draft-3.yaml']);
  });

  it('reads the .gitignore files above the folder walked, up to the work tree root', async () => {
    const cwd = scratch({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'vendor/\n', 'flows/vendor/x.yaml': FLOW, 'flows/a.yaml': FLOW });
    expect(await expandPaths(['flows'], { cwd })).toEqual(['flows/a.yaml']);
    expect(await expandPaths(['.'], { cwd: join(cwd, 'flows') })).toEqual(['a.yaml']);
  });

  it('reads no .gitignore above the folder outside a work tree', async () => {
    const cwd = scratch({ '.gitignore': 'flows/\n', 'flows/a.yaml': FLOW });
    expect(await expandPaths(['.'], { cwd: join(cwd, 'flows') })).toEqual(['a.yaml']);
  });

  it('always reads a file named on the command line, and everything with gitignore: false', async () => {
    const cwd = scratch({ '.gitignore': '*.yaml\n', 'a.yaml': FLOW });
    expect(await expandPaths(['a.yaml'], { cwd })).toEqual(['a.yaml']);
    await expect(expandPaths(['.'], { cwd })).resolves.toEqual([]);
    expect(await expandPaths(['.'], { cwd, gitignore: false })).toEqual(['a.yaml']);
  });
});
