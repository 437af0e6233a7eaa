// `report --pdf`: the HTML report printed by the system's Chromium, through playwright-core. Both
// are optional at run time (playwright-core is a dev dependency, Chromium a system package): when
// either is missing the command says how to install it and exits 2. Nothing is fetched: the page
// is set from the report's own text, and the report loads nothing by itself.
import { existsSync } from 'node:fs';
import { UsageError } from '../cli/usage-error.js';
import type { Lang } from '../i18n/index.js';
import { reportWords } from '../i18n/report.js';
import type { PaperFormat } from './paper.js';


/** Where Chromium is looked for: IVR_AUDIT_CHROMIUM first, then Debian's and others' usual paths. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const given = env.IVR_AUDIT_CHROMIUM;
  if (given !== undefined && given !== '') return [given];
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return chromiumCandidates(env).find((path) => existsSync(path));
}

type Playwright = typeof import('playwright-core');

async function loadPlaywright(lang: Lang): Promise<Playwright> {
  try {
    return await import('playwright-core');
  } catch {
    throw new UsageError(reportWords(lang)('pdf.no-playwright'));
  }
}

/** The report as a PDF, printed by Chromium with the report's print stylesheet; errors in the report's language. */
export async function htmlToPdf(html: string, paper: PaperFormat, env: NodeJS.ProcessEnv = process.env, lang: Lang = 'en'): Promise<Buffer> {
  const t = reportWords(lang);
  const executablePath = findChromium(env);
  if (executablePath === undefined) throw new UsageError(t('pdf.no-chromium'));
  const { chromium } = await loadPlaywright(lang);
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] })
    .catch((error: unknown) => {
      throw new UsageError(t('pdf.chromium-failed', { path: executablePath, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) }));
    });
  try {
    const page = await browser.newPage();
    // Belt and braces: the report fetches nothing, and the page may not either.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: paper, preferCSSPageSize: false, printBackground: true });
  } finally {
    await browser.close();
  }
}
