/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report in a real browser: Debian's Chromium driven by playwright-core. Without
// /usr/bin/chromium these tests are skipped with a note, unless IVR_AUDIT_BROWSER_TESTS=require
// (set by .ci/run), where a missing browser fails.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectQuiet, launch, open } from './browser-support.js';
import { CHROMIUM, HOSTILE, ROOT, browserRequired, cli, hasChromium, scratch } from './support.js';

const skip = !hasChromium && !browserRequired;
if (skip) console.warn(`[ivr-audit] browser tests skipped: ${CHROMIUM} not found (apt-get install chromium, or set IVR_AUDIT_BROWSER_TESTS=require to fail instead)`);

describe.skipIf(skip)(`HTML report in headless Chromium${skip ? ` (skipped: ${CHROMIUM} not found)` : ''}`, () => {
  let browser: Browser | undefined;
  let folder: string;
  let reportFile: string;

  beforeAll(async () => {
    // Required but missing: every test below fails (the first one says why), none is skipped.
    browser = await launch();
    // A folder of flows: the hostile one, the shipped example, and a file that is not YAML.
    folder = scratch({ 'broken.yaml': 'version: 1\nnodes: [unclosed\n' });
    copyFileSync(join(ROOT, HOSTILE), join(folder, 'hostile.yaml'));
    copyFileSync(join(ROOT, 'examples/acme-support.yaml'), join(folder, 'acme-support.yaml'));
    reportFile = join(folder, 'report.html');
    const run = cli(['report', '.', '-o', reportFile], { cwd: folder });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it(`finds Chromium at ${CHROMIUM}`, () => {
    expect(hasChromium, `IVR_AUDIT_BROWSER_TESTS=require, but ${CHROMIUM} is missing`).toBe(true);
  });

  it('opens with no script run, no request leaving the page and no console error', async () => {
    const watched = await open(browser!, reportFile);
    expectQuiet(watched, reportFile);
    const { page } = watched;
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script, iframe, img, object, embed').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toMatch(/default-src 'none'/);
    await page.close();
  });

  it('shows every flow in the summary table, hostile names as text', async () => {
    const { page } = await open(browser!, reportFile);
    const rows = await page.$$eval('table.summary tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows).toHaveLength(3);
    const files = rows.map((row) => row[1]);
    expect(files.sort()).toEqual(['acme-support.yaml', 'broken.yaml', 'hostile.yaml']);
    const hostile = rows.find((row) => row[1] === 'hostile.yaml')!;
    expect(hostile[0]).toContain("<script>alert('name')</script>");
    expect(hostile[4]).toBe('1');
    const acme = rows.find((row) => row[1] === 'acme-support.yaml')!;
    expect(acme[0]).toBe('ACME support line');
    await page.close();
  });

  it('draws the diagram with one shape per node and a non-empty screenshot', async () => {
    const { page } = await open(browser!, reportFile);
    expect(await page.locator('svg.diagram').count()).toBe(2);
    const section = page.locator('section.flow', { hasText: 'hostile.yaml' });
    const diagram = section.locator('svg.diagram');
    expect(await diagram.locator('g.node').count()).toBe(5);
    expect(await diagram.locator('g.node-error').count()).toBe(1);
    expect(await diagram.locator('g.node-missing').count()).toBe(1);
    const box = await diagram.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
    // The hostile labels are SVG text, not elements.
    expect(await diagram.locator('text', { hasText: '<script>' }).count()).toBeGreaterThan(0);
    const shot = await page.screenshot({ fullPage: true });
    expect(shot.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(shot.length).toBeGreaterThan(20_000);
    const diagramShot = await diagram.screenshot();
    expect(diagramShot.length).toBeGreaterThan(2_000);
    writeFileSync(join(folder, 'report.png'), shot);
    await page.close();
  });

  it('prints: each flow starts a page and the PDF renders', async () => {
    const { page } = await open(browser!, reportFile);
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('section.flow', (section) => getComputedStyle(section).breakBefore)).toBe('page');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('also opens the `lint -f html` output of the hostile flow quietly', async () => {
    const file = join(folder, 'lint.html');
    const run = cli(['lint', 'hostile.yaml', '-f', `html=${file}`], { cwd: folder });
    expect(run.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const watched = await open(browser!, file);
    expectQuiet(watched, file);
    expect(await watched.page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await watched.page.locator('svg.diagram g.node').count()).toBe(5);
    await watched.page.close();
  });
});
