// A parallel run is the serial run, only faster: the same output in every format, the same exit
// code and stderr, the same files written by --fix. Run on the built binary (workers run the built
// worker), over the fixtures: platform projects whose flows reference each other, subflows, broken files.
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, scratchFolder, type CliRun } from '../cli-run.js';
import { ROOT } from '../helpers.js';

// The CLI runs from its bundle (scripts/build-bundle.js), so its workers run the bundled worker,
// not dist/parallel/worker.js (which only the library's modules would start).
const BUNDLED_WORKER = '/dist/bundle/worker.js';

/** A run of the CLI, with the files it wrote and whether it started worker threads. */
function lintWith(concurrency: number, args: string[], cwd = ROOT): { run: CliRun; outputs: Record<string, string>; workers: boolean } {
  const folder = scratchFolder({
    'hooks.mjs': "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(process.env.MODULE_LOG, url + '\\n');\n  return next(url, context);\n}\n",
    'register.mjs': "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
  });
  const log = join(folder, 'modules.log');
  const outputs = { json: join(folder, 'out.json'), sarif: join(folder, 'out.sarif') };
  const run = runCli(['lint', ...args, '--concurrency', String(concurrency), '-f', `json=${outputs.json}`, '-f', `sarif=${outputs.sarif}`, '-f', 'stylish'], {
    cwd,
    env: { MODULE_LOG: log, NODE_OPTIONS: `--import=${pathToFileURL(join(folder, 'register.mjs')).href}` },
  });
  const workers = readFileSync(log, 'utf8').includes(BUNDLED_WORKER);
  return { run, outputs: { json: readFileSync(outputs.json, 'utf8'), sarif: readFileSync(outputs.sarif, 'utf8') }, workers };
}

function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(folder, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('lint --concurrency', () => {
  it('prints the same JSON, SARIF and stylish output, stderr and exit code with workers as without', () => {
    const serial = lintWith(1, ['fixtures', '--no-config']);
    const parallel = lintWith(2, ['fixtures', '--no-config']);
    expect(serial.workers).toBe(false);
    expect(parallel.workers).toBe(true);
    expect(parallel.run.status).toBe(serial.run.status);
    expect(parallel.run.stderr).toBe(serial.run.stderr);
    expect(parallel.run.stdout).toBe(serial.run.stdout);
    expect(parallel.outputs.json).toBe(serial.outputs.json);
    expect(parallel.outputs.sarif).toBe(serial.outputs.sarif);
    // The fixtures hold what a parallel run could get wrong: linked projects and subflows.
    const report = JSON.parse(serial.outputs.json) as { files: Array<{ file: string }> };
    const files = report.files.map((file) => file.file);
    expect(files.filter((file) => file.startsWith('fixtures/platform/projects/')).length).toBeGreaterThan(3);
    expect(files).toContain('fixtures/subflows/calls-pin.yaml');
    expect(JSON.parse(parallel.outputs.sarif)).toEqual(JSON.parse(serial.outputs.sarif));
  });

  it('starts no workers for one file or a few small ones', () => {
    expect(lintWith(2, ['examples/acme-support.yaml', '--no-config']).workers).toBe(false);
    expect(lintWith(2, ['fixtures/subflows', '--no-config']).workers).toBe(false);
  });

  it('--fix with workers writes the same files and reports the same as without', () => {
    const serialFolder = scratchFolder();
    const parallelFolder = scratchFolder();
    cpSync(join(ROOT, 'fixtures/rules'), serialFolder, { recursive: true });
    cpSync(join(ROOT, 'fixtures/rules'), parallelFolder, { recursive: true });
    const before = filesUnder(serialFolder);
    const serial = lintWith(1, ['.', '--no-config', '--fix'], serialFolder);
    const parallel = lintWith(2, ['.', '--no-config', '--fix'], parallelFolder);
    expect(parallel.workers).toBe(true);
    expect(parallel.run.stderr).toBe(serial.run.stderr);
    expect(parallel.run.stderr).toMatch(/^ivr-audit: fixed /m);
    expect(parallel.run.stdout).toBe(serial.run.stdout);
    expect(parallel.outputs.json).toBe(serial.outputs.json);
    const after = filesUnder(parallelFolder);
    expect(after).toEqual(filesUnder(serialFolder));
    expect(after).not.toEqual(before);
  });

  it('refuses a concurrency below 1', () => {
    const run = runCli(['lint', 'examples/acme-support.yaml', '--concurrency', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--concurrency must be an integer of 1 or more/);
  });
});
