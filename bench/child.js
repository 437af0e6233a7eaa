// One measurement in its own process, so that peak memory belongs to that run alone.
// Usage: node bench/child.js floor|lint FILE  → prints {"ms": …, "maxRssMb": …} on stdout; lint also
// prints how many findings could have a fix (`fixGroups`) and how many were re-scored (`rescored`).
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { audit } from '../dist/index.js';
import { fixGroups, proposeFixes } from '../dist/score/fixes.js';

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
let analysis;
const started = performance.now();
if (mode === 'floor') {
  // The least a positioned linter must do: parse with positions. yaml's own duplicate-key check is
  // quadratic in the keys of a mapping (a 100k-node `nodes:` takes minutes), so the floor leaves it
  // off, as the loader does (it finds duplicates in linear time itself).
  const lineCounter = new LineCounter();
  parseDocument(text, { lineCounter, uniqueKeys: false });
} else if (mode === 'lint') {
  await audit([{ path: file, text }], { noConfig: true, inspect: (inspected) => (analysis = inspected) });
} else {
  throw new Error(`bench/child.js: unknown mode ${mode}`);
}
const ms = performance.now() - started;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const fixes = analysis === undefined
  ? {}
  : { fixGroups: fixGroups(analysis.flow, analysis.findings).length, rescored: proposeFixes(analysis.flow, analysis.findings).length };
process.stdout.write(`${JSON.stringify({ ms, maxRssMb, ...fixes })}\n`);
