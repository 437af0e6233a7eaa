// Compiles the JSON Schemas into standalone validators at build time, so the CLI does not pay
// for schema compilation at start-up.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src', 'load', 'generated');
mkdirSync(outDir, { recursive: true });

const schemas = [
  { file: 'callflow.schema.json', out: 'callflow-validator.ts' },
  { file: 'config.schema.json', out: 'config-validator.ts' },
  { file: 'ivr-test.schema.json', out: 'journey-test-validator.ts' },
];
for (const { file, out } of schemas) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8'));
  const ajv = new Ajv({ strict: true, allErrors: true, discriminator: true, code: { source: true, esm: true } });
  const validate = ajv.compile(schema);
  const code = standaloneCode.default(ajv, validate);
  // ajv's standalone output still require()s its small runtime helpers even in ESM mode.
  const header = `// @ts-nocheck\n// Generated from schemas/${file} by scripts/build-validator.js. Do not edit.\n`
    + `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n`;
  writeFileSync(join(outDir, out), header + code);
}
