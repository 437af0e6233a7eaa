// The official SARIF 2.1.0 schema, compiled once for the tests that validate SARIF output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ROOT } from '../helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
// ajv-formats is CommonJS with `exports.default`: under NodeNext its default import is the module.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv }).default ?? addFormatsModule;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

export const validateSarif = ajv.compile(schema);
