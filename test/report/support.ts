// Shared by the report tests: run the built binary, make scratch folders, find Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export { ROOT };

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, ...options.env } as NodeJS.ProcessEnv,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function scratch(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-audit-report-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

export const HOSTILE = 'fixtures/hostile/hostile.yaml';
/** Debian's Chromium; the variable exists only to try the skip and require paths by hand. */
export const CHROMIUM = process.env.IVR_AUDIT_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** CI sets this: there a missing browser is a failure, never a skip. */
export const browserRequired = process.env.IVR_AUDIT_BROWSER_TESTS === 'require';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A flow of `count` menu nodes, each offering the next two and a way out: big, and with many crossings. */
export function bigFlow(count: number): string {
  const lines = ['version: 1', `name: Big flow of ${count}`, 'entry: m0', 'nodes:'];
  for (let index = 0; index < count; index++) {
    const next = `m${Math.min(count - 1, index + 1)}`;
    const skip = `m${Math.min(count - 1, index + 2)}`;
    lines.push(
      `  m${index}:`,
      '    type: menu',
      `    say: Menu ${index}. Press 1 or 2, or 0 for a person.`,
      '    options:',
      `      "1": ${next}`,
      `      "2": ${skip}`,
      '      "0": person',
      '    onNoInput: person',
      '    onNoMatch: person',
    );
  }
  lines.push('  person:', '    type: agent');
  return `${lines.join('\n')}\n`;
}

/**
 * Resource references in an HTML document: src/href/srcset/poster/data of every tag except
 * `<a>` (a link the reader may follow is fine; anything the page would fetch by itself is not),
 * plus CSS `url(...)` and `@import`.
 */
export function fetchedResources(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)\b([^>]*)>/g)) {
    if (tag[1]!.toLowerCase() === 'a') continue;
    for (const attribute of tag[2]!.matchAll(/\b(src|href|srcset|poster|data|xlink:href|action)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
      found.push(attribute[2]!.replace(/^["']|["']$/g, ''));
    }
  }
  for (const match of html.matchAll(/url\(\s*([^)]*)\)|@import\s+([^;]+)/gi)) found.push((match[1] ?? match[2] ?? '').trim());
  return found;
}
