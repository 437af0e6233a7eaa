// One measurement in its own process, so that peak memory belongs to that run alone.
// Usage: node bench/child.js floor|lint FILE  → prints {"ms": …, "maxRssMb": …} on stdout.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { audit } from '../dist/index.js';

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const started = performance.now();
if (mode === 'floor') {
  // The least a positioned linter must do: parse with positions.
  const lineCounter = new LineCounter();
  parseDocument(text, { lineCounter, keepSourceTokens: true });
} else if (mode === 'lint') {
  await audit([{ path: file, text }], { noConfig: true });
} else {
  throw new Error(`bench/child.js: unknown mode ${mode}`);
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
