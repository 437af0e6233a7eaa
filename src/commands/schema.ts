import { readFile } from 'node:fs/promises';
import { IvrAuditCommand } from '../cli/command.js';

export default class Schema extends IvrAuditCommand {
  static override description = 'Print the JSON Schema of the call-flow format (for editors and other tools).';

  async run(): Promise<void> {
    await this.parse(Schema);
    process.stdout.write(await readFile(new URL('../../schemas/callflow.schema.json', import.meta.url), 'utf8'));
  }
}
