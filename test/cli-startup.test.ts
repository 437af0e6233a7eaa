// Start-up: a command loads the modules it runs and no others. Checked by the modules a run of the
// built binary loads (a module loader hook records the files, and the bundle's metafile says which
// modules each file of dist/bundle/ holds; see scripts/build-bundle.js), never by time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, scratchFolder } from './cli-run.js';
import { ROOT } from './helpers.js';

interface Metafile { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> }
const bundle = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle.meta.json'), 'utf8')) as Metafile;

/** The modules (dist/..., node_modules/...) that the file at `path` holds: itself, or what was bundled into it. */
function modulesIn(path: string): string[] {
  const output = bundle.outputs[path];
  if (!output) return [path];
  return Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([input]) => input);
}

/** The files (paths from the repository root) that a run of the CLI with `args` loaded as ES modules. */
function filesLoaded(args: string[]): string[] {
  const folder = scratchFolder({
    'hooks.mjs': `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.MODULE_LOG, url + '\\n');
  return next(url, context);
}
`,
    'register.mjs': "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
  });
  const log = join(folder, 'modules.log');
  const run = runCli(args, { env: { MODULE_LOG: log, NODE_OPTIONS: `--import=${pathToFileURL(join(folder, 'register.mjs')).href}` } });
  expect(run.status, run.stderr).not.toBe(2);
  const root = pathToFileURL(ROOT).href;
  return readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith(root)).map((url) => url.slice(root.length + 1));
}

/** The project's own modules (dist/...) and packages that a run of the CLI with `args` loaded. */
function modulesLoaded(args: string[]): string[] {
  return filesLoaded(args).flatMap(modulesIn);
}

const CONNECT_EXPORT = 'fixtures/platform/connect/RulesEngineCallback.json';

describe('start-up', () => {
  it('--help loads none of the pipeline', () => {
    const loaded = modulesLoaded(['--help']);
    expect(loaded).toContain('bin/run.js');
    expect(loaded.filter((path) => path.startsWith('dist/'))).toEqual(['dist/cli/main.js']);
  });

  it('a lint reads the bundle, not modules one by one from dist/ or node_modules', () => {
    const files = filesLoaded(['lint', 'examples/acme-support.yaml', '--no-config']);
    expect(files).toContain('dist/bundle/main.js');
    expect(files).toContain('dist/bundle/lint.js');
    expect(files.filter((path) => path !== 'bin/run.js' && !path.startsWith('dist/bundle/'))).toEqual([]);
  });

  it('a lint of a flow with staffing bundles the Erlang A math too (no CommonJS file read at run time)', () => {
    const loaded = modulesLoaded(['lint', 'examples/acme-support.yaml', '--no-config']);
    expect(loaded).toContain('node_modules/@stdlib/math-base-special-gammaln/lib/main.js');
  });

  it('a lint imports only the oclif entry points it runs, not the index that loads all of oclif', () => {
    const loaded = modulesLoaded(['lint', 'examples/acme-support.yaml', '--no-config']);
    expect(loaded).toContain('node_modules/@oclif/core/lib/main.js');
    expect(loaded).not.toContain('node_modules/@oclif/core/lib/index.js');
  });

  it('a lint printing stylish output loads neither the other formats, nor the diagrams, nor --fix', () => {
    const loaded = modulesLoaded(['lint', 'examples/acme-support.yaml', '--no-config']);
    expect(loaded).toContain('dist/report/stylish.js');
    for (const path of ['dist/load/importers/index.js', 'dist/load/importers/connect.js', 'dist/load/importers/twilio.js', 'dist/load/importers/genesys.js', 'dist/util/gitignore.js', 'node_modules/ignore/index.js', 'dist/report/sarif.js', 'dist/report/html.js', 'dist/report/diagram.js', 'dist/report/markdown.js', 'dist/report/junit.js', 'dist/fix.js', 'dist/config/baseline.js']) {
      expect(loaded).not.toContain(path);
    }
  });

  it('a lint of a platform export loads the importers', () => {
    const loaded = modulesLoaded(['lint', CONNECT_EXPORT, '--no-config']);
    expect(loaded).toContain('dist/load/importers/connect.js');
  });

  it('a lint of a folder reads its .gitignore files', () => {
    const loaded = modulesLoaded(['lint', 'examples', '--no-config']);
    expect(loaded).toContain('dist/util/gitignore.js');
  });

  it('a lint loads the formats it prints', () => {
    const loaded = modulesLoaded(['lint', 'examples/acme-support.yaml', '--no-config', '-f', 'sarif']);
    expect(loaded).toContain('dist/report/sarif.js');
    expect(loaded).not.toContain('dist/report/stylish.js');
  });
});
