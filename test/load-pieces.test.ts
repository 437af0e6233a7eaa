// Large documents are parsed in pieces (src/load/yaml.ts parseInPieces) to save memory: the result
// must be the whole-document parse's exactly (data, every place, the line table), or undefined so
// that the whole parse runs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFlow } from '../bench/generate.js';
import { parseInPieces, parseYaml } from '../src/load/yaml.js';
import { ROOT } from './helpers.js';

function expectSameAsWhole(text: string): void {
  const pieces = parseInPieces(text);
  expect(pieces).toBeDefined();
  const whole = parseYaml(text);
  expect(whole.problems).toEqual([]);
  expect(JSON.stringify(pieces!.data)).toBe(JSON.stringify(whole.data));
  expect(Object.fromEntries(pieces!.places)).toEqual(Object.fromEntries(whole.places));
  expect(pieces!.lineCounter.lineStarts).toEqual(whole.lineCounter.lineStarts);
  expect(pieces!.problems).toEqual([]);
}

describe('parsing a large document in pieces', () => {
  it('reads generated flows of several pieces as the whole parse does', () => {
    expectSameAsWhole(generateFlow(4_500));
    // nodes is not the last key; comments, blank lines and block scalars among the entries.
    const flow = generateFlow(2_100).replace('nodes:\n', 'nodes:\n# the entries\n\n').replace('  n7:', '  # a comment\n\n  n7:')
      .replace('  n2000: {', '  n2000x:\n    type: play\n    say: |\n      two lines\n      of text\n    next: n0\n  n2000: {');
    expectSameAsWhole(`${flow}settings:\n  wordsPerMinute: 160\n`);
  });

  it('reads the examples as the whole parse does', () => {
    for (const name of readdirSync(join(ROOT, 'examples')).filter((file) => file.endsWith('.yaml'))) {
      expectSameAsWhole(readFileSync(join(ROOT, 'examples', name), 'utf8'));
    }
  });

  it('leaves to the whole parse what a cut could change or what has problems', () => {
    const flow = generateFlow(30);
    const cases = [
      flow.replace('  n5: { type: agent, resolves: 0.5, next: n6 }', '  n5: { type: agent, resolves: 0.5,\n  next: n6 }'), // a flow mapping over lines
      flow.replace('  n6: {', '  n5: {'), // a duplicate key
      flow.replace('  n6: { type: play, say: Thanks', '  n6: { type: play, say: "Thanks\n  n9: x'), // a quoted scalar over lines
      flow.replace('  n6: { type: play, say: Thanks for waiting.', '  n6: { type: play, say: &a Thanks for waiting.').replace('say: Thanks for waiting.', 'say: *a'), // aliases
      flow.replace('nodes:', 'nodes: # list\n  ? n99\n  : { type: agent }\n'), // an explicit key
      flow.replace('\n', '\r\n'),
      `${flow}---\nversion: 1\n`,
      flow.replace('  n6: {', '  [n6]: {'),
      flow.replace('  n4:', '  __proto__:'),
      flow.replace('nodes:\n', 'nodes: {}\n'),
    ];
    for (const text of cases) expect(parseInPieces(text)).toBeUndefined();
  });
});
