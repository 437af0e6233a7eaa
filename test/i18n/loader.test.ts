// The loader's catalog: what the loader writes in English is read back into its message, and said
// in Spanish in a Spanish report; anything else (an author's names) stays as written.
import { describe, expect, it } from 'vitest';
import { LOADER, loaderEnglish, loaderText, type LoaderKey } from '../../src/i18n/loader.js';

const kindOf = (key: string): 'unknown' | 'note' | 'label' | undefined =>
  key.startsWith('unknown.') ? 'unknown' : key.startsWith('note.') ? 'note' : key.startsWith('label.') || key.startsWith('connect.') ? 'label' : undefined;

describe('the loader catalog', () => {
  it('reads every English text back and says it in Spanish, quoted values as written', () => {
    for (const key of Object.keys(LOADER.messages.en) as LoaderKey[]) {
      const kind = kindOf(key);
      if (kind === undefined) continue;
      const names = [...LOADER.messages.en[key].matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      // Values no message of the catalog is: they come back as they are.
      const values = Object.fromEntries(names.map((name, index) => [name, `Value${index}`]));
      const english = loaderEnglish(key, values);
      expect(loaderText('es', english, kind, 'connect'), key).toBe(LOADER.message('es', key, values));
      expect(loaderText('en', english, kind, 'connect'), key).toBe(english);
    }
  });

  it('reads a counted fact, a note named at other places and a label within a label', () => {
    expect(loaderText('es', 'how long transfers ring (3 transfers)', 'unknown')).toBe('cuánto tiempo suenan las transferencias (3 transferencias)');
    expect(loaderText('es', 'the "callFailure" exit of queue `flex` (to `sorry`) has no place in format v1 and is left out; the same at 1 more place: queue `queue`', 'note'))
      .toBe('la salida "callFailure" de la cola `flex` (hacia `sorry`) no tiene lugar en el formato v1 y se omite; lo mismo en 1 lugar más: la cola `queue`');
    expect(loaderText('es', "end of call (the caller's choice)", 'label', 'twilio')).toBe('fin de la llamada (por decisión de quien llama)');
    expect(loaderText('es', 'queue Billing', 'label', 'connect')).toBe('cola Billing');
  });

  it('leaves the names authors write as they are', () => {
    // Only Connect labels steps by their kind: a Twilio widget named "queue Billing" is its author's.
    expect(loaderText('es', 'queue Billing', 'label', 'twilio')).toBe('queue Billing');
    // A flow of format v1 has no importer at all.
    expect(loaderText('es', 'agent answers', 'label', 'ivr-audit')).toBe('agent answers');
    expect(loaderText('es', 'Main Menu', 'label', 'genesys')).toBe('Main Menu');
    expect(loaderText('es', 'something the loader never wrote', 'unknown')).toBe('something the loader never wrote');
  });
});
