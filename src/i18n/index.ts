// Languages of the output: which one a run speaks, and message catalogs in ICU MessageFormat.
//
// Usage
//
//   import { defineCatalog, resolveLang, type Lang } from '../i18n/index.js';
//
//   // A catalog of one's own (one per module that has words to show): both languages, same keys,
//   // same ICU arguments (test/i18n/catalogs.test.ts checks every registered catalog).
//   const words = defineCatalog('report', {
//     en: { 'report.title': 'Effort report for {file}', 'report.rings': '{count, plural, one {{count} ring} other {{count} rings}}' },
//     es: { 'report.title': 'Informe de esfuerzo de {file}', 'report.rings': '{count, plural, one {{count} timbre} other {{count} timbres}}' },
//   });
//   words.message(lang, 'report.title', { file: 'main.yaml' });
//
//   // The run's language: --lang, then the config's `lang`, then the flow's settings.language,
//   // then LC_ALL, LC_MESSAGES, LANG; English when none says.
//   const lang: Lang = resolveLang({ flag, config, flow, env: langOfEnv(process.env) });
//
//   // Rule messages, fix titles and summaries use the core catalog (src/i18n/en.ts, es.ts):
//   message(lang, 'ring-limit.answer-rings', { rings: 7, seconds: 42, max: 5 });
//   // or, as data a rule reports and the engine renders later: msg('ring-limit.answer-rings', {...}).
//
// Write `{n}` (not `#`) for numbers inside plurals: `#` groups digits by locale, and English output
// must stay as it was. Values may be other messages (`Msg`), rendered in the same language.
import { IntlMessageFormat } from 'intl-messageformat';
import { EN } from './en.js';
import { ES } from './es.js';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];

/** A message not rendered yet: its catalog key and its values (which may be messages too). */
export interface Msg {
  readonly id: string;
  readonly values?: Readonly<Record<string, MsgValue>>;
}
/** Items joined in the run's language: "a and b", "a or b", "a; b", "a → b" (plain arrays join with ", "). */
export interface MsgList {
  readonly items: readonly MsgValue[];
  readonly join: 'and' | 'or' | 'nor' | 'semicolon' | 'arrow';
}
export type MsgValue = string | number | Msg | MsgList | readonly MsgValue[];

export type CoreKey = keyof typeof EN;

/** `es`, `es_ES.UTF-8`, `es-MX`, `ES` → 'es'; anything else (C, POSIX, fr_FR) → undefined. */
export function parseLang(text: string | undefined): Lang | undefined {
  const code = text?.trim().toLowerCase().split(/[-_.@]/)[0];
  return LANGS.find((lang) => lang === code);
}

/** The language the environment asks for, POSIX order: LC_ALL, then LC_MESSAGES, then LANG. */
export function langOfEnv(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  // The first variable that is set decides, even when it names a language we do not have (POSIX).
  const first = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return parseLang(first);
}

export interface LangSources {
  /** `--lang` */
  flag?: Lang;
  /** The config's `lang`. */
  config?: Lang;
  /** The flow's `settings.language`, when the flow (or its config's settings) gives one. */
  flow?: Lang;
  /** What the environment asks for: `langOfEnv(process.env)`. */
  env?: Lang;
}

export function resolveLang(sources: LangSources): Lang {
  return sources.flag ?? sources.config ?? sources.flow ?? sources.env ?? 'en';
}

/** Items to join with "and" / "or" / "nor" (Spanish "ni"), "; " or " → " when rendered. */
export function list(join: MsgList['join'], items: readonly MsgValue[]): MsgList {
  return { items, join };
}

function isList(value: unknown): value is MsgList {
  return typeof value === 'object' && value !== null && Array.isArray((value as MsgList).items);
}

export function isMsg(value: unknown): value is Msg {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Msg).id === 'string';
}

export type Messages<K extends string> = Readonly<Record<K, string>>;

export interface Catalog<K extends string> {
  readonly name: string;
  readonly messages: Readonly<Record<Lang, Messages<K>>>;
  has(key: string): key is K;
  message(lang: Lang, key: K, values?: Readonly<Record<string, MsgValue>>): string;
}

const registered: Array<Catalog<string>> = [];

/**
 * A message compiled for `locale` (a canonical tag). IntlMessageFormat resolves the locale with
 * `Intl.NumberFormat.supportedLocalesOf`, whose first call loads ICU's number data (some 10 ms of
 * every run's start-up) and whose answer it does not need: for one canonical tag, supported or
 * not, it makes `new Intl.Locale(tag)`. That is done directly while our messages compile; the
 * library's own resolution is put back at once for anyone else using it.
 */
function compile(text: string, locale: 'en-US' | 'es'): IntlMessageFormat {
  const resolveLocale = IntlMessageFormat.resolveLocale;
  IntlMessageFormat.resolveLocale = () => new Intl.Locale(locale);
  try {
    return new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
  } finally {
    IntlMessageFormat.resolveLocale = resolveLocale;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}\u0000${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(lang === 'es' ? 'es' : 'en-US', options)));
  return format;
}

/** A figure as the language writes it: 16.79 in English, 16,79 in Spanish; `digits` fixes how many decimals show. */
export function formatDecimal(lang: Lang, value: number, digits?: number): string {
  return numberFormat(lang, digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share of callers as a percentage to one decimal: 48.6% in English, 48,6 % in Spanish. */
export function formatShare(lang: Lang, share: number): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Every catalog defined so far (the core one first), for the tests that compare languages. */
export function catalogs(): ReadonlyArray<Catalog<string>> {
  return registered;
}

/**
 * A catalog: the same keys in every language (the Spanish record must have every English key).
 * Messages compile once per language, on first use.
 */
export function defineCatalog<K extends string>(name: string, messages: { en: Messages<K>; es: Messages<NoInfer<K>> }): Catalog<K> {
  const compiled = new Map<string, IntlMessageFormat>();
  const catalog: Catalog<K> = {
    name,
    messages,
    has: (key: string): key is K => Object.hasOwn(messages.en, key),
    message(lang, key, values = {}) {
      const cacheKey = `${lang}\u0000${key}`;
      let format = compiled.get(cacheKey);
      if (!format) {
        const text = messages[lang][key];
        if (text === undefined) throw new Error(`no message ${key} in catalog ${name}`);
        format = compile(text, lang === 'es' ? 'es' : 'en-US');
        compiled.set(cacheKey, format);
      }
      const rendered = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, plainValue(lang, value)]));
      const out = format.format(rendered);
      return Array.isArray(out) ? out.join('') : String(out);
    },
  };
  registered.push(catalog as unknown as Catalog<string>);
  return catalog;
}

const core = defineCatalog<CoreKey>('core', { en: EN, es: ES });

/** A message of the core catalog (rule messages, node words, fix titles, summaries). */
export function message(lang: Lang, key: CoreKey, values?: Readonly<Record<string, MsgValue>>): string {
  return core.message(lang, key, values);
}

/** Builds a message to render later, in whatever language the run speaks. */
export function msg(id: CoreKey, values?: Readonly<Record<string, MsgValue>>): Msg {
  return values === undefined ? { id } : { id, values };
}

/** Renders a message, or passes text through (a message written before the catalog, or a loader's). */
export function render(lang: Lang, text: string | Msg): string {
  if (typeof text === 'string') return text;
  if (!core.has(text.id)) throw new Error(`no message ${text.id} in the core catalog`);
  return core.message(lang, text.id, text.values);
}

/** Nested messages become text; lists are joined with ", " (each item rendered). */
function plainValue(lang: Lang, value: MsgValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isMsg(value)) return render(lang, value);
  if (isList(value)) return joined(lang, value);
  return (value as readonly MsgValue[]).map((item) => plainValue(lang, item)).join(', ');
}

function joined(lang: Lang, value: MsgList): string {
  const items = value.items.map((item) => String(plainValue(lang, item)));
  if (value.join === 'semicolon') return items.join('; ');
  if (value.join === 'arrow') return items.join(' → ');
  const key = value.join === 'and' ? 'list.and' : value.join === 'or' ? 'list.or' : 'list.nor';
  return items.reduce((first, rest) => core.message(lang, key, { first, rest }));
}
