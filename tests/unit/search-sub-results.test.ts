import { describe, expect, test } from 'vitest';
import { NOTE_KINDS, type DisplayKind } from '../../src/lib/annotations/kinds.ts';
import {
  bestPart,
  afterHeading,
  eventTitle,
  excerpt,
  gluedPositions,
  kindOfTitle,
  markWord,
  noteTitle,
  pageOpening,
  resultParts,
  shownParts,
  yearOfTitle,
  type ResultFragment,
  type ResultPart,
} from '../../src/lib/search/sub-results.ts';

describe('the titles of notes and events, and what the search reads back from them', () => {
  test.each<[DisplayKind, string | undefined, string]>([
    ['correction', 'charged by cost per mile', 'Correction on “charged by cost per mile”'],
    ['fact-check', 'led them directly to Tmall', 'Fact-check on “led them directly to Tmall”'],
    ['cross-reference', 'Lazada', 'Cross-reference on “Lazada”'],
    ['definition', 'build and defend their "walled gardens,"', 'Definition on ‘build and defend their "walled gardens,"’'],
    ['footnote', undefined, 'Footnote'],
  ])('a %s note on %j is titled %s', (kind, quote, title) => {
    expect(noteTitle(kind, quote)).toBe(title);
    expect(kindOfTitle(title)).toBe(kind);
  });

  test('every kind of note is read back from its title, and nothing else is', () => {
    for (const kind of [...NOTE_KINDS, 'footnote'] as const) expect(kindOfTitle(noteTitle(kind, 'a quote on “Update” things'))).toBe(kind);
    expect(kindOfTitle('Taobao accepts WeChat Pay')).toBeUndefined();
    expect(kindOfTitle('Corrections on “x”')).toBeUndefined();
  });

  test.each([
    ['2024-09-05', 'Taobao accepts WeChat Pay', '2024: Taobao accepts WeChat Pay'],
    ['2016-04-12', 'Alibaba takes control of Lazada in 2017', '2016: Alibaba takes control of Lazada in 2017'],
  ])('an event of %s, %s, is titled %s', (day, title, shown) => {
    expect(eventTitle(day, title)).toBe(shown);
    expect(yearOfTitle(shown)).toBe(day.slice(0, 4));
  });
});

describe('an excerpt', () => {
  const words = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
  test.each<[string, number[], number, number, number, string]>([
    ['starts a little before the first match', [6], 0, 12, 4, '…six <mark>seven</mark> eight nine…'],
    ['never before its stretch', [1], 1, 12, 4, '<mark>two</mark> three four five…'],
    ['never past its stretch', [9], 0, 10, 4, '…seven eight nine <mark>ten</mark>'],
    ['marks only the matches inside it', [2, 3, 11], 0, 6, 3, '…<mark>three</mark> <mark>four</mark> five…'],
    ['without matches, is the stretch’s first words', [], 4, 12, 3, 'five six seven…'],
  ])('%s', (_, hits, from, to, length, expected) => {
    expect(excerpt(words, hits, from, to, length)).toBe(expected);
  });
});

describe('an excerpt reads as the page does where Pagefind broke its text at an element with an id', () => {
  // Pagefind's words for: Taobao, <a id="marker-1">1</a>, and “<mark id="passage-2">Tmall</mark>” (Lazada<a id="marker-3">3</a>) say so
  const words = ['Taobao', ',', 'and', '“', 'Tmall”', '(Lazada', ')', 'say', 'so'];
  test.each<[string, number[], number[], string]>([
    ['a comma after a note’s number follows its word', [1], [], 'Taobao, and “ Tmall” (Lazada ) say so'],
    ['a word after an opening quote follows the quote', [4], [4], 'Taobao , and “<mark>Tmall</mark>” (Lazada ) say so'],
    ['a closing bracket after a note’s number follows its word', [6], [5], 'Taobao , and “ Tmall” (<mark>Lazada</mark>) say so'],
    ['every break at once', [1, 4, 6], [0], '<mark>Taobao</mark>, and “Tmall” (Lazada) say so'],
    ['a break before a word is a space, as Pagefind gives it', [2, 7], [], 'Taobao , and “ Tmall” (Lazada ) say so'],
  ])('%s', (_, anchors, hits, expected) => {
    const glued = gluedPositions(
      anchors.map((location) => ({ location })),
      words,
    );
    expect(excerpt(words, hits, 0, words.length, words.length, ' ', glued)).toBe(expected);
  });

  test('the first word and a position past the words are never glued', () => {
    expect([...gluedPositions([{ location: 0 }, { location: 9 }, { location: 42 }], words)]).toEqual([]);
  });
});

describe('an excerpt shows where its matches are thickest, from the start of their sentence when that is near, with an ellipsis where it cuts one', () => {
  const text = (content: string) => content.split(' ');
  test.each<[string, string, number, number, string]>([
    [
      'within half its length before the match',
      'It said so on Wednesday. Taobao and Tmall will accept WeChat Pay from this month, the company said.',
      10,
      12,
      'Taobao and Tmall will accept <mark>WeChat</mark> Pay from this month, the company…',
    ],
    [
      'further back than that, a quarter of its length before the match, as without sentences',
      'It said so on Wednesday. Taobao and Tmall will accept WeChat Pay from this month, the company said.',
      10,
      8,
      '…will accept <mark>WeChat</mark> Pay from this month, the…',
    ],
    [
      'after a closing quote',
      'as he said.” Tencent agreed to open WeChat to Taobao links from that week on',
      7,
      8,
      'Tencent agreed to open <mark>WeChat</mark> to Taobao links…',
    ],
    ['not at a stop inside a number or a name', 'more than 1. 3 billion WeChat users and JD. com shoppers', 5, 4, '…billion <mark>WeChat</mark> users and…'],
    ['the start of its stretch is a sentence’s start', 'pay by WeChat in stores', 2, 8, 'pay by <mark>WeChat</mark> in stores'],
  ])('%s', (_, content, hit, length, expected) => {
    const words = text(content);
    expect(excerpt(words, [hit], 0, words.length, length)).toBe(expected);
  });

  test('it shows where the matches are thickest, not an earlier lone one', () => {
    const words = text('As per the report, Alibaba charged by cost per mile in 2021.');
    expect(excerpt(words, [1, 7, 8], 0, words.length, 6)).toBe('…by <mark>cost</mark> <mark>per</mark> mile in 2021.');
    expect(excerpt(words, [1, 8], 0, words.length, 6)).toBe('As <mark>per</mark> the report, Alibaba charged…');
  });

  test('an ellipsis marks where it cuts a sentence, and only there', () => {
    const words = text('It said so. Taobao will accept WeChat Pay. More came later.');
    expect(excerpt(words, [5], 0, words.length, 5)).toBe('Taobao will <mark>accept</mark> WeChat Pay.');
    expect(excerpt(words, [5], 0, words.length, 4)).toBe('Taobao will <mark>accept</mark> WeChat…');
    expect(excerpt(words, [5], 0, words.length, 6)).toBe('Taobao will <mark>accept</mark> WeChat Pay. More…');
  });

  test('in text Pagefind segmented itself (no spaces), a quarter of its length before the match', () => {
    const words = ['淘宝', '。', '微信', '支付', '开通'];
    expect(excerpt(words, [3], 0, words.length, 3, '')).toBe('…微信<mark>支付</mark>开通');
  });
});

describe('a matching word is marked without the punctuation around it', () => {
  test.each([
    ['Tmall', '<mark>Tmall</mark>'],
    ['Tmall,', '<mark>Tmall</mark>,'],
    ['WeChat.', '<mark>WeChat</mark>.'],
    ['Tmall;', '<mark>Tmall</mark>;'],
    ['Tmall,"', '<mark>Tmall</mark>,"'],
    ['"Tmall', '"<mark>Tmall</mark>'],
    ['“Taobao”', '“<mark>Taobao</mark>”'],
    ['(Alipay),', '(<mark>Alipay</mark>),'],
    ["WeChat's:", "<mark>WeChat</mark>'s:"],
    ['Alibaba’s', '<mark>Alibaba</mark>’s'],
    ['Tmall.com,', '<mark>Tmall.com</mark>,'],
    ['U.S.', '<mark>U.S.</mark>'],
    ['U.S.,', '<mark>U.S.</mark>,'],
    ['e.g.', '<mark>e.g.</mark>'],
    ['&lt;b&gt;', '<mark>&lt;b&gt;</mark>'],
    ['&lt;b&gt;,', '<mark>&lt;b&gt;</mark>,'],
    ['淘宝,', '<mark>淘宝</mark>,'],
    ['...', '<mark>...</mark>'],
    ['—', '<mark>—</mark>'],
  ])('%s is shown as %s', (word, shown) => {
    expect(markWord(word)).toBe(shown);
  });

  test('in an excerpt', () => {
    expect(excerpt(['Taobao', 'and', 'Tmall,', 'will'], [2], 0, 4, 4)).toBe('Taobao and <mark>Tmall</mark>, will');
  });
});

// An article as Pagefind's fragment gives it: its text with a note's passage (words 1–5, then its marker), then
// the note (words 6–11), then the next paragraph (p-2, from word 12), then a second note (words 16–19), whose
// passage is in the last paragraph (p-4, from word 20), with no marker after it.
const ARTICLE = [
  'Adverts charged by cost per mile', // 0–5: the text, with the passage (1–5)
  'The term is cost per mille', // 6–11: note cpm
  'Brands sell on Tmall', // 12–15: paragraph p-2
  'Tmall is Alibaba’s mall', // 16–19: note tmall
  'Brands pay per mille', // 20–23: paragraph p-4
].join(' ');

function fragment(locations: number[]): ResultFragment {
  return {
    url: '/articles/thaw/?highlight=mille',
    content: ARTICLE,
    anchors: [
      { element: 'p', id: 'p-1', location: 0 },
      { element: 'mark', id: 'passage-cpm', text: 'charged by', location: 1 },
      { element: 'a', id: 'marker-cpm', text: '1', location: 6 },
      { element: 'div', id: 'note-cpm', title: 'Correction', location: 6 },
      { element: 'p', id: 'p-2', location: 12 },
      { element: 'div', id: 'note-tmall', title: 'Definition', location: 16 },
      { element: 'p', id: 'p-4', location: 20 },
      { element: 'mark', id: 'passage-tmall', text: 'pay per mille', location: 21 },
    ],
    locations,
    meta: { title: 'The thaw' },
    filters: { type: ['article'], kind: ['correction', 'definition'] },
  };
}

const titles = (parts: ResultPart[]) => parts.map((p) => p.title);

describe("a result's parts: its notes and events that match", () => {
  test('a note matches by its own words only, and links to itself with the search words kept', () => {
    const { parts, ownHits, ownExcerpt } = resultParts(fragment([11]), { excerptLength: 4 });
    expect(parts).toEqual([
      {
        kind: 'note',
        noteKind: 'correction',
        title: 'Correction on “charged by cost per mile”',
        url: '/articles/thaw/?highlight=mille#note-cpm',
        hits: 1,
        excerpt: '…is cost per <mark>mille</mark>',
        location: 6,
      },
    ]);
    expect([ownHits, ownExcerpt]).toEqual([0, '']);
  });

  test("the text after a note's column is the article's own, not the note's", () => {
    const { parts, ownHits, ownExcerpt } = resultParts(fragment([14, 15, 23]), { excerptLength: 4 });
    expect(parts).toEqual([]);
    expect(ownHits).toBe(3);
    expect(ownExcerpt).toBe('Brands sell <mark>on</mark> <mark>Tmall</mark>');
  });

  test('a kind filter keeps only the notes of that kind', () => {
    expect(titles(resultParts(fragment([10, 16]), { excerptLength: 4 }).parts)).toEqual([
      'Correction on “charged by cost per mile”',
      'Definition on “pay per mille”',
    ]);
    expect(titles(resultParts(fragment([10, 16]), { excerptLength: 4, kinds: ['definition'] }).parts)).toEqual(['Definition on “pay per mille”']);
  });

  test('with filters alone (no words), a kind filter lists the notes of that kind', () => {
    const { parts } = resultParts(fragment([]), { excerptLength: 4, kinds: ['correction'] });
    expect(parts).toMatchObject([{ title: 'Correction on “charged by cost per mile”', hits: 0, excerpt: '' }]);
    expect(resultParts(fragment([]), { excerptLength: 4 }).parts).toEqual([]);
  });

  test('a year filter keeps only the events of that year', () => {
    const timeline: ResultFragment = {
      url: '/timeline/',
      content: '2021 Alibaba apps add WeChat Pay 2024 Taobao adds WeChat Pay',
      anchors: [
        { element: 'li', id: 'event-2021-apps', title: '2021: Some Alibaba apps add WeChat Pay', location: 0 },
        { element: 'li', id: 'event-2024-taobao', title: '2024: Taobao accepts WeChat Pay', location: 6 },
      ],
      locations: [4, 5, 9, 10],
      meta: { title: 'Timeline' },
      filters: { type: ['timeline'] },
    };
    expect(titles(resultParts(timeline, { excerptLength: 4 }).parts)).toEqual(['2021: Some Alibaba apps add WeChat Pay', '2024: Taobao accepts WeChat Pay']);
    expect(titles(resultParts(timeline, { excerptLength: 4, years: ['2024'] }).parts)).toEqual(['2024: Taobao accepts WeChat Pay']);
  });

  test("the page's own excerpt is from the stretch of its text where the matches are thickest", () => {
    // "sell" in p-2 (word 13), then "pay per" in p-4 (words 21 and 22).
    expect(resultParts(fragment([13, 21, 22]), { excerptLength: 4 }).ownExcerpt).toBe('Brands <mark>pay</mark> <mark>per</mark> mille');
    expect(resultParts(fragment([13, 21]), { excerptLength: 4 }).ownExcerpt).toBe('Brands <mark>sell</mark> on Tmall');
  });

  test('the parts shown are those with the most matches, in page order', () => {
    const part = (title: string, hits: number, location: number) => ({ kind: 'note' as const, title, url: '', hits, excerpt: '', location });
    expect(titles(shownParts([part('a', 1, 0), part('b', 3, 10), part('c', 2, 20), part('d', 3, 30)], 2))).toEqual(['b', 'd']);
  });
});

describe("an event's excerpt is its own text, not the date and title its part is titled with", () => {
  test.each<[string, string, string, number]>([
    ['after a full date', '6 December 2016. Alipay signs up partners. Alipay announced deals', '2016: Alipay signs up partners', 7],
    ['after a year alone', '2016. Quest rolls out Alipay. The Melbourne company said', '2016: Quest rolls out Alipay', 5],
    ['whatever the punctuation', "June 2016. Alipay's merchant count, as PYMNTS gives it. PYMNTS says", "2016: Alipay's merchant count, as PYMNTS gives it", 9],
    ['not at all when its words do not start with the title', 'Taobao adds WeChat Pay on its app', '2024: Taobao accepts WeChat Pay', 0],
    ['not at all when the title is further than a date', 'One two three four five six Taobao accepts WeChat Pay', '2024: Taobao accepts WeChat Pay', 0],
  ])('%s', (_, content, title, start) => {
    const words = content.split(' ');
    expect(afterHeading(words, 0, words.length, title.slice('2024: '.length), 4)).toBe(start);
  });

  const timeline = (locations: number[]): ResultFragment => ({
    url: '/timeline/',
    content: '6 December 2016. Alipay signs up partners. Alipay, then run by Ant Financial, announced deals',
    anchors: [{ element: 'li', id: 'event-2016-alipay', title: '2016: Alipay signs up partners', location: 0 }],
    locations,
    meta: { title: 'Timeline' },
    filters: { type: ['timeline'] },
  });
  test.each<[string, number[], string]>([
    ['around its matches in its own text', [3, 7], '<mark>Alipay</mark>, then run by…'],
    ['its first words when only the title matched', [4], 'Alipay, then run by…'],
  ])('%s', (_, locations, expected) => {
    expect(resultParts(timeline(locations), { excerptLength: 4 }).parts).toMatchObject([{ title: '2016: Alipay signs up partners', excerpt: expected }]);
  });
});

describe("a page's excerpt starts after its title, which the result shows", () => {
  const page = (locations: number[]): ResultFragment => ({
    url: '/topics/wechat-pay/',
    content: 'WeChat Pay. Tencent’s payment service, kept off Taobao until 2024.',
    anchors: [],
    locations,
    meta: { title: 'WeChat Pay' },
    filters: { type: ['topic'] },
  });
  test.each<[string, number[], string]>([
    ['around its matches after the title', [0, 1, 3], 'Tencent’s <mark>payment</mark> service, kept…'],
    ['its first words when only the title matched', [0, 1], 'Tencent’s payment service, kept…'],
  ])('%s', (_, locations, expected) => {
    expect(resultParts(page(locations), { excerptLength: 4 }).ownExcerpt).toBe(expected);
  });
  test('and so does a page found by filters alone', () => {
    expect(pageOpening(page([]), 4)).toBe('Tencent’s payment service, kept…');
  });
  test('and stops before its first note or event', () => {
    const noted = { ...page([]), anchors: [{ element: 'div', id: 'note-a', title: 'Context', location: 5 }] };
    expect(pageOpening(noted, 8)).toBe('Tencent’s payment service,');
  });
  test('a page whose text does not start with its title keeps its first words', () => {
    expect(pageOpening({ ...page([]), meta: { title: 'Payments' } }, 3)).toBe('WeChat Pay. Tencent’s…');
  });
});

describe('where a result takes the reader', () => {
  test.each<[string, string, number[], string | undefined]>([
    ['the note, which has all three words, where the text has two', 'cost per mille', [3, 4, 9, 10, 11], 'note-cpm'],
    ['the article, whose own text has both words first', 'cost per', [3, 4, 9, 10], undefined],
    ['the article, whose text has the word as the note does', 'tmall', [15, 16], undefined],
    ['the note, the only place it is', 'alibaba', [18], 'note-tmall'],
    ['the article on a tie: "advert" begins the text’s "Adverts", "mille" is the note’s', 'advert mille', [0, 11], undefined],
    ['the note, which has both words, one of them as the start of "mille"', 'cost mil', [3, 9, 11], 'note-cpm'],
    ['the note, whose "mall" the search’s "malls" finds by its stem', 'malls', [19], 'note-tmall'],
  ])('%s: %j', (_, term, locations, id) => {
    expect(bestPart(fragment(locations), term)?.id).toBe(id);
  });
});
