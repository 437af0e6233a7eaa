// Whether a menu tells callers which key reaches a person: the words of its prompt, read the way
// a caller hears them. Pure text functions; the rule decides what to do with the answer.

import { announcesKeyFor, plainWords } from '../util/spoken-keys.js';

/** Words that name a person, English and Spanish (matched without case or accents, plurals too). */
const PERSON_WORD = /^(persons?|people|someone|somebody|humans?|agents?|representatives?|operators?|attendants?|associates?|specialists?|advis[eo]rs?|receptionists?|staff|personas?|alguien|humanos?|asesor(es|a|as)?|agentes?|operador(es|a|as)?|ejecutiv[oa]s?|especialistas?|recepcionistas?)$/;

export function isPersonWord(word: string): boolean {
  return PERSON_WORD.test(word);
}

/** True when a label or phrase names a person ("Operator", "hablar con un asesor"). */
export function namesPerson(text: string): boolean {
  return plainWords(text).some(isPersonWord);
}

/**
 * Whether the prompt announces that `key` reaches a person: some sentence says a person word, and
 * the key mention nearest to it is `key` ("to speak to a person, press 0"; "press 2 for an agent").
 * `keys` are all the menu's keys, so that "for billing press 1, for a person press 2" gives the
 * person to 2 and not to 1. A spoken key that is itself a person word ("say operator") announces itself.
 */
export function announcesPersonKey(prompts: readonly string[], key: string, keys: readonly string[]): boolean {
  return announcesKeyFor(prompts, key, keys, (words, at) => isPersonWord(words[at]!));
}
