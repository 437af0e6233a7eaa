import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { UsageError } from '../files.js';
import { refuseOutputsOverInputs } from '../util/output-guard.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { flowToYaml, importFlow, type ImportFormat } from '../load/importers/index.js';
import { FileReadError, readSourceFile } from '../load/index.js';
import { IvrAuditCommand } from '../cli/command.js';
import { stderrLine } from '../report/escape.js';

export default class Import extends IvrAuditCommand {
  static override description = 'Convert an Amazon Connect, Twilio Studio or Genesys Architect export into call-flow format v1 YAML.';
  static override args = { file: Args.string({ required: true, description: 'the export to convert' }) };
  static override flags = {
    from: Flags.string({ options: ['connect', 'twilio', 'genesys'], description: 'the platform (default: detected from the file)' }),
    output: Flags.string({ char: 'o', description: 'write the YAML to this file instead of stdout' }),
  };
  static override examples = [
    '<%= config.bin %> import exports/main-menu.json -o flows/main-menu.yaml',
    '<%= config.bin %> import studio-flow.json --from twilio',
  ];

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Import);
    const text = await readSourceFile(args.file).catch((error: unknown) => {
      throw new UsageError(error instanceof FileReadError ? error.message : `cannot read ${args.file}`);
    });
    const result = importFlow(args.file, text, flags.from as ImportFormat | undefined);
    if (!result) throw new UsageError(`${args.file} is not an Amazon Connect, Twilio Studio or Genesys Architect export (use --from to say which)`);
    const problem = result.problems[0];
    if (!result.flow || problem) {
      const where = problem ? `${args.file}:${problem.loc.line}:${problem.loc.column}: ${problem.message}` : `${args.file}: nothing to import`;
      throw new UsageError(where);
    }
    const yaml = flowToYaml(result.flow);
    if (flags.output === undefined) process.stdout.write(yaml);
    else {
      await refuseOutputsOverInputs([{ path: flags.output, shownAs: `-o ${flags.output}` }], [args.file]);
      await writeFileAtomic(flags.output, yaml);
    }
    for (const note of result.notes ?? []) process.stderr.write(stderrLine(`${args.file}:${note.loc.line}:${note.loc.column}: ${note.message}`));
  }
}
