// The base of every command: a mistake on the command line becomes one line that keeps oclif's
// reason and points at the command's help (see ./errors.ts).
import { Command } from '@oclif/core/command';
import { commandLineError, valuedBooleanFlag, type CommandContext } from './errors.js';

export abstract class IvrAuditCommand extends Command {
  protected override async init(): Promise<void> {
    await super.init();
    const mistake = valuedBooleanFlag(this.argv, this.context());
    if (mistake) throw mistake;
  }

  protected override async catch(error: Error): Promise<never> {
    throw commandLineError(error, this.context());
  }

  private context(): CommandContext {
    return { bin: this.config.bin, id: this.id ?? '', flags: this.ctor.flags ?? {} };
  }
}
