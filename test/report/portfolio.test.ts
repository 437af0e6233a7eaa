// The portfolio: flows worst first, the spread of scores, the fixes that gain most anywhere.
import { describe, expect, it } from 'vitest';
import type { FileResult, Fix } from '../../src/model/result.js';
import { distributionChart, scoreBins, topFixes, worstFirst } from '../../src/report/portfolio.js';
import { paperFormat } from '../../src/commands/report.js';

function file(name: string, score: number | null, errors = 0, fixes: Array<Partial<Fix>> = []): FileResult {
  return {
    file: name,
    flow: { name, format: 'ivr-audit', kind: 'flow', nodes: 3 },
    score: score === null ? null : { value: score, grade: score >= 90 ? 'A' : score >= 60 ? 'D' : 'F', drivers: { waiting: 0, repeating: 0, transfers: 0, navigation: 0, channel: 0, deadEnds: 0, generic: 0 } },
    metrics: null,
    findings: Array.from({ length: errors }, (_, index) => ({ ruleId: 'r', severity: 'error' as const, message: 'm', file: name, line: index + 1, column: 1, endLine: 1, endColumn: 1, pointer: '', fingerprint: `${name}${index}`, docs: '' })),
    fixes: fixes.map((fix) => ({ type: 'fix', title: 't', description: 'd', ruleIds: [], nodeIds: [], resolves: [], gain: 1, effortSaved: 1, secondsSaved: 0, callersHelped: 0, cumulativeScore: 0, ...fix })),
    unknowns: [],
  };
}

describe('portfolio', () => {
  it('orders flows worst first: by score, then errors, then file; unscored files last', () => {
    const files = [file('b.yaml', 80), file('broken.yaml', null, 1), file('a.yaml', 40, 1), file('c.yaml', 40, 3), file('d.yaml', 95)];
    expect(worstFirst(files).map((entry) => entry.file)).toEqual(['c.yaml', 'a.yaml', 'b.yaml', 'd.yaml', 'broken.yaml']);
  });

  it('counts scores in bins of ten, 100 in the last', () => {
    const bins = scoreBins([file('a', 0), file('b', 9), file('c', 10), file('d', 99), file('e', 100), file('f', null)]);
    expect(bins).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
    const chart = distributionChart([file('a', 0), file('e', 100), file('d', 95)]);
    const counts = [...chart.matchAll(/<g class="bin" data-count="(\d+)">/g)].map((match) => Number(match[1]));
    expect(counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    // The tallest bar is the full chart height; the other is half of it.
    const heights = [...chart.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="52" height="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(heights[9]).toBe(120);
    expect(heights[0]).toBe(60);
  });

  it('lists the fixes with the largest gains across flows, with the flow they belong to', () => {
    const ranked = worstFirst([file('a', 50, 0, [{ title: 'small', gain: 2 }, { title: 'big', gain: 9 }]), file('b', 70, 0, [{ title: 'mid', gain: 5, effortSaved: 3 }, { title: 'mid2', gain: 5, effortSaved: 7 }])])
      .map((entry, index) => ({ file: entry, number: index + 1 }));
    expect(topFixes(ranked, 3).map(({ fix, ranked: entry }) => `${fix.title}@${entry.file.file}`)).toEqual(['big@a', 'mid2@b', 'mid@b']);
  });
});

describe('--paper', () => {
  it('is A4 by default, Letter when asked, and needs --pdf', () => {
    expect(paperFormat(undefined, undefined)).toBe('A4');
    expect(paperFormat('letter', 'x.pdf')).toBe('Letter');
    expect(() => paperFormat('letter', undefined)).toThrow(/--pdf/);
    expect(() => paperFormat('a3', 'x.pdf')).toThrow(/unknown paper "a3"/);
  });
});
