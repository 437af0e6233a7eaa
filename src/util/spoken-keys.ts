// How a prompt announces its keys, read the way a caller hears them: "to speak to a person, press 0",
// "para salir, marque nueve". Pure text functions shared by importers (what a choice means) and rules.

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
export function plainWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9ñ*#]+|(?<=[*#])|(?=[*#])/)
    .filter(Boolean);
}

function spokenAs(key: string): Set<string> {
  const plain = plainWords(key);
  return new Set([...plain, ...(plain.length === 1 ? KEY_WORDS[plain[0]!] ?? [] : [])]);
}

/** Where in a sentence's words the topic a key is announced for is named. */
export type TopicAt = (words: readonly string[], at: number) => boolean;

/**
 * Whether the prompt announces `key` for a topic: some sentence names the topic, and the key mention
 * nearest to it is `key`. `keys` are all the menu's keys, so that "for billing press 1, for a person
 * press 2" gives the person to 2 and not to 1.
 */
export function announcesKeyFor(prompts: readonly string[], key: string, keys: readonly string[], topicAt: TopicAt): boolean {
  const spoken = keys.map((each) => ({ key: each, words: spokenAs(each) }));
  for (const words of sentenceWords(prompts)) {
    const mentions: Array<{ at: number; key: string }> = [];
    words.forEach((word, at) => {
      for (const each of spoken) if (each.words.has(word)) mentions.push({ at, key: each.key });
    });
    for (let at = 0; at < words.length; at++) {
      if (!topicAt(words, at)) continue;
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

const LEAVE_WORD = /^(leave|exit|quit|disconnect|goodbye|salir|colgar)$/;
const END_WORD = /^(end|terminate|finish|terminar|finalizar|cortar)$/;
const CALL_WORD = /^(call|llamada)$/;
/** "leave a message", "leave your number", "salir del menú": leaving something other than the call. */
const LEFT_FOR_SOMETHING = /^(message|voicemail|number|name|feedback|details|comment|mensaje|recado|menu)$/;

/** The plain words of each sentence of a prompt, read once per prompt: a menu is asked about several keys and topics. */
function sentenceWords(prompts: readonly string[]): readonly string[][] {
  let sentences = sentencesOf.get(prompts);
  if (!sentences) sentencesOf.set(prompts, (sentences = prompts.flatMap((prompt) => prompt.split(/[.!?;\n]+/)).map(plainWords)));
  return sentences;
}

const sentencesOf = new WeakMap<readonly string[], readonly string[][]>();

/** Whether the words at `at` say the caller ends the call: "to leave", "hang up", "end this call", "para colgar". */
export const leaveTopicAt: TopicAt = (words, at) => {
  const word = words[at]!;
  const after = words.slice(at + 1, at + 4);
  if (LEAVE_WORD.test(word)) return !after.some((next) => LEFT_FOR_SOMETHING.test(next));
  if (word === 'hang') return words[at + 1] === 'up';
  if (END_WORD.test(word)) return after.some((next) => CALL_WORD.test(next));
  return false;
};

/** Whether the prompt offers `key` to end the call ("to leave, press 2"; "para terminar la llamada, marque 9"). */
export function announcesLeaveKey(prompts: readonly string[], key: string, keys: readonly string[]): boolean {
  return announcesKeyFor(prompts, key, keys, leaveTopicAt);
}

/** Keys pressed on the keypad; any other option is a word callers say. */
export function isKeypadKey(key: string): boolean {
  return /^[0-9*#]$/.test(key);
}
