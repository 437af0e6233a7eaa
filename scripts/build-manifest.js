// Writes oclif.manifest.json after the TypeScript build. With it, oclif knows every command's
// flags and help without importing the commands, so `--help` and `--version` stay cheap and a
// run imports only the command it runs. A stale manifest would hide new flags: rebuild it always.
// The commands are read from tsc's output (dist/commands/); the manifest points oclif at their
// bundled copies (dist/bundle/, scripts/build-bundle.js), which share one oclif with bin/run.js.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Config } from '@oclif/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = join(root, 'oclif.manifest.json');
rmSync(manifestPath, { force: true });

const config = await Config.load({ root, ignoreManifest: true });
const plugin = config.plugins.get(config.pjson.name);
if (!plugin) throw new Error(`build-manifest: plugin ${config.pjson.name} not found`);
const commandCount = Object.keys(plugin.manifest.commands).length;
if (commandCount === 0) throw new Error('build-manifest: no commands found; is dist/ built?');
for (const [id, command] of Object.entries(plugin.manifest.commands)) {
  command.relativePath = ['dist', 'bundle', `${id}.js`];
  if (!existsSync(join(root, ...command.relativePath))) throw new Error(`build-manifest: ${command.relativePath.join('/')} not built; run scripts/build-bundle.js first`);
}
writeFileSync(manifestPath, `${JSON.stringify(plugin.manifest, null, 2)}\n`);
console.log(`build-manifest: ${commandCount} commands`);
