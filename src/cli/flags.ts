// Flags whose parse errors say what a good value is; oclif's say only "Parsing --flag".
import * as Flags from '@oclif/core/flags';
import { LANGS, parseLang, type Lang } from '../i18n/index.js';

export interface IntegerRange {
  min: number;
  max?: number;
}

/** The reason a value is refused, or undefined when it is a whole number in range. */
export function integerProblem(input: string, range: IntegerRange): string | undefined {
  const wanted = range.max === undefined ? `an integer of ${range.min} or more` : `an integer from ${range.min} to ${range.max}`;
  const value = /^[+-]?\d+$/.test(input.trim()) ? Number(input) : Number.NaN;
  const fits = Number.isSafeInteger(value) && value >= range.min && (range.max === undefined || value <= range.max);
  return fits ? undefined : `must be ${wanted}, not "${input}"`;
}

export function integerFlag(options: IntegerRange & { description: string }) {
  return Flags.custom<number>({
    description: options.description,
    parse: async (input) => {
      const problem = integerProblem(input, options);
      if (problem !== undefined) throw new Error(problem);
      return Number(input);
    },
  })();
}

/** `--lang en|es`: the language of messages (see docs/cli.md#languages); `what` names what it sets. */
export function langFlag(what = 'messages, fixes and summaries') {
  return Flags.custom<Lang>({
    description: `language of ${what}: en or es (default: the config's lang, the flow's settings.language, then LC_ALL/LC_MESSAGES/LANG)`,
    parse: async (input) => {
      const lang = parseLang(input);
      if (lang === undefined || lang !== input.trim().toLowerCase()) throw new Error(`must be one of ${LANGS.join(', ')}, not "${input}"`);
      return lang;
    },
  })();
}
