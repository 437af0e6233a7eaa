// Every rule has fixtures in fixtures/rules/<id>/: `fires*.yaml` mark the lines where it must
// report with `# expect: <id>`, `quiet*.yaml` must not make it report at all.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { ROOT, auditFile, expectedLines } from './helpers.js';

const FIXTURES = 'fixtures/rules';
/**
 * Rules no lint of a flow can make fire: internal-error fires on a bug (test/internal-error.test.ts
 * injects one), fix-refused only under --fix (test/fix.test.ts).
 */
const NO_FIRING_INPUT = new Set(['internal-error', 'fix-refused']);

describe.each(RULES.map((rule) => rule.meta.id))('%s', (ruleId) => {
  const folder = join(FIXTURES, ruleId);
  const files = readdirSync(join(ROOT, folder)).sort();
  const fires = files.filter((file) => file.startsWith('fires'));
  const quiet = files.filter((file) => file.startsWith('quiet'));

  it('has fixtures where it fires and where it stays quiet', () => {
    if (NO_FIRING_INPUT.has(ruleId)) expect(fires).toEqual([]);
    else expect(fires.length).toBeGreaterThan(0);
    expect(quiet.length).toBeGreaterThan(0);
  });

  it.each(fires)('fires at the marked lines of %s', async (file) => {
    const path = join(folder, file);
    const expected = expectedLines(path).get(ruleId) ?? [];
    expect(expected.length).toBeGreaterThan(0);
    const result = await auditFile(path);
    const lines = result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.line);
    expect([...new Set(lines)].sort((a, b) => a - b)).toEqual(expected);
  });

  it.each(quiet)('stays quiet on %s', async (file) => {
    const result = await auditFile(join(folder, file));
    expect(result.findings.filter((finding) => finding.ruleId === ruleId)).toEqual([]);
  });
});

describe('rule metadata', () => {
  it('has unique kebab-case ids, a description and details', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of RULES) {
      expect(meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(meta.description.length).toBeGreaterThan(10);
      expect(meta.details.length).toBeGreaterThan(20);
    }
  });
});
