// The page of a rule as installed with the package (docs/rules/<id>.md), so the link works offline
// and matches the version in use; the published page when the docs are not installed.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** docs/ of the package: two folders up from src/lsp or dist/lsp. */
const RULE_DOCS = fileURLToPath(new URL('../../docs/rules/', import.meta.url));
const known = new Map<string, string | undefined>();

export function ruleDocsUrl(ruleId: string, published: string): string {
  if (!known.has(ruleId)) {
    const page = `${RULE_DOCS}${ruleId}.md`;
    known.set(ruleId, existsSync(page) ? pathToFileURL(page).href : undefined);
  }
  return known.get(ruleId) ?? published;
}
