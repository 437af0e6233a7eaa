// `npm test` on a fresh clone with nothing beside it: no test reads outside the repository, and
// every copied platform export says where it came from and under which license.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]);
}

const PLATFORM = join(ROOT, 'fixtures/platform');

describe('the tests need nothing outside the repository', () => {
  it('no test names the shared folder beside the repository', () => {
    // Spelt in pieces so this file does not match itself.
    const outside = new RegExp(['\\.\\./', 'shared', '|', "'\\.\\.', ", "'shared'"].join(''));
    const offenders = filesUnder(join(ROOT, 'test')).filter((file) => outside.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('lists every platform export in fixtures/platform/SOURCES.md with its commit and a license text that exists', () => {
    const sources = readFileSync(join(PLATFORM, 'SOURCES.md'), 'utf8');
    const exports = ['connect', 'genesys', 'twilio'].flatMap((platform) => readdirSync(join(PLATFORM, platform)).map((name) => `${platform}/${name}`));
    expect(exports.length).toBeGreaterThan(0);
    for (const file of exports) {
      const row = sources.split('\n').find((line) => line.startsWith(`| [${file}](${file}) |`));
      expect(row, file).toBeDefined();
      expect(row).toMatch(/ \| https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\/\S+ \| `[0-9a-f]{40}` \| /);
      const license = /\[licenses\/([^\]]+)\]/.exec(row!)?.[1];
      expect(license !== undefined && existsSync(join(PLATFORM, 'licenses', license)), `${file}: ${license}`).toBe(true);
    }
    expect(existsSync(join(PLATFORM, 'reference-flows-SOURCES.md'))).toBe(true);
  });
});
