// The rule catalog as text and as data, for `ivr-audit rules` and `rules --json`.
import type { FixType } from '../model/result.js';
import type { RuleMeta, RuleOption } from '../rules/types.js';

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

/** The kinds of fix a rule's doc page names under `## Fix type` (`**fix**`, `**suggestion**`). */
export function fixTypesFrom(page: string): FixType[] {
  const start = page.indexOf('\n## Fix type\n');
  if (start < 0) return [];
  const section = page.slice(start + 13);
  const end = section.search(/\n## /);
  const text = end < 0 ? section : section.slice(0, end);
  return (['fix', 'suggestion'] as const).filter((type) => text.includes(`**${type}**`));
}

/** One rule as `rules --json` prints it. */
export interface CatalogEntry {
  id: string;
  category: RuleMeta['category'];
  severity: RuleMeta['severity'];
  description: string;
  details: string;
  driver: RuleMeta['driver'];
  scoring: RuleMeta['scoring'];
  options: RuleOption[];
  /** Whether its findings can come with a fix or a suggestion (`fixTypes` says which). */
  fixable: boolean;
  fixTypes: FixType[];
  /** Cannot be turned off or given another severity. */
  alwaysOn: boolean;
  docs: string;
}

export function catalogEntry(meta: RuleMeta, docs: string, fixTypes: readonly FixType[]): CatalogEntry {
  return {
    id: meta.id,
    category: meta.category,
    severity: meta.severity,
    description: meta.description,
    details: meta.details,
    driver: meta.driver,
    scoring: meta.scoring,
    options: meta.options.map((option) => ({ ...option })),
    fixable: fixTypes.length > 0,
    fixTypes: [...fixTypes],
    alwaysOn: meta.alwaysOn === true,
    docs,
  };
}
