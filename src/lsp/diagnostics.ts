// Findings as LSP diagnostics: the same findings `lint` prints, the rule id as the code, a link to
// the rule's page, and the finding's other places as related information.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding, Severity } from '../model/finding.js';
import type { SourceLocation } from '../model/flow.js';
import { visible } from '../report/escape.js';
import type { LintedDocument } from './documents.js';
import { toRange } from './positions.js';
import { ruleDocsUrl } from './rule-docs.js';

export const SOURCE = 'ivr-audit';

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to the server in a code action request. */
export interface DiagnosticData {
  fingerprint: string;
}

export function diagnosticsOf(linted: LintedDocument): Diagnostic[] {
  if (linted.failure !== undefined) {
    // The run could not be done (a bad config): said where the user looks, at the top of the file.
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: SOURCE, message: `ivr-audit could not lint this file: ${visible(linted.failure)}` }];
  }
  return (linted.result?.findings ?? []).map((finding) => diagnosticOf(finding, linted.path));
}

function diagnosticOf(finding: Finding, path: string): Diagnostic {
  const related = [
    ...(finding.related ?? []).map((place) => relatedOf(place, 'see also', path)),
    ...(finding.places ?? []).map((place) => relatedOf(place, `same cause${place.nodeId === undefined ? '' : `: ${visible(place.label ?? place.nodeId)}`}`, path)),
  ];
  const data: DiagnosticData = { fingerprint: finding.fingerprint };
  return {
    range: toRange(finding),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId, finding.docs) },
    source: SOURCE,
    // Editors render the message as plain text; control characters from the flow are shown, not acted on.
    message: visible(finding.message, { keepLineBreaks: true }),
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    data,
  };
}

function relatedOf(place: SourceLocation, message: string, path: string): DiagnosticRelatedInformation {
  // The buffer was linted by its absolute path, so every place the run names is absolute too.
  const file = place.file === '' ? path : resolve(place.file);
  return { location: { uri: pathToFileURL(file).href, range: toRange(place) }, message };
}
