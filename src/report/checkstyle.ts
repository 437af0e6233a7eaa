// Checkstyle 4.3 XML, which Jenkins (warnings-ng), reviewdog, SonarQube and many CI dashboards
// import: a <file> per flow file (clean ones too, as ESLint writes them), an <error> per finding,
// its `source` the rule as `ivr-audit.RULE`. Everything from the flow goes through the XML escaper.
import type { Finding } from '../model/finding.js';
import type { AuditResult, FileResult } from '../model/result.js';
import { TOOL_NAME } from '../version.js';
import { escapeXmlAttribute } from './escape.js';
import { NOT_STATED_CHECK } from './gitlab.js';
import { displayPath, unknownsLine } from './text.js';

export const CHECKSTYLE_VERSION = '4.3';

export interface CheckstyleOptions {
  /** Folder that file names are relative to. */
  cwd: string;
}

/** `ivr-audit.unknown-target`: the rule, namespaced as Checkstyle names its checks. */
export function checkstyleSource(ruleId: string): string {
  return `${TOOL_NAME}.${ruleId}`;
}

interface ErrorEntry {
  line: number;
  column: number;
  severity: string;
  message: string;
  source: string;
}

function errorElement(entry: ErrorEntry): string {
  const attributes = Object.entries(entry).map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`).join('');
  return `    <error${attributes}/>`;
}

function findingEntry(finding: Finding): ErrorEntry {
  // Checkstyle's severities are ignore, info, warning and error: ours map one to one.
  return { line: Math.max(1, finding.line), column: Math.max(1, finding.column), severity: finding.severity, message: finding.message, source: checkstyleSource(finding.ruleId) };
}

/** What the file leaves out, as an info entry at its first line (as `github` gives a file-level notice). */
function unknownsEntry(file: FileResult): ErrorEntry {
  return { line: 1, column: 1, severity: 'info', message: unknownsLine(file.unknowns), source: checkstyleSource(NOT_STATED_CHECK) };
}

function fileElement(file: FileResult, options: CheckstyleOptions): string {
  const entries = [...(file.unknowns.length > 0 ? [unknownsEntry(file)] : []), ...file.findings.map(findingEntry)];
  const name = ` name="${escapeXmlAttribute(displayPath(file.file, options.cwd))}"`;
  if (entries.length === 0) return `  <file${name}/>`;
  return [`  <file${name}>`, ...entries.map(errorElement), '  </file>'].join('\n');
}

export function formatCheckstyle(result: AuditResult, options: CheckstyleOptions): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<checkstyle version="${CHECKSTYLE_VERSION}">`,
    ...result.files.map((file) => fileElement(file, options)),
    '</checkstyle>',
    '',
  ].join('\n');
}
