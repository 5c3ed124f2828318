// Notes and timeline events as search records: read from built HTML (the markup contract of
// src/plugins/rehype-annotations.ts and of the timeline page), then shaped for Pagefind.
import { describe, expect, test } from 'vitest';
import { readArticlePage, readTimelineEvents } from '../../src/lib/search/extract.ts';
import { noteTopicsFromSource } from '../../src/lib/search/note-topics.ts';
import { articleContext, eventRecord, noteRecord, noteTitle } from '../../src/lib/search/records.ts';

const ARTICLE = `<!doctype html><html lang="en"><body><main>
<article class="article" data-pagefind-body>
  <div hidden data-pagefind-ignore>
    <span data-pagefind-filter="type:article"></span><span data-pagefind-filter="topic:wechat"></span>
    <span data-pagefind-filter="topic:tmall"></span><span data-pagefind-filter="year:2022"></span>
    <span data-pagefind-filter="outlet:Luxury Daily"></span><span data-pagefind-meta="type:Article"></span>
    <span data-pagefind-meta="outlet:Luxury Daily"></span><span data-pagefind-meta="date:2022-06-28"></span>
  </div>
  <header class="article-header"><h1>How luxury can benefit</h1></header>
  <div class="article-body">
    <div class="annotated"><p id="p-10">adverts, <mark class="annotation" data-annotation="cost-per-mille" data-kind="correction">charged by </mark><strong><mark class="annotation" data-annotation="cost-per-mille" data-kind="correction">cost per mile</mark></strong><a class="note-marker" href="#note-cost-per-mille"><sup>11</sup></a>, can often be too expensive.<sup><a href="#fn-1" data-footnote-ref>1</a></sup></p>
    <div class="sidenotes">
      <div class="sidenote" id="note-cost-per-mille" role="note" data-note="cost-per-mille" data-kind="correction">
        <p class="note-head"><a class="note-number" href="#note-cost-per-mille">11</a> <span class="note-kind">Correction</span></p>
        <div class="note-body"><p>The term is cost per mille (CPM),
          from the Latin for thousand.</p></div>
        <p class="note-sources">Source: Google Ad Manager.</p>
      </div>
      <div class="sidenote" id="note-fn-1" role="note" data-note="fn-1" data-kind="footnote">
        <p class="note-head"><a class="note-number" href="#note-fn-1">12</a> <span class="note-kind">Footnote</span></p>
        <div class="note-body"><p>A footnote of the original.</p></div>
      </div>
    </div></div>
    <section class="endnotes"><h2>Notes</h2><ol><li id="endnote-cost-per-mille"><div class="note-body"><p>The term is cost per mille (CPM).</p></div></li></ol></section>
  </div>
</article></main></body></html>`;

const TIMELINE = `<!doctype html><html lang="en"><body><main><h1>Timeline</h1><ol>
  <li id="event-2024-09-05-wechat-pay" data-event data-date="2024-09-05" data-topics="taobao  wechat-pay">
    <h3>Taobao and Tmall announce WeChat Pay</h3><p>Formal announcement (天猫, 淘宝).</p><p>Sources: Sixth Tone.</p>
  </li>
  <li id="event-2016-04-12" data-event data-date="2016-04-12" data-topics=""><h3>Alibaba takes control of Lazada</h3><p>US$1bn.</p></li>
  <li id="article-x" data-date="2020-01-01"><h3>An article's publication, not an event</h3></li>
</ol></main></body></html>`;

describe('an article page read for search', () => {
  const page = readArticlePage(ARTICLE);

  test('its title and the facets it declares', () => {
    expect(page.title).toBe('How luxury can benefit');
    expect(page.filters).toContainEqual(['topic', 'wechat']);
    expect(page.meta).toContainEqual(['date', '2022-06-28']);
  });

  test('each margin note once (not again from the notes list), with its quote joined across formatting', () => {
    expect(page.notes).toEqual([
      { id: 'cost-per-mille', kind: 'correction', kindLabel: 'Correction', quote: 'charged by cost per mile', body: 'The term is cost per mille (CPM), from the Latin for thousand.' },
      { id: 'fn-1', kind: 'footnote', kindLabel: 'Footnote', quote: '', body: 'A footnote of the original.' },
    ]);
  });
});

describe('note records', () => {
  const page = readArticlePage(ARTICLE);
  const article = articleContext('/articles/luxury/', page.title, page.filters, page.meta);

  test('inherit the article: address, outlet, date and topics', () => {
    expect(article).toEqual({ path: '/articles/luxury/', title: 'How luxury can benefit', outlet: 'Luxury Daily', date: '2022-06-28', topics: ['wechat', 'tmall'] });
  });

  test('link to the note, are titled like the notes list, and filter by kind', () => {
    expect(noteRecord(article, page.notes[0]!, ['wechat'])).toEqual({
      url: '/articles/luxury/#note-cost-per-mille',
      content: 'The term is cost per mille (CPM), from the Latin for thousand.',
      language: 'en',
      meta: { heading: 'Correction on “charged by cost per mile”', type: 'Note', outlet: 'Luxury Daily', kind: 'Correction', date: '2022-06-28', context: 'How luxury can benefit' },
      filters: { type: ['note'], topic: ['wechat'], year: ['2022'], outlet: ['Luxury Daily'], kind: ['correction'] },
      sort: { date: '2022-06-28' },
    });
  });

  test.each([
    [undefined, ['wechat', 'tmall']],
    [[], ['wechat', 'tmall']],
    [['alimama'], ['alimama']],
  ])("take the note's own topics %o, or else the article's", (own, topics) => {
    expect(noteRecord(article, page.notes[1]!, own).filters.topic).toEqual(topics);
  });

  test.each([
    [{ kindLabel: 'Fact-check', quote: 'led them directly to Tmall' }, 'Fact-check on “led them directly to Tmall”'],
    [{ kindLabel: 'Footnote', quote: '' }, 'Footnote'],
    [{ kindLabel: '', quote: '' }, 'Note'],
  ])('%o is titled %s', (note, title) => {
    expect(noteTitle(note)).toBe(title);
  });
});

describe('timeline events', () => {
  test('every <li data-event> is a record linking to its place on the timeline', () => {
    expect(readTimelineEvents(TIMELINE).map((event) => eventRecord(event))).toEqual([
      {
        url: '/timeline/#event-2024-09-05-wechat-pay',
        content: 'Formal announcement (天猫, 淘宝).',
        language: 'en',
        meta: { heading: 'Taobao and Tmall announce WeChat Pay', type: 'Event', date: '2024-09-05', context: 'Timeline' },
        filters: { type: ['event'], topic: ['taobao', 'wechat-pay'], year: ['2024'] },
        sort: { date: '2024-09-05' },
      },
      {
        url: '/timeline/#event-2016-04-12',
        content: 'US$1bn.',
        language: 'en',
        meta: { heading: 'Alibaba takes control of Lazada', type: 'Event', date: '2016-04-12', context: 'Timeline' },
        filters: { type: ['event'], year: ['2016'] },
        sort: { date: '2016-04-12' },
      },
    ]);
  });

  test.each([
    ['<li id="event-x" data-event data-date="5 Sept 2024"><h3>X</h3></li>', 'Timeline event "x": expected <li id="event-<id>" data-event data-date="YYYY-MM-DD">, found id="event-x" data-date="5 Sept 2024".'],
    ['<li data-event data-date="2024-09-05"><h3>X</h3></li>', 'Timeline event without an id: expected <li id="event-<id>" data-event data-date="YYYY-MM-DD">, found id="" data-date="2024-09-05".'],
  ])('a malformed event stops the build: %s', (html, message) => {
    expect(() => readTimelineEvents(`<ol>${html}</ol>`)).toThrow(message);
  });
});

describe("a note's topics, from the article's frontmatter", () => {
  test.each([
    ['---\nannotations:\n  - id: a\n    topics: [wechat, tmall]\n  - id: b\n    kind: context\n---\nText', [['a', ['wechat', 'tmall']]]],
    ['---\r\ntitle: x\r\nannotations:\r\n  - id: a\r\n    topics: [x]\r\n---\r\n', [['a', ['x']]]],
    ['---\ntitle: [unclosed\n---\n', []],
    ['No frontmatter', []],
  ])('%j', (source, expected) => {
    expect([...noteTopicsFromSource(source)]).toEqual(expected);
  });
});
