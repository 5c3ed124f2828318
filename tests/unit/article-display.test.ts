import { describe, expect, test } from 'vitest';
import { byNewest, formatPublished, isoDay } from '../../src/lib/dates.ts';
import { countWords, readingMinutes } from '../../src/lib/reading-time.ts';
import { bodyOf } from '../../src/content-model/frontmatter.ts';
import { newsArticleJsonLd, outletLine, republicationNote } from '../../src/lib/articles.ts';

describe('publication dates', () => {
  test.each([
    ['2021-03-25', 'day', '25 March 2021'],
    ['2021-07-15', 'approximate', 'about 15 July 2021'],
    ['2016-12-31', 'day', '31 December 2016'],
  ] as const)('%s (%s) reads "%s"', (iso, precision, expected) => {
    expect(formatPublished(new Date(iso), precision)).toBe(expected);
    expect(isoDay(new Date(iso))).toBe(iso);
  });

  test('newest first, ties by title', () => {
    const items = [
      { title: 'B', published: new Date('2021-01-01') },
      { title: 'A', published: new Date('2021-01-01') },
      { title: 'C', published: new Date('2024-01-01') },
    ];
    expect(items.sort(byNewest).map((i) => i.title)).toEqual(['C', 'A', 'B']);
  });
});

describe('reading time', () => {
  test.each([
    ['Hello world.', 2],
    ['**Bold** and *italic* words', 4],
    ['A [linked phrase](https://example.org/long/url) here', 4],
    ['## Heading\n\nBody text', 3],
    ['Costs \\$246 ▶', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  test('counts the body the content model gives, not the frontmatter', () => {
    expect(countWords(bodyOf('---\ntitle: x\n---\nOne two'))).toBe(2);
  });

  test('rounds to whole minutes and never says zero', () => {
    expect(readingMinutes('word')).toBe(1);
    expect(readingMinutes('word '.repeat(690))).toBe(3);
  });
});

describe('article credits', () => {
  const article = {
    title: 'Headline',
    outlet: 'Luxury Daily',
    republishedFrom: 'Jing Daily',
    author: 'Avery Booker',
    published: new Date('2021-03-25'),
    datePrecision: 'day' as const,
    topics: [],
    summary: 'Summary.',
    lang: 'en',
    annotations: [],
  };

  test('a republication is credited to both outlets', () => {
    expect(republicationNote(article)).toBe('Luxury Daily republished this piece from Jing Daily, with permission.');
    expect(republicationNote({ outlet: 'PYMNTS' })).toBeUndefined();
  });

  test.each([
    ['a republished piece names both outlets', article, 'Luxury Daily (from Jing Daily)'],
    ['a first publication names its outlet', { outlet: 'PYMNTS' }, 'PYMNTS'],
  ])('in lists and search results, %s', (_, piece, line) => {
    expect(outletLine(piece)).toBe(line);
  });

  test('NewsArticle structured data carries the original facts', () => {
    expect(newsArticleJsonLd({ ...article, originalUrl: 'https://example.org/a' }, 'https://site/articles/a/')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Headline',
      description: 'Summary.',
      datePublished: '2021-03-25',
      inLanguage: 'en',
      url: 'https://site/articles/a/',
      mainEntityOfPage: 'https://site/articles/a/',
      publisher: { '@type': 'Organization', name: 'Luxury Daily' },
      author: { '@type': 'Person', name: 'Avery Booker' },
      isBasedOn: 'https://example.org/a',
    });
  });
});
