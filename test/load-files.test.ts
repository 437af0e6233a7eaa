// Hostile files on disk: FIFOs, devices, huge and looping files, wherever a path is read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaselineFile } from '../src/config/baseline.js';
import { clearConfigCache, findConfig, loadConfigFile } from '../src/config/discover.js';
import { ConfigError } from '../src/config/errors.js';
import { UsageError } from '../src/files.js';
import { audit } from '../src/index.js';
import { MAX_FILE_BYTES } from '../src/load/index.js';
import { sizeMessage } from '../src/util/read-file.js';

const CALLER = (target: string): string =>
  ['version: 1', 'name: Caller', 'entry: sub', 'nodes:', '  sub:', '    type: subflow', `    flow: ${target}`, '    next: person', '  person:', '    type: agent', ''].join('\n');

/** A scratch folder: text `FIFO` makes a named pipe, `-> target` a symbolic link, `SPARSE:n` a sparse file of n bytes. */
function scratch(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-audit-read-'));
  for (const [name, text] of Object.entries(files)) {
    const path = join(folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    if (text === 'FIFO') execFileSync('mkfifo', [path]);
    else if (text.startsWith('-> ')) symlinkSync(text.slice(3), path);
    else if (text.startsWith('SPARSE:')) {
      writeFileSync(path, '');
      truncateSync(path, Number(text.slice(7)));
    } else writeFileSync(path, text);
  }
  return folder;
}

async function findingsOf(cwd: string, file: string): Promise<string[]> {
  // Absolute: subflow paths are resolved from the process's folder, not the `cwd` option.
  const result = await audit([join(cwd, file)], { cwd, noConfig: true });
  return result.files[0]!.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.line} ${finding.ruleId} ${finding.message}`);
}

describe('flow files that are not regular files', () => {
  // Each of these blocked the run or read without end before; a hang fails at the test timeout.
  it('a FIFO named on the command line is a finding, not a stalled run', async () => {
    const cwd = scratch({ 'pipe.yaml': 'FIFO' });
    expect(await findingsOf(cwd, 'pipe.yaml')).toEqual([expect.stringMatching(/^1 schema cannot read .*pipe\.yaml: not a regular file \(a FIFO\)$/)]);
  });

  it.each([
    ['a FIFO', 'pipe.yaml', 'FIFO', 'not a regular file (a FIFO)'],
    ['/dev/zero', 'zero.yaml', '-> /dev/zero', 'not a regular file (a device)'],
    ['a symbolic link loop', 'loop.yaml', '-> loop.yaml', 'a loop of symbolic links'],
    ['a folder', 'folder.yaml/x', 'x', 'not a regular file (a folder)'],
  ])('%s as a subflow target is a subflow-not-found finding', async (_, name, content, reason) => {
    const target = name.replace(/\/x$/, '');
    const cwd = scratch({ 'main.yaml': CALLER(target), [name]: content });
    const findings = await findingsOf(cwd, 'main.yaml');
    expect(findings).toEqual([`7 subflow-not-found subflow \`sub\` calls ${target}, which cannot be used: cannot read it: ${reason}`]);
  });

  it('says by how much a file is over the size limit, with numbers that differ', async () => {
    const cwd = scratch({ 'big.yaml': `SPARSE:${MAX_FILE_BYTES + 1}`, 'huge.yaml': `SPARSE:${MAX_FILE_BYTES * 3}` });
    expect(await findingsOf(cwd, 'big.yaml')).toEqual([
      expect.stringMatching(/big\.yaml: 33,554,433 bytes, over the 32 MB \(33,554,432 bytes\) limit$/),
    ]);
    expect(await findingsOf(cwd, 'huge.yaml')).toEqual([expect.stringMatching(/huge\.yaml: 96 MB, over the 32 MB limit$/)]);
  });

  it('words sizes so the two numbers never read the same', () => {
    expect(sizeMessage(32 * 1048576 + 1, 32 * 1048576)).toBe('33,554,433 bytes, over the 32 MB (33,554,432 bytes) limit');
    expect(sizeMessage(40 * 1048576, 32 * 1048576)).toBe('40 MB, over the 32 MB limit');
    expect(sizeMessage(33 * 1048576, 32 * 1048576, true)).toBe('at least 33 MB, over the 32 MB limit');
  });
});

describe('configs and baselines that are not regular files', () => {
  it('-c naming a FIFO, /dev/zero or a huge file is one config error', async () => {
    const cwd = scratch({ 'pipe.yaml': 'FIFO', 'big.yaml': 'SPARSE:5000000' });
    await expect(loadConfigFile(join(cwd, 'pipe.yaml'))).rejects.toThrow(/pipe\.yaml: cannot read the config file \(not a regular file \(a FIFO\)\)$/);
    await expect(loadConfigFile('/dev/zero')).rejects.toThrow(/^\/dev\/zero: cannot read the config file \(not a regular file \(a device\)\)$/);
    await expect(loadConfigFile(join(cwd, 'big.yaml'))).rejects.toThrow(/cannot read the config file \(5 MB, over the 4 MB limit\)$/);
    await expect(loadConfigFile(join(cwd, 'none.yaml'))).rejects.toThrow(ConfigError);
  });

  it('a discovered .ivr-audit.yaml that is a FIFO is a config error; a folder of that name is no config', async () => {
    clearConfigCache();
    const fifo = scratch({ '.ivr-audit.yaml': 'FIFO' });
    await expect(findConfig(fifo, fifo)).rejects.toThrow(/cannot read the config file \(not a regular file \(a FIFO\)\)$/);
    const folder = scratch({ '.ivr-audit.yaml/x': '' });
    await expect(findConfig(folder, folder)).resolves.toBeUndefined();
    clearConfigCache();
  });

  it('--baseline naming a FIFO or /dev/zero is one usage error', async () => {
    const cwd = scratch({ 'pipe.json': 'FIFO' });
    await expect(readBaselineFile(join(cwd, 'pipe.json'))).rejects.toThrow(UsageError);
    await expect(readBaselineFile(join(cwd, 'pipe.json'))).rejects.toThrow(/^cannot read the baseline .*pipe\.json: not a regular file \(a FIFO\)$/);
    await expect(readBaselineFile('/dev/zero')).rejects.toThrow(/^cannot read the baseline \/dev\/zero: not a regular file \(a device\)$/);
  });
});
