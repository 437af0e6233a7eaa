import { readFile, stat } from 'node:fs/promises';
import type { Flow, SourceLocation, SourceRange } from '../model/flow.js';
import { buildFlow } from './build.js';
import { checkSchema } from './schema.js';
import { parseYaml, stripBom, type ParsedYaml } from './yaml.js';

/** A problem found while reading a file, before any rule runs. */
export interface LoadProblem {
  ruleId: 'yaml-syntax' | 'duplicate-key' | 'schema' | 'subflow-not-found' | 'subflow-cycle';
  message: string;
  loc: SourceLocation;
  related?: SourceLocation[];
}

export interface LoadedFile {
  file: string;
  text: string;
  parsed?: ParsedYaml;
  flow?: Flow;
  problems: LoadProblem[];
}

export interface Source {
  path: string;
  text: string;
}

/** Files larger than this are refused with a finding rather than parsed (a flow is a few hundred KB). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export class FileReadError extends Error {}

/** Reads a file as UTF-8, refusing what is not a regular file or is too large to be a flow. */
export async function readSourceFile(path: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new FileReadError(`cannot read ${path}: no such file`);
  }
  if (!info.isFile()) throw new FileReadError(`cannot read ${path}: not a file`);
  if (info.size > MAX_FILE_BYTES) {
    throw new FileReadError(`cannot read ${path}: ${Math.round(info.size / 1048576)} MB is larger than the ${MAX_FILE_BYTES / 1048576} MB limit`);
  }
  return readFile(path, 'utf8');
}

function at(file: string, range: SourceRange, pointer: string): SourceLocation {
  return { file, pointer, ...range };
}

/** Parses and validates one format v1 document and builds its model. */
export function loadText(file: string, source: string): LoadedFile {
  const text = stripBom(source);
  const parsed = parseYaml(text);
  const problems: LoadProblem[] = parsed.problems.map((problem) => ({
    ruleId: problem.kind,
    message: problem.message,
    loc: at(file, problem.range, problem.pointer),
    related: problem.first ? [at(file, problem.first, problem.pointer)] : undefined,
  }));
  if (problems.some((problem) => problem.ruleId === 'yaml-syntax')) return { file, text, parsed, problems };
  for (const problem of checkSchema(parsed.data, parsed.places)) {
    problems.push({ ruleId: 'schema', message: problem.message, loc: at(file, problem.range, problem.pointer) });
  }
  if (problems.some((problem) => problem.ruleId === 'schema')) return { file, text, parsed, problems };
  const flow = buildFlow(file, parsed.data as Record<string, unknown>, parsed.places);
  return { file, text, parsed, flow, problems };
}
