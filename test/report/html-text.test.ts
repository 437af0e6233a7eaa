// Inline text of the HTML report: code spans, prompts as written, and the score explained.
import { describe, expect, it } from 'vitest';
import { gradeOf } from '../../src/score/index.js';
import { quotedPrompt, richText } from '../../src/report/html-text.js';
import { gradeFloors, installedScoringDocs, scoreExplained } from '../../src/report/score-explained.js';

describe('richText', () => {
  it('turns code spans into <code> and drops their backticks', () => {
    expect(richText('queue `espera`: no `maxWaitSeconds`')).toBe('queue <code>espera</code>: no <code>maxWaitSeconds</code>');
  });

  it('escapes inside and outside code spans', () => {
    expect(richText('a <b> `<script>` & c')).toBe('a &lt;b&gt; <code>&lt;script&gt;</code> &amp; c');
  });

  it('keeps a lone backtick as a character instead of opening a span that never closes', () => {
    expect(richText('`a` and b`c')).toBe('<code>a</code> and b`c');
    expect(richText('one ` only')).toBe('one ` only');
  });

  it('makes control and bidi characters visible', () => {
    expect(richText('x\u202ey `z\u0007`')).toBe('x\\u202ey <code>z\\x07</code>');
  });
});

describe('quotedPrompt', () => {
  it('quotes each prompt exactly as written, accents and case kept', () => {
    expect(quotedPrompt(['Esta llamada será grabada.', 'Espere <un> momento'])).toBe('<q class="prompt">Esta llamada será grabada.</q> <q class="prompt">Espere &lt;un&gt; momento</q>');
  });
});

describe('score explained', () => {
  it('gives each grade the lowest score the grading gives it', () => {
    const floors = gradeFloors();
    expect(floors).toEqual([['A', 90], ['B', 80], ['C', 70], ['D', 60], ['F', 0]]);
    for (const [grade, floor] of floors) {
      expect(gradeOf(floor)).toBe(grade);
      if (floor > 0) expect(gradeOf(floor - 1)).not.toBe(grade);
    }
  });

  it('links to the scoring docs installed with the tool, not the network', () => {
    const href = installedScoringDocs();
    expect(href).toMatch(/^file:\/\/.*\/docs\/scoring\.md$/);
    const section = scoreExplained(href);
    expect(section).toContain(`<a class="scoring-docs" href="${href}">`);
    expect(section).not.toMatch(/https?:/);
    expect(section).toContain('<td>80–89</td>');
    expect(section).toContain('<td>below 60</td>');
  });

  it('names the docs in the package when they are not installed', () => {
    expect(scoreExplained(undefined)).not.toContain('<a ');
  });
});
