#!/usr/bin/env node
// Entry point. Errors become one line on stderr and exit code 2 (see src/cli/errors.ts); the
// stack only with IVR_AUDIT_DEBUG=1. Messages may quote a flow or a path, so errorReport makes
// them visible: no control character reaches the terminal.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);

// `--version` is asked for by scripts and bug reports, often in loops: answer it without loading
// oclif, with the same line oclif prints.
function printVersion() {
  const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`);
}

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) printVersion();
else {
  // Every other run goes through oclif, bundled with the commands into dist/bundle/ at build time
  // (scripts/build-bundle.js): start-up reads a few files instead of hundreds of modules.
  const { main } = await import('../dist/bundle/main.js');
  await main(args, import.meta.url);
}
