// Anchoring a note's quote in an article: exact, across formatting, repeated passages told apart by
// prefix/suffix, and the two failures (no match with a suggestion, several matches).
import { describe, expect, test } from 'vitest';
import { anchorQuote, flatText, type Passage } from '../../src/lib/annotations/anchor-quote.ts';
import { closestMatch } from '../../src/lib/annotations/closest-passage.ts';
import { coverPieces } from '../../src/lib/annotations/cover.ts';
import { foldWhitespace } from '../../src/lib/annotations/normalize.ts';

// Passages as the rehype adapter hands them over: the visible text, formatting already flattened
// (so "**more than 200**" arrives as "more than 200").
const passages: Passage[] = [
  { text: 'Having successfully enticed more than 200 premium international brands to launch official storefronts.', label: 'paragraph 1' },
  { text: 'WeChat Moments adverts, charged by cost per mile, can often be too expensive.', label: 'paragraph 2' },
  { text: 'Opening Up to Collaborations', label: 'a heading' },
  { text: 'Alibaba Embraces WeChat Pay. Alibaba Embraces WeChat Pay again,\n  with a line break.', label: 'paragraph 3' },
  { text: 'more than 1. 3 billion WeChat Pay users reside dominantly in China', label: 'paragraph 4' },
];
const text = flatText(passages);

describe('a quote found once', () => {
  test.each([
    ['an exact phrase', { quote: 'cost per mile' }, 'cost per mile', 'paragraph 2'],
    ['a phrase that spanned bold text in the source', { quote: 'enticed more than 200 premium' }, 'enticed more than 200 premium', 'paragraph 1'],
    ['a heading', { quote: 'Opening Up to Collaborations' }, 'Opening Up to Collaborations', 'a heading'],
    ['a quote copied with different white space', { quote: ' again, with a  line break ' }, 'again,\n  with a line break', 'paragraph 3'],
    [
      'a repeated phrase told apart by its prefix',
      { quote: 'Alibaba Embraces WeChat Pay', prefix: 'WeChat Pay.' },
      'Alibaba Embraces WeChat Pay',
      'paragraph 3',
    ],
    ['a repeated phrase told apart by its suffix', { quote: 'Alibaba Embraces WeChat Pay', suffix: 'again' }, 'Alibaba Embraces WeChat Pay', 'paragraph 3'],
    ['a typo kept from the original', { quote: '1. 3 billion' }, '1. 3 billion', 'paragraph 4'],
  ])('%s', (_, selector, matched, label) => {
    const result = anchorQuote(passages, selector);
    expect(result.found).toBe('once');
    if (result.found !== 'once') return;
    expect(text.slice(result.start, result.end)).toBe(matched);
    expect(result.passage.label).toBe(label);
  });

  test('the prefix picks the second of two identical phrases', () => {
    const result = anchorQuote(passages, { quote: 'Alibaba Embraces WeChat Pay', prefix: 'WeChat Pay.' });
    expect(result.found === 'once' && result.start).toBe(text.indexOf('Alibaba Embraces WeChat Pay again'));
  });
});

describe('a quote that matches nothing', () => {
  test.each([
    ['a corrected typo', 'charged by cost per mille', 'charged by cost per mile', 'paragraph 2'],
    ['a capitalisation slip', 'Cost Per Mile', 'cost per mile', 'paragraph 2'],
    ['a missing word', 'launch storefronts', 'official storefronts', 'paragraph 1'],
  ])('%s suggests the closest passage', (_, quote, closest, label) => {
    const result = anchorQuote(passages, { quote });
    expect(result).toEqual({ found: 'none', closest: { text: closest, passage: expect.objectContaining({ label }) as unknown } });
  });

  test('a quote that runs across two paragraphs is not found', () => {
    expect(anchorQuote(passages, { quote: 'storefronts. WeChat Moments' }).found).toBe('none');
  });

  test('a prefix that does not precede the quote rules the match out', () => {
    expect(anchorQuote(passages, { quote: 'cost per mile', prefix: 'priced by' }).found).toBe('none');
  });

  test('an empty quote is never found', () => {
    expect(anchorQuote(passages, { quote: '  ' }).found).toBe('none');
  });
});

describe('a quote that matches more than once', () => {
  test('lists every occurrence with its context and paragraph', () => {
    const result = anchorQuote(passages, { quote: 'Alibaba Embraces WeChat Pay' });
    expect(result.found).toBe('many');
    if (result.found !== 'many') return;
    expect(result.occurrences.map((o) => [o.passage.label, o.context])).toEqual([
      ['paragraph 3', '[Alibaba Embraces WeChat Pay]. Alibaba Embraces WeChat Pay …'],
      ['paragraph 3', 'Alibaba Embraces WeChat Pay. [Alibaba Embraces WeChat Pay] again, with a line break.'],
    ]);
  });
});

describe('closest match', () => {
  test.each([
    ['kitten', 'the sitting cat', 'sittin', 2],
    ['abc', 'xxabcxx', 'abc', 0],
    ['zzz', 'abc', undefined, undefined],
  ])('%s in %s', (quote, haystack, found, distance) => {
    const match = closestMatch(haystack, quote);
    expect(match && haystack.slice(match.start, match.end)).toBe(found);
    expect(match?.distance).toBe(distance);
  });
});

describe('cutting text into marked pieces', () => {
  test.each([
    ['no notes', 0, 10, [], [{ start: 0, end: 10, ids: [] }]],
    [
      'one note inside',
      0,
      10,
      [{ id: 'a', start: 2, end: 5 }],
      [
        { start: 0, end: 2, ids: [] },
        { start: 2, end: 5, ids: ['a'] },
        { start: 5, end: 10, ids: [] },
      ],
    ],
    [
      'overlapping notes',
      0,
      10,
      [
        { id: 'a', start: 0, end: 6 },
        { id: 'b', start: 4, end: 10 },
      ],
      [
        { start: 0, end: 4, ids: ['a'] },
        { start: 4, end: 6, ids: ['a', 'b'] },
        { start: 6, end: 10, ids: ['b'] },
      ],
    ],
    [
      'two notes on one passage, longest outermost',
      0,
      6,
      [
        { id: 'short', start: 0, end: 3 },
        { id: 'long', start: 0, end: 6 },
      ],
      [
        { start: 0, end: 3, ids: ['long', 'short'] },
        { start: 3, end: 6, ids: ['long'] },
      ],
    ],
    [
      'a note running past the text node',
      5,
      10,
      [{ id: 'a', start: 0, end: 7 }],
      [
        { start: 5, end: 7, ids: ['a'] },
        { start: 7, end: 10, ids: [] },
      ],
    ],
  ])('%s', (_, from, to, ranges, pieces) => {
    expect(coverPieces(from, to, ranges)).toEqual(pieces);
  });
});

describe('folding white space (what quotes are matched on), and finding each folded character in the original', () => {
  test.each([
    ['nothing to fold', 'a b', 'a b', [0, 1, 2, 3]],
    ['a run becomes one space', 'a  \n b', 'a b', [0, 1, 5, 6]],
    ['a lone tab or line break becomes a space, in place', 'a\tb\nc', 'a b c', [0, 1, 2, 3, 4, 5]],
    ['runs at both ends', '  a   ', ' a ', [0, 2, 3, 6]],
    ['several runs', 'a  b   c    d', 'a b c d', [0, 1, 3, 4, 7, 8, 12, 13]],
    ['the passage break is kept, and splits a run', 'a \u2029  b', 'a \u2029 b', [0, 1, 2, 3, 5, 6]],
    ['no-break and ideographic spaces are white space', 'a\u00a0\u3000b', 'a b', [0, 1, 3, 4]],
    ['an empty text', '', '', [0]],
  ])('%s', (_, raw, text, offsets) => {
    const folded = foldWhitespace(raw);
    expect(folded.text).toBe(text);
    // Each character of the folded text, and its end.
    expect(Array.from({ length: text.length + 1 }, (_, at) => folded.rawOffset(at))).toEqual(offsets);
  });
});
