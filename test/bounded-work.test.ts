// Work is bounded whatever the input (issue 9): a subflow bomb (each file calls the next twice, 25
// levels deep, 2^24 journeys) is cut at the journey cap. How fast that is belongs to the benchmark;
// the test timeout is the guard against a hang.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';

function subflowBomb(levels: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'ivr-audit-bomb-'));
  const name = (level: number): string => `level-${String(level).padStart(2, '0')}.yaml`;
  for (let level = 0; level < levels; level++) {
    const last = level === levels - 1;
    const after = level === 0 ? ['  person:', '    type: agent'] : ['  done:', '    type: return'];
    const body = last
      ? ['  first:', '    type: play', '    say: The last level.', '    next: done', '  done:', '    type: return']
      : ['  first:', '    type: subflow', `    flow: ${name(level + 1)}`, '    next: second', '  second:', '    type: subflow', `    flow: ${name(level + 1)}`, `    next: ${level === 0 ? 'person' : 'done'}`, ...after];
    writeFileSync(join(folder, name(level)), ['version: 1', `name: Level ${level}`, 'entry: first', 'nodes:', ...body, ''].join('\n'));
  }
  return folder;
}

describe('bounded work', () => {
  it('a subflow bomb is cut at the journey cap and says so', async () => {
    const cwd = subflowBomb(25);
    const result = await audit([join(cwd, 'level-00.yaml')], { cwd, noConfig: true });
    expect(result.files[0]!.unknowns.join('\n')).toMatch(/journeys truncated at 100,000 steps/);
  });
});
