import { access, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as Flags from '@oclif/core/flags';
import { UsageError } from '../files.js';
import { IvrAuditCommand } from '../cli/command.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { SCHEMA_COPY, STARTER_CONFIG, findInstalledSchema, schemaReference, withSchemaComment } from '../cli/starter.js';

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
    // The installed package's schema follows upgrades; without one, a copy the editor can read.
    const installed = await findInstalledSchema(process.cwd());
    const written = installed === undefined ? [config, example, SCHEMA_COPY] : [config, example];
    for (const path of written) {
      const exists = await access(path).then(() => true, () => false);
      if (exists && !flags.force) throw new UsageError(`${path} exists; use --force to overwrite it`);
    }
    if (installed === undefined) {
      await mkdir(dirname(SCHEMA_COPY), { recursive: true });
      await writeFileAtomic(SCHEMA_COPY, await readFile(new URL('../../schemas/callflow.schema.json', import.meta.url)));
    }
    await writeFileAtomic(config, STARTER_CONFIG);
    await mkdir('flows', { recursive: true });
    const flow = await readFile(new URL('../../examples/acme-support.yaml', import.meta.url), 'utf8');
    await writeFileAtomic(example, withSchemaComment(flow, schemaReference(resolve(example), installed ?? resolve(SCHEMA_COPY))));
    process.stdout.write(`wrote ${written.join(', ')}; next: ivr-audit lint flows\n`);
  }
}
