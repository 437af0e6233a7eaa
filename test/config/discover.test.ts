import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearConfigCache, findConfig, loadConfigFile } from '../../src/config/discover.js';
import { ConfigError } from '../../src/config/errors.js';

let root: string;

async function put(path: string, text: string): Promise<string> {
  const full = join(root, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, text);
  return full;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ivr-audit-config-'));
  clearConfigCache();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findConfig', () => {
  it('searches upwards from the folder', async () => {
    const path = await put('repo/.ivr-audit.yaml', 'extends: strict\n');
    await mkdir(join(root, 'repo/flows/billing'), { recursive: true });
    expect(await findConfig(join(root, 'repo/flows/billing'), root)).toEqual({ path, config: { extends: 'strict' } });
    expect(await findConfig(join(root, 'repo'), root)).toEqual({ path, config: { extends: 'strict' } });
  });

  it('takes the nearest config, without merging the ones above', async () => {
    await put('repo/.ivr-audit.yaml', 'extends: strict\n');
    const inner = await put('repo/legacy/.ivr-audit.yml', 'rules: { no-human: off }\n');
    expect(await findConfig(join(root, 'repo/legacy'), root)).toEqual({ path: inner, config: { rules: { 'no-human': 'off' } } });
  });

  it('prefers .ivr-audit.yaml, then .ivr-audit.yml, then package.json in one folder', async () => {
    await put('a/package.json', JSON.stringify({ name: 'x', 'ivr-audit': { extends: 'strict' } }));
    expect((await findConfig(join(root, 'a'), root))?.path).toBe(join(root, 'a/package.json'));
    clearConfigCache();
    await put('a/.ivr-audit.yml', 'ignore: [yml]\n');
    expect((await findConfig(join(root, 'a'), root))?.config).toEqual({ ignore: ['yml'] });
    clearConfigCache();
    await put('a/.ivr-audit.yaml', 'ignore: [yaml]\n');
    expect((await findConfig(join(root, 'a'), root))?.config).toEqual({ ignore: ['yaml'] });
  });

  it('reads the ivr-audit key of package.json and skips a package.json without it', async () => {
    const path = await put('repo/package.json', JSON.stringify({ name: 'flows', 'ivr-audit': { rules: { 'cold-transfer': 'off' } } }));
    await put('repo/sub/package.json', JSON.stringify({ name: 'sub' }));
    await put('repo/sub/broken/package.json', '{ not json');
    expect(await findConfig(join(root, 'repo/sub/broken'), root)).toEqual({ path, config: { rules: { 'cold-transfer': 'off' } } });
  });

  it('reports a broken package.json that mentions the key', async () => {
    await put('repo/package.json', '{ "ivr-audit": { extends: "strict" } }');
    await expect(findConfig(join(root, 'repo'), root)).rejects.toThrow(/package\.json: is not valid JSON/);
  });

  it('stops at stopAt (included)', async () => {
    await put('.ivr-audit.yaml', 'extends: strict\n');
    await mkdir(join(root, 'repo/flows'), { recursive: true });
    expect(await findConfig(join(root, 'repo/flows'), join(root, 'repo'))).toBeUndefined();
    expect(await findConfig(join(root, 'repo/flows'), root)).toBeDefined();
  });

  it('reports a bad config with its file and key', async () => {
    await put('repo/.ivr-audit.yaml', 'rules:\n  identity-questions: [error, { maxx: 1 }]\n');
    const error = await findConfig(join(root, 'repo'), root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(
      /\.ivr-audit\.yaml: rules\.identity-questions: option "maxx" is not an option of identity-questions \(did you mean "max"\?\)$/,
    );
  });

  it('caches per folder until the cache is cleared', async () => {
    const path = await put('repo/.ivr-audit.yaml', 'extends: strict\n');
    await mkdir(join(root, 'repo/a'), { recursive: true });
    await mkdir(join(root, 'repo/b'), { recursive: true });
    const first = findConfig(join(root, 'repo/a'), root);
    expect(findConfig(join(root, 'repo/a'), root)).toBe(first);
    await first;
    await unlink(path);
    // Sibling folders reuse what was found for their parent.
    expect((await findConfig(join(root, 'repo/b'), root))?.path).toBe(path);
    clearConfigCache();
    expect(await findConfig(join(root, 'repo/b'), root)).toBeUndefined();
  });
});

describe('loadConfigFile (-c PATH)', () => {
  it('reads YAML at any name', async () => {
    const path = await put('configs/ci.yaml', 'extends: strict\nscoring: { minScore: 80 }\n');
    expect(await loadConfigFile(path)).toEqual({ extends: 'strict', scoring: { minScore: 80 } });
  });

  it('reads a package.json key, and requires it', async () => {
    const path = await put('p/package.json', JSON.stringify({ 'ivr-audit': { extends: 'strict' } }));
    expect(await loadConfigFile(path)).toEqual({ extends: 'strict' });
    const without = await put('q/package.json', '{}');
    await expect(loadConfigFile(without)).rejects.toThrow(`${without}: has no "ivr-audit" key`);
  });

  it('reports a missing file as a ConfigError', async () => {
    const path = join(root, 'nope.yaml');
    await expect(loadConfigFile(path)).rejects.toThrow(`${path}: cannot read the config file (no such file)`);
    await expect(loadConfigFile(path)).rejects.toBeInstanceOf(ConfigError);
  });

  it('reports invalid YAML with line and column', async () => {
    const path = await put('bad.yaml', 'rules:\n  a: [error\n');
    await expect(loadConfigFile(path)).rejects.toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });
});
