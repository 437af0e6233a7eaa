// What `init` writes: a starter config whose commented lines are valid once uncommented, and an
// example flow whose schema comment resolves in the user's folder.
import { access } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export const STARTER_CONFIG = `# Configuration of ivr-audit, found from each flow's folder upwards.
# Every key is described in https://github.com/ivr-audit/ivr-audit/blob/main/docs/cli.md
# Remove the "# " before an example line to use it.
extends: recommended            # or strict: lower limits, warnings become errors
settings:
  language: en                  # en or es: the language of the prompts
rules:                          # per rule id: error, warning, info, off, or [severity, { options }]
  unknown-target: error
  # identity-questions: [error, { max: 1 }]
  # cliche-prompt: off
ignore:                         # globs of files not to lint, from this file's folder
  - "**/node_modules/**"
  # - "flows/drafts/**"
scoring:
  minScore: 70                  # lint fails when a flow scores below this
`;

/** Where `init` puts its copy of the schema when the package is not installed in the project (a hidden folder, so no lint run reads it). */
export const SCHEMA_COPY = join('.ivr-audit', 'callflow.schema.json');

const INSTALLED_SCHEMA = join('node_modules', 'ivr-audit', 'schemas', 'callflow.schema.json');

/** The installed package's schema, searched from `folder` upwards as Node resolves packages. */
export async function findInstalledSchema(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = dirname(current)) {
    const candidate = join(current, INSTALLED_SCHEMA);
    if (await access(candidate).then(() => true, () => false)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/** `schema` as the flow file at `flowPath` would name it: relative, with forward slashes. */
export function schemaReference(flowPath: string, schema: string): string {
  return relative(dirname(flowPath), schema).split(sep).join('/');
}

/** The flow with its `# yaml-language-server: $schema=` comment set to `reference` (added on top if absent). */
export function withSchemaComment(flowText: string, reference: string): string {
  const comment = `# yaml-language-server: $schema=${reference}`;
  const pattern = /^# yaml-language-server: \$schema=.*$/m;
  return pattern.test(flowText) ? flowText.replace(pattern, comment) : `${comment}\n${flowText}`;
}
