// Bundles the CLI after the TypeScript build (issue 12, start-up): oclif, every command, the
// worker of parallel runs and the command_not_found hook become one ES module bundle in
// dist/bundle/, split into chunks that load only when a command needs them (esbuild keeps every
// dynamic import() a chunk of its own). A run then reads a few dozen files instead of ~350 ES
// modules and ~250 CommonJS ones: the module loader, not the audit, was most of a small lint.
// The library API (dist/index.js and its types) stays tsc's output, module by module.
//
// Two things keep the bundled code finding what it reads at run time:
// - every output file sits flat in dist/bundle/, two folders below the package root like
//   dist/<folder>/<module>.js, so the `new URL('../../docs/...', import.meta.url)` of a module
//   points at the same file from the bundle, and `./worker.js` at the bundled worker;
// - dist/bundle.meta.json (esbuild's metafile, not shipped) says which modules each output file
//   holds: the start-up tests read it to tell which modules a run loaded.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');
rmSync(outdir, { recursive: true, force: true });

const commands = readdirSync(join(dist, 'commands')).filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -'.js'.length));
const entryPoints = {
  main: join(dist, 'cli', 'main.js'),
  worker: join(dist, 'parallel', 'worker.js'),
  'command-not-found': join(dist, 'hooks', 'command-not-found.js'),
  ...Object.fromEntries(commands.map((id) => [id, join(dist, 'commands', `${id}.js`)])),
};

// Left to node_modules: big packages only one command loads (the diagram engine, the language
// server, the browser for --pdf), and the TypeScript tooling oclif looks for only in development.
const EXTERNAL = ['@hpcc-js/wasm-graphviz', 'vscode-languageserver', 'vscode-languageserver-textdocument', 'playwright-core', 'typescript', 'ts-node'];

// A module that loads a package lazily with createRequire (the staffing math's gammaln, ~100
// CommonJS files) would still read it from node_modules file by file: that call becomes a plain
// require(), which esbuild bundles and still evaluates only when the call runs.
const LAZY_REQUIRE = /createRequire\(import\.meta\.url\)\((['"])([^'"]+)\1\)/g;
const bundleLazyRequires = {
  name: 'bundle-lazy-requires',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      return { contents: text.replace(LAZY_REQUIRE, 'require($1$2$1)'), loader: 'js' };
    });
  },
};

// Node built-ins that a package requires when it loads but uses only in some runs: oclif requires
// node:perf_hooks (a few ms to load) for its performance marks, which are off unless asked for
// (OCLIF_PERFORMANCE). Such a require() gets an object that loads the built-in on first use.
const LAZY_BUILTINS = ['node:perf_hooks'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(builder) {
    const filter = new RegExp(`^(${LAZY_BUILTINS.join('|')})$`);
    builder.onResolve({ filter }, (args) => {
      // The stand-in's own require() is the real built-in.
      if (args.namespace === 'lazy-builtin') return { path: args.path, external: true };
      return args.kind === 'require-call' ? { path: args.path, namespace: 'lazy-builtin' } : undefined;
    });
    builder.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, ({ path }) => ({
      contents: `let real;
const load = () => (real ??= require(${JSON.stringify(path)}));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => ({ ...Reflect.getOwnPropertyDescriptor(load(), key), configurable: true }),
});
`,
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: EXTERNAL,
  plugins: [bundleLazyRequires, lazyBuiltins],
  // The CommonJS packages (oclif among them) call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);" },
  // Less text for V8 to parse on every run (about 5 % of a small lint); names are kept, so a
  // stack trace (IVR_AUDIT_DEBUG=1) still names its functions.
  minifyWhitespace: true,
  minifySyntax: true,
  // Linked source maps that point back at tsc's modules in dist/ (no copy of their text): with
  // `node --enable-source-maps`, stack traces and the debugger show dist/<folder>/<module>.js.
  // Without that flag Node never reads them, so start-up is unchanged.
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(dist, 'bundle.meta.json'), JSON.stringify(result.metafile));
console.log(`build-bundle: ${Object.keys(result.metafile.outputs).length} files`);
