import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_KEYS } from '../../src/config/validate.js';
import { ROOT } from '../helpers.js';

type Schema = Record<string, unknown>;
const config = JSON.parse(readFileSync(join(ROOT, 'schemas/config.schema.json'), 'utf8')) as Schema;
const callflow = JSON.parse(readFileSync(join(ROOT, 'schemas/callflow.schema.json'), 'utf8')) as Schema;

/** Every subschema of the config schema, with its path. */
function subschemas(schema: unknown, path = '#'): Array<[string, Schema]> {
  if (typeof schema !== 'object' || schema === null) return [];
  if (Array.isArray(schema)) return schema.flatMap((item, index) => subschemas(item, `${path}/${index}`));
  const node = schema as Schema;
  const found: Array<[string, Schema]> = [[path, node]];
  for (const keyword of ['properties', 'definitions']) {
    for (const [key, child] of Object.entries((node[keyword] ?? {}) as Schema)) found.push(...subschemas(child, `${path}/${keyword}/${key}`));
  }
  for (const keyword of ['items', 'additionalProperties', 'anyOf']) {
    if (typeof node[keyword] === 'object') found.push(...subschemas(node[keyword], `${path}/${keyword}`));
  }
  return found;
}

describe('schemas/config.schema.json', () => {
  it('is draft-07', () => {
    expect(config.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('describes every key and value', () => {
    const missing = subschemas(config)
      .filter(([path, node]) => !path.endsWith('/definitions') && node.description === undefined && node.$ref === undefined)
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it('allows no unknown keys in any mapping with named keys', () => {
    const open = subschemas(config)
      .filter(([, node]) => node.properties !== undefined && node.additionalProperties !== false)
      .map(([path]) => path);
    expect(open).toEqual([]);
  });

  it('has the same settings as the flow format', () => {
    const flowSettings = (callflow.$defs as Schema).settings as Schema;
    const configSettings = (config.definitions as Schema).settings as Schema;
    expect(configSettings.properties).toEqual(flowSettings.properties);
  });

  it('agrees with the key lists used for "did you mean"', () => {
    for (const [path, keys] of Object.entries(KNOWN_KEYS)) {
      const node = subschemas(config).find(([candidate]) => candidate === path)?.[1];
      expect(Object.keys((node?.properties ?? {}) as Schema), path).toEqual(keys);
    }
  });
});
