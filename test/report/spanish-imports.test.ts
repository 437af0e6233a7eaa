// A Spanish report of imported exports (Connect, Twilio, Genesys) and of an example shows none of
// the loader's English: the facts an export does not state, the import notes, the labels the
// importers give the steps they make. The HTML is read as text (tags, code and rule ids removed),
// so the diagrams' boxes and tooltips and the timelines are read too.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { LOADER } from '../../src/i18n/loader.js';
import { loadLayoutEngine } from '../../src/report/diagram.js';
import { loadFlows } from '../../src/report/flows.js';
import { formatHtml } from '../../src/report/html.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { ROOT } from './support.js';
import { readerText } from './spanish-words.js';

/** English the loader wrote into Spanish reports before it had a catalog, as found there. */
const FOUND = [
  'not among the files linted',
  'queue staffing (agents, calls per hour, handle time)',
  'how long callers wait in queue before a timeout',
  'what the customer queue flow announces while callers wait',
  'what the in-queue flow announces while callers wait',
  'where transfers to other flows lead',
  'what flow modules do',
  'prompt text held in contact attributes',
  'content of recorded audio prompts',
  'what the customer input is',
  "what menus do after their last repeat",
  'has no place in format v1 and is left out',
  'the same at 1 more place',
  'agent answers',
  'end of task',
  "the caller's choice",
  'end of call',
  'flow error handling',
  'has no next',
];

/** The fixed words of every English message of the loader's catalog, of two words or more. */
function catalogPhrases(): string[] {
  const phrases = new Set<string>();
  for (const text of Object.values(LOADER.messages.en)) {
    for (const part of text.replace(/`[^`]*`/g, '\u0000').split(/\{\w+\}|\u0000|"/)) {
      const phrase = part.replace(/^[\s(),:;?]+|[\s(),:;?]+$/g, '');
      if (/\p{L}{2,}\s+\p{L}{2,}/u.test(phrase)) phrases.add(phrase);
    }
  }
  return [...phrases];
}

function exports(folder: string, extension: string): string[] {
  return readdirSync(join(ROOT, folder)).filter((name) => name.endsWith(extension)).map((name) => `${folder}/${name}`);
}

const SOURCES: Array<[string, string[]]> = [
  ['Amazon Connect', exports('fixtures/import/connect', '.json')],
  ['Twilio Studio', exports('fixtures/import/twilio', '.json')],
  ['Genesys Architect', exports('fixtures/import/genesys', '.yaml')],
  ['an example', ['examples/acme-support.yaml']],
];

/** What the files themselves write (prompts, names), which a report quotes as written. */
function quoted(files: readonly string[]): string {
  return files.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n').toLowerCase();
}

/** The English phrases a text shows that the files it reports on do not write themselves. */
function englishIn(text: string, files: readonly string[]): string[] {
  const written = quoted(files);
  const seen = text.toLowerCase().replace(/\s+/g, ' ');
  return [...new Set([...FOUND, ...catalogPhrases()])].filter((phrase) => seen.includes(phrase.toLowerCase()) && !written.includes(phrase.toLowerCase())).sort();
}

describe('a Spanish report of imported exports', async () => {
  const layout = await loadLayoutEngine();

  it('the catalog gives phrases to look for', () => {
    expect(catalogPhrases()).toContain('not among the files linted');
    expect(catalogPhrases()).toContain('agent answers');
  });

  for (const [source, files] of SOURCES) {
    it(`of ${source} shows none of the loader's English`, async () => {
      // As `report --lang es` runs it: the findings in Spanish too.
      const result = await audit(files, { cwd: ROOT, noConfig: true, timelines: true, lang: 'es' });
      const flows = await loadFlows(result, ROOT);
      const html = formatHtml(result, { flows, layout, lang: 'es' });
      expect(englishIn(readerText(html), files)).toEqual([]);
      expect(englishIn(formatMarkdown(result, { lang: 'es', flows, report: true }), files)).toEqual([]);
      // The English report does show them: the test looks where they are.
      if (source === 'an example') return;
      const inEnglish = await audit(files, { cwd: ROOT, noConfig: true, timelines: true, lang: 'en' });
      expect(englishIn(readerText(formatHtml(inEnglish, { flows, layout, lang: 'en' })), files).length).toBeGreaterThan(0);
    }, 60_000);
  }

  it('says the facts an export does not state in Spanish, and the English report as before', async () => {
    const result = await audit(['fixtures/import/twilio/all-widgets.json'], { cwd: ROOT, noConfig: true });
    const flows = await loadFlows(result, ROOT);
    expect(formatHtml(result, { flows, lang: 'es' })).toContain('<li>cuánto esperan en cola quienes llaman antes de que se agote el tiempo (2 colas)</li>');
    expect(formatHtml(result, { flows, lang: 'en' })).toContain('<li>how long callers wait in queue before a timeout (2 queues)</li>');
  });
});
