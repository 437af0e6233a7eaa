import { writeFile } from 'node:fs/promises';
import { Args, Command, Flags } from '@oclif/core';
import { audit } from '../index.js';
import { gateFailures, type FailOn } from '../gate.js';
import { formatResult, outputFormatFor, parseFormatFlag, type OutputFormat } from '../report/index.js';
import type { AuditResult } from '../model/result.js';
import { UsageError } from '../files.js';

export default class Lint extends Command {
  static override description = 'Validate and analyze call flows: findings, effort score and fixes.';
  static override strict = false;
  static override args = {
    paths: Args.string({ description: 'files, folders or globs (default: the current folder)' }),
  };
  static override examples = [
    '<%= config.bin %> lint examples/acme-support.yaml',
    '<%= config.bin %> lint flows/ -f json -o report.json',
    '<%= config.bin %> lint "flows/**/*.yaml" --fail-on warning',
  ];
  static override flags = {
    format: Flags.string({ char: 'f', multiple: true, description: 'output format: stylish, json; NAME=PATH writes it to a file (repeatable)' }),
    output: Flags.string({ char: 'o', description: 'write the output to this file (the format may be inferred from its extension)' }),
    'fail-on': Flags.string({ options: ['error', 'warning', 'info', 'none'], default: 'error', description: 'lowest severity that fails the run' }),
    'max-warnings': Flags.integer({ min: 0, description: 'fail when there are more warnings than this' }),
    quiet: Flags.boolean({ description: 'report errors only' }),
    color: Flags.boolean({ allowNo: true, description: 'color the output (default: when printing to a terminal; NO_COLOR and FORCE_COLOR are honored)' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Lint);
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : ['.'];
    const outputs = resolveOutputs(flags.format ?? [], flags.output);
    const result = await audit(paths);
    const shown = flags.quiet ? onlyErrors(result) : result;
    const color = flags.color ?? (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0'
      ? true
      : process.stdout.isTTY === true && process.env.NO_COLOR === undefined);
    for (const output of outputs) {
      const text = formatResult(output.format, shown, { color: output.path === undefined && color });
      if (output.path === undefined) process.stdout.write(text);
      else await writeFile(output.path, text);
    }
    const failures = gateFailures(result, { failOn: flags['fail-on'] as FailOn, maxWarnings: flags['max-warnings'] });
    if (failures.length > 0) process.exitCode = 1;
  }
}

function resolveOutputs(formats: string[], output: string | undefined): Array<{ format: OutputFormat; path?: string }> {
  const parsed = formats.map(parseFormatFlag);
  if (output !== undefined) {
    if (parsed.length > 1) throw new UsageError('-o/--output takes one format; use -f NAME=PATH for several');
    const format = parsed[0]?.format ?? outputFormatFor(output) ?? 'stylish';
    return [{ format, path: output }];
  }
  return parsed.length > 0 ? parsed : [{ format: 'stylish' }];
}

function onlyErrors(result: AuditResult): AuditResult {
  const files = result.files.map((file) => ({ ...file, findings: file.findings.filter((finding) => finding.severity === 'error') }));
  return { files, summary: { ...result.summary, warnings: 0, infos: 0 } };
}
