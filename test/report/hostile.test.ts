// The hostile flow (fixtures/hostile/hostile.yaml: markup, %, newlines, commas, colons, quotes,
// ]]>, pipes, backticks, a control character) linted once through every format with -f NAME=PATH.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateSarif } from './sarif-validator.js';
import { HOSTILE, cli, fetchedResources, scratch } from './support.js';

const FORMATS = ['json', 'sarif', 'junit', 'github', 'markdown', 'html', 'stylish'] as const;

interface JsonOutput {
  files: Array<{ file: string; findings: Array<{ ruleId: string; message: string; line: number }> }>;
}

describe('a hostile flow through every format', () => {
  const outputs = new Map<string, string>();
  let json: JsonOutput;

  beforeAll(() => {
    const folder = scratch();
    const run = cli(['lint', HOSTILE, ...FORMATS.flatMap((format) => ['-f', `${format}=${join(folder, `out.${format}`)}`])]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
    for (const format of FORMATS) outputs.set(format, readFileSync(join(folder, `out.${format}`), 'utf8'));
    json = JSON.parse(outputs.get('json')!) as JsonOutput;
  });

  it('json parses and has the findings the fixture is built to produce', () => {
    const rules = json.files[0]!.findings.map((finding) => finding.ruleId);
    expect(rules).toContain('unknown-target');
    expect(rules).toContain('unreachable-node');
    const unknown = json.files[0]!.findings.find((finding) => finding.ruleId === 'unknown-target')!;
    expect(unknown.message).toContain("<script>alert('target')</script>%0A,:|`]]>\nnext line");
  });

  it('sarif validates and keeps the message as written', () => {
    const log = JSON.parse(outputs.get('sarif')!) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const messages = log.runs[0]!.results.map((result) => result.message.text);
    expect(messages).toEqual(json.files[0]!.findings.map((finding) => finding.message));
  });

  it('junit is well-formed and round-trips the message', () => {
    const xml = outputs.get('junit')!;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml) as {
      testsuites: { testsuite: Array<{ testcase: Array<{ name: string; failure: { message: string } }> }> };
    };
    const cases = parsed.testsuites.testsuite[0]!.testcase;
    expect(cases.map((test) => test.name).sort()).toEqual([...new Set(json.files[0]!.findings.map((finding) => finding.ruleId))].sort());
    const unknown = cases.find((test) => test.name === 'unknown-target')!;
    expect(unknown.failure.message).toContain("alert('target')");
    expect(unknown.failure.message).toContain(']]>');
  });

  it('github prints one escaped command per finding', () => {
    const lines = outputs.get('github')!.trimEnd().split('\n');
    expect(lines).toHaveLength(json.files[0]!.findings.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=fixtures\/hostile\/hostile\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/);
    const unknown = lines.find((line) => line.includes('title=unknown-target'))!;
    // The flow's literal "%0A" must not become a newline, its real newline must.
    expect(unknown).toContain('%250A,:|`]]>%0Anext line');
  });

  it('markdown keeps every table row one row of four cells', () => {
    const rows = outputs.get('markdown')!.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Line'));
    expect(rows).toHaveLength(json.files[0]!.findings.length);
    for (const row of rows) expect(row.replace(/^\| | \|$/g, '').split(/(?<!\\)\|/)).toHaveLength(4);
    expect(outputs.get('markdown')).not.toContain('<script');
  });

  it('html has no script and references nothing outside itself', () => {
    const html = outputs.get('html')!;
    expect(html).not.toMatch(/<script/i);
    expect(fetchedResources(html).filter((reference) => /^(https?:)?\/\//i.test(reference))).toEqual([]);
    expect(html.match(/<g class="node /g)).toHaveLength(5);
  });

  it('stylish still prints the findings', () => {
    expect(outputs.get('stylish')).toContain('unknown-target');
  });
});
