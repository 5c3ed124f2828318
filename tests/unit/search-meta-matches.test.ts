import { describe, expect, test } from 'vitest';
import { markMatches, metaMatches, splitTopics, unmatchedWords, type MetaMatch } from '../../src/lib/search/meta-matches.ts';
import { searchWords } from '../../src/lib/search/sub-results.ts';

describe('what a result was found by, when none of its own words match', () => {
  const partnerGames = {
    title: 'Alibaba Tracker: The Partner Games',
    type: 'Article',
    outlet: 'PYMNTS',
    date: '2016-12-14',
    topics: 'Alibaba, Lazada, Alipay, China Mobile, Alibaba Cloud, Shopping festivals (618, Double 11)',
  };
  const luxury = {
    title: "How luxury can benefit from Tencent and Alibaba's thawing relations",
    type: 'Article',
    outlet: 'Luxury Daily',
    author: 'Yishu Wang',
    topics: 'WeChat, Tmall, Shopping festivals (618, Double 11)',
  };
  test.each<[string, Record<string, string>, string, number | undefined, MetaMatch[]]>([
    [
      'a topic whose title holds the word, alone, its comma kept',
      partnerGames,
      '618',
      6,
      [{ field: 'topics', label: 'Topic:', html: 'Shopping festivals (<mark>618</mark>, Double 11)' }],
    ],
    [
      'every topic that matches, in the page’s order',
      partnerGames,
      'alibaba',
      6,
      [{ field: 'topics', label: 'Topics:', html: '<mark>Alibaba</mark>, <mark>Alibaba</mark> Cloud' }],
    ],
    ['the author, each matching word marked', luxury, 'yishu wang', 3, [{ field: 'author', label: 'By', html: '<mark>Yishu</mark> <mark>Wang</mark>' }]],
    ['a word the name begins, as Pagefind finds it', luxury, 'yis', 3, [{ field: 'author', label: 'By', html: '<mark>Yishu</mark> Wang' }]],
    [
      'a plural of a word of the value, as Pagefind stems it',
      luxury,
      'festivals',
      3,
      [{ field: 'topics', label: 'Topic:', html: 'Shopping <mark>festivals</mark> (618, Double 11)' }],
    ],
    [
      'the singular of a word of the search',
      { topics: 'Walled garden' },
      'gardens',
      1,
      [{ field: 'topics', label: 'Topic:', html: 'Walled <mark>garden</mark>' }],
    ],
    [
      'a word the search only adds an ending to',
      { author: 'Ann Shopp' },
      'shopping',
      undefined,
      [{ field: 'author', label: 'By', html: 'Ann <mark>Shopp</mark>' }],
    ],
    ['the outlet', partnerGames, 'pymnts', 6, [{ field: 'outlet', label: 'Outlet:', html: '<mark>PYMNTS</mark>' }]],
    [
      'two fields, author first',
      luxury,
      'wang tmall',
      3,
      [
        { field: 'author', label: 'By', html: 'Yishu <mark>Wang</mark>' },
        { field: 'topics', label: 'Topic:', html: '<mark>Tmall</mark>' },
      ],
    ],
    [
      'Chinese, inside a name written without spaces',
      { aliases: 'Taobao Marketplace, 淘宝网' },
      '淘宝',
      undefined,
      [{ field: 'aliases', label: 'Also written:', html: 'Taobao Marketplace, <mark>淘宝</mark>网' }],
    ],
    ['not the title, type or date, which the result already shows', partnerGames, 'tracker article 2016', 6, []],
    ['nothing for words none of them has', luxury, 'lazada', 3, []],
    ['nothing for a search without words (filters alone)', luxury, '  ', 3, []],
    ['not a word the search’s word only begins with', luxury, 'tmallx', 3, []],
  ])('%s', (_, meta, term, topicCount, expected) => {
    expect(metaMatches(meta, term, topicCount)).toEqual(expected);
  });

  test.each<[string, string, string[], string[]]>([
    ['all of them, when nothing in the text matched (found by its metadata alone)', '618 partners', [], ['618', 'partners']],
    ['the word its text does not answer', '618 partners', ['Partners!', 'partners', 'Partners'], ['618']],
    ['none, when its text answers every word', 'wechat pay', ['WeChat', 'Pay,', 'pay'], []],
    ['none for a word its text has with an ending, as Pagefind stems it', 'payments paying', ['payment', 'pay'], []],
    ['none for a word its text has with more letters, as Pagefind finds a word’s start', 'tm', ['Tmall'], []],
    ['none for Chinese its text has inside a longer run', '淘宝', ['淘宝网'], []],
  ])('the words a page was found by elsewhere: %s', (_, term, matched, expected) => {
    expect(unmatchedWords(term, matched)).toEqual(expected);
  });

  test('only the words its text does not answer are looked for in its metadata', () => {
    const meta = { topics: 'Alibaba, Shopping festivals (618, Double 11)' };
    expect(metaMatches(meta, unmatchedWords('618 alibaba', ['Alibaba']), 2)).toEqual([
      { field: 'topics', label: 'Topic:', html: 'Shopping festivals (<mark>618</mark>, Double 11)' },
    ]);
    expect(metaMatches(meta, unmatchedWords('alibaba', ['Alibaba']), 2)).toEqual([]);
  });

  test('the value is escaped for HTML', () => {
    expect(markMatches('Smith & <Jones> "Ltd"', searchWords('smith'))).toBe('<mark>Smith</mark> &amp; &lt;Jones&gt; &quot;Ltd&quot;');
    expect(markMatches('<Jones>', searchWords('jones'))).toBe('&lt;<mark>Jones</mark>&gt;');
    expect(markMatches('Smith & Jones', searchWords('brown'))).toBeUndefined();
  });

  test.each<[string, number | undefined, string[]]>([
    ['Alibaba, Shopping festivals (618, Double 11), Tmall', 3, ['Alibaba', 'Shopping festivals (618, Double 11)', 'Tmall']],
    ['Alibaba, Shopping festivals (618, Double 11), Tmall', undefined, ['Alibaba', 'Shopping festivals (618, Double 11)', 'Tmall']],
    // A title with a comma outside brackets: the count says the split is wrong, so the value is kept whole.
    ['Smith, Jones, Tmall', 2, ['Smith, Jones, Tmall']],
    ['JD.com', 1, ['JD.com']],
  ])('the topics %j (%s of them) are %j', (value, count, topics) => {
    expect(splitTopics(value, count)).toEqual(topics);
  });
});
