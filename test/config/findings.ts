// Small builders for findings and results, so the config tests do not depend on the rules' output.
import type { Finding, Severity } from '../../src/model/finding.js';
import type { AuditResult, FileResult } from '../../src/model/result.js';

export function finding(ruleId: string, line: number, overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity: 'error',
    message: `${ruleId} at ${line}`,
    file: 'flow.yaml',
    line,
    column: 3,
    endLine: line,
    endColumn: 10,
    pointer: `/nodes/n${line}`,
    fingerprint: `${ruleId}-${line}`,
    docs: '',
    ...overrides,
  };
}

export function fileResult(file: string, findings: Finding[]): FileResult {
  return { file, score: null, metrics: null, findings, fixes: [], unknowns: [] };
}

export function result(...files: FileResult[]): AuditResult {
  const count = (severity: Severity): number => files.reduce((sum, file) => sum + file.findings.filter((f) => f.severity === severity).length, 0);
  return { files, summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') } };
}
