// The advice of no-zero-out must be something a caller can do: a routing menu whose every choice
// reaches a person gets none, and a speech menu is told "say", never "press".
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const SPEECH = 'fixtures/rules/no-zero-out/fires-speech.yaml';

async function zeroOut(path: string, lang?: 'es') {
  const result = await audit([path], { cwd: ROOT, noConfig: true, ...(lang ? { lang } : {}) });
  const file = result.files[0]!;
  return { findings: file.findings.filter((finding) => finding.ruleId === 'no-zero-out'), fixes: file.fixes.filter((fix) => fix.ruleIds.includes('no-zero-out')) };
}

describe('no-zero-out advice', () => {
  it('tells a speech menu to say the word, in English and Spanish', async () => {
    const english = await zeroOut(SPEECH);
    expect(english.findings.map((finding) => finding.message)).toEqual([expect.stringContaining('"for a person, say help"')]);
    expect(english.findings[0]!.message).not.toContain('press');
    const spanish = await zeroOut(SPEECH, 'es');
    expect(spanish.findings[0]!.message).toContain('"para hablar con una persona, diga help"');
  });

  it('keeps "press" for a keypad key', async () => {
    const { findings } = await zeroOut('fixtures/rules/no-zero-out/fires-unannounced.yaml');
    expect(findings.some((finding) => finding.message.includes('"for a person press 0"'))).toBe(true);
  });

  it('proposes nothing on a menu whose every choice and miss reach a person', async () => {
    const { findings, fixes } = await zeroOut('fixtures/rules/no-zero-out/quiet-every-option-a-person.yaml');
    expect(findings).toEqual([]);
    expect(fixes).toEqual([]);
  });
});
