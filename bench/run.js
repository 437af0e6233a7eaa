// `npm run bench`: the figures of issue 12, measured side by side in one run on this machine, and
// written to bench/results.md. Nothing here is asserted; the tests check correctness only.
//   npm run bench              all figures (the 100k-node flow takes minutes)
//   npm run bench -- --quick   1k and 10k nodes only, no peer tools
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_SUBFLOW, SHARED_SUBFLOW_FILE, generateFlow, generateFolder } from './generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const work = mkdtempSync(join(tmpdir(), 'ivr-audit-bench-'));
const cli = join(root, 'bin', 'run.js');
const rows = [];

function record(figure, value, goal = '') {
  rows.push({ figure, value, goal });
  console.log(`${figure.padEnd(46)} ${value.padEnd(22)} ${goal}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs bench/child.js in a fresh process: the time of the work alone and the process's peak memory. */
function measureChild(mode, file) {
  const run = spawnSync(process.execPath, [join(root, 'bench', 'child.js'), mode, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`bench: ${mode} ${file} failed: ${run.stderr.trim().split('\n')[0]}`);
  return JSON.parse(run.stdout);
}

/** Wall time of a whole command, start-up included. */
function wallMs(command, args, options = {}) {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const ms = performance.now() - started;
  if (run.error) throw run.error;
  return { ms, run };
}

/** CPU seconds (user + system) of the children this process has waited for; Linux only. */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), counted after the ") " that ends the command name.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function writeFlow(size) {
  const folder = join(work, `flow-${size}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, SHARED_SUBFLOW_FILE), SHARED_SUBFLOW);
  const file = join(folder, 'flow.yaml');
  writeFileSync(file, generateFlow(size, { subflow: SHARED_SUBFLOW_FILE }));
  return file;
}

function benchSizes() {
  const lintBySize = new Map();
  for (const size of SIZES) {
    const file = writeFlow(size);
    const repeats = size >= 100_000 ? 1 : 3;
    const ratios = [];
    const lintTimes = [];
    let peak = 0;
    let fixes = '';
    // Floor and lint alternate so both see the same machine load.
    for (let attempt = 0; attempt < repeats; attempt++) {
      const floor = measureChild('floor', file);
      const lint = measureChild('lint', file);
      ratios.push(lint.ms / floor.ms);
      lintTimes.push(lint.ms);
      peak = Math.max(peak, lint.maxRssMb);
      fixes = `${lint.rescored} of ${lint.fixGroups}`;
    }
    lintBySize.set(size, median(lintTimes));
    const goal = size === 10_000 ? 'goal ≤ 1.5' : size === 100_000 ? 'goal ≤ 2' : '';
    record(`lint ÷ parse floor, ${size} nodes`, `${median(ratios).toFixed(1)}× (${(median(lintTimes) / 1000).toFixed(2)} s)`, goal);
    record(`peak RSS, ${size} nodes`, `${peak.toFixed(0)} MB`, size === 100_000 ? 'goal < 1024 MB' : '');
    record(`findings with a fix re-scored, ${size} nodes`, fixes, 'goal: all');
  }
  if (lintBySize.has(100_000)) {
    record('time 100k ÷ 10k', `${(lintBySize.get(100_000) / lintBySize.get(10_000)).toFixed(1)}×`, 'goal ≤ 11');
  }
}

function benchStartUp() {
  const small = join(root, 'examples', 'acme-support.yaml');
  const ratios = { version: [], lint: [] };
  for (let attempt = 0; attempt < 9; attempt++) {
    const bare = wallMs(process.execPath, ['-e', '0']).ms;
    ratios.version.push(wallMs(process.execPath, [cli, '--version']).ms / bare);
    ratios.lint.push(wallMs(process.execPath, [cli, 'lint', small, '--no-config']).ms / bare);
  }
  record('start-up: --version ÷ node -e 0', `${median(ratios.version).toFixed(1)}×`, 'goal ≤ 2');
  record('start-up: lint of a small file ÷ node -e 0', `${median(ratios.lint).toFixed(1)}×`, 'goal ≤ 3');
}

function benchFolder() {
  const folder = join(work, 'folder');
  mkdirSync(folder, { recursive: true });
  for (const { name, text } of generateFolder(1_000)) writeFileSync(join(folder, name), text);
  const cpuBefore = childrenCpuSeconds();
  const { ms, run } = wallMs(process.execPath, [cli, 'lint', folder, '--no-config', '-f', 'json', '-o', join(work, 'folder.json')]);
  if (run.status !== 0 && run.status !== 1) throw new Error(`bench: folder run failed: ${run.stderr.trim().split('\n')[0]}`);
  const cpuAfter = childrenCpuSeconds();
  record('1,000 flows of 20–60 nodes: ms a file', `${(ms / 1_000).toFixed(1)} ms`);
  const cpuShare = cpuBefore === undefined || cpuAfter === undefined ? 'n/a (no /proc)' : `${((cpuAfter - cpuBefore) / (ms / 1000)).toFixed(2)}`;
  record('1,000 flows: CPU ÷ wall', cpuShare, `goal ≥ 1.7 on ${cpus().length} cores`);
}

/** The findings of a lint of `file` (JSON, written to `-o`), and the fixes with edits it lists. */
function lintJson(file, extra = []) {
  const out = `${file}.json`;
  wallMs(process.execPath, [cli, 'lint', file, '--no-config', ...extra, '-f', 'json', '-o', out]);
  const result = JSON.parse(readFileSync(out, 'utf8')).files[0];
  return { fingerprints: new Set(result.findings.map((finding) => finding.fingerprint)), writable: result.fixes.filter((fix) => fix.edits) };
}

/** `--fix` (fixes and suggestions) on a 20k-node flow: how many of the writable fixes it listed are applied. */
function benchFix() {
  const source = writeFlow(20_000);
  const folder = join(work, 'fix-20000');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(dirname(source), SHARED_SUBFLOW_FILE), join(folder, SHARED_SUBFLOW_FILE));
  const file = join(folder, 'flow.yaml');
  copyFileSync(source, file);
  // What --fix would write, as --fix lists it: its budget goes to writable fixes first (writableFirst).
  const fixTypes = ['--fix-type', 'fix', '--fix-type', 'suggestion'];
  const before = lintJson(file, ['--fix-dry-run', ...fixTypes]);
  wallMs(process.execPath, [cli, 'lint', file, '--no-config', '--fix', ...fixTypes, '-f', 'json']);
  const after = lintJson(file);
  const applied = before.writable.filter((fix) => fix.resolves.every((fingerprint) => !after.fingerprints.has(fingerprint))).length;
  record('--fix, 20k nodes: writable fixes applied', `${applied} of ${before.writable.length}`, 'goal: all');
}

/** ajv-cli and spectral, installed into a temporary folder: never dependencies of the project. */
function installPeers() {
  const folder = join(work, 'peers');
  mkdirSync(folder);
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent', '--prefix', folder, 'ajv-cli@5', '@stoplight/spectral-cli@6'], { encoding: 'utf8' });
  if (install.status !== 0) return undefined;
  return { ajv: join(folder, 'node_modules', '.bin', 'ajv'), spectral: join(folder, 'node_modules', '.bin', 'spectral') };
}

function benchPeers() {
  const peers = installPeers();
  if (!peers) {
    record('peers', 'not measured: npm could not install ajv-cli and spectral');
    return;
  }
  const schema = join(root, 'schemas', 'callflow.schema.json');
  const ruleset = join(work, 'ruleset.yaml');
  writeFileSync(ruleset, `rules:\n  callflow-schema:\n    given: "$"\n    severity: error\n    then:\n      function: schema\n      functionOptions:\n        schema:\n          $ref: ${JSON.stringify(schema)}\n`);
  const file = writeFlow(20_000);
  const ratios = { ajv: [], spectral: [] };
  for (let attempt = 0; attempt < 3; attempt++) {
    const lint = wallMs(process.execPath, [cli, 'lint', file, '--no-config', '-f', 'json', '-o', join(work, 'peer.json')]).ms;
    ratios.ajv.push(lint / wallMs(peers.ajv, ['validate', '-s', schema, '-d', file, '--strict=false']).ms);
    ratios.spectral.push(lint / wallMs(peers.spectral, ['lint', file, '--ruleset', ruleset]).ms);
  }
  record('lint ÷ ajv-cli validate, 20k nodes', `${median(ratios.ajv).toFixed(1)}×`, 'goal ≤ 2');
  record('lint ÷ spectral with a schema rule, 20k nodes', `${median(ratios.spectral).toFixed(1)}×`, 'goal < 1');
}

function writeResults() {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}-${process.arch}`;
  const table = ['| figure | measured | goal |', '|---|---|---|', ...rows.map((row) => `| ${row.figure} | ${row.value} | ${row.goal} |`)];
  const previous = (() => {
    try {
      return readFileSync(join(root, 'bench', 'results.md'), 'utf8');
    } catch {
      return '';
    }
  })();
  // What the profile showed is written by hand below the table; keep it across runs.
  const notes = previous.includes('\n## Notes\n') ? previous.slice(previous.indexOf('\n## Notes\n')) : '\n## Notes\n\n(what the profile showed)\n';
  const text = [`# Benchmark results`, '', `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.${quick ? ' Quick run.' : ''}`, '', ...table, ''].join('\n');
  writeFileSync(join(root, 'bench', quick ? 'results-quick.md' : 'results.md'), `${text}${notes}`);
}

try {
  console.log(`${'figure'.padEnd(46)} ${'measured'.padEnd(22)} goal`);
  benchSizes();
  benchStartUp();
  benchFolder();
  benchFix();
  if (!quick) benchPeers();
  writeResults();
} finally {
  rmSync(work, { recursive: true, force: true });
}
