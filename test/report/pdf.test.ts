// `report --pdf` without a browser: one line saying how to install it, exit 2, nothing written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium } from '../../src/report/pdf.js';
import { ROOT, cli, scratch } from './support.js';

describe('report --pdf', () => {
  it('says how to install Chromium when it is missing, exits 2 and writes nothing', () => {
    const folder = scratch();
    const pdf = join(folder, 'out.pdf');
    const html = join(folder, 'out.html');
    const run = cli(['report', join(ROOT, 'fixtures/reference/seed-001-call.yaml'), '--lang', 'en', '--pdf', pdf, '-o', html], { cwd: folder, env: { IVR_AUDIT_CHROMIUM: join(folder, 'no-chromium') } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ivr-audit: --pdf needs Chromium: install Chromium \(Debian\/Ubuntu: apt-get install chromium\)/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(pdf)).toBe(false);
    expect(existsSync(html)).toBe(false);
  });

  it('says it in the report\'s language: Spanish for a Spanish flow', () => {
    const folder = scratch();
    const pdf = join(folder, 'out.pdf');
    const run = cli(['report', join(ROOT, 'fixtures/reference/seed-001-call.yaml'), '--pdf', pdf], { cwd: folder, env: { IVR_AUDIT_CHROMIUM: join(folder, 'no-chromium'), LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ivr-audit: --pdf necesita Chromium: instale Chromium/);
    expect(existsSync(pdf)).toBe(false);
  });

  it('refuses --pdf with Markdown, and --paper without --pdf', () => {
    const markdown = cli(['report', 'fixtures/reference/seed-001-call.yaml', '--format', 'markdown', '--pdf', 'x.pdf']);
    expect(markdown.status).toBe(2);
    expect(markdown.stderr).toMatch(/--pdf prints the HTML report/);
    const paper = cli(['report', 'fixtures/reference/seed-001-call.yaml', '--paper', 'letter']);
    expect(paper.status).toBe(2);
    expect(paper.stderr).toMatch(/--paper sets the paper of --pdf/);
    // Before the flows are read only --lang (or the environment) says the language.
    const spanish = cli(['report', 'fixtures/reference/seed-001-call.yaml', '--lang', 'es', '--paper', 'letter']);
    expect(spanish.status).toBe(2);
    expect(spanish.stderr).toMatch(/--paper fija el papel de --pdf/);
  });

  it('looks for Chromium where IVR_AUDIT_CHROMIUM says, else in the usual places', () => {
    expect(chromiumCandidates({ IVR_AUDIT_CHROMIUM: '/opt/c' })).toEqual(['/opt/c']);
    expect(chromiumCandidates({})).toContain('/usr/bin/chromium');
    expect(findChromium({ IVR_AUDIT_CHROMIUM: '/nowhere/chromium' })).toBeUndefined();
  });
});
