// `--fix` and `--fix-dry-run`: the fixes of an audit as edits of the flow files' bytes. Nothing is
// written that is not valid UTF-8 the author wrote, nor a file that would lint worse.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { DOCS_BASE, compareFindings, fingerprint } from './engine.js';
import { audit, summarize, type AuditOptions } from './index.js';
import { applyTextEdits, type TextEdit } from './load/yaml-edit.js';
import type { Finding } from './model/finding.js';
import type { AuditResult, FileResult, FixType } from './model/result.js';
import { fixRefused } from './rules/fix-refused.js';
import { UsageError } from './files.js';

import { writeFileAtomic } from './util/write-atomic.js';

export const FIX_TYPES: readonly FixType[] = ['fix', 'suggestion'];

/** One file as `--fix` would write it. */
export interface FixChange {
  file: string;
  path: string;
  before: string;
  after: string;
  /** Places changed. */
  edits: number;
  /** What the user should know, e.g. that an alias shares the edited node. */
  notes: string[];
}

/** A file `--fix` leaves alone although it has fixes: why, and a finding when the file is to blame. */
export interface FixRefusal {
  file: string;
  reason: string;
  finding?: Finding;
}

export interface FixPlan {
  changes: FixChange[];
  refusals: FixRefusal[];
}

export interface FixOptions {
  /** Folder the result's paths are relative to. */
  cwd: string;
  /** The kinds of fixes to apply (default: `fix` only). */
  types?: ReadonlySet<FixType>;
  /** How the files were audited: the edited texts are audited the same way before anything is written. */
  audit?: AuditOptions;
  /** Reads a file's bytes (default: from disk). */
  read?: (path: string) => Promise<Uint8Array>;
}

/** Parses `--fix-type` values (repeatable, comma lists); none given means `fix`. */
export function parseFixTypes(values: readonly string[]): Set<FixType> {
  const types = new Set<FixType>();
  for (const value of values.flatMap((item) => item.split(','))) {
    const type = value.trim();
    if (!(FIX_TYPES as readonly string[]).includes(type)) throw new FixTypeError(`--fix-type must be ${FIX_TYPES.join(' or ')} (comma-separated or repeated), not "${type}"`);
    types.add(type as FixType);
  }
  return types.size > 0 ? types : new Set<FixType>(['fix']);
}

/** A bad `--fix-type` value: a usage error (exit 2, one line). */
export class FixTypeError extends UsageError {}

/** Fixing can reveal more fixes (a repaired target lets a queue be analysed): passes until none is left, as ESLint does. */
const MAX_PASSES = 10;

/** Works out what `--fix` would write, reading the files but writing nothing. */
export async function planFixes(result: AuditResult, options: FixOptions): Promise<FixPlan> {
  const plan: FixPlan = { changes: [], refusals: [] };
  const types = options.types ?? new Set<FixType>(['fix']);
  for (const file of result.files) {
    if (editsOf(file, types).length === 0) continue;
    const path = resolve(options.cwd, file.file);
    const bytes = await (options.read ?? readFile)(path);
    const first = editBytes(file.file, bytes, editsOf(file, types));
    if ('refusal' in first) {
      plan.refusals.push(first.refusal);
      continue;
    }
    if (first.edits === 0) continue;
    const { before } = first;
    let { after, edits, notes } = first;
    let refusal: string | undefined;
    for (let pass = 1; ; pass++) {
      const relinted = await relint(file.file, after, options);
      // Judged against the file as it is: an edit that adds an error is refused, with all the others.
      refusal = worsening(file, relinted);
      if (refusal !== undefined || !relinted || pass === MAX_PASSES) break;
      const next = applyTextEdits(after, editsOf(relinted, types));
      if (next.text === after) break;
      after = next.text;
      edits += next.applied;
      notes = [...notes, ...next.notes.filter((note) => !notes.includes(note))];
    }
    if (refusal !== undefined) plan.refusals.push({ file: file.file, reason: refusal });
    else if (after !== before) plan.changes.push({ file: file.file, path, before, after, edits, notes });
  }
  return plan;
}

/** Writes the planned files, each atomically. */
export async function writeFixes(plan: FixPlan): Promise<void> {
  for (const change of plan.changes) await writeFileAtomic(change.path, Buffer.from(change.after, 'utf8'), change.file);
}

/** The unified diff of the plan, file by file, as `git diff` shows it. */
export function fixDiff(plan: FixPlan): string {
  return plan.changes.map((change) => createTwoFilesPatch(`a/${change.file}`, `b/${change.file}`, change.before, change.after, undefined, undefined, { context: 3 })
    // The first line of jsdiff's patch is a separator line of its own, not part of the unified format.
    .replace(/^=+\n/, '')).join('');
}

/** The result with each refusal's finding added to its file. */
export function withRefusals(result: AuditResult, refusals: readonly FixRefusal[]): AuditResult {
  const findings = refusals.filter((refusal) => refusal.finding !== undefined);
  if (findings.length === 0) return result;
  const files = result.files.map((file) => {
    const added = findings.filter((refusal) => refusal.file === file.file).map((refusal) => refusal.finding!);
    return added.length === 0 ? file : { ...file, findings: [...file.findings, ...added].sort(compareFindings) };
  });
  return { ...result, files, summary: summarize(files) };
}

/** The keys a file's fixes of the chosen types set; only a format v1 file is edited. */
function editsOf(file: FileResult, types: ReadonlySet<FixType>): TextEdit[] {
  if (file.flow?.format !== 'ivr-audit') return [];
  return file.fixes.filter((fix) => types.has(fix.type)).flatMap((fix) => fix.edits ?? []);
}

type Edited = { before: string; after: string; edits: number; notes: string[] } | { refusal: FixRefusal };

/**
 * Applies edits to a file's bytes. Valid UTF-8 decodes and encodes back to the same bytes, so
 * every byte outside the edited spans is kept; a file that is not valid UTF-8 is refused, with a
 * finding at its first bad byte, rather than written back with replacement characters.
 */
export function editBytes(file: string, bytes: Uint8Array, edits: readonly TextEdit[]): Edited {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) return { refusal: notUtf8(file, bytes, bad) };
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const { text, applied, notes } = applyTextEdits(before, edits);
  return { before, after: text, edits: text === before ? 0 : applied, notes };
}

async function relint(file: string, text: string, options: FixOptions): Promise<FileResult | undefined> {
  return (await audit([{ path: file, text }], { ...options.audit, cwd: options.cwd })).files[0];
}

/** Why the edited text must not be written: it no longer reads as a flow, or has more errors. */
function worsening(file: FileResult, relinted: FileResult | undefined): string | undefined {
  if (!relinted) return undefined;
  const errors = (result: FileResult): Finding[] => result.findings.filter((finding) => finding.severity === 'error');
  if (file.flow !== undefined && relinted.flow === undefined) {
    const first = relinted.findings[0];
    return `--fix left ${file.file} unchanged: the edited file would no longer read as a flow${first ? ` (${first.ruleId} at ${first.line}:${first.column}: ${first.message})` : ''}`;
  }
  const known = new Set(errors(file).map((finding) => finding.fingerprint));
  const added = errors(relinted).filter((finding) => !known.has(finding.fingerprint));
  if (errors(relinted).length <= errors(file).length || added.length === 0) return undefined;
  const first = added[0]!;
  return `--fix left ${file.file} unchanged: the edits would add ${added.length === 1 ? 'an error' : `${added.length} errors`} (${first.ruleId} at ${first.line}:${first.column}: ${first.message})`;
}

function notUtf8(file: string, bytes: Uint8Array, offset: number): FixRefusal {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const line = countNewlines(bytes, lineStart) + 1;
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
  const message = `--fix left this file unchanged: byte ${byte} at line ${line}, column ${column} is not UTF-8, and writing the file back would replace such bytes; save the file as UTF-8 to let --fix edit it`;
  const { id } = fixRefused.meta;
  return {
    file,
    reason: `--fix left ${file} unchanged: byte ${byte} at line ${line}, column ${column} is not UTF-8`,
    finding: {
      ruleId: id,
      severity: fixRefused.meta.severity,
      message,
      file,
      line,
      column,
      endLine: line,
      endColumn: column + 1,
      pointer: '',
      fingerprint: fingerprint(id, file, '', 'not-utf-8'),
      docs: `${DOCS_BASE}${id}.md`,
    },
  };
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let index = 0; index < end; index++) if (bytes[index] === 0x0a) count++;
  return count;
}

/**
 * The offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), or undefined for valid UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    // The allowed range of the second byte depends on the lead byte (this excludes overlongs and surrogates).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return undefined;
}
