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
      // Other values are no message of the catalog: they come back as they are.
      // Node types and nouns are the loader's own words; counts are digits.
      const sample = (name: string, index: number): string =>
        name === 'count' ? '2' : name === 'noun' ? 'queues' : name === 'type' && (key.startsWith('connect.') || key === 'note.exit-left-out' || key === 'place.node') ? (key.startsWith('connect.') ? 'play' : 'queue') : `Value${index}`;
      const values = Object.fromEntries(names.map((name, index) => [name, sample(name, index)]));
      const english = loaderEnglish(key, values);
      // The loader's own words come back in Spanish too.
      const spanishWord = (name: string, value: string): string =>
        name === 'noun' ? 'colas' : value === 'play' ? 'anuncio' : value === 'queue' ? (key === 'note.exit-left-out' ? 'de la cola' : 'la cola') : value;
      const inSpanish = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, spanishWord(name, value)]));
      expect(loaderText('es', english, kind, 'connect'), key).toBe(LOADER.message('es', key, inSpanish));
      expect(loaderText('en', english, kind, 'connect'), key).toBe(english);
    }
  });

  it('reads a counted fact, a note named at other places and a label within a label', () => {
    expect(loaderText('es', 'how long transfers ring (3 transfers)', 'unknown')).toBe('cuánto tiempo suenan las transferencias (3 transferencias)');
    expect(loaderText('es', 'the "callFailure" exit of queue `flex` (to `sorry`) has no place in format v1 and is left out; the same at 1 more place: queue `queue`', 'note'))
      .toBe('la salida "callFailure" de la cola `flex` (hacia `sorry`) no tiene lugar en el formato v1 y se omite; lo mismo en 1 lugar más: la cola `queue`');
    expect(loaderText('es', "end of call (the caller's choice)", 'label', 'twilio')).toBe('fin de la llamada (por decisión de quien llama)');
    expect(loaderText('es', 'queue Billing', 'label', 'connect')).toBe('cola Billing');
    // A fact whose own words end in parentheses, counted: the count is digits.
    expect(loaderText('es', 'what the customer input is (Connect stores it unnamed) (3 inputs)', 'unknown')).toBe('qué ingresa quien llama (Connect lo guarda sin nombre) (3 entradas)');
  });

  it('reads a text in which the audit put a Connect step\'s label in place of its id', () => {
    expect(loaderText('es', 'the "transfer failed" exit of flow RulesEngineMain (to flow RulesEngineError) has no place in format v1 and is left out', 'note', 'connect'))
      .toBe('la salida "transfer failed" de flujo RulesEngineMain (hacia flujo RulesEngineError) no tiene lugar en el formato v1 y se omite');
    expect(loaderText('es', 'whether the call ends with a callback promised after play (recording Whisper)', 'unknown', 'connect'))
      .toBe('si la llamada termina con la devolución de llamada prometida después de `anuncio (grabación Whisper)`');
    expect(loaderText('es', 'Lex bot OrderBot is a speech-only menu (intents "Sales"): offer a keypad fallback ("or press 1 for Sales") for callers who cannot be understood', 'note', 'connect'))
      .toBe('el menú bot de Lex OrderBot solo entiende la voz (intenciones "Sales"): ofrezca también el teclado ("o pulse 1 para Sales") a quienes no se les entiende');
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
