import { extname } from 'node:path';
import { detectFormat } from './importers/detect.js';
import type { FlowReference, ImportFormat, ImportOptions } from './importers/index.js';
import type { Flow, SourceLocation, SourceRange } from '../model/flow.js';
import { buildFlow } from './build.js';
import { unsupportedEncoding } from './encoding.js';
import { checkSchedules } from './schedule.js';
import { checkSchema } from './schema.js';
import { parseYaml, stripBom, type ParsedYaml } from './yaml.js';
import { UnreadableFileError, readRegularFile } from '../util/read-file.js';

/** A problem found while reading a file, before any rule runs. */
export interface LoadProblem {
  ruleId: 'yaml-syntax' | 'duplicate-key' | 'schema' | 'subflow-not-found' | 'subflow-cycle' | 'import-note';
  message: string;
  loc: SourceLocation;
  related?: SourceLocation[];
  /** Other places of the same cause (import notes of one cause are one finding). */
  places?: SourceLocation[];
}

export interface LoadedFile {
  file: string;
  text: string;
  flow?: Flow;
  problems: LoadProblem[];
  /** Set when the file is not a call flow in any format read here (YAML or JSON of something else). */
  skipped?: string;
  /** Platform exports: the names other exports may give this one, and the flows it names (see project.ts). */
  aliases?: string[];
  references?: FlowReference[];
}

export interface Source {
  path: string;
  text: string;
}

/** Files larger than this are refused with a finding rather than parsed (a flow is a few hundred KB). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export class FileReadError extends Error {}

/**
 * Reads a file as UTF-8, refusing what is not a regular file, is too large to be a flow, or is
 * written in an encoding other than UTF-8 by its byte-order mark (UTF-16, UTF-32).
 */
export async function readSourceFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new FileReadError(`cannot read ${path}: ${error.message}`);
    throw error;
  }
  const encoding = unsupportedEncoding(bytes);
  if (encoding !== undefined) throw new FileReadError(`cannot read ${path}: ${encoding}`);
  return bytes.toString('utf8');
}

const NOWHERE: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function at(file: string, range: SourceRange, pointer: string): SourceLocation {
  return { file, pointer, ...range };
}

/** Parses and validates one format v1 document and builds its model. */
export function loadText(file: string, source: string): LoadedFile {
  const text = stripBom(source);
  return loadParsed(file, text, parseYaml(text));
}

function loadParsed(file: string, text: string, parsed: ParsedYaml): LoadedFile {
  const problems: LoadProblem[] = parsed.problems.map((problem) => ({
    ruleId: problem.kind,
    message: problem.message,
    loc: at(file, problem.range, problem.pointer),
    related: problem.first ? [at(file, problem.first, problem.pointer)] : undefined,
  }));
  if (problems.some((problem) => problem.ruleId === 'yaml-syntax')) return { file, text, problems };
  for (const problem of checkSchema(parsed.data, parsed.places)) {
    problems.push({ ruleId: 'schema', message: problem.message, loc: at(file, problem.range, problem.pointer) });
  }
  if (problems.some((problem) => problem.ruleId === 'schema')) return { file, text, problems };
  for (const problem of checkSchedules(parsed.data)) {
    const place = parsed.places.get(problem.pointer);
    problems.push({ ruleId: 'schema', message: problem.message, loc: at(file, place?.value ?? NOWHERE, problem.pointer) });
  }
  if (problems.some((problem) => problem.ruleId === 'schema')) return { file, text, problems };
  // The parsed data and its places are not kept: the model holds what later stages need (its own
  // locations), and a run keeps every file it loaded, so they would stay for the whole run.
  const flow = buildFlow(file, parsed.data as Record<string, unknown>, parsed.places);
  return { file, text, flow, problems };
}

type Importers = typeof import('./importers/index.js');

// The platform importers are most of the loader's code: they are imported the first time a file
// is a platform export, so that a run over format v1 files never loads them.
let importers: Importers | undefined;

/** Imports the platform importers, once; `loadAnyText` can then read exports synchronously. */
export async function loadImporters(): Promise<Importers> {
  importers ??= await import('./importers/index.js');
  return importers;
}

/**
 * Reads a file in any format this tool knows: format v1 YAML (or JSON), or an Amazon Connect,
 * Twilio Studio or Genesys Architect export. A file that is plainly none of them is skipped. The
 * importers are loaded first when the file is an export (or a format is forced).
 */
export async function loadAny(file: string, source: string, format?: ImportFormat, options: ImportOptions = {}): Promise<LoadedFile> {
  const text = stripBom(source);
  const chosen = format ?? detectFormat(file, text);
  if (chosen !== null) await loadImporters();
  return loadAs(file, text, chosen, options);
}

/**
 * `loadAny`, synchronous: format v1 files need nothing more; a platform export needs the importers
 * loaded before (`await loadImporters()`, or an earlier `loadAny` of an export).
 */
export function loadAnyText(file: string, source: string, format?: ImportFormat, options: ImportOptions = {}): LoadedFile {
  const text = stripBom(source);
  return loadAs(file, text, format ?? detectFormat(file, text), options);
}

function loadAs(file: string, text: string, format: ImportFormat | null, options: ImportOptions): LoadedFile {
  if (format !== null) {
    if (!importers) throw new Error(`${file} is a ${format} export: await loadImporters() before loadAnyText reads it`);
    // Detected or forced, the importer is told which: detection is not run twice.
    const imported = importers.importFlow(file, text, format, options);
    if (imported?.skipped !== undefined) return { file, text, problems: [], skipped: imported.skipped };
    if (imported) {
      const problems: LoadProblem[] = [
        ...imported.problems.map((problem) => ({ ruleId: problem.ruleId, message: problem.message, loc: problem.loc })),
        ...(imported.notes ?? []).map((note) => ({ ruleId: 'import-note' as const, message: note.message, loc: note.loc, ...(note.places ? { places: note.places } : {}) })),
      ];
      return { file, text, flow: imported.flow, problems, aliases: imported.aliases ?? [], references: imported.references ?? [] };
    }
  }
  const parsed = parseYaml(text);
  if (plainlyNotAFlow(file, text, parsed)) return { file, text, problems: [], skipped: NOT_A_FLOW };
  return loadParsed(file, text, parsed);
}

export const NOT_A_FLOW = 'not a call flow (format v1, Amazon Connect, Twilio Studio or Genesys Architect)';

/**
 * Some other YAML or JSON beside the flows (a docker-compose file, a CI workflow, package.json, a
 * report of this tool): it has none of `version: 1`, `entry`, `nodes`. A file that tries to be a flow
 * has one of them and gets findings instead, as do YAML that does not parse (it may be a broken flow), an
 * empty file and a YAML document that is not a mapping. JSON without `"version"` and `"nodes"` is skipped
 * whatever its shape.
 */
function plainlyNotAFlow(file: string, text: string, parsed: ParsedYaml): boolean {
  if (extname(file).toLowerCase() === '.json' && !looksLikeFlowV1(text)) return true;
  if (parsed.problems.some((problem) => problem.kind === 'yaml-syntax')) return false;
  const data = parsed.data;
  // An empty file or a list: "the file is empty", "the flow must be a mapping" say more than a skip.
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const keys = data as Record<string, unknown>;
  return !Object.hasOwn(keys, 'nodes') && !Object.hasOwn(keys, 'entry') && keys.version !== 1;
}

/** A JSON file written in format v1 has these keys; anything else is some other JSON. */
function looksLikeFlowV1(text: string): boolean {
  return /"version"\s*:/.test(text) && /"nodes"\s*:/.test(text);
}
