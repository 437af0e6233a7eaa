import { readFile } from 'node:fs/promises';
import { Args } from '@oclif/core';
import { DOCS_BASE } from '../engine.js';
import { UsageError } from '../files.js';
import { exampleFrom, formatCatalog, formatRuleDetails } from '../report/catalog.js';
import { findRule, ruleMetas } from '../rules/index.js';
import { closest } from '../util/suggest.js';
import { IvrAuditCommand } from '../cli/command.js';

export default class Rules extends IvrAuditCommand {
  static override description = 'List the rules, or describe one rule with its options.';
  static override args = { id: Args.string({ description: 'a rule id' }) };
  static override examples = ['<%= config.bin %> rules', '<%= config.bin %> rules unknown-target'];

  async run(): Promise<void> {
    const { args } = await this.parse(Rules);
    if (args.id === undefined) {
      process.stdout.write(formatCatalog(ruleMetas()));
      return;
    }
    const rule = findRule(args.id);
    if (!rule) {
      const suggestion = closest(args.id, ruleMetas().map((meta) => meta.id));
      throw new UsageError(`unknown rule "${args.id}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
    }
    // The doc pages ship with the package; their "Bad" example shows the rule firing.
    const page = await readFile(new URL(`../../docs/rules/${rule.meta.id}.md`, import.meta.url), 'utf8').catch(() => '');
    process.stdout.write(formatRuleDetails(rule.meta, `${DOCS_BASE}${rule.meta.id}.md`, exampleFrom(page, 'Bad')));
  }
}
