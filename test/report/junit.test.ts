// JUnit must be well-formed XML (checked with fast-xml-parser's validator and parser) with the
// counts CI dashboards read: a suite per file, a case per rule, a failure per rule that fired.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { AuditResult } from '../../src/model/result.js';
import { CLEAN_CASE, formatJunit } from '../../src/report/junit.js';
import { HOSTILE, ROOT } from './support.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  parseAttributeValue: false,
});

interface Parsed {
  testsuites: {
    tests: string;
    failures: string;
    testsuite: Array<{ name: string; tests: string; failures: string; testcase: Array<{ name: string; failure?: { message: string; type: string; '#text': string } }> }>;
  };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Parsed;
}

function nasty(text: string): Finding {
  return {
    ruleId: 'r&d<rule>',
    severity: 'warning',
    message: text,
    file: 'x.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    pointer: '',
    fingerprint: 'f',
    docs: 'https://example.invalid/?a=1&b=2',
  };
}

describe('junit', () => {
  it('parses, with one suite per file, one case per rule and failures for findings', async () => {
    const result = await audit([HOSTILE, 'examples/acme-support.yaml'], { cwd: ROOT });
    const parsed = parse(formatJunit(result)).testsuites;
    expect(parsed.testsuite.map((suite) => suite.name)).toEqual([HOSTILE, 'examples/acme-support.yaml']);
    const [hostile, clean] = parsed.testsuite;
    const rules = new Set(result.files[0]!.findings.map((finding) => finding.ruleId));
    expect(hostile!.testcase.map((test) => test.name).sort()).toEqual([...rules].sort());
    expect(hostile!.testcase.every((test) => test.failure !== undefined)).toBe(true);
    expect(Number(hostile!.failures)).toBe(rules.size);
    expect(Number(hostile!.tests)).toBe(rules.size);
    expect(clean!.testcase).toHaveLength(1);
    expect(clean!.testcase[0]!.name).toBe(CLEAN_CASE);
    expect(clean!.testcase[0]!.failure).toBeUndefined();
    expect(Number(parsed.tests)).toBe(rules.size + 1);
    expect(Number(parsed.failures)).toBe(rules.size);
  });

  it('carries hostile text through as text, with invalid XML characters replaced', () => {
    const message = 'a <b> & "c" \'d\' ]]> \u0000\u0007\u001B end\nline2';
    const result: AuditResult = {
      files: [{ file: 'x<&>.yaml', score: null, metrics: null, findings: [nasty(message)], fixes: [], unknowns: [] }],
      summary: { files: 1, errors: 0, warnings: 1, infos: 0 },
    };
    const xml = formatJunit(result);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true, isArray: (name) => ['testsuite', 'testcase'].includes(name) });
    expect(XMLValidator.validate(xml)).toBe(true);
    const suite = (parsed.parse(xml) as Parsed).testsuites.testsuite[0]!;
    expect(suite.name).toBe('x<&>.yaml');
    const test = suite.testcase[0]!;
    expect(test.name).toBe('r&d<rule>');
    expect(test.failure!.message).toBe('a <b> & "c" \'d\' ]]> \uFFFD\uFFFD\uFFFD end\nline2');
    expect(test.failure!['#text']).toContain('a <b> & "c"');
  });
});
