import { describe, expect, test } from 'vitest';
import { countOf, formatCount } from '../../src/lib/counts.ts';

describe('counts as readers see them', () => {
  test.each([
    [0, 'article', undefined, '0 articles'],
    [1, 'article', undefined, '1 article'],
    [2, 'dated event', undefined, '2 dated events'],
    [1316, 'mention', undefined, '1,316 mentions'],
    [10487, 'mention', undefined, '10,487 mentions'],
    [1_000_000, 'match', 'matches', '1,000,000 matches'],
    [1, 'match', 'matches', '1 match'],
  ])('%d %s', (n, one, many, expected) => {
    expect(countOf(n, one, many)).toBe(expected);
  });

  test.each([
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
  ])('%d', (n, expected) => {
    expect(formatCount(n)).toBe(expected);
  });
});
