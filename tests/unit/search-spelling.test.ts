import { describe, expect, test } from 'vitest';
import { allowedSlips, keepCorrections, spellingWords, suggestSpelling, suggestionText } from '../../src/lib/search/spelling.ts';
import { slipsBetween } from '../../src/lib/slips.ts';

// Titles and aliases as the site's topics have them (content/topics/).
const NAMES = [
  'Taobao',
  '淘宝',
  'Tencent',
  'Tencent Holdings',
  '腾讯',
  'WeChat Pay',
  'Weixin Pay',
  'Alibaba',
  'Alibaba Group',
  'Alipay',
  'AliPay',
  'Tmall',
  'Temu',
  'Lazada',
  'IPmart',
  'Tmall IPmart',
  'JD.com',
  'State Administration for Market Regulation',
  'SAMR',
  'Double 11',
  'anti-monopoly',
  'Anti-Monopoly Law',
];
const vocabulary = spellingWords(NAMES);

describe('the vocabulary: the words of the topics’ names', () => {
  test('each word once, spelled as first met, in order; short words, numbers and Chinese left out', () => {
    expect(vocabulary).toEqual([
      'Taobao',
      'Tencent',
      'Holdings',
      'WeChat',
      'Pay',
      'Weixin',
      'Alibaba',
      'Group',
      'Alipay',
      'Tmall',
      'Temu',
      'Lazada',
      'IPmart',
      'com',
      'State',
      'Administration',
      'for',
      'Market',
      'Regulation',
      'SAMR',
      'Double',
      'anti',
      'monopoly',
      'Law',
    ]);
  });
});

describe('slips between two words', () => {
  test.each<[string, string, number]>([
    ['taobao', 'taobao', 0],
    ['taobo', 'taobao', 1],
    ['tencnet', 'tencent', 1],
    ['tnecnet', 'tencent', 2],
    ['lazda', 'lazada', 1],
    ['alibbaa', 'alibaba', 1],
    ['wechta', 'wechat', 1],
    ['samr', 'same', 1],
    ['', 'pay', 3],
    ['abc', 'cba', 2],
  ])('%s → %s: %i', (a, b, slips) => {
    expect(slipsBetween(a, b)).toBe(slips);
    expect(slipsBetween(b, a)).toBe(slips);
  });

  test('stops counting past the most it is asked about', () => {
    expect(slipsBetween('taobao', 'administration', 2)).toBe(3);
    expect(slipsBetween('xxxxxx', 'taobao', 2)).toBe(3);
    expect(slipsBetween('taobo', 'taobao', 2)).toBe(1);
  });

  test.each<[number, number]>([
    [1, 0],
    [3, 0],
    [4, 1],
    [5, 1],
    [6, 2],
    [14, 2],
  ])('a word of %i letters may hold %i', (length, slips) => {
    expect(allowedSlips(length)).toBe(slips);
  });
});

describe('what the results page suggests when a search finds nothing', () => {
  test.each<[string, string | undefined, string[]]>([
    ['taobo', 'Taobao', ['Taobao']],
    ['TAOBO', 'Taobao', ['Taobao']],
    ['tencnet', 'Tencent', ['Tencent']],
    ['lazda', 'Lazada', ['Lazada']],
    ['alibbaa', 'Alibaba', ['Alibaba']],
    ['alipya', 'Alipay', ['Alipay']],
    ['wechta pay', 'WeChat pay', ['WeChat']],
    ['alibaba tencnet', 'alibaba Tencent', ['Tencent']],
    ['ipmrat', 'IPmart', ['IPmart']],
    ['regualtion', 'Regulation', ['Regulation']],
    // Two slips are too many for a word of five letters or fewer, one too many for three.
    ['tabao', 'Taobao', ['Taobao']],
    ['tqoxo', undefined, []],
    ['pya', undefined, []],
    // Known words, numbers, other scripts and words far from every name stay as they are.
    ['taobao', undefined, []],
    ['Tmall 2021', undefined, []],
    ['淘包', undefined, []],
    ['zebra', undefined, []],
    ['cost per mille', undefined, []],
    ['', undefined, []],
  ])('%j → %j', (term, suggested, corrected) => {
    const words = suggestSpelling(term, vocabulary);
    expect(words && suggestionText(words)).toBe(suggested);
    expect((words ?? []).filter((word) => word.corrected).map((word) => word.text)).toEqual(corrected);
  });

  test('of two names as close, the one with the same first letter, then the nearer length, then the first met', () => {
    expect(suggestionText(suggestSpelling('pmall', ['Tmall', 'Pmalls'])!)).toBe('Pmalls');
    expect(suggestionText(suggestSpelling('taobo', ['Taobao', 'Taoba'])!)).toBe('Taoba');
    expect(suggestionText(suggestSpelling('bmall', ['Small', 'Tmall'])!)).toBe('Small');
  });
});

describe('a suggestion without the words that are not slips', () => {
  const near = suggestSpelling('lazda singapore tencnet', vocabulary)!;

  test.each<[string, string[], string | undefined]>([
    ['every correction kept', ['lazda', 'tencnet'], 'Lazada singapore Tencent'],
    ['one kept', ['lazda'], 'Lazada singapore tencnet'],
    ['none kept', [], undefined],
  ])('%s', (_, slips, suggested) => {
    const kept = keepCorrections(near, (word) => slips.includes(word.typed));
    expect(kept && suggestionText(kept)).toBe(suggested);
  });
});
