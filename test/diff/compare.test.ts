// The comparison itself, on hand-made audit results: statuses and fingerprints counted.
import { describe, expect, it } from 'vitest';
import { compareFlow } from '../../src/diff/compare.js';
import type { Finding } from '../../src/model/finding.js';
import type { FileResult } from '../../src/model/result.js';

function finding(fingerprint: string, severity: Finding['severity'] = 'warning'): Finding {
  return { ruleId: 'rule', severity, message: 'm', file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '', fingerprint, docs: '' };
}

function file(findings: Finding[], score: number | null = 80): FileResult {
  const drivers = { waiting: 10, repeating: 5, transfers: 0, navigation: 5, channel: 0, deadEnds: 0, generic: 0 };
  return { file: 'a.yaml', score: score === null ? null : { value: score, grade: 'B', drivers }, metrics: null, findings, fixes: [], unknowns: [] };
}

describe('compareFlow', () => {
  it('counts fingerprints: a second finding with the same fingerprint is new', () => {
    const change = compareFlow('a.yaml', file([finding('x')]), file([finding('x'), finding('x'), finding('y')]));
    expect(change.newFindings.map((item) => item.fingerprint)).toEqual(['x', 'y']);
    expect(change.fixedFindings).toEqual([]);
    expect(change.status).toBe('changed');
  });

  it('is unchanged when scores and fingerprints are the same, wherever the findings moved', () => {
    const moved = { ...finding('x'), line: 9 };
    expect(compareFlow('a.yaml', file([finding('x')]), file([moved])).status).toBe('unchanged');
  });

  it('has no score change when a side is not scored', () => {
    expect(compareFlow('a.yaml', file([], null), file([])).scoreChange).toBeNull();
  });

  it('counts no findings of a removed flow as fixed', () => {
    expect(compareFlow('a.yaml', file([finding('x')]), undefined)).toMatchObject({ status: 'removed', fixedFindings: [], newFindings: [] });
  });
});
