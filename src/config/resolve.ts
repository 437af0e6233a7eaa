// What applies to one flow file: the preset, then the config's `rules`, then each matching
// override in order, then `--rule` from the command line.
import { dirname, relative, resolve, sep } from 'node:path';
import type { RuleSetting } from '../engine.js';
import type { SeverityOrOff } from '../model/finding.js';
import type { FlowSettings } from '../model/flow.js';
import type { OptionValue } from '../rules/types.js';
import { matchesGlobs } from './glob.js';
import { preset } from './presets.js';
import type { ConfigFile, ResolvedConfig } from './types.js';

export interface CliRules {
  rules?: Record<string, RuleSetting>;
}

/**
 * `file` is relative to the config's folder (see `pathFromConfig`); `source` is the config's path,
 * echoed in the result. Without a config (none found, or `--no-config`), the recommended preset
 * and the command line apply.
 */
export function resolveConfig(config: ConfigFile | undefined, file: string, cli: CliRules = {}, source?: string): ResolvedConfig {
  let rules: Record<string, RuleSetting> = preset(config?.extends ?? 'recommended');
  let settings: Partial<FlowSettings> = { ...config?.settings };
  rules = applyRules(rules, config?.rules);
  for (const override of config?.overrides ?? []) {
    if (!matchesGlobs(override.files, file)) continue;
    rules = applyRules(rules, override.rules);
    settings = { ...settings, ...override.settings };
  }
  rules = applyRules(rules, cli.rules);
  const resolved: ResolvedConfig = {
    rules,
    settings,
    ignore: [...(config?.ignore ?? [])],
    scoring: copyScoring(config?.scoring),
  };
  if (source !== undefined) resolved.source = source;
  if (config?.lang !== undefined) resolved.lang = config.lang;
  if (config?.confineSubflows === true && source !== undefined) resolved.subflowRoot = dirname(source);
  return resolved;
}

/**
 * Layers settings over earlier ones. As in ESLint, a severity alone keeps the options set before
 * (so `strict` + `identity-questions: warning` keeps strict's limit); options given are merged
 * by name over the earlier ones, so changing one limit keeps the rule's other options.
 */
export function applyRules(
  base: Readonly<Record<string, RuleSetting>>,
  layer: Readonly<Record<string, RuleSetting>> | undefined,
): Record<string, RuleSetting> {
  const result: Record<string, RuleSetting> = { ...base };
  if (!layer) return result;
  for (const [id, setting] of Object.entries(layer)) {
    if (setting === undefined) continue;
    const [, earlierOptions] = split(Object.hasOwn(base, id) ? base[id] : undefined);
    const [severity, options] = split(setting);
    result[id] = [severity!, { ...earlierOptions, ...options }];
  }
  return result;
}

/** A copy, so that callers can adjust the result without touching the cached config. */
function copyScoring(scoring: ConfigFile['scoring']): ResolvedConfig['scoring'] {
  const copy: ResolvedConfig['scoring'] = { ...scoring };
  if (scoring?.weights) copy.weights = { ...scoring.weights };
  return copy;
}

function split(setting: RuleSetting | undefined): [SeverityOrOff | undefined, Record<string, OptionValue> | undefined] {
  if (setting === undefined) return [undefined, undefined];
  if (typeof setting === 'string') return [setting, undefined];
  return [setting[0], setting[1]];
}

/** Whether the config's `ignore` covers `file` (relative to the config's folder). */
export function isIgnored(config: ConfigFile | undefined, file: string): boolean {
  const patterns = config?.ignore;
  return patterns !== undefined && patterns.length > 0 && matchesGlobs(patterns, file);
}

/**
 * `file` (absolute, or relative to `cwd`) as a path relative to the folder of the config at
 * `configPath`, with forward slashes: the form `resolveConfig` and `isIgnored` expect.
 */
export function pathFromConfig(configPath: string, file: string, cwd = process.cwd()): string {
  const folder = dirname(resolve(cwd, configPath));
  return relative(folder, resolve(cwd, file)).split(sep).join('/');
}
