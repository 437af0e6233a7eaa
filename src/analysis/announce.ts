// Whether a menu tells callers which key reaches a person: the words of its prompt, read the way
// a caller hears them. Pure text functions; the rule decides what to do with the answer.

/** Words that name a person, English and Spanish (matched without case or accents, plurals too). */
const PERSON_WORD = /^(persons?|people|someone|somebody|humans?|agents?|representatives?|operators?|attendants?|associates?|specialists?|advis[eo]rs?|receptionists?|staff|personas?|alguien|humanos?|asesor(es|a|as)?|agentes?|operador(es|a|as)?|ejecutiv[oa]s?|especialistas?|recepcionistas?)$/;

/** How callers hear keys that are not written as themselves. */
const KEY_WORDS: Readonly<Record<string, readonly string[]>> = {
  '0': ['zero', 'cero'],
  '1': ['one', 'uno'],
  '2': ['two', 'dos'],
  '3': ['three', 'tres'],
  '4': ['four', 'cuatro'],
  '5': ['five', 'cinco'],
  '6': ['six', 'seis'],
  '7': ['seven', 'siete'],
  '8': ['eight', 'ocho'],
  '9': ['nine', 'nueve'],
  '*': ['star', 'asterisk', 'asterisco'],
  '#': ['pound', 'hash', 'numeral', 'almohadilla'],
};

/** Lower case without accents; `*` and `#` stay, being keys. */
function plainWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9ñ*#]+|(?<=[*#])|(?=[*#])/)
    .filter(Boolean);
}

export function isPersonWord(word: string): boolean {
  return PERSON_WORD.test(word);
}

/** True when a label or phrase names a person ("Operator", "hablar con un asesor"). */
export function namesPerson(text: string): boolean {
  return plainWords(text).some(isPersonWord);
}

function spokenAs(key: string): Set<string> {
  const plain = plainWords(key);
  return new Set([...plain, ...(plain.length === 1 ? KEY_WORDS[plain[0]!] ?? [] : [])]);
}

/**
 * Whether the prompt announces that `key` reaches a person: some sentence says a person word, and
 * the key mention nearest to it is `key` ("to speak to a person, press 0"; "press 2 for an agent").
 * `keys` are all the menu's keys, so that "for billing press 1, for a person press 2" gives the
 * person to 2 and not to 1. A spoken key that is itself a person word ("say operator") announces itself.
 */
export function announcesPersonKey(prompts: readonly string[], key: string, keys: readonly string[]): boolean {
  const spoken = keys.map((each) => ({ key: each, words: spokenAs(each) }));
  for (const sentence of prompts.flatMap((prompt) => prompt.split(/[.!?;\n]+/))) {
    const words = plainWords(sentence);
    const mentions: Array<{ at: number; key: string }> = [];
    words.forEach((word, at) => {
      for (const each of spoken) if (each.words.has(word)) mentions.push({ at, key: each.key });
    });
    for (let at = 0; at < words.length; at++) {
      if (!isPersonWord(words[at]!)) continue;
      // The nearest mention; on a tie the one after ("for a person press 0" more often than not).
      let nearest: { at: number; key: string } | undefined;
      for (const mention of mentions) {
        const distance = Math.abs(mention.at - at);
        const best = nearest === undefined ? Number.POSITIVE_INFINITY : Math.abs(nearest.at - at);
        if (distance < best || (distance === best && mention.at > at)) nearest = mention;
      }
      if (nearest?.key === key) return true;
    }
  }
  return false;
}
