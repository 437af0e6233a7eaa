// The shapes of a config file (as written, after validation) and of the configuration that
// applies to one flow file (after presets, overrides and the command line).
import type { RuleSetting } from '../engine.js';
import type { Lang } from '../i18n/index.js';
import type { FlowSettings } from '../model/flow.js';

export type PresetName = 'recommended' | 'strict';

export interface ConfigOverride {
  /** Globs relative to the config's folder; `!pattern` excludes what an earlier pattern matched. */
  files: string[];
  rules?: Record<string, RuleSetting>;
  settings?: Partial<FlowSettings>;
}

export interface ScoringConfig {
  /** Fail when a flow scores below this (0-100). */
  minScore?: number;
  /** Effort weights of the score model by name (see docs/scoring.md), each replacing its default. */
  weights?: Record<string, number>;
}

/** `.ivr-audit.yaml`, `.ivr-audit.yml` or `package.json#ivr-audit`, as validated by `validateConfig`. */
export interface ConfigFile {
  extends?: PresetName;
  settings?: Partial<FlowSettings>;
  rules?: Record<string, RuleSetting>;
  overrides?: ConfigOverride[];
  /** Globs relative to the config's folder; `!pattern` brings back what an earlier pattern ignored. */
  ignore?: string[];
  /** Language of the output; see docs/cli.md#languages. */
  lang?: Lang;
  /** Subflow files must resolve (realpath) inside the config's folder; see docs/security.md. */
  confineSubflows?: boolean;
  scoring?: ScoringConfig;
}

/** What applies to one flow file. */
export interface ResolvedConfig {
  /** Every rule of the registry as `[severity, options]`, plus ids the caller passed that the registry does not know. */
  rules: Record<string, RuleSetting>;
  /** Settings from the config; a flow's own `settings` should win over these. */
  settings: Partial<FlowSettings>;
  ignore: string[];
  /** The folder subflow files must stay in, when the config confines them. */
  subflowRoot?: string;
  scoring: ScoringConfig;
  /** The config's `lang`, when it gives one. */
  lang?: Lang;
  /** Path of the config file, when there is one. */
  source?: string;
}
