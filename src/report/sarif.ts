// SARIF 2.1.0, as GitHub code scanning reads it: every rule described once in tool.driver, one
// result per finding pointing at a 1-based region of a file relative to the working directory.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_BASE } from '../engine.js';
import type { Finding, Severity } from '../model/finding.js';
import type { SourceLocation } from '../model/flow.js';
import type { AuditResult } from '../model/result.js';
import { ruleMetas } from '../rules/index.js';
import type { RuleMeta } from '../rules/types.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { installedDocsBase } from './docs-base.js';
import { escapeJsonOutput } from './escape.js';
import { relativePath } from './text.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The project's home: the docs address without its `/blob/...` part, so there is one source of truth. */
export const INFORMATION_URI = DOCS_BASE.replace(/\/blob\/.*$/, '');
/** Where relative artifact URIs start; GitHub resolves it to the repository root. */
export const SOURCE_ROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'ivrAudit/v1';

export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

export interface SarifOptions {
  /** Folder that artifact URIs are relative to (the repository root in CI). */
  cwd: string;
  /** Where the rule pages are (`ID.md` is appended): `--docs-base`; the docs installed with the package by default. */
  docsBase?: string;
}

/** `%SRCROOT%` as SARIF viewers resolve it: the working folder as a file URL ending in `/`. */
function sourceRoot(cwd: string): string {
  const href = pathToFileURL(resolve(cwd)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** Relative reference with each segment percent-encoded, or a file: URL for files outside `cwd`. */
export function artifactLocation(file: string, cwd: string): ArtifactLocation {
  const relative = relativePath(file, cwd);
  if (relative === null) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** SARIF regions are 1-based and must not end before they start. */
export function sarifRegion(range: { line: number; column: number; endLine: number; endColumn: number }): Record<string, number> {
  const startLine = Math.max(1, range.line);
  const startColumn = Math.max(1, range.column);
  const endLine = Math.max(startLine, range.endLine);
  let endColumn = Math.max(1, range.endColumn);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

function helpMarkdown(meta: RuleMeta, docs: string): string {
  const options = meta.options.map((option) => `- \`${option.name}\` (${option.type}, default \`${JSON.stringify(option.default)}\`): ${option.description}`);
  return [
    `**${meta.description}**`,
    '',
    meta.details,
    ...(options.length > 0 ? ['', 'Options:', '', ...options] : []),
    '',
    `[Documentation](${docs})`,
  ].join('\n');
}

function ruleDescriptor(meta: RuleMeta, docsBase: string): Record<string, unknown> {
  const docs = `${docsBase}${meta.id}.md`;
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, char: string) => char.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.details || meta.description },
    help: { text: `${meta.description}\n\n${meta.details}\n\nDocs: ${docs}`, markdown: helpMarkdown(meta, docs) },
    helpUri: docs,
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    properties: { category: meta.category, tags: [TOOL_NAME, meta.category] },
  };
}

/** A rule id no registry entry describes (cannot happen today, but a result must point at a rule). */
function bareDescriptor(id: string, docsBase: string): Record<string, unknown> {
  return { id, shortDescription: { text: id }, helpUri: `${docsBase}${id}.md` };
}

function physicalLocation(place: { file: string; line: number; column: number; endLine: number; endColumn: number }, cwd: string): Record<string, unknown> {
  return { artifactLocation: artifactLocation(place.file, cwd), region: sarifRegion(place) };
}

/** A node as a SARIF logical location: its id, and its readable name when the id is machine-made. */
function logicalLocation(nodeId: string, label: string | undefined): Record<string, unknown> {
  return { name: nodeId, kind: 'node', ...(label === undefined ? {} : { properties: { label } }) };
}

function sarifResult(finding: Finding, ruleIndex: number, cwd: string): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [{
      physicalLocation: physicalLocation(finding, cwd),
      ...(finding.nodeId !== undefined ? { logicalLocations: [logicalLocation(finding.nodeId, finding.label)] } : {}),
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
  };
  const related = (finding.related ?? []).map((place: SourceLocation) => ({
    physicalLocation: physicalLocation(place, cwd),
    message: { text: place.pointer === '' ? 'related' : `related: ${place.pointer}` },
  }));
  // The other places of the same root cause, each with its node.
  const places = (finding.places ?? []).map((place) => ({
    physicalLocation: physicalLocation(place, cwd),
    ...(place.nodeId !== undefined ? { logicalLocations: [logicalLocation(place.nodeId, place.label)] } : {}),
    message: { text: `same cause: ${place.label ?? place.nodeId ?? place.pointer}` },
  }));
  if (related.length + places.length > 0) result.relatedLocations = [...related, ...places].map((location, id) => ({ id, ...location }));
  const properties: Record<string, unknown> = { pointer: finding.pointer };
  if (finding.label !== undefined) properties.label = finding.label;
  if (finding.path) properties.path = finding.path;
  result.properties = properties;
  return result;
}

/** The SARIF log as a value (tests validate it; `formatSarif` prints it). */
export function sarifLog(result: AuditResult, options: SarifOptions): Record<string, unknown> {
  const docsBase = options.docsBase ?? installedDocsBase();
  const descriptors = ruleMetas().map((meta) => ruleDescriptor(meta, docsBase));
  const indexes = new Map(descriptors.map((descriptor, index) => [descriptor.id as string, index]));
  const indexOf = (id: string): number => {
    let index = indexes.get(id);
    if (index === undefined) {
      index = descriptors.push(bareDescriptor(id, docsBase)) - 1;
      indexes.set(id, index);
    }
    return index;
  };
  const results = result.files.flatMap((file) => file.findings.map((finding) => sarifResult(finding, indexOf(finding.ruleId), options.cwd)));
  const files = result.files.map((file) => ({
    uri: artifactLocation(file.file, options.cwd).uri,
    flow: file.flow?.name ?? null,
    score: file.score?.value ?? null,
    grade: file.score?.grade ?? null,
    drivers: file.score?.drivers ?? null,
    metrics: file.metrics,
    fixes: file.fixes.map((fix) => ({
      title: fix.title,
      gain: fix.gain,
      effortSaved: fix.effortSaved,
      secondsSaved: fix.secondsSaved,
      callersHelped: fix.callersHelped,
      cumulativeScore: fix.cumulativeScore,
      ruleIds: fix.ruleIds,
      resolves: fix.resolves,
    })),
    unknowns: file.unknowns,
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: VERSION,
          semanticVersion: VERSION,
          informationUri: INFORMATION_URI,
          rules: descriptors,
        },
      },
      // Relative artifact URIs resolve against it; GitHub maps it to the repository root itself.
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: sourceRoot(options.cwd) } },
      // yaml's positions count UTF-16 code units, as JavaScript strings do.
      columnKind: 'utf16CodeUnits',
      results,
      properties: { files, summary: result.summary },
    }],
  };
}

export function formatSarif(result: AuditResult, options: SarifOptions): string {
  return `${escapeJsonOutput(JSON.stringify(sarifLog(result, options), null, 2))}\n`;
}
