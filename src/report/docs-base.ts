// Where output links the rule pages: `--docs-base URL`, or by default the pages installed with the
// package, so a link works offline and matches the version that produced it.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../cli/usage-error.js';

/** The rule pages that ship with the package (docs/ is in its files), as a file: URL ending in `/`. */
export function installedDocsBase(): string {
  return new URL('../../docs/rules/', import.meta.url).href;
}

/**
 * `--docs-base URL`: an http(s) or file URL, or a folder path (made a file URL), ending in the `/`
 * that `ID.md` is appended after. Throws `UsageError` for anything else.
 */
export function parseDocsBase(value: string): string {
  let url: URL;
  try {
    url = /^[a-z][a-z0-9+.-]+:/i.test(value) ? new URL(value) : pathToFileURL(resolve(value));
  } catch {
    throw new UsageError(`--docs-base "${value}" is not a URL; give the address of the folder of rule pages, e.g. https://example.com/ivr-audit/docs/rules/`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) throw new UsageError(`--docs-base "${value}" must be an http, https or file URL, or a folder`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
