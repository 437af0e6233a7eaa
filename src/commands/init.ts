import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Flags } from '@oclif/core';
import { UsageError } from '../files.js';
import { IvrAuditCommand } from '../cli/command.js';
import { writeFileAtomic } from '../util/write-atomic.js';

const STARTER_CONFIG = `# ivr-audit configuration: https://github.com/ivr-audit/ivr-audit/blob/main/docs/cli.md
extends: recommended            # or strict: lower limits, warnings become errors
settings:
  language: en                  # en or es: the language of the prompts
rules: {}
  # identity-questions: [error, { max: 1 }]
  # cliche-prompt: off
ignore: []
scoring:
  minScore: 70                  # lint fails when a flow scores below this
`;

export default class Init extends IvrAuditCommand {
  static override description = 'Write a starter .ivr-audit.yaml and an example flow that lints clean.';
  static override flags = {
    force: Flags.boolean({ description: 'overwrite files that exist' }),
  };
  static override examples = ['<%= config.bin %> init', '<%= config.bin %> init && <%= config.bin %> lint flows'];

  async run(): Promise<void> {
    const { flags } = await this.parse(Init);
    const config = '.ivr-audit.yaml';
    const example = join('flows', 'example.yaml');
    for (const path of [config, example]) {
      const exists = await access(path).then(() => true, () => false);
      if (exists && !flags.force) throw new UsageError(`${path} exists; use --force to overwrite it`);
    }
    await writeFileAtomic(config, STARTER_CONFIG);
    await mkdir('flows', { recursive: true });
    await writeFileAtomic(example, await readFile(new URL('../../examples/acme-support.yaml', import.meta.url)));
    process.stdout.write(`wrote ${config} and ${example}; next: ivr-audit lint flows\n`);
  }
}
