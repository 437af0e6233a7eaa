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

export function formatRuleDetails(meta: RuleMeta, docs: string): string {
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
    `Docs: ${docs}`,
    '',
  ].join('\n');
}
