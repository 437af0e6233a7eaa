/// <reference lib="dom" />
// Shared by the Chromium tests: open a report and record what must never happen.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, browserRequired, cli, hasChromium } from './support.js';

export const skipBrowser = !hasChromium && !browserRequired;

export const SEED = 'fixtures/reference/seed-001-call.yaml';
/** Screenshots of the reference flows, kept as test artifacts (.tmp/ is gitignored). */
export const ARTIFACTS = join(ROOT, '.tmp', 'report-screenshots');

/**
 * The seed call's report, written by the CLI into `folder` as `name` with `args` (a language...)
 * and `env`: it must succeed with nothing on stderr. The artifacts folder is made ready beside it.
 */
export function writeSeedReport(folder: string, name: string, args: string[], env?: Record<string, string | undefined>): string {
  copyFileSync(join(ROOT, SEED), join(folder, 'seed-001-call.yaml'));
  const report = join(folder, name);
  const run = cli(['report', 'seed-001-call.yaml', ...args, '-o', report], { cwd: folder, ...(env ? { env } : {}) });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  return report;
}

export interface Watched {
  page: Page;
  dialogs: string[];
  requests: string[];
  errors: string[];
}

/** Chromium when installed; undefined when required but missing (the tests then fail, not skip). */
export async function launch(): Promise<Browser | undefined> {
  return hasChromium ? chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }) : undefined;
}

/** Opens a file and records dialogs, requests, console warnings and errors, page errors. */
export async function open(browser: Browser, file: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const watched: Watched = { page, dialogs: [], requests: [], errors: [] };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return watched;
}

/** Nothing but the file itself was requested, and nothing complained. */
export function expectQuiet(watched: Watched, file: string): void {
  expect(watched.dialogs).toEqual([]);
  expect(watched.requests).toEqual([pathToFileURL(file).href]);
  expect(watched.errors).toEqual([]);
}

/** Pages of a PDF: its page objects, counted in the file (Chromium writes them uncompressed). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

/** Texts of one timeline row whose boxes overlap (the row's label, its note, its give-up label), as "one / other". */
export async function overlappingTexts(timeline: Locator): Promise<string[]> {
  return timeline.evaluate((svg) => [...svg.querySelectorAll('g.step')].flatMap((row) => {
    const boxes = [...row.querySelectorAll('text')].map((text) => ({ text: text.textContent, box: (text as SVGTextElement).getBBox() }));
    return boxes.flatMap((one, index) => boxes.slice(index + 1)
      .filter((other) => one.box.x < other.box.x + other.box.width && other.box.x < one.box.x + one.box.width)
      .map((other) => `${one.text} / ${other.text}`));
  }));
}
