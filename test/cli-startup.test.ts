// Start-up: a command loads the modules it runs and no others. Checked by the modules a run of the
// built binary loads (a module loader hook records them), never by time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, scratchFolder } from './cli-run.js';
import { ROOT } from './helpers.js';

/** The project's own modules (dist/...) and packages a run of the CLI with `args` loaded as ES modules. */
function modulesLoaded(args: string[]): string[] {
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

const CONNECT_EXPORT = 'fixtures/platform/connect/RulesEngineCallback.json';

describe('start-up', () => {
  it('--help loads none of the pipeline', () => {
    const loaded = modulesLoaded(['--help']);
    expect(loaded).toContain('bin/run.js');
    expect(loaded.filter((path) => path.startsWith('dist/'))).toEqual([]);
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
