import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { UsageError } from '../files.js';
import { audit } from '../index.js';
import { FileReadError, loadAnyText, readSourceFile } from '../load/index.js';
import { buildFlowGraph } from '../report/flowgraph.js';
import { formatDot, formatMermaid } from '../report/graphtext.js';
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
    const text = await readSourceFile(resolve(cwd, args.file)).catch((error: unknown) => {
      throw new UsageError(error instanceof FileReadError ? error.message : `cannot read ${args.file}`);
    });
    const loaded = loadAnyText(args.file, text);
    if (!loaded.flow) {
      const first = loaded.problems[0];
      const where = first ? `${first.loc.line}:${first.loc.column} ${first.message}` : 'not a flow';
      throw new UsageError(`${args.file} cannot be drawn: ${where} (ivr-audit lint shows every problem)`);
    }
    const result = await audit([args.file], { cwd });
    const graph = buildFlowGraph(loaded.flow, result.files[0]?.findings ?? []);
    const output = format === 'dot' ? formatDot(graph, loaded.flow.name) : formatMermaid(graph);
    if (flags.output === undefined) process.stdout.write(output);
    else await writeFileAtomic(flags.output, output);
  }
}
