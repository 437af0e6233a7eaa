/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The Spanish report of the seed call, in headless Chromium: nothing requested, nothing in the
// console, Spanish everywhere a reader looks. Skipped without /usr/bin/chromium unless
// IVR_AUDIT_BROWSER_TESTS=require (then a missing browser fails).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, SEED, expectQuiet, launch, open, overlappingTexts, pdfPageCount, skipBrowser, writeSeedReport } from './browser-support.js';
import { ROOT, scratch } from './support.js';
import { englishWordsIn } from './spanish-words.js';


describe.skipIf(skipBrowser)('the Spanish report, in headless Chromium', () => {
  let browser: Browser | undefined;
  let report: string;

  beforeAll(async () => {
    browser = await launch();
    // No --lang: the flow's settings.language (es) decides, whatever the machine's locale.
    report = writeSeedReport(scratch(), 'seed-es.html', [], { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no request and no console error, and reads Spanish throughout', async () => {
    const watched = await open(browser!, report);
    expectQuiet(watched, report);
    const { page } = watched;
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.title()).toBe('Informe de auditoría del IVR');
    expect(await page.locator('#how-the-score-works h2').textContent()).toBe('Cómo se calcula el puntaje');
    const grades = await page.locator('table.grades tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    expect(grades.at(-1)).toEqual(['F', 'menos de 60']);
    expect(await page.locator('figure.timeline-worst figcaption strong').textContent()).toMatch(/^El peor recorrido/);
    expect(await page.locator('g.step.gives-up text.give-up').first().textContent()).toMatch(/% abandona$/);
    expect(await overlappingTexts(page.locator('figure.timeline-worst svg.timeline'))).toEqual([]);
    // What the reader sees (the pictures' labels and tooltips too), less code and rule ids.
    const seen = await page.evaluate(() => {
      for (const element of document.querySelectorAll('code, td.rule')) element.remove();
      const tooltips = [...document.querySelectorAll('svg title, svg text')].map((title) => title.textContent ?? '');
      return [document.body.innerText, ...tooltips].join('\n');
    });
    expect(englishWordsIn(seen, `${readFileSync(join(ROOT, SEED), 'utf8')} seed-001-call.yaml`)).toEqual([]);
    await page.reload();
    writeFileSync(join(ARTIFACTS, 'seed-001-es.png'), await page.screenshot({ fullPage: true }));
    await page.close();
  });

  it('prints on at most 4 pages on A4 and on Letter, like the English one, its tables within the page', async () => {
    const { page } = await open(browser!, report);
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format });
      writeFileSync(join(ARTIFACTS, `seed-001-es-${format}.pdf`), pdf);
      const pages = pdfPageCount(pdf);
      expect(pages, format).toBeGreaterThanOrEqual(2);
      expect(pages, format).toBeLessThanOrEqual(4);
    }
    await page.setViewportSize({ width: 703, height: 1000 });
    const overflow = await page.$$eval('table', (tables) => tables.filter((table) => table.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
    expect(overflow).toBe(0);
    await page.close();
  });
});
