import * as Flags from '@oclif/core/flags';
import { IvrAuditCommand } from '../cli/command.js';
import { UsageError } from '../files.js';
import { startServer } from '../lsp/server.js';

export default class Lsp extends IvrAuditCommand {
  static override description = 'Run the language server (diagnostics, hover, quick fixes, completion) for editors, over stdin and stdout.';
  static override examples = ['<%= config.bin %> lsp --stdio'];
  static override flags = {
    stdio: Flags.boolean({ description: 'speak LSP over stdin and stdout (the only transport)' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Lsp);
    if (!flags.stdio) throw new UsageError('lsp speaks over stdin and stdout only: run `ivr-audit lsp --stdio` (editors start it so)');
    // stdout carries LSP messages only: anything else printed would corrupt the stream.
    console.log = console.info = console.warn = console.debug = console.error;
    // The server outlives any one bad request: an unexpected error is logged, never the end of the session.
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', (error) => process.stderr.write(`ivr-audit lsp: ${String(error instanceof Error ? error.stack : error)}\n`));
    process.on('uncaughtException', (error) => process.stderr.write(`ivr-audit lsp: ${String(error.stack ?? error)}\n`));
    startServer(process.stdin, process.stdout);
  }
}
