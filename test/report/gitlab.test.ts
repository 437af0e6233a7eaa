// GitLab Code Quality: the report must parse as the JSON array GitLab reads, every issue with the
// keys and types GitLab's schema asks for, one issue per finding keyed by the finding's fingerprint.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { FileResult } from '../../src/model/result.js';
import { NOT_STATED_CHECK, formatGitlab, gitlabSeverity } from '../../src/report/gitlab.js';
import { HOSTILE, ROOT, cli, scratch } from './support.js';

// The part of GitLab's Code Quality report format that GitLab reads (docs: "Code Quality report format").
const ISSUE_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};
const validateIssues = new Ajv({ strict: true }).compile(ISSUE_SCHEMA);

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

function parse(text: string): Issue[] {
  const issues = JSON.parse(text) as unknown;
  expect(validateIssues(issues), JSON.stringify(validateIssues.errors)).toBe(true);
  return issues as Issue[];
}

const TYPO = 'version: 1\nname: Typo\nentry: main\nnodes:\n  main:\n    type: menu\n    say: Press 1 for billing, 0 for a person.\n    options:\n      "1": billing\n      "0": person\n  person:\n    type: agent\n';

describe('gitlab', () => {
  it('has one issue per finding with its message, rule, fingerprint and line, paths relative to cwd', async () => {
    const result = await audit([HOSTILE], { cwd: ROOT });
    const findings = result.files.flatMap((file) => file.findings);
    const issues = parse(formatGitlab(result, { cwd: ROOT }));
    expect(findings.length).toBeGreaterThanOrEqual(2);
    expect(issues.map((issue) => [issue.description, issue.check_name, issue.fingerprint, issue.location.path, issue.location.lines.begin])).toEqual(
      findings.map((finding) => [finding.message, finding.ruleId, finding.fingerprint, HOSTILE, finding.line]),
    );
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
  });

  it('maps info to info, warning to minor, error to major', async () => {
    const result = await audit([HOSTILE], { cwd: ROOT });
    const issues = parse(formatGitlab(result, { cwd: ROOT }));
    const byRule = new Map(issues.map((issue) => [issue.check_name, issue.severity]));
    expect(byRule.get('unknown-target')).toBe('major');
    expect(byRule.get('unreachable-node')).toBe('minor');
    const file = { score: { value: 90 } } as FileResult;
    const finding = (severity: Finding['severity'], ruleId = 'unknown-target'): Finding => ({ severity, ruleId } as Finding);
    expect([gitlabSeverity(finding('info'), file), gitlabSeverity(finding('warning'), file), gitlabSeverity(finding('error'), file)]).toEqual(['info', 'minor', 'major']);
    expect(gitlabSeverity(finding('error', 'internal-error'), file)).toBe('critical');
  });

  it('makes an error that left the file unaudited critical', async () => {
    const result = await audit([{ path: 'broken.yaml', text: 'version: 1\nnodes: [unclosed\n' }], { cwd: ROOT });
    const issues = parse(formatGitlab(result, { cwd: ROOT }));
    expect(issues.length).toBeGreaterThanOrEqual(1);
    expect(issues.every((issue) => issue.check_name === 'yaml-syntax' && issue.severity === 'critical')).toBe(true);
  });

  it('lists what a file leaves out as one info issue of its own', async () => {
    const result = await audit(['fixtures/import/twilio/all-widgets.json'], { cwd: ROOT, noConfig: true });
    const issues = parse(formatGitlab(result, { cwd: ROOT }));
    const notStated = issues.filter((issue) => issue.check_name === NOT_STATED_CHECK);
    expect(notStated).toHaveLength(1);
    expect(notStated[0]).toMatchObject({ severity: 'info', location: { path: 'fixtures/import/twilio/all-widgets.json', lines: { begin: 1 } } });
    expect(notStated[0]!.description).toContain(result.files[0]!.unknowns[0]);
  });

  it('is an empty array for clean flows', async () => {
    const result = await audit(['examples/acme-support.yaml'], { cwd: ROOT });
    expect(parse(formatGitlab(result, { cwd: ROOT }))).toEqual([]);
  });

  it('is what lint -f gitlab prints, with paths relative to the working folder', () => {
    const folder = scratch({ 'typo.yaml': TYPO });
    const run = cli(['lint', '.', '-f', 'gitlab'], { cwd: folder });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const issues = parse(run.stdout);
    const typo = issues.find((issue) => issue.check_name === 'unknown-target');
    expect(typo).toMatchObject({ severity: 'major', location: { path: 'typo.yaml', lines: { begin: 9 } } });
  });
});
