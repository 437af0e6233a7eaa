import { readFile } from 'node:fs/promises';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DOCS_BASE } from '../engine.js';
import { UsageError } from '../files.js';
import { catalogEntry, exampleFrom, fixTypesFrom, formatCatalog, formatRuleDetails } from '../report/catalog.js';
import { escapeJsonOutput } from '../report/escape.js';
import { findRule, ruleMetas } from '../rules/index.js';
import type { RuleMeta } from '../rules/types.js';
import { closest } from '../util/suggest.js';
import { IvrAuditCommand } from '../cli/command.js';

export default class Rules extends IvrAuditCommand {
  static override description = 'List the rules, or describe one rule with its options.';
  // A rule id comes from the command line only: oclif would otherwise take piped stdin for it.
  static override args = { id: Args.string({ description: 'a rule id', ignoreStdin: true }) };
  static override flags = {
    json: Flags.boolean({ description: 'print the catalog (or the rule) as JSON: id, category, severity, driver, scoring, options, fixable, docs' }),
  };
  static override examples = ['<%= config.bin %> rules', '<%= config.bin %> rules unknown-target', '<%= config.bin %> rules --json'];

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Rules);
    if (args.id === undefined) {
      if (flags.json) {
        const entries = await Promise.all(ruleMetas().map(async (meta) => catalogEntry(meta, docsUrl(meta), fixTypesFrom(await docPage(meta)))));
        process.stdout.write(`${escapeJsonOutput(JSON.stringify(entries, null, 2))}\n`);
      } else process.stdout.write(formatCatalog(ruleMetas()));
      return;
    }
    const rule = findRule(args.id);
    if (!rule) {
      const suggestion = closest(args.id, ruleMetas().map((meta) => meta.id));
      throw new UsageError(`unknown rule "${args.id}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
    }
    const page = await docPage(rule.meta);
    if (flags.json) {
      process.stdout.write(`${escapeJsonOutput(JSON.stringify(catalogEntry(rule.meta, docsUrl(rule.meta), fixTypesFrom(page)), null, 2))}\n`);
      return;
    }
    // The "Bad" example of the doc page shows the rule firing.
    process.stdout.write(formatRuleDetails(rule.meta, docsUrl(rule.meta), exampleFrom(page, 'Bad')));
  }
}

function docsUrl(meta: RuleMeta): string {
  return `${DOCS_BASE}${meta.id}.md`;
}

/** The rule's doc page, shipped with the package; empty when it is missing. */
function docPage(meta: RuleMeta): Promise<string> {
  return readFile(new URL(`../../docs/rules/${meta.id}.md`, import.meta.url), 'utf8').catch(() => '');
}
