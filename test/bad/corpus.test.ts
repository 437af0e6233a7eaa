// The hostile-input corpus (fixtures/bad/, see its README): each file through the built CLI, with
// its exact outcome, a time limit that turns a hang into a failure, no raw control character on
// stdout or stderr, and no input file changed. Cases a helper is still fixing are `it.fails`,
// with the bug and its owner named; each flips to `it` when the fix lands on main.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD, expectOutcome, fingerprint, lint, pending, type Outcome } from './support.js';

interface Case extends Outcome {
  /** A file or folder of fixtures/bad. */
  path: string;
  /** When the outcome is not yet what the issue demands: the bug and the helper fixing it. */
  bug?: string;
}

const CASES: Case[] = [
  { path: 'alias-bomb.yaml', exit: 1, findings: ['1 yaml-syntax'], message: /cannot be read/ },
  { path: 'alias-bomb-in-flow.yaml', exit: 1, findings: ['1 yaml-syntax'], message: /cannot be read/ },
  { path: 'merge-keys.yaml', exit: 0, findings: ['10 unreachable-node'] },
  { path: 'custom-tags.yaml', exit: 1, findings: ['12 yaml-syntax', '8 yaml-syntax'], message: /tag !!js\/function is not supported/ },
  { path: 'nul-raw.yaml', exit: 1, findings: ['7 yaml-syntax'], message: /NUL|\\x00|\\u0000/ },
  {
    path: 'nul-escape.yaml', exit: 1, findings: ['3 no-human', '8 unknown-target', '9 unreachable-node'],
  },
  // Lint reads Latin-1 bytes as U+FFFD; only --fix must keep them (see the --fix cases below).
  { path: 'invalid-utf8.yaml', exit: 0, findings: [] },
  { path: 'proto-ids.yaml', exit: 0, findings: [] },
  ...(['UTF-16LE', 'UTF-16BE', 'UTF-32LE', 'UTF-32BE'] as const).map((encoding): Case => ({
    path: `${encoding.toLowerCase().replace('-', '')}-bom.yaml`, exit: 1, findings: ['1 schema'], message: new RegExp(encoding),
  })),
  { path: 'deep-block-sequence.yaml', exit: 1, findings: ['1 yaml-syntax'], message: /nested too deeply/ },
  {
    path: 'rings-1e308.yaml', exit: 1, findings: ['12 schema'], message: /at most 1000/,
  },
  {
    path: 'calls-per-hour-1e12.yaml', exit: 1, findings: ['4 time-to-human', '6 queue-occupancy'], message: /erlangs/,
  },
  {
    path: 'aht-seconds-1e12.yaml', exit: 1, findings: ['4 time-to-human', '6 queue-occupancy'], message: /erlangs/,
  },
  { path: 'dev-zero-subflow.yaml', exit: 1, findings: ['8 subflow-not-found'], message: /not a regular file/ },
  { path: 'directory-subflow.yaml', exit: 1, findings: ['8 subflow-not-found'], message: /not a regular file/ },
  {
    path: 'control-chars.yaml', exit: 1, findings: ['10 unknown-target', '11 unreachable-node', '5 no-human', '9 cliche-prompt'],
  },
  {
    path: 'control-in-key.yaml', exit: 1, findings: ['6 schema', '9 schema'],
  },
  {
    path: 'bidi-prompts.yaml', exit: 1, findings: ['10 unknown-target', '11 unreachable-node', '5 no-human', '9 cliche-prompt'],
  },
  {
    path: 'bidi-ids.yaml', exit: 1, findings: ['10 schema'], message: /^`person\u202e` is not a valid id/,
  },
  {
    path: 'twilio-truncated.json', exit: 1, findings: ['78 yaml-syntax'], message: /cut off/,
  },
  {
    path: 'twilio-states-not-list.json', exit: 1, findings: ['3 schema'], message: /`states` must be a list/,
  },
  {
    path: 'connect-truncated.json', exit: 1, findings: ['31 yaml-syntax'],
  },
  {
    path: 'connect-legacy-truncated.json', exit: 1, findings: ['46 yaml-syntax'],
  },
  {
    path: 'connect-content-not-json.json', exit: 1, findings: ['9 schema'], message: /`Content` is not valid JSON/,
  },
  {
    path: 'not-flows', exit: 0, findings: [], stderr: /docker-compose\.yml.*not a call flow/,
  },
  { path: 'fix-json.json', exit: 0, findings: ['6 hold-without-callback'] },
  { path: 'fix-alias.yaml', exit: 0, findings: ['14 hold-without-callback', '21 hold-without-callback'] },
  { path: 'fix-latin1.yaml', exit: 0, findings: ['6 hold-without-callback'] },
];

describe.concurrent('the hostile-input corpus, file by file', () => {
  for (const item of CASES) {
    const test = item.bug ? pending : it;
    test(`${item.path}${item.bug ? ` (${item.bug})` : ''}`, async () => {
      const before = fingerprint(BAD);
      expectOutcome(await lint([item.path], BAD), item, item.path === 'not-flows');
      expect(fingerprint(BAD), 'an input file changed without --fix').toEqual(before);
    });
  }

  it('has a case and a README row for every entry of fixtures/bad', () => {
    const entries = readdirSync(BAD).filter((name) => name !== 'README.md').sort();
    expect(entries).toEqual(CASES.map((item) => item.path).sort());
    const readme = readFileSync(join(BAD, 'README.md'), 'utf8');
    for (const entry of entries) expect(readme, entry).toContain(`| \`${entry}`);
  });
});
