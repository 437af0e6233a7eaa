// The oclif manifest written at build time is what `--help` and command dispatch read; a stale one
// would hide a command or a flag. It must describe exactly the commands that are built.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface ManifestCommand { flags: Record<string, unknown>; relativePath: string[] }
const manifest = JSON.parse(readFileSync(new URL('../oclif.manifest.json', import.meta.url), 'utf8')) as {
  version: string;
  commands: Record<string, ManifestCommand>;
};
const packageVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const builtCommands = readdirSync(new URL('../dist/commands/', import.meta.url))
  .filter((name) => name.endsWith('.js'))
  .map((name) => name.slice(0, -'.js'.length))
  .sort();

describe('oclif manifest', () => {
  it('has the package version', () => {
    expect(manifest.version).toBe(packageVersion);
  });

  it('lists every built command and no other', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual(builtCommands);
  });

  it.each(builtCommands)('has the flags of `%s` as the command defines them', async (id) => {
    const module = (await import(`../dist/commands/${id}.js`)) as { default: { flags?: Record<string, unknown> } };
    const ownFlags = Object.keys(module.default.flags ?? {});
    expect(Object.keys(manifest.commands[id]?.flags ?? {})).toEqual(expect.arrayContaining(ownFlags));
    // oclif runs the bundled copy of the command (scripts/build-bundle.js), which shares bin/run.js's oclif.
    expect(manifest.commands[id]?.relativePath).toEqual(['dist', 'bundle', `${id}.js`]);
  });
});
