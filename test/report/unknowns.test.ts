// What a file leaves out (facts an export does not state, a truncated analysis) changes what its
// findings mean: every format that reports a file says so, in the same words.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { OUTPUT_FORMATS, formatResult } from '../../src/report/index.js';
import { ROOT } from '../helpers.js';

const EXPORT = 'fixtures/import/twilio/all-widgets.json';

describe('unknowns in every output format', async () => {
  const result = await audit([EXPORT], { cwd: ROOT, noConfig: true });
  const unknowns = result.files[0]!.unknowns;

  it('the export has unknowns to show', () => {
    expect(unknowns.length).toBeGreaterThan(1);
  });

  // Markdown escapes what it quotes and HTML shows code spans as <code>: the words are the same.
  const asWritten = (format: string, text: string): string =>
    format === 'markdown' ? text.replace(/\\(.)/g, '$1') : format === 'html' ? text.replace(/<code>(.*?)<\/code>/g, '`$1`') : text;

  it('one of them quotes a name as code', () => {
    expect(unknowns.some((unknown) => unknown.includes('`'))).toBe(true);
  });

  for (const format of OUTPUT_FORMATS) {
    it(`${format} prints each of them`, async () => {
      const text = asWritten(format, await formatResult(format, result, { color: false, cwd: ROOT }));
      for (const unknown of unknowns) expect(text).toContain(unknown);
    });
  }

  it('github says them in one file-level notice', async () => {
    const lines = (await formatResult('github', result, { color: false, cwd: ROOT })).split('\n').filter((line) => line.includes('not stated'));
    expect(lines).toEqual([`::notice file=${EXPORT},title=not stated::not stated in the file, so rules that need it stayed quiet: ${unknowns.join('; ')}`]);
  });

  it('junit keeps them in the suite system-out, and stays valid XML', async () => {
    const xml = await formatResult('junit', result, { color: false });
    const parsed = new XMLParser().parse(xml) as { testsuites: { testsuite: { 'system-out': string } } };
    expect(parsed.testsuites.testsuite['system-out']).toBe(`not stated in the file, so rules that need it stayed quiet: ${unknowns.join('; ')}`);
  });
});
