// Lints one editor buffer as `lint` would lint its file: the buffer's text (saved or not), the config
// found above the file, subflows read from disk, and, for a platform export, the exports of its
// folder as the project around it.
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { clearConfigCache } from '../config/discover.js';
import { FLOW_EXTENSIONS, UsageError } from '../files.js';
import { audit, type FileAnalysis, type Source } from '../index.js';
import { detectFormat } from '../load/importers/detect.js';
import { readSourceFile } from '../load/index.js';
import type { FileResult } from '../model/result.js';

/** What one lint of one buffer found. */
export interface LintedDocument {
  /** Absolute path the buffer is linted as. */
  path: string;
  /** The document version and text that were linted (code actions edit exactly this text). */
  version: number;
  text: string;
  /** Absent when the buffer is not a flow, or the run could not be done (see `failure`). */
  result?: FileResult;
  /** The analysis the buffer was scored on; absent when it did not load as a flow. */
  analysis?: FileAnalysis;
  /** Why the file could not be linted (a bad config), in one line. */
  failure?: string;
  /** Whether the fixes were worked out (they are only for code actions: diagnostics go without). */
  withFixes: boolean;
}

export interface LintRequest {
  path: string;
  version: number;
  text: string;
  /** Folder relative paths of the config are read from: the workspace folder holding the file. */
  cwd: string;
  /** The text of another open buffer, which wins over the file on disk. */
  openText: (path: string) => string | undefined;
  /** Work out the fixes too (scoring each is most of a lint's time on a large flow). */
  withFixes: boolean;
}

/** A folder of exports larger than this is not read as the project of one buffer (too slow per keystroke). */
const MAX_PROJECT_FILES = 200;

export async function lintDocument(request: LintRequest): Promise<LintedDocument> {
  const { path, version, text } = request;
  const linted: LintedDocument = { path, version, text, withFixes: request.withFixes };
  // Config files may have changed since the last lint; they are small and cached within a run.
  clearConfigCache();
  try {
    const sources: Source[] = [{ path, text }];
    if (detectFormat(path, text) !== null) sources.push(...(await projectSiblings(path, request.openText)));
    const result = await audit(sources, {
      cwd: request.cwd,
      lintOnly: [path],
      fixes: request.withFixes,
      inspect: (analysis) => {
        if (resolve(analysis.file) === path) linted.analysis = analysis;
      },
    });
    linted.result = result.files.find((file) => resolve(request.cwd, file.file) === path);
  } catch (error) {
    // A buffer that is no flow at all (a package.json, some other YAML) is simply not ours.
    if (error instanceof UsageError && /not a call flow/.test(error.message)) return linted;
    linted.failure = error instanceof Error ? error.message : String(error);
  }
  return linted;
}

/** The other exports of the buffer's folder, as `lint FOLDER` reads them, open buffers first. */
async function projectSiblings(path: string, openText: (path: string) => string | undefined): Promise<Source[]> {
  const folder = dirname(path);
  const names = await readdir(folder).catch(() => [] as string[]);
  const flowFile = new RegExp(`\\.(${FLOW_EXTENSIONS.join('|')})$`);
  const siblings = names.filter((name) => flowFile.test(name)).map((name) => join(folder, name)).filter((file) => file !== path).sort();
  if (siblings.length >= MAX_PROJECT_FILES) return [];
  const sources: Source[] = [];
  for (const file of siblings) {
    const text = openText(file) ?? (await readSourceFile(file).catch(() => undefined));
    if (text !== undefined && detectFormat(file, text) !== null) sources.push({ path: file, text });
  }
  return sources;
}
