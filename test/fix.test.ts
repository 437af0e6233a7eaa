// --fix is safe: JSON stays JSON, an alias is edited once, bytes outside the edits are kept, a file
// that is not UTF-8 or that would lint worse is refused, suggestions wait for --fix-type, and a
// second run changes nothing. Through the library API (planFixes reads, never writes).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editBytes, firstInvalidUtf8, parseFixTypes, planFixes, type FixOptions } from '../src/fix.js';
import { audit } from '../src/index.js';
import type { AuditResult, FixType } from '../src/model/result.js';
import { formatStylish } from '../src/report/stylish.js';
import { runCli, scratchFolder } from './cli-run.js';
import { ROOT } from './helpers.js';

const BOTH = new Set<FixType>(['fix', 'suggestion']);
const SUGGESTIONS = new Set<FixType>(['suggestion']);

async function planFor(file: string, types?: ReadonlySet<FixType>, extra: Partial<FixOptions> = {}) {
  const result = await audit([file], { cwd: ROOT });
  return { result, plan: await planFixes(result, { cwd: ROOT, types, ...extra }) };
}

async function relint(file: string, text: string) {
  return (await audit([{ path: file, text }], { cwd: ROOT })).files[0]!;
}

describe('--fix on a format v1 flow written as JSON', () => {
  it('writes JSON edits that keep the file\'s indentation, and the finding goes', async () => {
    const file = 'fixtures/bad/fix-json.json';
    const { plan } = await planFor(file, SUGGESTIONS);
    expect(plan.refusals).toEqual([]);
    const [change] = plan.changes;
    expect(JSON.parse(change!.after).nodes.hold.callback).toBe(true);
    expect(change!.after).toContain('      "onTimeout": "voicemail",\n      "callback": true\n    },');
    expect((await relint(file, change!.after)).findings).toEqual([]);
  });
});

describe('--fix on a node defined by an alias', () => {
  it('edits the anchored node once and says that every name sharing it changes', async () => {
    const file = 'fixtures/bad/fix-alias.yaml';
    const { plan } = await planFor(file, SUGGESTIONS);
    const [change] = plan.changes;
    expect(change!.after.match(/callback: true/g)).toHaveLength(1);
    expect(change!.notes).toEqual(['`sales-hold` and `support-hold` share one definition (&hold): the change applies to each of them']);
    const after = await relint(file, change!.after);
    expect(after.findings).toEqual([]);
  });
});

describe('--fix keeps bytes', () => {
  it('refuses a file that is not UTF-8 with a finding at its first bad byte', async () => {
    const { plan } = await planFor('fixtures/bad/fix-latin1.yaml', SUGGESTIONS);
    expect(plan.changes).toEqual([]);
    expect(plan.refusals).toHaveLength(1);
    const { finding, reason } = plan.refusals[0]!;
    expect(reason).toBe('--fix left fixtures/bad/fix-latin1.yaml unchanged: byte 0xE9 at line 1, column 32 is not UTF-8');
    expect(finding).toMatchObject({ ruleId: 'fix-refused', severity: 'warning', line: 1, column: 32, file: 'fixtures/bad/fix-latin1.yaml' });
  });

  it('gives back every byte outside the edited span of a UTF-8 file (BOM, CRLF, accents, emoji)', () => {
    const head = '\uFEFF# café ☎ 📞\r\nversion: 1\r\nnodes:\r\n  hold:\r\n    type: queue\r\n';
    const tail = '  bye: { type: hangup, outcome: voicemail } # señal\r\n';
    const bytes = Buffer.from(head + tail, 'utf8');
    const edited = editBytes('flow.yaml', bytes, [{ pointer: '/nodes/hold/callback', value: true }]);
    expect('after' in edited).toBe(true);
    const after = Buffer.from((edited as { after: string }).after, 'utf8');
    const added = Buffer.from('    callback: true\r\n');
    expect(after).toEqual(Buffer.concat([Buffer.from(head, 'utf8'), added, Buffer.from(tail, 'utf8')]));
  });

  it('finds the first byte that breaks UTF-8', () => {
    const at = (...bytes: number[]): number | undefined => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at(0x61, 0xc3, 0xa9, 0xe2, 0x98, 0x8e, 0xf0, 0x9f, 0x93, 0x9e)).toBeUndefined();
    expect(at(0x61, 0xe9, 0x62)).toBe(1);
    expect(at(0xc0, 0x80)).toBe(0); // overlong
    expect(at(0x61, 0xed, 0xa0, 0x80)).toBe(1); // a surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
    expect(at(0x61, 0x62, 0xe2, 0x98)).toBe(2); // cut short
  });
});

describe('--fix never writes a file that lints worse', () => {
  it('refuses edits that would add an error, with one line', async () => {
    const file = 'fixtures/bad/fix-alias.yaml';
    const result = await audit([file], { cwd: ROOT });
    // A fix whose edit breaks the flow (as a buggy proposer could write): the relint catches it.
    const broken: AuditResult = {
      ...result,
      files: result.files.map((entry) => ({
        ...entry,
        fixes: [{ ...entry.fixes[0]!, type: 'fix', edits: [{ pointer: '/nodes/welcome/options/1', value: 'nowhere' }] }],
      })),
    };
    const plan = await planFixes(broken, { cwd: ROOT });
    expect(plan.changes).toEqual([]);
    expect(plan.refusals).toHaveLength(1);
    expect(plan.refusals[0]!.reason).toMatch(/^--fix left fixtures\/bad\/fix-alias\.yaml unchanged: the edits would add an error \(unknown-target at 10:12: [^\n]+\)$/);
  });
});

describe('fixes and suggestions', () => {
  it('types each fix: the file saying what it means is a fix, a claim about the platform a suggestion', async () => {
    const { result } = await planFor('fixtures/reference/seed-001-call.yaml');
    const typeOf = new Map(result.files[0]!.fixes.map((fix) => [fix.ruleIds[0], fix.type]));
    expect(typeOf.get('ring-limit')).toBe('fix');
    expect(typeOf.get('dead-end')).toBe('suggestion');
    for (const fix of result.files[0]!.fixes) expect(['fix', 'suggestion']).toContain(fix.type);
  });

  it('applies only fixes by default, suggestions only when asked', async () => {
    const file = 'fixtures/reference/seed-001-call.yaml';
    const byDefault = (await planFor(file)).plan.changes[0]!.after;
    expect(byDefault).toContain('answerRings: 1');
    expect(byDefault).not.toMatch(/context: true|callback|outcome: callback|music: true/);
    const suggested = (await planFor(file, SUGGESTIONS)).plan.changes[0]!.after;
    expect(suggested).not.toContain('answerRings: 1');
    expect(suggested).toContain('outcome: callback');
  });

  it('stylish marks each fix that can be written with the flags that write it', async () => {
    const { result } = await planFor('fixtures/reference/seed-001-call.yaml');
    const text = formatStylish(result, { color: false, maxFixes: 40 });
    // The flow says `language: es`: its fix titles are Spanish.
    expect(text).toMatch(/contestar al primer timbre \(`answerRings: 1`\)  \(--fix\)  → \d+/);
    expect(text).toMatch(/ofrecer devolución de llamada en `corte` en vez de cortar la llamada  \(--fix --fix-type suggestion\)  → \d+/);
    expect(text).toMatch(/llevar la llamada directamente al equipo que resuelve: quitar la transferencia en `xyz-transfiere`  → \d+/);
  });

  it('reads --fix-type as ESLint does: repeatable, comma lists, fix by default', () => {
    expect([...parseFixTypes([])]).toEqual(['fix']);
    expect([...parseFixTypes(['suggestion'])]).toEqual(['suggestion']);
    expect([...parseFixTypes(['fix,suggestion'])].sort()).toEqual(['fix', 'suggestion']);
    expect([...parseFixTypes(['fix', 'suggestion'])].sort()).toEqual(['fix', 'suggestion']);
    expect(() => parseFixTypes(['layout'])).toThrow('--fix-type must be fix or suggestion (comma-separated or repeated), not "layout"');
  });
});

/** Every flow file under fixtures/, relative to the repository. */
function fixtureFiles(folder = join(ROOT, 'fixtures')): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'bad' ? [] : fixtureFiles(path);
    return /\.(ya?ml|json)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

describe('--fix is idempotent', () => {
  it('a second run over every fixture with fixes changes nothing, and never breaks a file', async () => {
    let fixed = 0;
    for (const file of fixtureFiles()) {
      const result = await audit([file], { cwd: ROOT }).catch(() => undefined);
      if (!result?.files[0]?.fixes.some((fix) => fix.edits)) continue;
      const first = await planFixes(result, { cwd: ROOT, types: BOTH });
      const change = first.changes[0];
      if (!change) continue;
      fixed++;
      const after = await audit([{ path: file, text: change.after }], { cwd: ROOT });
      expect(after.files[0]!.flow, file).toBeDefined();
      const second = await planFixes(after, {
        cwd: ROOT,
        types: BOTH,
        read: async (path) => (path === resolve(ROOT, file) ? Buffer.from(change.after, 'utf8') : readFileSync(path)),
      });
      expect(second.changes.map((item) => item.file), file).toEqual([]);
    }
    expect(fixed).toBeGreaterThan(10);
  }, 120_000);
});

describe('--fix-dry-run', () => {
  it('prints the unified diff of what --fix would write, changes nothing, exits as lint', () => {
    const seed = readFileSync(join(ROOT, 'fixtures/reference/seed-001-call.yaml'), 'utf8');
    const folder = scratchFolder({ 'seed.yaml': seed });
    const run = runCli(['lint', 'seed.yaml', '--fix-dry-run', '-f', 'json=report.json'], { cwd: folder });
    expect(run.stdout).toMatch(/^--- a\/seed\.yaml\n\+\+\+ b\/seed\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(run.stdout).toContain('\n+  answerRings: 1\n');
    expect(run.status).toBe(1);
    expect(readFileSync(join(folder, 'seed.yaml'), 'utf8')).toBe(seed);
  });
});
