import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { ROOT, auditFile, auditText } from './helpers.js';

const REFERENCE = 'fixtures/reference';

describe('reference flows', () => {
  it('grade the effortless flow A, the seed-001 call F below 40, and midway in between', async () => {
    const effortless = await auditFile(`${REFERENCE}/effortless.yaml`);
    const midway = await auditFile(`${REFERENCE}/midway.yaml`);
    const seed = await auditFile(`${REFERENCE}/seed-001-call.yaml`);
    expect(effortless.score).toMatchObject({ grade: 'A' });
    expect(seed.score!.value).toBeLessThan(40);
    expect(seed.score!.grade).toBe('F');
    expect(midway.score!.value).toBeLessThan(effortless.score!.value);
    expect(midway.score!.value).toBeGreaterThan(seed.score!.value);
    expect(midway.score!.grade).not.toMatch(/[AF]/);
  });

  it('keeps the effortless flow free of errors and warnings', async () => {
    const effortless = await auditFile(`${REFERENCE}/effortless.yaml`);
    expect(effortless.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
  });

  it('finds in the seed-001 call every problem the seed describes', async () => {
    const seed = await auditFile(`${REFERENCE}/seed-001-call.yaml`);
    const rules = new Set(seed.findings.map((finding) => finding.ruleId));
    for (const id of [
      'ring-limit', 'identity-questions', 'repeat-identity', 'transfer-chain', 'cold-transfer', 'dead-end-hold',
      'silent-hold', 'long-preamble', 'cliche-prompt', 'time-to-human', 'dead-end',
    ]) expect(rules, id).toContain(id);
    expect(seed.findings.find((finding) => finding.ruleId === 'identity-questions')!.message).toBe(
      // The flow says `language: es`, so its messages are Spanish (docs/cli.md#languages).
      'a quien llama se le pueden hacer 5 preguntas de identidad antes de llegar a una persona (pedir-nombre → pedir-direccion → pedir-telefono → pedir-antiguedad → xyz-nombre); el límite es 2',
    );
  });

  it('ranks the seed-001 fixes by effort saved, and the top fix applied by hand raises the score by its gain', async () => {
    const path = `${REFERENCE}/seed-001-call.yaml`;
    const seed = await auditFile(path);
    const saved = seed.fixes.map((fix) => fix.effortSaved);
    expect(saved.length).toBeGreaterThan(3);
    expect(seed.fixes[0]!.gain).toBeGreaterThan(0);
    expect([...saved].sort((a, b) => b - a)).toEqual(saved);
    const [top] = seed.fixes;
    // The top fix offers a callback where the call now drops: make that edit in the YAML.
    expect(top).toMatchObject({ ruleIds: ['dead-end'], nodeIds: ['corte'] });
    const text = readFileSync(join(ROOT, path), 'utf8');
    const edited = text.replace(/(  corte:\n    type: hangup\n    outcome:) abandoned/, '$1 callback');
    expect(edited).not.toBe(text);
    const after = await auditText(edited, path);
    expect(after.score!.value).toBe(seed.score!.value + top!.gain);
  });

  it('reports journey metrics', async () => {
    const seed = await auditFile(`${REFERENCE}/seed-001-call.yaml`);
    expect(seed.metrics).toMatchObject({ worstIdentityQuestions: 5, worstTransfers: 2 });
    expect(seed.metrics!.fastestSecondsToHuman).toBeGreaterThan(60);
    // Callers cut off before a person or lost on the endless hold; not those a person could not help.
    expect(seed.metrics!.shareWithoutHelp).toBeGreaterThan(0.4);
    const effortless = await auditFile(`${REFERENCE}/effortless.yaml`);
    expect(effortless.metrics).toMatchObject({ worstIdentityQuestions: 1 });
    // Only the few who hang up on its short, well-staffed hold (Erlang A) end without help.
    expect(effortless.metrics!.shareWithoutHelp).toBeGreaterThan(0);
    expect(effortless.metrics!.shareWithoutHelp).toBeLessThan(0.01);
    expect(effortless.metrics!.fastestSecondsToHuman).toBeLessThan(60);
  });

  it('breaks the points lost down by driver', async () => {
    const seed = await auditFile(`${REFERENCE}/seed-001-call.yaml`);
    const drivers = seed.score!.drivers;
    const lost = Object.values(drivers).reduce((sum, points) => sum + points, 0);
    expect(lost).toBeGreaterThan(100 - seed.score!.value - 2);
    expect(drivers.repeating).toBeGreaterThan(0);
    expect(drivers.deadEnds).toBeGreaterThan(0);
  });

  it('gives a file that does not parse no score', async () => {
    const broken = await auditText('version: 1\nname: [oops\n');
    expect(broken.score).toBeNull();
    expect(broken.metrics).toBeNull();
  });

  it('is deterministic', async () => {
    const first = await audit([REFERENCE], { cwd: ROOT, noConfig: true });
    const second = await audit([REFERENCE], { cwd: ROOT, noConfig: true });
    expect(JSON.stringify(second.files)).toBe(JSON.stringify(first.files));
  });

  it('lets a config override the weights', async () => {
    const text = readFileSync(join(ROOT, REFERENCE, 'midway.yaml'), 'utf8');
    const base = await audit([{ path: 'midway.yaml', text }], { cwd: ROOT, noConfig: true });
    const heavier = await audit([{ path: 'midway.yaml', text }], { cwd: ROOT, noConfig: true, weights: { coldTransfer: 40 } });
    expect(heavier.files[0]!.score!.value).toBeLessThan(base.files[0]!.score!.value);
  });
});
