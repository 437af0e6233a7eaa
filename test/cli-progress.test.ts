// The progress line: shown on a terminal once a run takes about a second, redrawn in place, erased
// at the end; never in CI, with --quiet, on TERM=dumb or when stderr is not a terminal.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRESS_DELAY_MS, REDRAW_MS, progressLine, progressText, type ProgressClock } from '../src/cli/progress.js';
import { ROOT } from './helpers.js';

const ERASE = '\r\u001B[2K';

/** A terminal that records what is written, and a clock moved by hand. */
function fakeTerminal(columns = 80) {
  const written: string[] = [];
  let time = 0;
  let pending: { at: number; action: () => void } | undefined;
  const clock: ProgressClock = {
    now: () => time,
    after: (ms, action) => {
      pending = { at: time + ms, action };
      return () => {
        pending = undefined;
      };
    },
  };
  const advance = (ms: number): void => {
    time += ms;
    if (pending && pending.at <= time) {
      const { action } = pending;
      pending = undefined;
      action();
    }
  };
  return { stream: { isTTY: true, columns, write: (text: string) => written.push(text) }, clock, written, advance };
}

describe('progress line', () => {
  it('appears after the delay, redraws at most every REDRAW_MS, and is erased at the end', () => {
    const terminal = fakeTerminal();
    const line = progressLine(terminal.stream, { env: {}, clock: terminal.clock })!;
    line.update({ done: 0, total: 3, file: 'a.yaml' });
    terminal.advance(PROGRESS_DELAY_MS - 1);
    expect(terminal.written).toEqual([]);
    terminal.advance(1);
    expect(terminal.written).toEqual([`${ERASE}ivr-audit: 0/3 files  a.yaml`]);
    line.update({ done: 1, total: 3, file: 'b.yaml' });
    expect(terminal.written).toHaveLength(1);
    terminal.advance(REDRAW_MS);
    line.update({ done: 2, total: 3, file: 'c.yaml' });
    expect(terminal.written.at(-1)).toBe(`${ERASE}ivr-audit: 2/3 files  c.yaml`);
    line.end();
    expect(terminal.written.at(-1)).toBe(ERASE);
  });

  it('takes a terminal of unknown size (0 columns, as under script) as 80 wide', () => {
    const terminal = fakeTerminal(0);
    const line = progressLine(terminal.stream, { env: {}, clock: terminal.clock })!;
    line.update({ done: 0, total: 3, file: 'a.yaml' });
    terminal.advance(PROGRESS_DELAY_MS);
    expect(terminal.written).toEqual([`${ERASE}ivr-audit: 0/3 files  a.yaml`]);
  });

  it('never shows for a run that ends before the delay', () => {
    const terminal = fakeTerminal();
    const line = progressLine(terminal.stream, { env: {}, clock: terminal.clock })!;
    line.update({ done: 0, total: 1, file: 'a.yaml' });
    terminal.advance(PROGRESS_DELAY_MS / 2);
    line.end();
    terminal.advance(PROGRESS_DELAY_MS);
    expect(terminal.written).toEqual([]);
  });

  it('is not shown when stderr is no terminal, in CI, with --quiet or on a dumb terminal', () => {
    const { stream } = fakeTerminal();
    expect(progressLine({ ...stream, isTTY: false }, { env: {} })).toBeUndefined();
    expect(progressLine(stream, { env: { CI: 'true' } })).toBeUndefined();
    expect(progressLine(stream, { env: { CI: '1' } })).toBeUndefined();
    expect(progressLine(stream, { env: {}, quiet: true })).toBeUndefined();
    expect(progressLine(stream, { env: { TERM: 'dumb' } })).toBeUndefined();
    expect(progressLine(stream, { env: { CI: 'false' } })).toBeDefined();
  });

  it('shows a file name without its control characters, cut from the left to fit the terminal', () => {
    expect(progressText({ done: 1, total: 2, file: 'evil\u001B]0;owned\u0007.yaml' }, 80)).not.toMatch(/[\u0000-\u001F]/);
    const text = progressText({ done: 1, total: 20, file: `flows/${'deep/'.repeat(20)}billing.yaml` }, 50);
    expect(text.length).toBeLessThan(50);
    expect(text).toMatch(/^ivr-audit: 1\/20 files {2}….*billing\.yaml$/);
    expect(progressText({ done: 1, total: 20, file: 'a.yaml' }, 20)).toBe('ivr-audit: 1/20 fil');
  });
});

describe('progress under a pseudo-terminal', () => {
  const underTerminal = (env: Record<string, string>): string => {
    const command = `node ${join(ROOT, 'bin/run.js')} lint fixtures/rules --no-config --concurrency 1 -f json -o /dev/null`;
    const run = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(run.error).toBeUndefined();
    return run.stdout;
  };
  const hasScript = spawnSync('script', ['--version']).status === 0;

  it.skipIf(!hasScript)('writes no progress in CI even on a terminal', () => {
    expect(underTerminal({ CI: 'true' })).not.toContain('files');
  });

  it.skipIf(!hasScript)('leaves no progress line behind on a terminal', () => {
    const transcript = underTerminal({ CI: '', NO_COLOR: '1' });
    // Whether the line was drawn depends on the machine's speed; that it is gone at the end does not.
    const lastDraw = transcript.lastIndexOf(' files  ');
    if (lastDraw !== -1) expect(transcript.lastIndexOf(ERASE)).toBeGreaterThan(lastDraw);
  });
});
