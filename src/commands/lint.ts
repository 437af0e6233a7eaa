import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { audit, type AuditOptions } from '../index.js';
import { gateFailures, type FailOn } from '../gate.js';
import { escapeJsonOutput, stderrLine, visible } from '../report/escape.js';
import { parseDocsBase } from '../report/docs-base.js';
import { formatResult, githubAnnotationsByDefault, outputFormatFor, parseFormatFlag, type OutputFormat } from '../report/index.js';
import type { AuditResult, FixType } from '../model/result.js';
import { UsageError } from '../files.js';
import type { RuleSetting } from '../engine.js';
import { refuseOutputsOverInputs, type PlannedOutput } from '../util/output-guard.js';
import { IvrAuditCommand } from '../cli/command.js';
import { integerFlag, langFlag } from '../cli/flags.js';
import { langOfEnv, message, resolveLang, type Lang } from '../i18n/index.js';
import { progressLine } from '../cli/progress.js';
import { STDIN_NAME, readText } from '../cli/stdin.js';
import { writeFileAtomic } from '../util/write-atomic.js';

export default class Lint extends IvrAuditCommand {
  static override description = 'Validate and analyze call flows: findings, effort score and fixes.';
  static override strict = false;
  static override args = {
    // oclif would otherwise read piped stdin as the path when none is given (`cat flow.yaml | lint`).
    paths: Args.string({ description: 'files, folders or globs (default: the current folder)', ignoreStdin: true }),
  };
  static override examples = [
    '<%= config.bin %> lint examples/acme-support.yaml',
    '<%= config.bin %> lint flows/ -f json -o report.json',
    '<%= config.bin %> lint "flows/**/*.yaml" --fail-on warning',
    'cat flows/main.yaml | <%= config.bin %> lint --stdin --stdin-filename flows/main.yaml -f compact',
  ];
  // Repeatable flags take one value each time (`-f json FILE`), as in ESLint: not the paths after them.
  static override flags = {
    format: Flags.string({ char: 'f', multiple: true, multipleNonGreedy: true, description: 'output format: stylish, json, sarif, junit, github, gitlab, compact, checkstyle, markdown, html; NAME=PATH writes it to a file (repeatable)' }),
    output: Flags.string({ char: 'o', description: 'write the output to this file (the format may be inferred from its extension)' }),
    'fail-on': Flags.string({ options: ['error', 'warning', 'info', 'none'], default: 'error', description: 'lowest severity that fails the run' }),
    'max-warnings': integerFlag({ min: 0, description: 'fail when there are more warnings than this' }),
    'min-score': integerFlag({ min: 0, max: 100, description: 'fail when a flow scores below this' }),
    quiet: Flags.boolean({ description: 'report errors only' }),
    config: Flags.string({ char: 'c', description: 'use this config file for every flow' }),
    'no-config': Flags.boolean({ description: 'ignore config files' }),
    'no-gitignore': Flags.boolean({ description: 'also lint what .gitignore files exclude when walking folders and globs' }),
    rule: Flags.string({ multiple: true, multipleNonGreedy: true, description: 'ID=SEVERITY (error, warning, info, off), or ID=[SEVERITY, {OPTION: VALUE}] with options; wins over config files (repeatable)' }),
    baseline: Flags.string({ description: 'report only findings that are not in this baseline file' }),
    'write-baseline': Flags.string({ description: 'record today\'s findings in this baseline file' }),
    fix: Flags.boolean({ description: 'write the fixes (a misspelt target, a ring limit, retries) into the flow files, then report what is left' }),
    'fix-dry-run': Flags.boolean({ description: 'print the unified diff of what --fix would write; change nothing' }),
    'fix-type': Flags.string({ multiple: true, multipleNonGreedy: true, description: 'kinds of fixes --fix applies: fix (default), suggestion (claims about the platform such as callback: true); repeatable or comma-separated' }),
    'no-fixes': Flags.boolean({ description: 'do not propose or score fixes (faster; for editors that lint on every save)' }),
    concurrency: integerFlag({ min: 1, description: 'audit files in up to N worker threads (default: the number of CPU cores; 1: no workers); the output is the same' }),
    'pass-on-no-flows': Flags.boolean({ description: 'exit 0 when the paths hold no flow file (an empty folder, a glob matching nothing) instead of 2; a path that does not exist still fails' }),
    'print-config': Flags.string({ description: 'print the configuration that applies to this file as JSON (every rule with its severity and options) and exit; lints nothing' }),
    'docs-base': Flags.string({ description: 'URL of the folder of rule pages that SARIF links each rule to (RULE.md is appended; default: the docs installed with ivr-audit)' }),
    stdin: Flags.boolean({ description: 'lint the flow read from stdin instead of files (name it with --stdin-filename)' }),
    'stdin-filename': Flags.string({ description: 'with --stdin: the path the flow is linted as (config lookup, format detection, the path in the output); nothing is written to it' }),
    lang: langFlag(),
    color: Flags.boolean({ allowNo: true, description: 'color the output (default: when printing to a terminal; NO_COLOR and FORCE_COLOR are honored)' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Lint);
    // Before any flow is read only --lang and the environment can say what language to speak.
    const envLang = langOfEnv(process.env);
    const runLang = resolveLang({ flag: flags.lang, env: envLang });
    if (flags['print-config'] !== undefined) {
      await printConfig(flags['print-config'], argv as string[], flags, runLang);
      return;
    }
    const stdinName = stdinProblems(flags, argv as string[], runLang);
    const docsBase = flags['docs-base'] === undefined ? undefined : parseDocsBase(flags['docs-base']);
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : ['.'];
    const outputs = resolveOutputs(flags.format ?? [], flags.output, runLang);
    // In GitHub Actions, annotations show findings on the pull request besides the usual output.
    if (githubAnnotationsByDefault(process.env, flags.format ?? [], flags.output)) outputs.push({ format: 'github' });
    if (flags.config !== undefined && flags['no-config']) throw new UsageError(message(runLang, 'usage.config-and-no-config'));
    const options = { configPath: flags.config, noConfig: flags['no-config'], gitignore: !flags['no-gitignore'], rules: await ruleFlags(flags.rule), allowNoFlows: flags['pass-on-no-flows'], fixes: !flags['no-fixes'], concurrency: flags.concurrency ?? availableParallelism(), lang: flags.lang, envLang,
      // Only HTML draws the flows: other runs need not copy every model out of the workers.
      models: outputs.some((output) => output.format === 'html') };
    if (flags['no-fixes'] && (flags.fix || flags['fix-dry-run'])) throw new UsageError(message(runLang, 'usage.flags-together', { first: '--no-fixes', second: flags.fix ? '--fix' : '--fix-dry-run' }));
    if (flags.fix && flags['fix-dry-run']) throw new UsageError(message(runLang, 'usage.flags-together', { first: '--fix', second: '--fix-dry-run' }));
    if (flags['fix-type'] !== undefined && !flags.fix && !flags['fix-dry-run']) throw new UsageError(message(runLang, 'usage.fix-type-needs-fix'));
    // Checked before the audit, so a mistyped flag costs no time.
    // Fixing and baselines load their modules (a diff library, YAML editing) only when asked for.
    const fixing = flags.fix || flags['fix-dry-run'] ? await import('../fix.js') : undefined;
    const fixTypes = fixing?.parseFixTypes(flags['fix-type'] ?? []);
    // The progress line is erased before anything else is written to stderr (fix notes come between two audits).
    const progress = progressLine(process.stderr, { env: process.env, quiet: flags.quiet });
    let stdinText: Promise<string> | undefined;
    const auditFlows = async (): Promise<AuditResult> => {
      try {
        const inputs = stdinName === undefined ? paths : [{ path: stdinName, text: await (stdinText ??= readText(process.stdin)) }];
        // With --fix, a big flow's fix budget goes first to the fixes it can write.
        return await audit(inputs, { ...options, ...(fixTypes ? { writableFirst: [...fixTypes] } : {}), onProgress: progress?.update });
      } finally {
        progress?.end();
      }
    };
    let audited = await auditFlows();
    // The flow read from stdin stands for the file it is named after: no output may replace that file either.
    const read = [...(audited.read ?? []), ...(flags.baseline === undefined ? [] : [flags.baseline]), ...(stdinName === undefined ? [] : [stdinName])];
    const planned = plannedOutputs(outputs, flags.output, flags['write-baseline']);
    const overStdinName = stdinName === undefined ? undefined : planned.find((output) => resolve(output.path) === resolve(stdinName));
    if (overStdinName) throw new UsageError(message(runLang, 'usage.output-over-stdin-name', { output: overStdinName.shownAs }));
    await refuseOutputsOverInputs(planned, read);
    if (fixing && fixTypes) {
      audited = await fixFiles(fixing, audited, { dryRun: flags['fix-dry-run'], types: fixTypes, options, reaudit: auditFlows });
    }
    for (const skipped of audited.skipped ?? []) process.stderr.write(stderrLine(message(audited.lang ?? 'en', 'stderr.skipped', { file: skipped.file, reason: skipped.reason })));
    // Said, not failed: the outputs (an empty SARIF for an upload step) are still written.
    if (audited.files.length === 0) process.stderr.write(stderrLine(message(audited.lang ?? 'en', 'stderr.no-flows', { paths: paths.join(', ') })));
    const baseline = flags.baseline !== undefined || flags['write-baseline'] !== undefined ? await import('../config/baseline.js') : undefined;
    const result = flags.baseline === undefined || !baseline ? audited : baseline.applyBaseline(audited, await baseline.readBaselineFile(flags.baseline), flags.baseline);
    const shown = flags.quiet ? onlyErrors(result) : result;
    const color = flags.color ?? (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0'
      ? true
      : process.stdout.isTTY === true && process.env.NO_COLOR === undefined);
    for (const output of outputs) {
      const text = await formatResult(output.format, shown, { color: output.path === undefined && color, docsBase });
      if (output.path === undefined) process.stdout.write(text);
      else await writeFileAtomic(output.path, text);
    }
    if (flags['write-baseline'] !== undefined && baseline) {
      // Recording the findings is the job of this run: they are accepted, so it does not fail on them.
      await writeFileAtomic(flags['write-baseline'], baseline.writeBaseline(audited));
      const count = audited.files.reduce((sum, file) => sum + file.findings.length, 0);
      process.stderr.write(stderrLine(message(audited.lang ?? 'en', 'stderr.wrote-baseline', { file: flags['write-baseline'], count })));
      return;
    }
    const failures = gateFailures(result, {
      failOn: flags['fail-on'] as FailOn,
      maxWarnings: flags['max-warnings'],
      minScore: flags['min-score'],
    });
    // Findings at --fail-on level are on screen; the other gates say why the run failed.
    for (const { gate, reason } of failures) if (gate !== 'fail-on') process.stderr.write(stderrLine(reason));
    if (failures.length > 0) process.exitCode = 1;
  }
}

/** `--print-config FILE`: the configuration as `lint FILE` would apply it, flags included. */
async function printConfig(
  file: string,
  paths: readonly string[],
  flags: { config?: string; 'no-config': boolean; rule?: string[]; stdin: boolean },
  lang: Lang,
): Promise<void> {
  if (paths.length > 0) throw new UsageError(message(lang, 'usage.print-config-paths', { paths: paths.join(', ') }));
  if (flags.stdin) throw new UsageError(message(lang, 'usage.print-config-stdin'));
  if (flags.config !== undefined && flags['no-config']) throw new UsageError(message(lang, 'usage.config-and-no-config'));
  const { printableConfig } = await import('../config/print.js');
  const printed = await printableConfig(file, { cwd: process.cwd(), configPath: flags.config, noConfig: flags['no-config'], cliRules: await ruleFlags(flags.rule) });
  process.stdout.write(`${escapeJsonOutput(JSON.stringify(printed, null, 2))}\n`);
}

/**
 * The name of the flow `--stdin` reads, or undefined without `--stdin`. Fixes are refused: they
 * would have to be written to the named file, which `--stdin` promises never to touch.
 */
function stdinProblems(flags: { stdin: boolean; 'stdin-filename'?: string; fix: boolean; 'fix-dry-run': boolean }, paths: readonly string[], lang: Lang): string | undefined {
  if (!flags.stdin) {
    if (flags['stdin-filename'] !== undefined) throw new UsageError(message(lang, 'usage.stdin-filename-needs-stdin'));
    return undefined;
  }
  if (paths.length > 0) throw new UsageError(message(lang, 'usage.stdin-no-paths', { paths: paths.join(', ') }));
  if (flags.fix || flags['fix-dry-run']) throw new UsageError(message(lang, 'usage.fix-with-stdin', { flag: flags.fix ? '--fix' : '--fix-dry-run' }));
  if (flags['stdin-filename'] === '') throw new UsageError(message(lang, 'usage.stdin-filename-empty'));
  return flags['stdin-filename'] ?? STDIN_NAME;
}

function resolveOutputs(formats: string[], output: string | undefined, lang: Lang): Array<{ format: OutputFormat; path?: string }> {
  const parsed = formats.map(parseFormatFlag);
  if (output !== undefined) {
    if (parsed.length > 1) throw new UsageError(message(lang, 'usage.output-one-format'));
    const format = parsed[0]?.format ?? outputFormatFor(output) ?? 'stylish';
    return [{ format, path: output }];
  }
  return parsed.length > 0 ? parsed : [{ format: 'stylish' }];
}

function plannedOutputs(outputs: ReadonlyArray<{ format: OutputFormat; path?: string }>, output: string | undefined, baseline: string | undefined): PlannedOutput[] {
  const planned: PlannedOutput[] = [];
  for (const { format, path } of outputs) if (path !== undefined) planned.push({ path, shownAs: path === output ? `-o ${path}` : `-f ${format}=${path}` });
  if (baseline !== undefined) planned.push({ path: baseline, shownAs: `--write-baseline ${baseline}` });
  return planned;
}

/**
 * `--fix` / `--fix-dry-run`: writes the fixes (or prints their diff), says on stderr what was
 * fixed, refused or shared, and returns what the files say now, with the refusals' findings.
 */
async function fixFiles(
  { fixDiff, planFixes, withRefusals, writeFixes }: typeof import('../fix.js'),
  audited: AuditResult,
  run: { dryRun: boolean; types: ReadonlySet<FixType>; options: AuditOptions; reaudit: () => Promise<AuditResult> },
): Promise<AuditResult> {
  const plan = await planFixes(audited, { cwd: process.cwd(), types: run.types, audit: run.options });
  for (const { reason } of plan.refusals) process.stderr.write(stderrLine(reason));
  for (const { file, notes } of plan.changes) for (const note of notes) process.stderr.write(stderrLine(`${file}: ${note}`));
  let current = audited;
  if (run.dryRun) process.stdout.write(visibleDiff(fixDiff(plan)));
  else {
    await writeFixes(plan);
    for (const { file, edits } of plan.changes) process.stderr.write(stderrLine(message(audited.lang ?? 'en', 'stderr.fixed', { file, edits })));
    // What is left is what the files say now.
    if (plan.changes.length > 0) current = await run.reaudit();
  }
  return withRefusals(current, plan.refusals);
}

/** A diff quotes the flow: its control characters are shown as escapes (tabs stay, as in the file). */
function visibleDiff(diff: string): string {
  return diff.split('\n').map((line) => line.split('\t').map((part) => visible(part)).join('\t')).join('\n');
}

function onlyErrors(result: AuditResult): AuditResult {
  const files = result.files.map((file) => ({ ...file, findings: file.findings.filter((finding) => finding.severity === 'error') }));
  return { ...result, files, summary: { ...result.summary, warnings: 0, infos: 0 } };
}

/** The `--rule` flags as settings; their checker shares the config validator's module, loaded only when a flag is given. */
async function ruleFlags(values: readonly string[] | undefined): Promise<Record<string, RuleSetting>> {
  if (values === undefined || values.length === 0) return {};
  const { parseRuleFlags } = await import('../config/validate.js');
  return parseRuleFlags(values);
}
