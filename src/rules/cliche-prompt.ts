import { nodeMsg } from './describe.js';
import { msg } from '../i18n/index.js';
import { reportStep } from './steps.js';
import type { Rule } from './types.js';
import type { Language, SourceLocation } from '../model/flow.js';

/** Stock phrases, written plainly; matching ignores case, accents and punctuation. */
export const CLICHES: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'your call is important to us',
    'your call is very important to us',
    'please listen carefully as our options have changed',
    'our menu options have changed',
    'please hold the line',
    'please continue to hold',
    'please stay on the line',
    'we are experiencing higher than normal call volumes',
    'we are experiencing a high volume of calls',
    'all of our agents are currently busy',
    'all our representatives are busy',
    'thank you for your patience',
    'thank you for holding',
    'one moment please',
    'i am transferring you now',
    'calls may be recorded for quality and training purposes',
    'this call may be monitored or recorded',
  ],
  es: [
    'su llamada es muy importante para nosotros',
    'su llamada es importante para nosotros',
    'espere un momento',
    'un momento por favor',
    'ya le estoy conectando',
    'le estoy transfiriendo',
    'por favor no cuelgue',
    'todos nuestros agentes estan ocupados',
    'todos nuestros asesores se encuentran ocupados',
    'gracias por su paciencia',
    'gracias por esperar',
    'escuche atentamente ya que nuestras opciones han cambiado',
    'nuestro menu ha cambiado',
    'esta llamada puede ser grabada',
    'por su seguridad esta llamada sera grabada',
  ],
};

/** Lower case, no accents, words separated by single spaces. */
export function plainText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9ñ]+/g, ' ').trim();
}

export const clichePrompt: Rule = {
  meta: {
    id: 'cliche-prompt',
    category: 'effort',
    severity: 'info',
    description: 'A prompt uses a stock phrase ("your call is important to us", "ya le estoy conectando"...).',
    details:
      'Scripted phrases tell callers they are a number. Matched in the flow\'s language (`settings.language`), ignoring case and accents; add your own with the `phrases` option. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "ya le estoy conectando con XYZ, o espere un momento"; seed 002 («El máximo nivel en atención al cliente…», docs/evidence.md#seed-002): Eroski dropped scripts and satisfaction rose from 68% to 83%.',
    options: [{ name: 'phrases', type: 'string[]', default: [], description: 'more phrases to flag, in any language' }],
    driver: 'generic',
    scoring: 'penalty',
  },
  check(context) {
    const extra = (context.options.phrases as string[]).map(plainText).filter((phrase) => phrase !== '');
    const byLanguage = new Map<Language, string[]>();
    const phrasesOf = (language: Language): string[] => {
      if (!byLanguage.has(language)) byLanguage.set(language, [...CLICHES[language].map(plainText), ...extra]);
      return byLanguage.get(language)!;
    };
    for (const step of context.facts.steps) {
      const { node } = step;
      // A subflow is heard in its own file's language.
      const phrases = phrasesOf(step.flow.settings.language);
      const check = (text: string, key: string, loc: SourceLocation | undefined, heard: string): void => {
        const spoken = ` ${plainText(text)} `;
        const found = phrases.filter((phrase) => spoken.includes(` ${phrase} `));
        if (found.length === 0) return;
        reportStep(context, step, {
          message: msg('cliche-prompt.stock', { node: nodeMsg(node), heard, phrases: found.map((phrase) => `"${phrase}"`), count: found.length }),
          loc: loc ?? node.loc,
          nodeId: node.id,
          key,
        });
      };
      // A list of prompts is reported at the prompt that holds the phrase.
      node.say.forEach((text, index) => check(text, `${index}`, (node.say.length > 1 ? node.sayItemLocs?.[index] : undefined) ?? node.sayLoc, 'say'));
      // What callers hear while they wait is heard over and over: checked the same way.
      if (node.type === 'queue') {
        node.announcementTexts?.forEach((text, index) => check(text, `announcement:${index}`, node.announcementLocs?.[index], 'hold'));
      }
    }
  },
};
