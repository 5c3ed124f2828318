// Finding topic mentions: aliases as whole words, case, possessives, Chinese names, longest match first.
import { describe, expect, test } from 'vitest';
import { AliasMatcher, aliasClashes } from '../../src/lib/topics/alias-matcher.ts';
import { findMentions, quotedSentences, sentenceAround, type Mention } from '../../src/lib/topics/mentions.ts';

const matcher = new AliasMatcher([
  { topic: 'alibaba', alias: 'Alibaba' },
  { topic: 'alibaba', alias: '阿里巴巴' },
  { topic: 'wechat', alias: 'WeChat' },
  { topic: 'wechat', alias: '微信' },
  { topic: 'wechat-pay', alias: 'WeChat Pay' },
  { topic: 'wechat-pay', alias: '微信支付' },
  { topic: 'jd-com', alias: 'JD.com' },
  { topic: 'jd-com', alias: 'JD. com' },
  { topic: 'taobao', alias: 'Taobao' },
  { topic: 'taobao-deals', alias: 'Taobao Deals' },
  { topic: 'shopping-festivals', alias: '618' },
]);

const found = (text: string) => matcher.find(text).map((m) => `${m.topic}:${text.slice(m.start, m.end)}`);

describe('alias matching', () => {
  test.each([
    ['a plain mention', 'Alibaba said so.', ['alibaba:Alibaba']],
    ['a possessive', "Alibaba's platforms", ['alibaba:Alibaba']],
    ['a curly possessive', 'Alibaba’s platforms', ['alibaba:Alibaba']],
    ['any case', 'ALIBABA and alibaba', ['alibaba:ALIBABA', 'alibaba:alibaba']],
    ['not inside a longer word', 'Alibabas and SuperWeChatty', []],
    ['the longest alias wins', 'WeChat Pay users on WeChat', ['wechat-pay:WeChat Pay', 'wechat:WeChat']],
    ['a longer topic over its prefix', 'its Taobao Deals app on Taobao', ['taobao-deals:Taobao Deals', 'taobao:Taobao']],
    ['punctuation inside an alias', 'rival JD.com, and JD. com', ['jd-com:JD.com', 'jd-com:JD. com']],
    ['Chinese names without spaces', '阿里巴巴接入微信支付', ['alibaba:阿里巴巴', 'wechat-pay:微信支付']],
    ['a number as a whole word only', '618 festival, not 1618 or 6180', ['shopping-festivals:618']],
    ['next to punctuation', '(WeChat)', ['wechat:WeChat']],
  ])('%s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('alias clashes', () => {
  test('an alias claimed by two topics is reported, whatever its case', () => {
    expect(
      aliasClashes([
        { topic: 'wechat', alias: 'Weixin' },
        { topic: 'wechat-pay', alias: 'weixin' },
        { topic: 'wechat', alias: 'WeChat' },
      ]),
    ).toEqual([{ alias: 'Weixin', topics: ['wechat', 'wechat-pay'] }]);
  });
});

describe('mentions in an article', () => {
  const passages = [
    { text: 'Alibaba Embraces WeChat Pay', label: 'a heading' },
    { text: 'Alibaba has stated that Taobao will accept WeChat Pay. Alibaba’s rival Tencent agreed.', label: 'paragraph 1', number: 1 },
    { text: 'Nothing here.', label: 'paragraph 2', number: 2 },
    { text: 'Later, WeChat users could pay.', label: 'paragraph 3', number: 3 },
  ];

  test('counts every mention with its paragraph, skipping headings', () => {
    const mentions = findMentions('a', passages, matcher);
    expect(mentions.map((m) => `${m.topic}@p${m.paragraph}`)).toEqual(['alibaba@p1', 'taobao@p1', 'wechat-pay@p1', 'alibaba@p1', 'wechat@p3']);
  });

  test('shows the sentence the name is in, with the name located', () => {
    const [, , , second] = findMentions('a', passages, matcher);
    expect(second!.sentence).toBe('Alibaba’s rival Tencent agreed.');
    expect(second!.sentence.slice(second!.highlight.start, second!.highlight.end)).toBe('Alibaba');
  });
});

describe('the sentence around a mention', () => {
  test.each([
    ['First one. Second has Lazada in it. Third.', 'Lazada', 'Second has Lazada in it.'],
    ['Quoted. “Lazada leads.” Next.', 'Lazada', '“Lazada leads.”'],
    ['No full stop Lazada', 'Lazada', 'No full stop Lazada'],
    // Stops that end no sentence: a word in lower case after it, a title before a name, a stop between two numbers.
    [
      'Some expect the market to overtake the U.S. as the world’s largest, Tmall says. Next.',
      'Tmall',
      'Some expect the market to overtake the U.S. as the world’s largest, Tmall says.',
    ],
    ['“It depends on Tmall,” Ms. Xuan said. Then more.', 'Tmall', '“It depends on Tmall,” Ms. Xuan said.'],
    [
      'Before. It can expand since more than 1. 3 billion WeChat Pay users live in China. After.',
      'WeChat Pay',
      'It can expand since more than 1. 3 billion WeChat Pay users live in China.',
    ],
    // …and stops that do: a capital after it, also after an abbreviation, and a number after a word.
    ['Users in the U.S. and U.K. The latter use Tmall less.', 'Tmall', 'The latter use Tmall less.'],
    ['Tmall grew in 2021. 2022 was slower.', 'Tmall', 'Tmall grew in 2021.'],
    ['It opened on Lazada. 30 shops followed.', 'Lazada', 'It opened on Lazada.'],
  ])('%s', (text, name, sentence) => {
    const start = text.indexOf(name);
    const result = sentenceAround(text, start, start + name.length);
    expect(result.sentence).toBe(sentence);
    expect(result.sentence.slice(result.highlight.start, result.highlight.end)).toBe(name);
  });

  test('a very long sentence is cut around the name', () => {
    const text = `${'word '.repeat(100)}Lazada${' word'.repeat(100)}.`;
    const result = sentenceAround(text, 500, 506);
    expect(result.sentence.length).toBeLessThanOrEqual(242);
    expect(result.sentence.startsWith('…')).toBe(true);
    expect(result.sentence.slice(result.highlight.start, result.highlight.end)).toBe('Lazada');
  });
});

describe('mentions quoted once per sentence', () => {
  const at = (paragraph: number, sentence: string, name: string, from = 0): Mention => {
    const start = sentence.indexOf(name, from);
    return { topic: 't', article: 'a', paragraph, sentence, highlight: { start, end: start + name.length } };
  };
  const both = 'Tmall took WeChat Pay, and Tmall grew.';
  // Each quote written as its text with the names in [brackets], then how many names it shows.
  test.each([
    ['one mention, one quote', [at(1, 'Tmall grew.', 'Tmall')], ['[Tmall] grew. (1)']],
    ['two names in one sentence: one quote, both marked', [at(1, both, 'Tmall'), at(1, both, 'Tmall', 5)], ['[Tmall] took WeChat Pay, and [Tmall] grew. (2)']],
    [
      'the same words in two paragraphs stay two quotes',
      [at(1, 'Tmall grew.', 'Tmall'), at(2, 'Tmall grew.', 'Tmall')],
      ['[Tmall] grew. (1)', '[Tmall] grew. (1)'],
    ],
    [
      'two sentences of one paragraph stay two quotes',
      [at(3, 'Tmall grew.', 'Tmall'), at(3, 'Then Tmall slowed.', 'Tmall')],
      ['[Tmall] grew. (1)', 'Then [Tmall] slowed. (1)'],
    ],
  ])('%s', (_, mentions, expected) => {
    const shown = quotedSentences(mentions).map((q) => `${q.pieces.map((p) => p.text + (p.name === undefined ? '' : `[${p.name}]`)).join('')} (${q.names})`);
    expect(shown).toEqual(expected);
    expect(quotedSentences(mentions).reduce((sum, q) => sum + q.names, 0)).toBe(mentions.length);
  });
});
