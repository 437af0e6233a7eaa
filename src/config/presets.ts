// The presets a config `extends`. Both are computed from the rule registry, so a rule added
// tomorrow is in them without anyone editing this file.
import type { SeverityOrOff } from '../model/finding.js';
import { ruleMetas } from '../rules/index.js';
import type { OptionValue, RuleMeta, RuleOption } from '../rules/types.js';
import type { PresetName } from './types.js';

/** A preset's entry for one rule: always a severity and every option. */
export type PresetSetting = [SeverityOrOff, Record<string, OptionValue>];

export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict'];

/** How much of a limit in seconds, or of a fractional limit, strict keeps. */
export const STRICT_FACTOR = 0.75;

/**
 * Strict values that the generic function below does not give. Only options whose standard is
 * stricter than "one less": callers expect a phone to be answered within three rings.
 */
const STRICT_EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, OptionValue>>>> = {
  'ring-limit': { max: 3 },
};

export function preset(name: PresetName): Record<string, PresetSetting> {
  const metas = ruleMetas();
  return Object.fromEntries(metas.map((meta) => [meta.id, name === 'strict' ? strictSetting(meta) : recommendedSetting(meta)]));
}

/** Every rule at its default severity and options. */
export function recommendedSetting(meta: RuleMeta): PresetSetting {
  return [meta.severity, Object.fromEntries(meta.options.map((option) => [option.name, option.default]))];
}

/** Warnings become errors (info stays info: it is advice, not a defect); limits are lowered. */
export function strictSetting(meta: RuleMeta): PresetSetting {
  const severity: SeverityOrOff = meta.severity === 'warning' ? 'error' : meta.severity;
  const options = Object.fromEntries(meta.options.map((option) => [option.name, strictOptionValue(meta.id, option)]));
  return [severity, options];
}

/**
 * The strict value of one option:
 * - `max` of type integer (a count: questions, transfers, menus, options, retries): one less
 *   than the default;
 * - `max` of type number (a ratio such as occupancy): the default × 0.75, to two decimals;
 * - `maxSeconds`, `minSeconds` (a time): the default × 0.75, rounded down to a multiple of
 *   5 seconds (to whole seconds below 5);
 * - anything else (lists of phrases...): the default.
 * Never below the option's `minimum` (or 0), never above the default; `STRICT_EXCEPTIONS` wins.
 */
export function strictOptionValue(ruleId: string, option: RuleOption): OptionValue {
  const exception = STRICT_EXCEPTIONS[ruleId]?.[option.name];
  if (exception !== undefined) return exception;
  const value = option.default;
  if (typeof value !== 'number') return value;
  let strict: number;
  if (option.name === 'max') {
    strict = option.type === 'integer' ? value - 1 : Math.round(value * STRICT_FACTOR * 100) / 100;
  } else if (option.name === 'maxSeconds' || option.name === 'minSeconds') {
    const scaled = value * STRICT_FACTOR;
    strict = scaled >= 5 ? Math.floor(scaled / 5) * 5 : Math.floor(scaled);
  } else {
    return value;
  }
  return Math.min(value, Math.max(option.minimum ?? 0, strict));
}
