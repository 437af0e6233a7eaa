// Long journeys (a subflow bomb has paths of 100,000 steps) are shown by their ends and a count.
import { describe, expect, it } from 'vitest';
import { elidedPath, pathText } from '../src/rules/describe.js';

describe('elidedPath', () => {
  it('keeps short paths whole', () => {
    const ids = Array.from({ length: 11 }, (_, index) => `n${index}`);
    expect(elidedPath(ids)).toEqual(ids);
  });

  it('shows the first and last five steps of a long path, with the count left out', () => {
    const ids = Array.from({ length: 400_000 }, (_, index) => `n${index}`);
    expect(elidedPath(ids)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', '… 399,990 more steps …', 'n399995', 'n399996', 'n399997', 'n399998', 'n399999']);
    expect(pathText(ids)).toBe('n0 → n1 → n2 → n3 → n4 → … 399,990 more steps … → n399995 → n399996 → n399997 → n399998 → n399999');
  });
});
