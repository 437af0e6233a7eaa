// Configuration: config files, presets, inline directives and baselines.
export { ConfigError } from './errors.js';
export type { ConfigFile, ConfigOverride, PresetName, ResolvedConfig, ScoringConfig } from './types.js';
export { KNOWN_KEYS, SEVERITIES, parseConfigText, parseRuleFlags, ruleSettingProblem, validateConfig } from './validate.js';
export { PRESET_NAMES, STRICT_FACTOR, preset, recommendedSetting, strictOptionValue, strictSetting, type PresetSetting } from './presets.js';
export { CONFIG_FILE_NAMES, PACKAGE_KEY, clearConfigCache, findConfig, loadConfigFile, type FoundConfig } from './discover.js';
export { applyRules, isIgnored, pathFromConfig, resolveConfig, type CliRules } from './resolve.js';
export { matchesGlobs } from './glob.js';
export { UNUSED_DISABLE, applyDirectives, directiveFingerprint, parseComment, parseDirectives, type Directive, type DirectiveOptions } from './directives.js';
export { BASELINE_VERSION, applyBaseline, readBaseline, writeBaseline, type Baseline, type BaselineEntry } from './baseline.js';
