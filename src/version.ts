import { existsSync, readFileSync } from 'node:fs';

/** The nearest package.json above this module: one folder up from src/ and dist/, two from the CLI bundle (dist/bundle/). */
function packageJsonUrl(): URL {
  for (const candidate of ['../package.json', '../../package.json']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return new URL('../package.json', import.meta.url);
}

/** The package's version, read once from its package.json. */
export const VERSION: string = (JSON.parse(readFileSync(packageJsonUrl(), 'utf8')) as { version: string }).version;
export const TOOL_NAME = 'ivr-audit';
