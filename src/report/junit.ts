// JUnit XML for CI test dashboards: a flow file is a test suite, each rule that fired in it is a
// failing test case (its findings listed in the one <failure> JUnit allows), a clean file is one
// passing test case. Everything from the flow goes through the XML escaper.
import { SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js';
import type { AuditResult, FileResult } from '../model/result.js';
import { TOOL_NAME } from '../version.js';
import { escapeXmlAttribute, escapeXmlText } from './escape.js';
import { plural, unknownsLine } from './text.js';

/** Name of the passing test case of a file with no findings. */
export const CLEAN_CASE = 'no problems';

interface Attributes {
  [name: string]: string | number;
}

function attributes(values: Attributes): string {
  return Object.entries(values).map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`).join('');
}

/** Findings of one file grouped by rule, rules in the order they first appear. */
export function findingsByRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.ruleId);
    if (group) group.push(finding);
    else groups.set(finding.ruleId, [finding]);
  }
  return groups;
}

function worstSeverity(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((worst, finding) => (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst] ? finding.severity : worst), 'info');
}

function failureCase(file: FileResult, ruleId: string, findings: readonly Finding[]): string {
  const first = findings[0]!;
  const message = findings.length === 1 ? first.message : `${plural(findings.length, 'problem')}; first: ${first.message}`;
  const body = findings
    .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.message}${finding.nodeId !== undefined ? ` (node ${finding.label ?? finding.nodeId})` : ''}\n  ${finding.docs}`)
    .join('\n');
  return [
    `    <testcase${attributes({ name: ruleId, classname: file.file, file: file.file, line: first.line, time: 0 })}>`,
    `      <failure${attributes({ message, type: worstSeverity(findings) })}>${escapeXmlText(body)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

function suiteProperties(file: FileResult): string[] {
  const properties: Attributes = {};
  if (file.flow) properties.flow = file.flow.name;
  if (file.score) {
    properties.score = file.score.value;
    properties.grade = file.score.grade;
  }
  const entries = Object.entries(properties);
  if (entries.length === 0) return [];
  return [
    '    <properties>',
    ...entries.map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    '    </properties>',
  ];
}

function testSuite(file: FileResult): { xml: string; tests: number; failures: number } {
  const groups = findingsByRule(file.findings);
  const cases = groups.size === 0
    ? [`    <testcase${attributes({ name: CLEAN_CASE, classname: file.file, file: file.file, time: 0 })}/>`]
    : [...groups].map(([ruleId, findings]) => failureCase(file, ruleId, findings));
  const tests = Math.max(1, groups.size);
  const failures = groups.size;
  const xml = [
    `  <testsuite${attributes({ name: file.file, tests, failures, errors: 0, skipped: 0, time: 0 })}>`,
    ...suiteProperties(file),
    ...cases,
    // Shown beside the suite by CI dashboards: what the file leaves out changes what passing means.
    ...(file.unknowns.length > 0 ? [`    <system-out>${escapeXmlText(unknownsLine(file.unknowns))}</system-out>`] : []),
    '  </testsuite>',
  ].join('\n');
  return { xml, tests, failures };
}

export function formatJunit(result: AuditResult): string {
  const suites = result.files.map(testSuite);
  const tests = suites.reduce((sum, suite) => sum + suite.tests, 0);
  const failures = suites.reduce((sum, suite) => sum + suite.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: TOOL_NAME, tests, failures, errors: 0, time: 0 })}>`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
