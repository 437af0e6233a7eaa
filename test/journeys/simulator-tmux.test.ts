// The interactive simulator on a real terminal: tmux runs `ivr-audit call`, send-keys presses the
// caller's keys, capture-pane reads the screen. Skipped with a note where tmux is not installed,
// unless IVR_AUDIT_TMUX_TESTS=require (CI installs it).
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const required = process.env.IVR_AUDIT_TMUX_TESTS === 'require';
if (!hasTmux && !required) console.warn('[ivr-audit] simulator tests skipped: tmux not found (apt-get install tmux, or set IVR_AUDIT_TMUX_TESTS=require to fail instead)');

// A server of its own per test (-L), so that no test sees another's screen or a server still closing.
let session = '';
let started = 0;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', session, '-S', '-200');

/** Waits until the screen shows `text` (the simulator answers each key at once; the bound only stops a hung run). */
async function waitFor(text: string | RegExp): Promise<string> {
  for (let tries = 0; tries < 300; tries++) {
    const shown = screen();
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error(`the screen never showed ${String(text)}:\n${screen()}`);
}

function start(flow: string): void {
  session = `ivr-audit-call-${process.pid}-${++started}`;
  const command = `NO_COLOR=1 ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin/run.js'))} call ${JSON.stringify(flow)}; echo "[exit $?]"; sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '60', '-c', ROOT, command);
}

afterEach(() => {
  if (hasTmux && session) spawnSync('tmux', ['-L', session, 'kill-server']);
});

describe.skipIf(!hasTmux && !required)('ivr-audit call on a terminal (tmux)', () => {
  it('has tmux when required', () => {
    expect(hasTmux, 'IVR_AUDIT_TMUX_TESTS=require, but tmux is missing').toBe(true);
  });

  it('plays the prompts with the clock, takes a key and typed digits, and prints the journey', async () => {
    start('examples/acme-support.yaml');
    await waitFor('0:02  main-menu: "For billing press 1. To talk to a person, press 0."');
    tmux('send-keys', '-t', session, '1');
    await waitFor('0:09  account: "Please enter your customer number."');
    tmux('send-keys', '-t', session, '12345678', 'Enter');
    const shown = await waitFor('[exit 0]');
    expect(shown).toContain('→ caller presses 1');
    expect(shown).toMatch(/on hold in billing-queue for about \d+ s \(music, wait announced, callback offered\)/);
    expect(shown).toMatch(/a person answers \(billing-agent\)/);
    expect(shown).toMatch(/ends at billing-agent \(person\) at 0:2\d/);
    expect(shown).toContain('the audit says');
  });

  it('w stays silent (the menu repeats) and q hangs up', async () => {
    start('fixtures/journeys/clinic.yaml');
    await waitFor('For appointments press 1.');
    tmux('send-keys', '-t', session, 'w');
    // retries: 1 — the prompt is played again after the silence.
    await waitFor(/→ caller says nothing\n0:1\d {2}main-menu/);
    tmux('send-keys', '-t', session, 'q');
    const shown = await waitFor('[exit 0]');
    expect(shown).toContain('You hung up.');
    expect(shown).toMatch(/ends at main-menu/);
  });
});
