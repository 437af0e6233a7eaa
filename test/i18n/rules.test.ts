// Each rule's findings, on the fixtures where it fires, read in Spanish with lang es: no English
// word of the catalog in them; their fingerprints are the English run's.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, type Lang } from '../../src/index.js';
import { catalogs } from '../../src/i18n/index.js';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers.js';

/** Every rule that checks flows (the loader's rules report what the loader says, in English). */
const CHECKING_RULES = RULES.filter((rule) => rule.check !== undefined).map((rule) => rule.meta.id);

const core = catalogs().find((catalog) => catalog.name === 'core')!;

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []);
}

/** Text left once what is quoted as written (code, prompts, ids, journeys, files) is taken out. */
export function ownWords(message: string): string[] {
  const stripped = message
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/«[^»]*»/g, ' ')
    .replace(/\([^()]*→[^()]*\)/g, ' ')
    .replace(/\S+( → \S+)+/g, ' ')
    .replace(/\([^()\s]*\)/g, ' ')
    .replace(/\S*[./\\]\S*\.(ya?ml|json)\b/g, ' ');
  return wordsOf(stripped);
}

function catalogWords(lang: Lang): Set<string> {
  const words = new Set<string>();
  for (const catalog of catalogs()) {
    for (const text of Object.values(catalog.messages[lang])) {
      // Only the words around the arguments and choices, not the argument names and keywords.
      for (const word of wordsOf(text.replace(/`[^`]*`/g, ' ').replace(/\{\s*[\w-]+\s*(,\s*(plural|select|number)\s*,?)?/g, ' ').replace(/\b(one|other|few|many|zero|two)\s*\{/g, ' '))) words.add(word);
    }
  }
  return words;
}

/** English words of the catalogs that Spanish does not share (like "no" or "s"). */
export const ENGLISH_ONLY: ReadonlySet<string> = (() => {
  const spanish = catalogWords('es');
  return new Set([...catalogWords('en')].filter((word) => !spanish.has(word)));
})();

async function findingsOf(file: string, ruleId: string, lang: Lang) {
  const result = await audit([file], { cwd: ROOT, lang, noConfig: true });
  return result.files.flatMap((each) => each.findings).filter((finding) => finding.ruleId === ruleId);
}

describe('rule messages in Spanish', () => {
  it('the English-only word list is not empty', () => {
    expect(ENGLISH_ONLY.size).toBeGreaterThan(20);
    expect(ENGLISH_ONLY.has('callers')).toBe(true);
  });

  it('covers the rules that check flows', () => {
    expect(CHECKING_RULES.length).toBeGreaterThan(25);
  });

  for (const ruleId of CHECKING_RULES) {
    const folder = join('fixtures/rules', ruleId);
    const fires = readdirSync(join(ROOT, folder)).filter((file) => file.startsWith('fires'));
    if (fires.length === 0) continue;
    it.each(fires)(`${ruleId}: %s reads in Spanish`, async (file) => {
      const spanish = await findingsOf(join(folder, file), ruleId, 'es');
      const english = await findingsOf(join(folder, file), ruleId, 'en');
      expect(spanish.length).toBeGreaterThan(0);
      for (const finding of spanish) {
        expect(finding.messageId?.startsWith(`${ruleId}.`)).toBe(true);
        expect(core.has(finding.messageId!)).toBe(true);
        expect(ownWords(finding.message).filter((word) => ENGLISH_ONLY.has(word)), finding.message).toEqual([]);
      }
      expect(spanish.map((finding) => finding.fingerprint)).toEqual(english.map((finding) => finding.fingerprint));
      expect(spanish.map((finding) => finding.message)).not.toEqual(english.map((finding) => finding.message));
    });
  }
});

describe('the language of an audit', () => {
  const flow = (language: string | undefined): string => [
    'version: 1',
    'name: hold',
    ...(language === undefined ? [] : ['settings:', `  language: ${language}`]),
    'entry: hold',
    'nodes:',
    '  hold: { type: queue, maxWaitSeconds: 60, onTimeout: person, next: person }',
    '  person: { type: agent }',
  ].join('\n');
  const silentHold = async (text: string, options: { lang?: Lang; envLang?: Lang; configPath?: string } = {}) => {
    const result = await audit([{ path: 'flow.yaml', text }], { cwd: ROOT, noConfig: options.configPath === undefined, ...options });
    return result.files[0]!.findings.find((finding) => finding.ruleId === 'silent-hold')!.message;
  };
  const SPANISH = 'la cola `hold` deja en espera en silencio: sin `music` ni `announcements`';
  const ENGLISH = 'queue `hold` holds callers in silence: no `music` and no `announcements`';

  it('is English by default', async () => {
    expect(await silentHold(flow(undefined))).toBe(ENGLISH);
  });
  it('follows the flow\'s settings.language, then the environment', async () => {
    expect(await silentHold(flow('es'))).toBe(SPANISH);
    expect(await silentHold(flow('en'), { envLang: 'es' })).toBe(ENGLISH);
    expect(await silentHold(flow(undefined), { envLang: 'es' })).toBe(SPANISH);
  });
  it('puts --lang over the flow', async () => {
    expect(await silentHold(flow('es'), { lang: 'en' })).toBe(ENGLISH);
    expect(await silentHold(flow('en'), { lang: 'es' })).toBe(SPANISH);
  });
  it('puts the config\'s lang over the flow and under --lang', async () => {
    const config = 'fixtures/i18n/config-es/.ivr-audit.yaml';
    expect(await silentHold(flow('en'), { configPath: config })).toBe(SPANISH);
    expect(await silentHold(flow('en'), { configPath: config, lang: 'en' })).toBe(ENGLISH);
  });
});

describe('fixes in Spanish', () => {
  it('titles and describes every fix of the seed-001 call in Spanish, resolving the same findings', async () => {
    const spanish = (await audit(['fixtures/reference/seed-001-call.yaml'], { cwd: ROOT, lang: 'es', noConfig: true })).files[0]!;
    const english = (await audit(['fixtures/reference/seed-001-call.yaml'], { cwd: ROOT, lang: 'en', noConfig: true })).files[0]!;
    expect(spanish.fixes.length).toBeGreaterThan(3);
    for (const fix of spanish.fixes) {
      expect(ownWords(`${fix.title} ${fix.description}`).filter((word) => ENGLISH_ONLY.has(word)), fix.title).toEqual([]);
    }
    expect(spanish.fixes.map((fix) => fix.resolves)).toEqual(english.fixes.map((fix) => fix.resolves));
    expect(spanish.fixes.map((fix) => fix.title)).not.toEqual(english.fixes.map((fix) => fix.title));
  });
});
