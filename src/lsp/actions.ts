// Code actions: each fix and suggestion of the findings at hand as a quick fix, and every safe fix
// at once as the source's fix-all. The edits are `--fix`'s own (they keep every byte they do not
// change), sent as the one span of text they change.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextEdits } from '../load/yaml-edit.js';
import type { Fix } from '../model/result.js';
import { visible } from '../report/escape.js';
import type { DiagnosticData } from './diagnostics.js';
import type { LintedDocument } from './documents.js';
import { rangesMeet, toRange } from './positions.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ivr-audit`;

export interface ActionRequest {
  document: TextDocument;
  range: Range;
  /** The diagnostics the editor shows at the range. */
  diagnostics: readonly Diagnostic[];
  /** Kinds the editor asks for, when it narrows them. */
  only?: readonly string[];
}

export function codeActions(linted: LintedDocument, request: ActionRequest): CodeAction[] {
  const { document } = request;
  // Edits are worked out on the text that was linted; a buffer changed since waits for its next lint.
  if (document.version !== linted.version || linted.result?.flow?.format !== 'ivr-audit') return [];
  const fixes = linted.result.fixes.filter((fix) => (fix.edits ?? []).length > 0);
  const wanted = (kind: string): boolean => request.only === undefined || request.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix)) {
    const here = findingsHere(linted, request);
    for (const fix of fixes) {
      if (!fix.resolves.some((fingerprint) => here.has(fingerprint))) continue;
      const edit = textEditOf(linted.text, fix, document);
      if (!edit) continue;
      actions.push({
        title: `${fix.type === 'suggestion' ? 'Suggestion: ' : ''}${visible(fix.title)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: request.diagnostics.filter((diagnostic) => fix.resolves.includes(fingerprintOf(diagnostic) ?? '')),
        // Only a fix changes nothing callers notice: a suggestion is a choice, never the default.
        isPreferred: fix.type === 'fix',
        edit: { changes: { [document.uri]: [edit] } },
      });
    }
  }
  const safe = fixes.filter((fix) => fix.type === 'fix');
  if (safe.length > 0 && wanted(FIX_ALL_KIND)) {
    const edit = textEditOf(linted.text, { edits: safe.flatMap((fix) => fix.edits ?? []) }, document);
    if (edit) actions.push({ title: 'Fix all ivr-audit fixes', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [edit] } } });
  }
  return actions;
}

/** Fingerprints of the findings the request is about: those of its diagnostics, and those at its range. */
function findingsHere(linted: LintedDocument, request: ActionRequest): Set<string> {
  const here = new Set<string>();
  for (const diagnostic of request.diagnostics) {
    const fingerprint = fingerprintOf(diagnostic);
    if (fingerprint !== undefined) here.add(fingerprint);
  }
  for (const finding of linted.result?.findings ?? []) if (rangesMeet(toRange(finding), request.range)) here.add(finding.fingerprint);
  return here;
}

function fingerprintOf(diagnostic: Diagnostic): string | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return typeof data?.fingerprint === 'string' ? data.fingerprint : undefined;
}

/** The fix's edits as one replacement of the span between the first and the last changed character. */
export function textEditOf(text: string, fix: Pick<Fix, 'edits'>, document: TextDocument): TextEdit | undefined {
  const after = applyTextEdits(text, fix.edits ?? []).text;
  if (after === text) return undefined;
  let start = 0;
  while (start < text.length && start < after.length && text[start] === after[start]) start++;
  let end = 0;
  while (end < text.length - start && end < after.length - start && text[text.length - 1 - end] === after[after.length - 1 - end]) end++;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(text.length - end) },
    newText: after.slice(start, after.length - end),
  };
}
