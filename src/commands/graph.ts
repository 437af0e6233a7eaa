import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { UsageError } from '../files.js';
import { audit } from '../index.js';
import { buildFlowGraph } from '../report/flowgraph.js';
import { formatDot, formatMermaid } from '../report/graphtext.js';
import { refuseOutputsOverInputs } from '../util/output-guard.js';
import { IvrAuditCommand } from '../cli/command.js';
import { writeFileAtomic } from '../util/write-atomic.js';

const GRAPH_FORMATS = ['mermaid', 'dot'] as const;

export default class Graph extends IvrAuditCommand {
  static override description = 'Print a flow as a Mermaid (default) or Graphviz DOT graph, nodes marked by their findings.';
  static override args = {
    file: Args.string({ description: 'a flow file', required: true }),
  };
  static override examples = [
    '<%= config.bin %> graph examples/acme-support.yaml',
    '<%= config.bin %> graph examples/acme-support.yaml --format dot | dot -Tsvg > flow.svg',
  ];
  static override flags = {
    format: Flags.string({ description: 'mermaid (default) or dot' }),
    output: Flags.string({ char: 'o', description: 'write the graph to this file instead of stdout' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Graph);
    const format = flags.format ?? 'mermaid';
    if (!(GRAPH_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown graph format "${format}"; the graph formats are ${GRAPH_FORMATS.join(', ')}`);
    }
    const cwd = process.cwd();
    const info = await stat(resolve(cwd, args.file)).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(info ? `not a file: ${args.file}` : `no such file: ${args.file}`);
    // One parse: the audit keeps the model it built, and its findings say why a file is no flow.
    const result = await audit([args.file], { cwd });
    const file = result.files[0];
    const flow = file ? result.flows?.get(file.file) : undefined;
    if (!file || !flow) {
      const first = file?.findings.find((finding) => finding.severity === 'error') ?? file?.findings[0];
      // A file that cannot be read at all says so as it is (its encoding, its size), like `lint`'s finding.
      if (first?.message.startsWith('cannot read ')) throw new UsageError(first.message);
      const where = first ? `${first.line}:${first.column} ${first.message}` : 'not a flow';
      throw new UsageError(`${args.file} cannot be drawn: ${where} (ivr-audit lint shows every problem)`);
    }
    if (flags.output !== undefined) await refuseOutputsOverInputs([{ path: flags.output, shownAs: `-o ${flags.output}` }], result.read ?? []);
    const graph = buildFlowGraph(flow, file.findings);
    const output = format === 'dot' ? formatDot(graph, flow.name) : formatMermaid(graph);
    if (flags.output === undefined) process.stdout.write(output);
    else await writeFileAtomic(flags.output, output);
  }
}
