// Properties of a whole run (issue 9), on generated flows and on random mutations of the project's
// fixtures: the audit never throws and never meets an internal error, every output format stays
// valid (JSON parses, JUnit XML parses, SARIF validates against the official schema), no output
// holds a raw control character, and the same input gives the same output. Through the library API.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import type { AuditResult } from '../../src/model/result.js';
import { OUTPUT_FORMATS, formatResult } from '../../src/report/index.js';
import { rawControl } from '../bad/support.js';
import { ROOT } from '../helpers.js';
import { validateSarif } from '../report/sarif-validator.js';

/** Characters that break parsers, terminals and markup, mixed with ordinary text. */
const HOSTILE = ['\u001b[2J', '\u001b]0;x\u0007', '\r', '\n', '\t', '\u0000', '\u007f', '\u0085', '\u202e', '\u2066', '\u200b', '\ufeff', '\u2028',
  '\ud83d\ude00', '\ud800', '"', "'", '\\', '<', '>', '&', '%', ':', ',', '#', '{', '}', '[', ']', '|', '*', '`', '- ', '&a', '*a', '!!str', '<<:', '1e308'];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })), { maxLength: 5 }).map((parts) => parts.join(''));

const NODE_TYPES = ['play', 'menu', 'input', 'branch', 'transfer', 'queue', 'agent', 'deflect', 'notify', 'lookup', 'hours', 'subflow', 'return', 'hangup'] as const;

interface GeneratedNode {
  id: string;
  type: string;
  say: string;
  targets: number[];
  number: number;
  flag: boolean;
}

const nodeArbitrary: fc.Arbitrary<GeneratedNode> = fc.record({
  // Mostly valid, so that most flows reach the analysis; now and then what the schema must refuse.
  id: fc.oneof({ weight: 15, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) }, { weight: 1, arbitrary: hostileText }),
  type: fc.oneof({ weight: 25, arbitrary: fc.constantFrom(...NODE_TYPES) }, { weight: 1, arbitrary: hostileText }),
  say: hostileText,
  targets: fc.array(fc.integer({ min: -1, max: 12 }), { maxLength: 4 }),
  number: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(-5, 5000, 1e308, -1e308, 1e-320, 0.5) }),
  flag: fc.boolean(),
});

/** Format v1 YAML (strings JSON-quoted, which YAML reads as double-quoted scalars) of loosely typed nodes. */
function toYaml(name: string, nodes: readonly GeneratedNode[]): string {
  const ids = nodes.map((node) => node.id);
  const target = (index: number): string => JSON.stringify(index < 0 || index >= ids.length ? 'nowhere' : ids[index]);
  const lines = [
    'version: 1', `name: ${JSON.stringify(name)}`, `entry: ${target(0)}`,
    'queues:', '  main: { agents: 3, callsPerHour: 40, ahtSeconds: 240 }',
    'schedules:', '  office: { timezone: Europe/Paris, open: ["mon-fri 09:00-17:00"] }',
    'nodes:',
  ];
  nodes.forEach((node, index) => {
    const [first = index + 1, second = index + 2, third = -1] = node.targets;
    lines.push(`  ${JSON.stringify(node.id)}:`, `    type: ${JSON.stringify(node.type)}`, `    say: ${JSON.stringify(node.say)}`);
    switch (node.type) {
      case 'menu':
        lines.push('    options:', `      "1": ${target(first)}`, `      "2": { next: ${target(second)}, label: ${JSON.stringify(node.say)} }`, `    retries: ${node.number}`);
        break;
      case 'input':
        lines.push('    collects: account-number', `    next: ${target(first)}`, `    onNoInput: ${target(third)}`, `    identity: ${node.flag}`);
        break;
      case 'branch':
        lines.push('    cases:', `      - { when: ${JSON.stringify(node.say)}, next: ${target(first)} }`, `    default: ${target(second)}`);
        break;
      case 'transfer':
        lines.push(`    to: ${JSON.stringify(node.say || 'desk')}`, `    rings: ${node.number}`, `    context: ${node.flag}`, `    onNoAnswer: ${target(first)}`);
        break;
      case 'queue':
        lines.push('    queue: main', `    maxWaitSeconds: ${node.number}`, `    music: ${node.flag}`, `    next: ${target(first)}`, `    onTimeout: ${target(second)}`);
        break;
      case 'agent':
        lines.push(`    rings: ${node.number}`);
        break;
      case 'hours':
        lines.push('    schedule: office', `    open: ${target(first)}`, `    closed: ${target(second)}`);
        break;
      case 'deflect':
      case 'notify':
        lines.push('    channel: sms', `    next: ${target(first)}`);
        break;
      case 'lookup':
        lines.push('    by: callerId', '    provides: [account]', `    next: ${target(first)}`, `    onNotFound: ${target(second)}`);
        break;
      case 'subflow':
        lines.push(`    flow: ${JSON.stringify(`${node.say}.yaml`)}`, `    next: ${target(first)}`);
        break;
      case 'return':
      case 'hangup':
        break;
      default:
        lines.push(`    next: ${target(first)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** The fixtures a mutation starts from: flows and exports, small enough to audit many times. */
function fixtureFiles(): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(name) && info.size < 64 * 1024) found.push(relative(ROOT, path));
    }
  };
  for (const folder of ['examples', 'fixtures/rules', 'fixtures/import', 'fixtures/platform', 'fixtures/reference', 'fixtures/subflows', 'fixtures/bad']) walk(join(ROOT, folder));
  return found;
}

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; line: number; other: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: hostileText }).map((m) => ({ ...m, at: m.at })),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
) as fc.Arbitrary<Mutation>;

function mutate(text: string, mutation: Mutation): string {
  const offset = (share: number): number => Math.floor(share * text.length);
  const lines = text.split('\n');
  switch (mutation.kind) {
    case 'insert':
      return text.slice(0, offset(mutation.at)) + mutation.text + text.slice(offset(mutation.at));
    case 'delete':
      return text.slice(0, offset(mutation.at)) + text.slice(offset(mutation.at) + mutation.length);
    case 'truncate':
      return text.slice(0, offset(mutation.at));
    case 'duplicate-line': {
      const line = mutation.line % lines.length;
      return [...lines.slice(0, line + 1), lines[line]!, ...lines.slice(line + 1)].join('\n');
    }
    case 'swap-lines': {
      const [a, b] = [mutation.line % lines.length, mutation.other % lines.length];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}

async function auditOne(path: string, text: string): Promise<AuditResult | 'not a flow'> {
  try {
    return await audit([{ path, text }], { cwd: ROOT, noConfig: true });
  } catch (error) {
    // The one expected refusal: every file given was skipped as plainly not a flow (a usage error).
    if (error instanceof Error && /^no flow files found: 1 file is not a call flow/.test(error.message)) return 'not a flow';
    throw error;
  }
}

async function expectSoundOutputs(result: AuditResult): Promise<Map<string, string>> {
  for (const file of result.files) {
    expect(file.findings.filter((finding) => finding.ruleId === 'internal-error').map((finding) => finding.message)).toEqual([]);
  }
  const outputs = new Map<string, string>();
  for (const format of OUTPUT_FORMATS) {
    const text = await formatResult(format, result, { color: false, cwd: ROOT });
    outputs.set(format, text);
    expect(rawControl(text), `raw control character in ${format}`).toBeUndefined();
  }
  expect(() => JSON.parse(outputs.get('json')!)).not.toThrow();
  const sarif = JSON.parse(outputs.get('sarif')!) as unknown;
  expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
  expect(XMLValidator.validate(outputs.get('junit')!)).toBe(true);
  return outputs;
}

/** Audits twice: sound outputs, the same both times. */
async function checkRun(path: string, text: string): Promise<void> {
  const first = await auditOne(path, text);
  if (first === 'not a flow') return;
  const outputs = await expectSoundOutputs(first);
  const second = await auditOne(path, text);
  expect(second).not.toBe('not a flow');
  for (const format of ['json', 'stylish', 'sarif'] as const) {
    expect(await formatResult(format, second as AuditResult, { color: false, cwd: ROOT }), `${format} differs between two runs`).toBe(outputs.get(format));
  }
}

// Modest run counts: each run audits twice and renders seven formats.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 40), endOnFailure: true };

const generatedFlow = fc.tuple(hostileText, fc.array(nodeArbitrary, { minLength: 1, maxLength: 8 })).map(([name, nodes]) => toYaml(name, nodes));

describe('properties of a run', () => {
  it('the generator reaches the analysis for a fair share of flows, not only schema errors', async () => {
    const texts = fc.sample(generatedFlow, { numRuns: 100, seed: 9 });
    const results = await Promise.all(texts.map((text) => audit([{ path: 'generated.yaml', text }], { cwd: ROOT, noConfig: true })));
    const scored = results.filter((result) => result.files[0]!.score !== null).length;
    expect(scored).toBeGreaterThanOrEqual(25);
  });

  it('generated flows: never an error, valid and clean outputs, the same every time', async () => {
    await fc.assert(
      fc.asyncProperty(generatedFlow, async (text) => {
        await checkRun('generated.yaml', text);
      }),
      RUNS,
    );
  }, 120_000);

  const fixtures = fixtureFiles();

  it('has fixtures to mutate', () => {
    expect(fixtures.length).toBeGreaterThan(50);
  });

  it('mutated fixtures: never an error, valid and clean outputs, the same every time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures), fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), async (path, mutations) => {
        const text = mutations.reduce(mutate, readFileSync(join(ROOT, path), 'utf8'));
        await checkRun(path, text);
      }),
      { ...RUNS, numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  }, 120_000);
});
