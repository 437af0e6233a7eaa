// SARIF must validate against the official SARIF 2.1.0 schema (vendored in test/schemas from an
// npm package; see test/schemas/README.md) and carry what GitHub code scanning reads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import type { AuditResult } from '../../src/model/result.js';
import { ruleMetas } from '../../src/rules/index.js';
import { parseDocsBase } from '../../src/report/docs-base.js';
import { FINGERPRINT_KEY, artifactLocation, sarifLevel, sarifLog, sarifRegion } from '../../src/report/sarif.js';
import { validateSarif } from './sarif-validator.js';
import { HOSTILE, ROOT, cli } from './support.js';


function expectValid(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
}

interface Log {
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
    results: Array<Record<string, any>>;
    properties: { files: Array<Record<string, any>> };
  }>;
}

async function hostileResult(): Promise<AuditResult> {
  return audit([HOSTILE, 'examples/acme-support.yaml'], { cwd: ROOT });
}

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema for a hostile flow, a clean flow and a broken file', async () => {
    const result = await hostileResult();
    const broken = await audit([{ path: 'dir with space/broken #1.yaml', text: 'version: 1\nnodes: [unclosed\n' }], { cwd: ROOT });
    expectValid(sarifLog(result, { cwd: ROOT }));
    expectValid(sarifLog(broken, { cwd: ROOT }));
  });

  it('uses a validator that rejects what the schema forbids (so passing means something)', async () => {
    const log = sarifLog(await hostileResult(), { cwd: ROOT }) as unknown as Log;
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(log)).toBe(false);
    const noRegionStart = sarifLog(await hostileResult(), { cwd: ROOT }) as unknown as Log;
    noRegionStart.runs[0]!.results[0]!.locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(noRegionStart)).toBe(false);
  });

  it('always has results, an empty list when clean', async () => {
    const clean = await audit(['examples/acme-support.yaml'], { cwd: ROOT });
    const log = sarifLog(clean, { cwd: ROOT }) as unknown as Log;
    expectValid(log);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('describes every rule of the registry in tool.driver', async () => {
    const log = sarifLog(await hostileResult(), { cwd: ROOT }) as unknown as Log;
    const { driver } = log.runs[0]!.tool;
    expect(driver.name).toBe('ivr-audit');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((rule) => rule.id)).toEqual(ruleMetas().map((meta) => meta.id));
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.help.text).toContain(rule.helpUri);
      expect(rule.help.markdown).toContain(`(${rule.helpUri})`);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
  });

  it('has one result per finding, with its level, rule index, 1-based region and fingerprint', async () => {
    const result = await hostileResult();
    const findings = result.files.flatMap((file) => file.findings);
    const log = sarifLog(result, { cwd: ROOT }) as unknown as Log;
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(findings.length);
    expect(findings.length).toBeGreaterThanOrEqual(2);
    run.results.forEach((entry, index) => {
      const finding = findings[index]!;
      expect(entry.ruleId).toBe(finding.ruleId);
      expect(run.tool.driver.rules[entry.ruleIndex].id).toBe(finding.ruleId);
      expect(entry.level).toBe(sarifLevel(finding.severity));
      expect(entry.message.text).toBe(finding.message);
      expect(entry.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: finding.fingerprint });
      const { artifactLocation: artifact, region } = entry.locations[0].physicalLocation;
      expect(artifact).toEqual({ uri: 'fixtures/hostile/hostile.yaml', uriBaseId: '%SRCROOT%' });
      expect(region).toEqual({ startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn });
    });
    const levels = new Set(run.results.map((entry) => entry.level));
    expect(levels).toEqual(new Set(['error', 'warning']));
  });

  it('puts each file and its score into run.properties', async () => {
    const log = sarifLog(await hostileResult(), { cwd: ROOT }) as unknown as Log;
    const files = log.runs[0]!.properties.files;
    expect(files.map((file) => file.uri)).toEqual(['fixtures/hostile/hostile.yaml', 'examples/acme-support.yaml']);
    for (const file of files) expect(file).toHaveProperty('score');
  });

  it('maps severities, encodes URIs and keeps regions 1-based and ordered', () => {
    expect([sarifLevel('error'), sarifLevel('warning'), sarifLevel('info')]).toEqual(['error', 'warning', 'note']);
    expect(artifactLocation('a b/c#d%.yaml', '/work')).toEqual({ uri: 'a%20b/c%23d%25.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('../elsewhere/x.yaml', '/work/repo')).toEqual({ uri: 'file:///work/elsewhere/x.yaml' });
    expect(sarifRegion({ line: 0, column: 0, endLine: 0, endColumn: 0 })).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    expect(sarifRegion({ line: 4, column: 9, endLine: 4, endColumn: 3 })).toEqual({ startLine: 4, startColumn: 9, endLine: 4, endColumn: 9 });
  });
});

describe('sarif base URIs and rule links', () => {
  it('declares %SRCROOT% as the working folder, a file URL ending in /, and resolves results against it', async () => {
    const log = sarifLog(await hostileResult(), { cwd: ROOT }) as unknown as Log & { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }> }> };
    expectValid(log);
    const base = log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri;
    expect(base).toBe(`${pathToFileURL(ROOT).href}/`);
    const artifact = log.runs[0]!.results[0]!.locations[0].physicalLocation.artifactLocation as { uri: string; uriBaseId: string };
    expect(artifact.uriBaseId).toBe('%SRCROOT%');
    expect(fileURLToPath(new URL(artifact.uri, base))).toBe(join(ROOT, HOSTILE));
  });

  it('links each rule to the docs installed with the package by default, pages that exist', async () => {
    const log = sarifLog(await hostileResult(), { cwd: ROOT }) as unknown as Log;
    for (const rule of log.runs[0]!.tool.driver.rules) {
      expect(rule.helpUri).toBe(`${pathToFileURL(join(ROOT, 'docs/rules')).href}/${rule.id}.md`);
      expect(existsSync(fileURLToPath(rule.helpUri as string)), rule.id).toBe(true);
    }
  });

  it('links to a docs base given with --docs-base, in helpUri and the help text', async () => {
    const log = sarifLog(await hostileResult(), { cwd: ROOT, docsBase: 'https://docs.example.com/ivr/rules/' }) as unknown as Log;
    expectValid(log);
    const rule = log.runs[0]!.tool.driver.rules.find((entry) => entry.id === 'unknown-target')!;
    expect(rule.helpUri).toBe('https://docs.example.com/ivr/rules/unknown-target.md');
    expect(rule.help.markdown).toContain('(https://docs.example.com/ivr/rules/unknown-target.md)');
  });

  it('reads --docs-base as a URL or a folder, and refuses what is neither', () => {
    expect(parseDocsBase('https://docs.example.com/rules')).toBe('https://docs.example.com/rules/');
    expect(parseDocsBase('/opt/ivr docs/rules')).toBe('file:///opt/ivr%20docs/rules/');
    expect(() => parseDocsBase('mailto:someone@example.com')).toThrow('must be an http, https or file URL');
    expect(() => parseDocsBase('https://')).toThrow('is not a URL');
  });

  it('is what lint -f sarif --docs-base prints', () => {
    const run = cli(['lint', HOSTILE, '-f', 'sarif', '--docs-base', 'https://docs.example.com/ivr/rules']);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as Log;
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]!.tool.driver.rules[0]!.helpUri).toMatch(/^https:\/\/docs\.example\.com\/ivr\/rules\/[a-z-]+\.md$/);
    const bad = cli(['lint', HOSTILE, '-f', 'sarif', '--docs-base', 'ftp://x/']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('ivr-audit: --docs-base "ftp://x/" must be an http, https or file URL, or a folder\n');
  });
});
