/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The report as a deliverable, in headless Chromium: code as code, the score explained. Skipped
// without /usr/bin/chromium unless IVR_AUDIT_BROWSER_TESTS=require (then a missing browser fails).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, SEED, expectQuiet, launch, open, overlappingTexts, pdfPageCount, skipBrowser, writeSeedReport } from './browser-support.js';
import { CHROMIUM, ROOT, bigFlow, cli, hasChromium, scratch } from './support.js';


describe.skipIf(skipBrowser)('the report as a deliverable, in headless Chromium', () => {
  let browser: Browser | undefined;
  let folder: string;
  let seedReport: string;

  beforeAll(async () => {
    browser = await launch();
    folder = scratch();
    // The layout tests read English: the seed flow says `settings.language: es`, so English is asked for.
    seedReport = writeSeedReport(folder, 'seed.html', ['--lang', 'en']);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it(`finds Chromium at ${CHROMIUM}`, () => {
    expect(hasChromium).toBe(true);
  });

  it('shows code spans as code, with no backtick anywhere in the visible text', async () => {
    const watched = await open(browser!, seedReport);
    expectQuiet(watched, seedReport);
    const { page } = watched;
    expect(await page.evaluate(() => document.body.innerText.includes('`'))).toBe(false);
    const codes = await page.$$eval('table.findings td code, ol.fixes code', (elements) => elements.map((element) => element.textContent));
    expect(codes).toContain('espera');
    expect(codes).toContain('context: true');
    writeFileSync(join(ARTIFACTS, 'seed-001.png'), await page.screenshot({ fullPage: true }));
    await page.close();
  });

  it('quotes the prompt of a stock-phrase finding as the flow writes it', async () => {
    const { page } = await open(browser!, seedReport);
    const prompts = await page.$$eval('table.findings q.prompt', (elements) => elements.map((element) => element.textContent ?? ''));
    expect(prompts.some((text) => text.includes('esta llamada será grabada'))).toBe(true);
    expect(prompts).toContain('Ya le estoy conectando con el departamento XYZ.');
    await page.close();
  });

  it('explains the score: grades, drivers, gains not additive, and a local link to the scoring docs', async () => {
    const { page } = await open(browser!, seedReport);
    const section = page.locator('#how-the-score-works');
    expect(await section.locator('h2').textContent()).toBe('How the score works');
    const grades = await section.locator('table.grades tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    expect(grades).toEqual([['A', '90 or more'], ['B', '80–89'], ['C', '70–79'], ['D', '60–69'], ['F', 'below 60']]);
    expect(await section.locator('table.drivers-explained tbody tr').count()).toBe(7);
    expect(await section.textContent()).toMatch(/do not add up/);
    const href = await section.locator('a.scoring-docs').getAttribute('href');
    expect(href).toMatch(/^file:\/\/.*\/docs\/scoring\.md$/);
    await page.close();
  });

  it('draws the seed call as a timeline: rows for every step, hold and rings as bars, where callers give up', async () => {
    const watched = await open(browser!, seedReport);
    expectQuiet(watched, seedReport);
    const { page } = watched;
    const timeline = page.locator('figure.timeline-worst svg.timeline');
    expect(await timeline.count()).toBe(1);
    // The answer's rings, then the 11 steps of the worst journey.
    expect(await timeline.locator('g.step').count()).toBe(12);
    expect(await timeline.locator('g.step.question').count()).toBe(5);
    expect(await timeline.locator('g.step.transfer').count()).toBe(2);
    expect(await timeline.locator('g.step.gives-up text.give-up').textContent()).toMatch(/% give up$/);
    // Every text of a row stays clear of the others: the give-up label never runs into the note.
    expect(await overlappingTexts(timeline)).toEqual([]);
    const box = await timeline.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    const shot = await timeline.screenshot();
    expect(shot.length).toBeGreaterThan(5_000);
    writeFileSync(join(ARTIFACTS, 'seed-001-timeline.png'), shot);
    await page.close();
  });

  it('prints the seed call on at most 4 pages, A4 and Letter, with a title page first', async () => {
    const { page } = await open(browser!, seedReport);
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.front', (front) => getComputedStyle(front).breakAfter)).toBe('page');
    expect(await page.locator('header.title-page .scope').textContent()).toContain('seed-001-call.yaml');
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format });
      writeFileSync(join(ARTIFACTS, `seed-001-${format}.pdf`), pdf);
      const pages = pdfPageCount(pdf);
      expect(pages, format).toBeGreaterThanOrEqual(2);
      expect(pages, format).toBeLessThanOrEqual(4);
    }
    // Tables stay within the page's width.
    await page.setViewportSize({ width: 703, height: 1000 });
    const overflow = await page.$$eval('table', (tables) => tables.filter((table) => table.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
    expect(overflow).toBe(0);
    await page.close();
  });

  it('writes the PDF with report --pdf, through the system Chromium', () => {
    const pdf = join(folder, 'seed.pdf');
    const run = cli(['report', 'seed-001-call.yaml', '--lang', 'en', '--pdf', pdf, '--paper', 'letter'], { cwd: folder, env: { IVR_AUDIT_CHROMIUM: CHROMIUM } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBeLessThanOrEqual(4);
  });

  it('opens a 3-flow report with the worst flow first, the spread of scores and the top fixes', async () => {
    const three = scratch();
    copyFileSync(join(ROOT, SEED), join(three, 'seed-001-call.yaml'));
    copyFileSync(join(ROOT, 'fixtures/reference/effortless.yaml'), join(three, 'effortless.yaml'));
    copyFileSync(join(ROOT, 'fixtures/reference/midway.yaml'), join(three, 'midway.yaml'));
    const file = join(three, 'report.html');
    const run = cli(['report', 'effortless.yaml', 'midway.yaml', 'seed-001-call.yaml', '-o', file], { cwd: three });
    expect(run.status).toBe(0);
    const watched = await open(browser!, file);
    expectQuiet(watched, file);
    const { page } = watched;
    const rows = await page.$$eval('table.summary tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.map((row) => row[1])).toEqual(['seed-001-call.yaml', 'midway.yaml', 'effortless.yaml']);
    const scores = rows.map((row) => Number(row[2]));
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(rows[0]![7]).toMatch(/%$/);
    expect(await page.locator('section.flow').first().locator('p.file').textContent()).toBe('seed-001-call.yaml');
    const bins = await page.$$eval('svg.distribution g.bin', (groups) => groups.map((group) => Number(group.getAttribute('data-count'))));
    expect(bins.reduce((sum, count) => sum + count, 0)).toBe(3);
    expect(await page.locator('table.top-fixes tbody tr').count()).toBeGreaterThan(0);
    writeFileSync(join(ARTIFACTS, 'portfolio.png'), await page.screenshot({ fullPage: false }));
    await page.close();
  });

  it('gives a 400-node flow a diagram that fits the printed page', async () => {
    const big = scratch({ 'big.yaml': bigFlow(400) });
    const file = join(big, 'big.html');
    expect(cli(['report', 'big.yaml', '-o', file], { cwd: big }).status).toBe(0);
    const watched = await open(browser!, file);
    expectQuiet(watched, file);
    const { page } = watched;
    const diagram = page.locator('svg.diagram');
    expect(await diagram.count()).toBe(1);
    expect(await diagram.locator('g.node').count()).toBe(401);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1000 });
    const box = await diagram.boundingBox();
    // 235 mm at 96 px per inch.
    expect(box!.height).toBeLessThanOrEqual(Math.ceil((235 / 25.4) * 96) + 1);
    expect(box!.width).toBeLessThanOrEqual(703);
    writeFileSync(join(ARTIFACTS, 'big-400.png'), await page.screenshot({ fullPage: false }));
    await page.close();
  }, 60_000);
});
