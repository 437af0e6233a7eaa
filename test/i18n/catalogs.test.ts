// Every catalog has every message in both languages, with the same ICU arguments; and the
// language a run speaks follows --lang > config lang > settings.language > LC_ALL > LC_MESSAGES > LANG.
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogs, langOfEnv, message, parseLang, resolveLang } from '../../src/i18n/index.js';
// Registers the report's catalog, so the checks below run on it too.
import '../../src/i18n/report.js';

/** The names of the arguments a message uses, wherever they are (inside plurals and selects too). */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

/** Messages whose only word is the same in both languages (a unit). */
const SAME_IN_BOTH = new Set(['queue-occupancy.erlangs']);

describe('message catalogs', () => {
  it('include the core catalog and the report\'s', () => {
    expect(catalogs().map((catalog) => catalog.name)).toEqual(expect.arrayContaining(['core', 'report']));
  });

  for (const catalog of catalogs()) {
    describe(catalog.name, () => {
      const en = catalog.messages.en;
      const es = catalog.messages.es;
      it('has the same keys in English and Spanish', () => {
        expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
      });
      it.each(Object.keys(en))('%s has the same arguments in both languages', (key) => {
        const english = argumentsOf(parse(en[key]!, { ignoreTag: true }));
        const spanish = argumentsOf(parse(es[key]!, { ignoreTag: true }));
        expect([...spanish].sort()).toEqual([...english].sort());
      });
      it.each(Object.keys(en).filter((key) => !SAME_IN_BOTH.has(key)))('%s is written in Spanish, not copied from English', (key) => {
        // A message of placeholders and punctuation only may be the same in both.
        const words = en[key]!.replace(/\{[^{}]*\}/g, '').replace(/`[^`]*`/g, '').match(/\p{L}{3,}/gu) ?? [];
        if (words.length > 0) expect(es[key]).not.toBe(en[key]);
      });
    });
  }
});

describe('resolveLang', () => {
  it('puts --lang over the config, the config over the flow, the flow over the environment', () => {
    expect(resolveLang({ flag: 'en', config: 'es', flow: 'es', env: 'es' })).toBe('en');
    expect(resolveLang({ config: 'es', flow: 'en', env: 'en' })).toBe('es');
    expect(resolveLang({ config: 'en', flow: 'es' })).toBe('en');
    expect(resolveLang({ flow: 'es', env: 'en' })).toBe('es');
    expect(resolveLang({ env: 'es' })).toBe('es');
    expect(resolveLang({})).toBe('en');
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, the first one set deciding', () => {
    expect(langOfEnv({ LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(langOfEnv({ LC_MESSAGES: 'es_MX', LANG: 'en_US.UTF-8' })).toBe('es');
    expect(langOfEnv({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'es_MX', LANG: 'es_ES' })).toBe('en');
    expect(langOfEnv({ LC_ALL: 'C', LANG: 'es_ES' })).toBeUndefined();
    expect(langOfEnv({ LC_ALL: '', LANG: 'es_ES' })).toBe('es');
    expect(langOfEnv({})).toBeUndefined();
  });

  it('understands locale spellings', () => {
    expect(parseLang('es')).toBe('es');
    expect(parseLang('es-AR')).toBe('es');
    expect(parseLang('ES_es.utf8@euro')).toBe('es');
    expect(parseLang('fr_FR')).toBeUndefined();
    expect(parseLang('POSIX')).toBeUndefined();
  });
});

describe('message', () => {
  it('renders plurals in Spanish and keeps English as it was', () => {
    expect(message('es', 'ring-limit.answer-rings', { rings: 1, seconds: 6, max: 1 })).toBe('la línea suena 1 vez (unos 6 s) antes de que conteste el sistema; el límite es de 1 timbre');
    expect(message('en', 'ring-limit.answer-rings', { rings: 1234, seconds: 7404, max: 5 })).toBe('the line rings 1234 times (about 7404 s) before the system answers; the limit is 5 rings');
  });

  it('renders messages given as values in the same language', () => {
    expect(message('es', 'silent-hold.silence', { node: { id: 'node.name', values: { type: 'queue', id: 'hold' } } })).toBe('la cola `hold` deja en espera en silencio: sin `music` ni `announcements`');
  });
});

describe('compiling messages', () => {
  it('leaves IntlMessageFormat its own locale resolution for other users of the library', async () => {
    const { IntlMessageFormat } = await import('intl-messageformat');
    const own = IntlMessageFormat.resolveLocale;
    expect(message('en', 'list.and', { first: 'a', rest: 'b' })).toBe('a and b');
    expect(message('es', 'list.and', { first: 'a', rest: 'b' })).toBe('a y b');
    expect(IntlMessageFormat.resolveLocale).toBe(own);
  });
});
