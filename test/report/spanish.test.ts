// The auditor's report in Spanish (issue 14, item 7): the run's language (--lang, the config's
// lang, the flows' settings.language, the environment) gives the whole HTML and Markdown report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { REPORT_EN } from '../../src/i18n/report-en.js';
import { REPORT_ES } from '../../src/i18n/report-es.js';
import { reportDate } from '../../src/i18n/report.js';
import { loadLayoutEngine } from '../../src/report/diagram.js';
import { loadFlows } from '../../src/report/flows.js';
import { formatHtml } from '../../src/report/html.js';
import { formatJson } from '../../src/report/json.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { ROOT, cli, scratch } from './support.js';
import { englishOnlyWords, englishWordsIn, readerText } from './spanish-words.js';

const SEED = 'fixtures/reference/seed-001-call.yaml';
const ENGLISH_FLOW = 'examples/acme-support.yaml';
/** A flow that names no language, so the environment decides. */
const NO_LANGUAGE = 'fixtures/reference/midway.yaml';
/** The child's environment without any language of the machine running the tests. */
const NO_LOCALE = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
const DAY = new Date(Date.UTC(2026, 11, 5, 12));

async function spanishSeed(): Promise<{ html: string; quoted: string }> {
  const result = await audit([SEED], { cwd: ROOT, timelines: true });
  const html = formatHtml(result, { flows: await loadFlows(result, ROOT), layout: await loadLayoutEngine(), date: DAY, scope: [SEED] });
  return { html, quoted: `${readFileSync(join(ROOT, SEED), 'utf8')} ${SEED}` };
}

const headings = (html: string, level: number): string[] => [...html.matchAll(new RegExp(`<h${level}>(.*?)</h${level}>`, 'g'))].map((match) => match[1]!);

describe('the Spanish report', () => {
  it('is Spanish when the flow says settings.language: es', async () => {
    const result = await audit([SEED], { cwd: ROOT });
    expect(result.reportLang).toBe('es');
    const { html } = await spanishSeed();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(html).toContain('<title>Informe de auditoría del IVR</title>');
    expect(headings(html, 1)).toEqual(['Informe de auditoría del IVR']);
    expect(headings(html, 2)).toEqual(['Flujos', 'Cómo se calcula el puntaje', 'Línea de atención (seed 001)']);
    expect(headings(html, 3)).toEqual(['Dónde se pierden los puntos', 'Métricas del recorrido', 'Dónde se van los minutos', 'Correcciones, primero las que más esfuerzo ahorran', 'Hallazgos (16)', 'Diagrama']);
    expect(html).toContain('<th class="num">Línea</th><th>Severidad</th><th>Regla</th><th>Mensaje</th>');
    expect(html).toContain('<td class="sev sev-warning">advertencia</td>');
    expect(html).toContain('37/100 · calificación F');
    expect(html).toContain('generado el 5 de diciembre de 2026 · 1 archivo de flujo · 6 errores, 7 advertencias, 3 info');
    expect(html).toContain(`Alcance: ${SEED}`);
  });

  it('shows none of the English-only words of the report catalog', async () => {
    const english = englishOnlyWords();
    // The check means something: the catalogs differ in many words.
    expect(english.size).toBeGreaterThan(150);
    expect([...english]).toEqual(expect.arrayContaining(['findings', 'journey', 'score', 'waiting', 'ringing']));
    const { html, quoted } = await spanishSeed();
    expect(englishWordsIn(readerText(html), quoted)).toEqual([]);
    // And it can fail: the English report of the same flow is full of them.
    const result = await audit([SEED], { cwd: ROOT, lang: 'en', timelines: true });
    const englishReport = formatHtml(result, { flows: await loadFlows(result, ROOT), layout: await loadLayoutEngine() });
    expect(englishWordsIn(readerText(englishReport), quoted).length).toBeGreaterThan(100);
  });

  it('keeps the rule messages and fixes of the core catalog, in Spanish', async () => {
    const { html } = await spanishSeed();
    expect(html).toContain('la línea suena 7 veces (unos 42 s) antes de que conteste el sistema');
    expect(html).toMatch(/Ahorra [\d,]+ puntos de esfuerzo y 36 s al 100\u00a0% de quienes llaman; puntaje de \d+ aplicando esta corrección y las anteriores\./);
  });

  it('is English with --lang en, even for a Spanish flow, and English stays the default', async () => {
    const result = await audit([SEED], { cwd: ROOT, lang: 'en' });
    expect(result.reportLang).toBeUndefined();
    const html = formatHtml(result, { flows: await loadFlows(result, ROOT), date: DAY });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('generated December 5, 2026 · 1 flow file · 6 errors, 7 warnings, 3 info');
    const english = await audit([NO_LANGUAGE], { cwd: ROOT });
    expect(formatHtml(english, { flows: new Map() })).toContain('<h1>IVR audit report</h1>');
  });

  it('follows the environment for flows that name no language, and --lang over a flow that names one', async () => {
    expect((await audit([NO_LANGUAGE], { cwd: ROOT, envLang: 'es' })).reportLang).toBe('es');
    expect((await audit([ENGLISH_FLOW], { cwd: ROOT, lang: 'es' })).reportLang).toBe('es');
    expect((await audit([ENGLISH_FLOW], { cwd: ROOT, envLang: 'es' })).reportLang).toBeUndefined();
  });

  it('takes the run-wide language when the flows disagree: --lang, else the environment', async () => {
    expect((await audit([SEED, ENGLISH_FLOW], { cwd: ROOT })).reportLang).toBeUndefined();
    expect((await audit([SEED, ENGLISH_FLOW], { cwd: ROOT, envLang: 'es' })).reportLang).toBe('es');
  });

  it('keeps the language out of the JSON output', async () => {
    const result = await audit([SEED], { cwd: ROOT });
    expect(JSON.parse(formatJson(result))).not.toHaveProperty('reportLang');
    expect(formatJson(result)).not.toContain('reportLang');
  });

  it('writes the Markdown report and the pull-request comment in Spanish', async () => {
    const result = await audit([SEED], { cwd: ROOT });
    const report = formatMarkdown(result, { report: true, flows: await loadFlows(result, ROOT), date: DAY });
    expect(report).toMatch(/^# Informe de auditoría del IVR\n\nivr-audit \S+ · generado el 5 de diciembre de 2026 · 16 problemas \(6 errores, 7 advertencias, 3 info\) en 1 archivo\n/);
    expect(report).toContain('| Flujo | Archivo | Puntaje | Calificación | Errores | Advertencias | Hasta una persona |');
    expect(report).toContain('**Dónde se pierden los puntos**');
    expect(report).toContain('| Factor | Puntos perdidos |');
    expect(report).toContain('**Correcciones**, primero las que más esfuerzo ahorran:');
    expect(report).toContain('**Diagrama**');
    expect(report).toMatch(/<br\/>anuncio"/);
    const comment = formatMarkdown(result);
    expect(comment).toContain('**Puntaje 37/100, calificación F** · 6 errores, 7 advertencias, 3 info');
    expect(comment).toContain('| Línea | Severidad | Regla | Mensaje |');
    expect(comment).toContain('| 6:8 | advertencia |');
    const quoted = readFileSync(join(ROOT, SEED), 'utf8');
    expect(englishWordsIn(report.replace(/`[^`]*`/g, ' ').replace(/\[[^\]]*\]\([^)]*\)/g, ' '), quoted)).toEqual([]);
  });

  it('writes decimals with a comma and shares as "48,6 %", in HTML, Markdown and the lint summary; English keeps the point', async () => {
    // Numbers with a decimal point, less the tool's version (x.y.z).
    const pointed = (text: string): string[] => [...text.matchAll(/(?<![\d.])\d+\.\d+(?![\d.])/g)].map((match) => match[0]);
    const { html } = await spanishSeed();
    const text = readerText(html);
    expect(pointed(text)).toEqual([]);
    expect(text).toMatch(/\b\d+,\d+\u00a0%/);
    expect(text).toMatch(/Ahorra \d+,\d+ puntos de esfuerzo/);
    const result = await audit([SEED], { cwd: ROOT });
    const report = formatMarkdown(result, { report: true, flows: await loadFlows(result, ROOT), date: DAY });
    expect(pointed(report.replace(/`[^`]*`/g, ' ').replace(/\([^)]*\.(?:md|yaml)\)/g, ' '))).toEqual([]);
    const summary = cli(['lint', SEED, '--no-color', '--lang', 'es']).stdout;
    expect(summary).toMatch(/^ +\d+,\d +\+\d+ /m);
    expect(pointed(summary.replace(/seed-001-call\.yaml/g, ''))).toEqual([]);
    const english = await audit([SEED], { cwd: ROOT, lang: 'en', timelines: true });
    const englishText = readerText(formatHtml(english, { flows: await loadFlows(english, ROOT), layout: await loadLayoutEngine() }));
    expect(englishText).toMatch(/\b\d+\.\d+%/);
    expect(englishText).toMatch(/Saves \d+\.\d+ effort points/);
  });

  it('formats dates with Intl in the language', () => {
    expect(reportDate('es', DAY)).toBe('5 de diciembre de 2026');
    expect(reportDate('en', DAY)).toBe('December 5, 2026');
  });

  it('has catalog words that can go into HTML as they are: no markup characters', () => {
    for (const messages of [REPORT_EN, REPORT_ES]) {
      for (const [key, text] of Object.entries(messages)) expect(text, key).not.toMatch(/[<>&]/);
    }
  });
});

describe('report --lang and lint -f html / markdown', () => {
  it('report --lang es writes an English flow\'s report in Spanish; LANG=es_MX does it for a flow that names no language', () => {
    const flag = cli(['report', ENGLISH_FLOW, '--lang', 'es'], { env: NO_LOCALE });
    expect(flag.status).toBe(0);
    expect(flag.stdout).toContain('<html lang="es">');
    expect(flag.stdout).toContain('<h2>Cómo se calcula el puntaje</h2>');
    const env = cli(['report', NO_LANGUAGE], { env: { ...NO_LOCALE, LANG: 'es_MX.UTF-8' } });
    expect(env.stdout).toContain('<html lang="es">');
    // The flow's own settings.language wins over the environment.
    const own = cli(['report', ENGLISH_FLOW], { env: { ...NO_LOCALE, LANG: 'es_MX.UTF-8' } });
    expect(own.stdout).toContain('<html lang="en">');
  });

  it('report --lang en writes a Spanish flow\'s report in English', () => {
    const run = cli(['report', SEED, '--lang', 'en', '--format', 'markdown'], { env: NO_LOCALE });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# IVR audit report\n/);
  });

  it('refuses a language it does not have', () => {
    const run = cli(['report', SEED, '--lang', 'fr']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/must be one of en, es, not "fr"/);
  });

  it('lint -f html and -f markdown follow lint\'s language', () => {
    const folder = scratch();
    const html = join(folder, 'out.html');
    const run = cli(['lint', SEED, '-f', `html=${html}`, '-f', 'markdown'], { env: NO_LOCALE });
    expect(run.status).toBe(1);
    expect(readFileSync(html, 'utf8')).toContain('<html lang="es">');
    expect(run.stdout).toContain('| Línea | Severidad | Regla | Mensaje |');
    const english = cli(['lint', SEED, '--lang', 'en', '-f', `html=${html}`, '-f', 'markdown'], { env: NO_LOCALE });
    expect(readFileSync(html, 'utf8')).toContain('<html lang="en">');
    expect(english.stdout).toContain('| Line | Severity | Rule | Message |');
  });
});
