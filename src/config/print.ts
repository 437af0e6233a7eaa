// `lint --print-config FILE`: what applies to one flow file, every rule with its severity and all
// of its options (presets, the config's rules, matching overrides and `--rule` already applied).
import { relative, resolve, sep } from 'node:path';
import type { SeverityOrOff } from '../model/finding.js';
import type { FlowSettings } from '../model/flow.js';
import { ruleMetas } from '../rules/index.js';
import type { OptionValue } from '../rules/types.js';
import { configResolver, type ConfigOptions } from './for-file.js';
import type { ScoringConfig } from './types.js';

export interface PrintedRule {
  severity: SeverityOrOff;
  options: Record<string, OptionValue>;
}

export interface PrintedConfig {
  file: string;
  /** The config file that applies, relative to the working folder when inside it; null when none does. */
  config: string | null;
  /** Whether the config's `ignore` leaves the file out of folder and glob runs. */
  ignored: boolean;
  rules: Record<string, PrintedRule>;
  settings: Partial<FlowSettings>;
  scoring: ScoringConfig;
  /** The folder subflows must stay in (`confineSubflows`), when set. */
  subflowRoot?: string;
}

function shown(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside === '' || inside.startsWith('..') || resolve(cwd, inside) !== resolve(path) ? path : inside.split(sep).join('/');
}

export async function printableConfig(file: string, options: ConfigOptions): Promise<PrintedConfig> {
  const resolved = await configResolver(options)(file);
  const rules: Record<string, PrintedRule> = {};
  for (const meta of ruleMetas()) {
    const setting = Object.hasOwn(resolved.rules, meta.id) ? resolved.rules[meta.id] : undefined;
    const [severity, options] = Array.isArray(setting) ? setting : [setting ?? meta.severity, undefined];
    const defaults = Object.fromEntries(meta.options.map((option) => [option.name, option.default]));
    // A rule that is always on keeps its own severity whatever a config says.
    rules[meta.id] = { severity: meta.alwaysOn ? meta.severity : severity, options: { ...defaults, ...options } };
  }
  return {
    file,
    config: resolved.source === undefined ? null : shown(resolved.source, options.cwd),
    ignored: resolved.ignored,
    rules,
    settings: resolved.settings,
    scoring: resolved.scoring,
    ...(resolved.subflowRoot === undefined ? {} : { subflowRoot: shown(resolved.subflowRoot, options.cwd) }),
  };
}
