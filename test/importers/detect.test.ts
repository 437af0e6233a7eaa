// Cheap detection of platform exports; format v1 flows and unrelated files are not claimed.
import { describe, expect, it } from 'vitest';
import { detectFormat, importFlow } from '../../src/load/importers/index.js';
import { FIXTURE_ROOT, flowFiles, read } from './helpers.js';

describe('detectFormat', () => {
  it.each(flowFiles(FIXTURE_ROOT))('detects $name', ({ platform, path }) => {
    expect(detectFormat(path, read(path))).toBe(platform);
  });

  it('detects Connect in all its forms', () => {
    const flow = { Version: '2019-10-30', StartAction: 'a', Actions: [] };
    expect(detectFormat('a.json', JSON.stringify(flow))).toBe('connect');
    expect(detectFormat('a.json', JSON.stringify({ Name: 'x', Content: JSON.stringify(flow) }))).toBe('connect');
    expect(detectFormat('a.json', JSON.stringify({ ContactFlow: { Content: JSON.stringify(flow) } }))).toBe('connect');
    expect(detectFormat('a.json', JSON.stringify({ ContactFlowModule: { Content: flow } }))).toBe('connect');
    expect(detectFormat('a.json', JSON.stringify({ modules: [], version: '1', start: 'x' }))).toBe('connect');
    // Not JSON until a placeholder is filled: the keys Connect always writes still tell.
    expect(detectFormat('a.json', '{"Version": "2019-10-30", "StartAction": "a", "Actions": [{"x": {{t}}}]}')).toBe('connect');
  });

  it('detects Twilio, bare or wrapped in `definition`', () => {
    const definition = { states: [], initial_state: 'Trigger' };
    expect(detectFormat('t.json', JSON.stringify(definition))).toBe('twilio');
    expect(detectFormat('t.json', JSON.stringify({ sid: 'FW', definition }))).toBe('twilio');
    expect(detectFormat('t.json', '{"states": [{"x": ${X}}], "initial_state": "Trigger"}')).toBe('twilio');
  });

  it('detects Genesys by its top-level `inboundCall`', () => {
    expect(detectFormat('g.yaml', 'inboundCall:\n  name: x\n')).toBe('genesys');
    expect(detectFormat('g.yaml', '\uFEFF# comment\ninboundCall:\n  tts: {{x}}\n')).toBe('genesys');
    expect(detectFormat('g.json', '{"inboundCall": {"name": "x"}}')).toBe('genesys');
  });

  it('returns null for format v1 flows and anything else', () => {
    expect(detectFormat('f.yaml', 'version: 1\nname: x\nentry: a\nnodes:\n  a: { type: hangup }\n')).toBeNull();
    expect(detectFormat('f.json', '{"version": 1, "name": "x", "entry": "a", "nodes": {"a": {"type": "hangup"}}}')).toBeNull();
    expect(detectFormat('package.json', '{"name": "ivr-audit", "version": "1.0.0"}')).toBeNull();
    expect(detectFormat('x.yaml', 'outboundCall:\n  name: x\n')).toBeNull();
    expect(detectFormat('x.json', '{ not json')).toBeNull();
    expect(detectFormat('x.json', '')).toBeNull();
  });
});

describe('importFlow', () => {
  it('returns null for what it does not read, unless a format is forced', () => {
    expect(importFlow('package.json', '{"name": "x"}')).toBeNull();
    const forced = importFlow('package.json', '{"name": "x"}', 'twilio');
    expect(forced?.format).toBe('twilio');
    expect(forced?.problems[0]?.ruleId).toBe('schema');
  });
});
