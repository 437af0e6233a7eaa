// Shared by the Spanish report tests: the words only the English report catalog has, and the text
// a reader sees in a report, without what it quotes from the flow (code, rule ids, file paths).
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { REPORT_EN } from '../../src/i18n/report-en.js';
import { REPORT_ES } from '../../src/i18n/report-es.js';

/** The literal text of a message, inside plurals and selects too (never its argument or option names). */
function literals(elements: readonly MessageFormatElement[], into: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) into.push(element.value);
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) literals(option.value, into);
    } else if (element.type === TYPE.tag) literals(element.children, into);
  }
  return into;
}

/** Lower-case words of three letters or more. */
export function wordsOf(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []));
}

function catalogWords(messages: Readonly<Record<string, string>>): Set<string> {
  const words = new Set<string>();
  for (const text of Object.values(messages)) {
    // Code spans are what one types (`100 · e^...`), not words of either language.
    for (const literal of literals(parse(text, { ignoreTag: true }))) for (const word of wordsOf(literal.replace(/`[^`]*`/g, ''))) words.add(word);
  }
  return words;
}

/** Words of the English report catalog that the Spanish one never uses: none may show in a Spanish report. */
export function englishOnlyWords(): Set<string> {
  const spanish = catalogWords(REPORT_ES);
  return new Set([...catalogWords(REPORT_EN)].filter((word) => !spanish.has(word)));
}

/** The report's text as a reader sees it, less the head (styles) and what is quoted as code or names a rule. */
export function readerText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<td class="rule">[\s\S]*?<\/td>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The English-only words in a text, less those the flow itself (its ids, prompts, path) holds. */
export function englishWordsIn(text: string, quoted: string): string[] {
  const fromFlow = wordsOf(quoted);
  const english = englishOnlyWords();
  return [...wordsOf(text)].filter((word) => english.has(word) && !fromFlow.has(word)).sort();
}
