// Hostile inputs too big or too strange to commit (fixtures/bad/README.md): 32 MB+ files, FIFOs,
// symlink loops, /dev/zero, a subflow bomb, hostile globs and file names, outputs aimed at the
// inputs, and --fix on files that are easy to damage. Each is made in a scratch folder per test.
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BAD, cli, expectOutcome, fingerprint, lint, pending, rawControl, scratch } from './support.js';

const FLOW = ['version: 1', 'name: Base', 'entry: welcome', 'nodes:', '  welcome:', '    type: play', '    say: Hello.', '    next: person', '  person:', '    type: agent', ''].join('\n');

/** A flow whose only node at line 8 calls `target` as a subflow. */
function caller(target: string): string {
  return ['version: 1', 'name: Caller', 'entry: welcome', 'nodes:', '  welcome:', '    type: subflow', `    # calls ${target.length > 60 ? 'a hostile target' : target}`, `    flow: ${JSON.stringify(target)}`, '    next: person', '  person:', '    type: agent', ''].join('\n');
}

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = scratch();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr.toString()}`);
}

/** Some 33 MB of comment after a valid flow: over the 32 MB limit. */
function hugeFlow(): Buffer {
  const line = `# ${'x'.repeat(1022)}\n`;
  return Buffer.concat([Buffer.from(FLOW), Buffer.from(line.repeat(33 * 1024))]);
}

describe.concurrent('generated hostile inputs', () => {
  it('a 33 MB file is refused with a finding, unread', async () => {
    const folder = folderWith({ 'huge.yaml': hugeFlow() });
    expectOutcome(await lint(['huge.yaml'], folder), { exit: 1, findings: ['1 schema'], message: /32 MB/ });
  });

  it('a 33 MB subflow target is refused with a finding at the call', async () => {
    const folder = folderWith({ 'huge.yaml': hugeFlow(), 'main.yaml': caller('huge.yaml') });
    expectOutcome(await lint(['main.yaml'], folder), { exit: 1, findings: ['8 subflow-not-found'], message: /32 MB/ });
  });

  it('100,000 nested brackets are one yaml-syntax finding', async () => {
    const folder = folderWith({ 'deep.yaml': `${'['.repeat(100_000)}${']'.repeat(100_000)}\n` });
    expectOutcome(await lint(['deep.yaml'], folder), { exit: 1, findings: ['1 yaml-syntax'], message: /nested too deeply/ });
  });

  it('a FIFO as a subflow target is refused, never opened', async () => {
    const folder = folderWith({ 'main.yaml': caller('pipe.yaml') });
    mkfifo(join(folder, 'pipe.yaml'));
    expectOutcome(await lint(['main.yaml'], folder), { exit: 1, findings: ['8 subflow-not-found'], message: /not a regular file/ });
  });

  it('a symlink loop as a subflow target is a finding', async () => {
    const folder = folderWith({ 'main.yaml': caller('loop-a.yaml') });
    symlinkSync('loop-b.yaml', join(folder, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(folder, 'loop-b.yaml'));
    expectOutcome(await lint(['main.yaml'], folder), { exit: 1, findings: ['8 subflow-not-found'] });
  });

  it('a symlink loop as a subflow target is called a loop of symbolic links', async () => {
    const folder = folderWith({ 'main.yaml': caller('loop-a.yaml') });
    symlinkSync('loop-b.yaml', join(folder, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(folder, 'loop-b.yaml'));
    expectOutcome(await lint(['main.yaml'], folder), { exit: 1, findings: ['8 subflow-not-found'], message: /symbolic links|symlink/i });
  });

  it('a symlink loop named on the command line is one exit-2 line that says so', async () => {
    const folder = scratch();
    symlinkSync('loop-b.yaml', join(folder, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(folder, 'loop-b.yaml'));
    expectOutcome(await lint(['loop-a.yaml'], folder), { exit: 2, stderr: /loop-a\.yaml.*(symbolic links|symlink)/i });
  });

  it('a FIFO named on the command line is a finding, never opened', async () => {
    const folder = scratch();
    mkfifo(join(folder, 'pipe.yaml'));
    expectOutcome(await lint(['pipe.yaml'], folder), { exit: 1, findings: ['1 schema'], message: /not a regular file/ });
  });

  it('/dev/zero named on the command line is a finding, never read', async () => {
    expectOutcome(await lint(['/dev/zero'], scratch()), { exit: 1, findings: ['1 schema'], message: /not a regular file/ });
  });

  it('a folder with a FIFO, a symlink loop and a link to itself lints its one flow once', async () => {
    const folder = folderWith({ 'tree/base.yaml': FLOW });
    mkfifo(join(folder, 'tree/pipe.yaml'));
    symlinkSync('loop-b.yaml', join(folder, 'tree/loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(folder, 'tree/loop-b.yaml'));
    symlinkSync('.', join(folder, 'tree/self'));
    const result = await lint(['tree'], folder);
    expectOutcome(result, { exit: 0, findings: [] });
    expect(result.json!.files.map((file) => file.file)).toEqual(['tree/base.yaml']);
  });

  it('an ignore glob built to backtrack finishes at once, and does not match', async () => {
    const folder = folderWith({
      '.ivr-audit.yaml': `ignore:\n  - "${'*a'.repeat(12)}*b.yaml"\n`,
      [`${'a'.repeat(48)}.yaml`]: FLOW,
    });
    const result = await lint(['.'], folder);
    expectOutcome(result, { exit: 0, findings: [] });
    expect(result.json!.files).toHaveLength(1);
  });

  it('a subflow bomb reports its cap as an unknown and keeps the output small', async () => {
    const levels = 25;
    const files: Record<string, string> = {};
    for (let level = 0; level < levels; level++) {
      const next = `level-${String(level + 1).padStart(2, '0')}.yaml`;
      const end = level === 0 ? ['  person:', '    type: agent'] : ['  done:', '    type: return'];
      const after = level === 0 ? 'person' : 'done';
      const body = level === levels - 1
        ? ['  first:', '    type: play', '    say: The last level.', '    next: done', '  done:', '    type: return']
        : ['  first:', '    type: subflow', `    flow: ${next}`, '    next: second', '  second:', '    type: subflow', `    flow: ${next}`, `    next: ${after}`, ...end];
      files[`level-${String(level).padStart(2, '0')}.yaml`] = ['version: 1', `name: Level ${level}`, 'entry: first', 'nodes:', ...body, ''].join('\n');
    }
    const folder = folderWith(files);
    // The test timeout guards against a hang; test/bounded-work.test.ts bounds its CPU time, and the benchmark its speed.
    const result = await lint(['level-00.yaml'], folder);
    expectOutcome(result, { exit: result.run.status === 1 ? 1 : 0 });
    const file = result.json!.files[0]!;
    expect(file.unknowns.join('\n')).toMatch(/truncated/);
    expect(JSON.stringify(result.json).length).toBeLessThan(1_000_000);
    expect(Math.max(...file.findings.map((finding) => finding.message.length))).toBeLessThan(2_000);
  });

  it('a control sequence in a file name is escaped in the stderr note', async () => {
    const folder = folderWith({ 'flow.yaml': FLOW, 'evil\u001b]0;pwned\u0007.json': '{ "compose": true }\n' });
    expectOutcome(await lint(['.'], folder), { exit: 0, findings: [], stderr: /not a call flow/ });
  });

  it('a control sequence in a missing path is escaped in the exit-2 line', async () => {
    expectOutcome(await lint(['missing\u001b[2J.yaml'], scratch()), { exit: 2, stderr: /missing.*\.yaml/ });
  });

  it('a file with an out-of-range number does not stop the others', async () => {
    const folder = scratch();
    copyFileSync(join(BAD, 'rings-1e308.yaml'), join(folder, 'rings.yaml'));
    copyFileSync(join(BAD, 'proto-ids.yaml'), join(folder, 'proto.yaml'));
    const result = await lint(['proto.yaml', 'rings.yaml'], folder);
    expectOutcome(result, { exit: 1, findings: ['rings.yaml:12 schema'] }, true);
    expect(result.json!.files.map((file) => file.file)).toEqual(['proto.yaml', 'rings.yaml']);
  });

  it('a missing -c config is one exit-2 line', async () => {
    const folder = folderWith({ 'flow.yaml': FLOW });
    expectOutcome(await lint(['flow.yaml', '-c', 'missing.yaml'], folder), { exit: 2, stderr: /missing\.yaml/ });
  });
});

describe.concurrent('confineSubflows', () => {
  const PART = ['version: 1', 'name: Part', 'entry: hello', 'nodes:', '  hello:', '    type: play', '    say: Hello.', '    next: done', '  done:', '    type: return', ''].join('\n');

  /** project/ (with its config) beside outside/part.yaml; project/main.yaml calls `target`. */
  function project(config: string, target: string): string {
    const folder = folderWith({ 'project/.ivr-audit.yaml': config, 'project/main.yaml': caller(target), 'project/parts/part.yaml': PART, 'outside/part.yaml': PART });
    symlinkSync('../outside/part.yaml', join(folder, 'project/link.yaml'));
    return join(folder, 'project');
  }

  it('refuses a subflow path that leaves the project root, at the call', async () => {
    const result = await lint(['main.yaml'], project('confineSubflows: true\n', '../outside/part.yaml'));
    expectOutcome(result, { exit: 1, findings: ['8 subflow-not-found'], message: /outside the project root/ });
  });

  it('refuses a symlink inside the root whose real path is outside', async () => {
    const result = await lint(['main.yaml'], project('confineSubflows: true\n', 'link.yaml'));
    expectOutcome(result, { exit: 1, findings: ['8 subflow-not-found'], message: /really .*outside.*part\.yaml|outside the project root/ });
  });

  it('reads a subflow inside the root', async () => {
    expectOutcome(await lint(['main.yaml'], project('confineSubflows: true\n', 'parts/part.yaml')), { exit: 0, findings: [] });
  });

  it('reads subflows anywhere by default', async () => {
    expectOutcome(await lint(['main.yaml'], project('rules: {}\n', '../outside/part.yaml')), { exit: 0, findings: [] });
  });

  it('rejects a value that is not true or false in the config', async () => {
    expectOutcome(await lint(['main.yaml'], project('confineSubflows: yes please\n', 'parts/part.yaml')), { exit: 2, stderr: /confineSubflows/ });
  });
});

describe.concurrent('outputs aimed at an input', () => {
  const attempts: Array<[string, (flow: string) => string[]]> = [
    ['lint -o', (flow) => ['lint', flow, '-o', flow]],
    ['lint -f json=', (flow) => ['lint', flow, '-f', `json=${flow}`]],
    ['lint --write-baseline', (flow) => ['lint', flow, '--write-baseline', flow]],
    ['report -o', (flow) => ['report', flow, '-o', flow]],
    ['graph -o', (flow) => ['graph', flow, '-o', flow]],
    ['lint -o through a symlink', (flow) => ['lint', flow, '-o', 'link.yaml']],
  ];
  for (const [name, args] of attempts) {
    it(`${name} on the input is refused with one exit-2 line, the flow untouched`, async () => {
      const folder = folderWith({ 'flow.yaml': FLOW });
      symlinkSync('flow.yaml', join(folder, 'link.yaml'));
      const before = fingerprint(folder);
      const run = await cli(args('flow.yaml'), folder);
      expectOutcome({ run }, { exit: 2, stderr: /flow\.yaml|link\.yaml/ });
      expect(fingerprint(folder)).toEqual(before);
    });
  }
});

describe.concurrent('--fix on files that are easy to damage', () => {
  /** Copies a corpus file to a scratch folder and runs `lint --fix` on the copy (its fix is a suggestion: `callback: true`). */
  async function fixCopy(name: string): Promise<{ folder: string; path: string; before: Buffer; after: Buffer; stderr: string }> {
    const folder = scratch();
    const path = join(folder, name);
    copyFileSync(join(BAD, name), path);
    const before = readFileSync(path);
    const run = await cli(['lint', name, '--fix', '--fix-type', 'suggestion'], folder);
    expect(run.killed).toBe(false);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    return { folder, path, before, after: readFileSync(path), stderr: run.stderr };
  }

  it('a JSON flow stays JSON and loses the fixed finding', async () => {
    const { folder, after } = await fixCopy('fix-json.json');
    expect(() => JSON.parse(after.toString('utf8'))).not.toThrow();
    expectOutcome(await lint(['fix-json.json'], folder), { exit: 0, findings: [] });
  });

  it('a node defined by an alias is edited once, never duplicated', async () => {
    const { folder, before, after } = await fixCopy('fix-alias.yaml');
    expect(after.equals(before)).toBe(false);
    const relint = await lint(['fix-alias.yaml'], folder);
    expect(relint.run.status).toBe(0);
    const findings = relint.json!.files[0]!.findings.map((finding) => finding.ruleId);
    expect(findings).not.toContain('duplicate-key');
    if (!after.equals(before)) expect(findings).toEqual([]);
  });

  it('a file with Latin-1 bytes is refused for --fix and comes back byte for byte', async () => {
    const { before, after, stderr } = await fixCopy('fix-latin1.yaml');
    // Refused: the whole file comes back as it was, and stderr says where the first bad byte is.
    expect(stderr).toBe('ivr-audit: --fix left fix-latin1.yaml unchanged: byte 0xE9 at line 1, column 32 is not UTF-8\n');
    expect(after.equals(before)).toBe(true);
    const untouchedLines = (bytes: Buffer): Buffer[] => [0, 2].map((index) => {
      const lines: Buffer[] = [];
      let start = 0;
      for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, start)) {
        lines.push(bytes.subarray(start, at));
        start = at + 1;
      }
      return lines[index]!;
    });
    expect(untouchedLines(after)).toEqual(untouchedLines(before));
  });

  it('through a symlink the target is written and the link stays; the mode is kept', async () => {
    const folder = scratch();
    mkdirSync(join(folder, 'real'));
    copyFileSync(join(BAD, 'fix-latin1.yaml'), join(folder, 'real/flow.yaml'));
    writeFileSync(join(folder, 'real/flow.yaml'), readFileSync(join(folder, 'real/flow.yaml'), 'latin1').replace(/[^\x00-\x7f]/g, 'e'));
    chmodSync(join(folder, 'real/flow.yaml'), 0o640);
    symlinkSync('real/flow.yaml', join(folder, 'link.yaml'));
    const run = await cli(['lint', 'link.yaml', '--fix', '--fix-type', 'suggestion'], folder);
    expect(run.killed).toBe(false);
    expect(lstatSync(join(folder, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(statSync(join(folder, 'real/flow.yaml')).mode & 0o777).toBe(0o640);
    const text = readFileSync(join(folder, 'real/flow.yaml'), 'utf8');
    expect(text).toContain('callback: true');
    expect(() => parseYaml(text)).not.toThrow();
  });
});

describe('a hostile run leaves no raw control character anywhere it prints', () => {
  it('github format escapes every control byte of control-chars.yaml', async () => {
    const run = await cli(['lint', 'control-chars.yaml', '-f', 'github'], BAD);
    expect(run.killed).toBe(false);
    expect(rawControl(run.stdout)).toBeUndefined();
  });

  it('the check itself sees a raw ESC, bidi override and NUL', () => {
    expect(rawControl('a\u001b[2Jb')).toMatch(/U\+001b/);
    expect(rawControl('\u202e')).toMatch(/U\+202e/);
    expect(rawControl('x\u0000')).toMatch(/U\+0000/);
    expect(rawControl('plain\ttext\nwith \\x1b escapes')).toBeUndefined();
  });
});
