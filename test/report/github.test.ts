// GitHub annotations: one workflow command per finding, with GitHub's escaping.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { AuditResult } from '../../src/model/result.js';
import { formatGithub, githubAnnotation, githubAnnotationsByDefault } from '../../src/report/github.js';
import { ROOT } from './support.js';

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'unknown-target',
    severity: 'error',
    message: 'plain',
    file: 'flows/main.yaml',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 9,
    pointer: '/nodes/a/next',
    fingerprint: 'f',
    docs: 'https://example.invalid/docs',
    ...overrides,
  };
}

describe('github annotations', () => {
  it('writes file, 1-based inclusive positions and the rule as title', () => {
    expect(githubAnnotation(finding({}), { cwd: ROOT })).toBe(
      '::error file=flows/main.yaml,line=3,col=5,endLine=3,endColumn=8,title=unknown-target::plain',
    );
  });

  it('maps warning to ::warning and info to ::notice', () => {
    expect(githubAnnotation(finding({ severity: 'warning' }), { cwd: ROOT })).toMatch(/^::warning /);
    expect(githubAnnotation(finding({ severity: 'info' }), { cwd: ROOT })).toMatch(/^::notice /);
  });

  it('escapes the message as data and the file as a property', () => {
    const line = githubAnnotation(finding({ message: '50% done\r\nnext, a:b', file: 'odd,dir:x/100%.yaml' }), { cwd: ROOT });
    expect(line).toBe('::error file=odd%2Cdir%3Ax/100%25.yaml,line=3,col=5,endLine=3,endColumn=8,title=unknown-target::50%25 done%0D%0Anext, a:b');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('prints nothing for a clean result and one line per finding otherwise', () => {
    const clean: AuditResult = { files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0 } };
    expect(formatGithub(clean, { cwd: ROOT })).toBe('');
    const file = { file: 'a.yaml', score: null, metrics: null, findings: [finding({}), finding({ line: 9 })], fixes: [], unknowns: [] };
    expect(formatGithub({ files: [file], summary: { files: 1, errors: 2, warnings: 0, infos: 0 } }, { cwd: ROOT }).split('\n')).toHaveLength(3);
  });

  it('is added by default only in GitHub Actions when no format or output was chosen', () => {
    expect(githubAnnotationsByDefault({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(githubAnnotationsByDefault({ GITHUB_ACTIONS: 'true' }, ['json'])).toBe(false);
    expect(githubAnnotationsByDefault({ GITHUB_ACTIONS: 'true' }, [], 'out.json')).toBe(false);
    expect(githubAnnotationsByDefault({})).toBe(false);
    expect(githubAnnotationsByDefault({ GITHUB_ACTIONS: 'false' })).toBe(false);
  });
});
