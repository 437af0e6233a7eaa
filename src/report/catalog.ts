// The rule catalog as text, for `ivr-audit rules`.
import type { RuleMeta } from '../rules/types.js';

export function formatCatalog(metas: readonly RuleMeta[]): string {
  const idWidth = Math.max(...metas.map((meta) => meta.id.length));
  const header = `${'id'.padEnd(idWidth)}  category   severity  description`;
  const rows = metas.map(
    (meta) => `${meta.id.padEnd(idWidth)}  ${meta.category.padEnd(9)}  ${meta.severity.padEnd(8)}  ${meta.description}`,
  );
  return `${[header, ...rows].join('\n')}\n`;
}

/** The first YAML block under a heading (`## Bad`) of a rule's doc page, when there is one. */
export function exampleFrom(page: string, heading: string): string | undefined {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) return undefined;
  const section = page.slice(start + heading.length + 5);
  const end = section.search(/\n## /);
  const match = /```yaml\n([\s\S]*?)```/.exec(end < 0 ? section : section.slice(0, end));
  return match?.[1];
}

export function formatRuleDetails(meta: RuleMeta, docs: string, example?: string): string {
  const options = meta.options.length === 0
    ? ['  none']
    : meta.options.map((option) => `  ${option.name} (${option.type}, default ${JSON.stringify(option.default)}): ${option.description}`);
  return [
    `${meta.id}  (${meta.category}, ${meta.severity} by default)`,
    '',
    meta.description,
    '',
    meta.details,
    '',
    'Options:',
    ...options,
    '',
    ...(example === undefined ? [] : ['Example that fires:', '', ...example.trimEnd().split('\n').map((line) => `  ${line}`), '']),
    `Docs: ${docs}`,
    '',
  ].join('\n');
}
