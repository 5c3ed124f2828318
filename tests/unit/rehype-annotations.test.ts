// The annotation step run through the real Markdown processor: what HTML a reader gets, and the exact error a
// contributor gets when a quote does not anchor.
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import rehypeAnnotations from '../../src/plugins/rehype-annotations.ts';
import rehypeParagraphIds from '../../src/plugins/rehype-paragraph-ids.ts';
import rehypeTopicLinks from '../../src/plugins/rehype-topic-links.ts';

const contentDir = fileURLToPath(new URL('../fixtures/annotations/', import.meta.url));
/** One topic, Lazada, for the topic-link step that runs before this one on the site. */
const topicsDir = fileURLToPath(new URL('../fixtures/topic-links/', import.meta.url));

function render(markdown: string, annotations: unknown[] = [], base = '/', path = 'content/articles/example.md') {
  const file = new VFile({ value: markdown, path });
  file.data = { astro: { frontmatter: { annotations } } };
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeParagraphIds)
    .use(rehypeTopicLinks, { base, contentDir: topicsDir })
    .use(rehypeAnnotations, { base, contentDir })
    .use(rehypeStringify);
  return String(processor.processSync(file));
}

const note = (id: string, quote: string, extra: Record<string, unknown> = {}) => ({ id, quote, kind: 'context', body: `Body of ${id}.`, ...extra });

/** A link that opens before the one before it has closed: invalid HTML, which a browser would rearrange. */
const NESTED_LINK = /<a[\s>](?:(?!<\/a>)[\s\S])*?<a[\s>]/;

describe('annotated HTML', () => {
  test('a passage is marked, numbered, and its note sits beside its paragraph and in the list at the end', () => {
    const html = render('WeChat Moments adverts, charged by cost per mile, are dear.\n\nSecond paragraph.', [
      note('cpm', 'cost per mile', {
        kind: 'correction',
        sources: [{ outlet: 'Google Ad Manager Help', title: 'Cost per mille', url: 'https://example.org/cpm', date: '2024-05-01' }],
      }),
    ]);
    expect(html).toContain(
      '<div class="annotated"><p id="p-1">WeChat Moments adverts, charged by <mark data-annotation="cpm" id="passage-cpm">cost per mile</mark><a class="note-marker" href="#note-cpm" id="marker-cpm" aria-label="Note 1, correction"><sup>1</sup></a>, are dear.</p><div class="sidenotes"><div class="sidenote" id="note-cpm" role="note" aria-label="Note 1, correction" tabindex="-1" data-pagefind-title="Correction"><p class="note-head"><a href="#note-cpm" aria-label="Link to note 1">1</a> Correction</p><div class="note-body"><p>Body of cpm.</p></div><p class="note-sources">Source: Google Ad Manager Help, <a href="https://example.org/cpm" rel="external">“Cost per mille”</a>, 1 May 2024.</p></div></div></div>',
    );
    expect(html).toContain('<p id="p-2">Second paragraph.</p>');
    expect(html).toContain(
      '<section class="endnotes" aria-labelledby="endnotes-title"><h2 id="endnotes-title">Notes</h2><ol class="endnotes-list"><li><span class="note-kind">Correction</span> on <q>cost per mile</q> <a href="#note-cpm">Read note 1</a>\u00a0<a href="#passage-cpm" aria-label="Back to the passage of note 1">↩</a></li></ol></section>',
    );
  });

  test('a quote across emphasis and a link is marked piece by piece', () => {
    const html = render('Having enticed **more than 200** premium [brands](https://example.org) to launch.', [
      note('brands', 'enticed more than 200 premium brands'),
    ]);
    expect(html).toContain(
      '<p id="p-1">Having <mark data-annotation="brands" id="passage-brands">enticed </mark><strong><mark data-annotation="brands">more than 200</mark></strong><mark data-annotation="brands"> premium </mark><a href="https://example.org"><mark data-annotation="brands">brands</mark></a><a class="note-marker"',
    );
  });

  test.each([
    ['a topic link', 'Alibaba bought Lazada in 2016.', [note('deal', 'bought Lazada')], '>Lazada</mark></a><a class="note-marker" href="#note-deal"'],
    [
      'emphasis inside a link',
      'The [**whole** deal](https://example.org) closed.',
      [note('deal', 'The whole')],
      '>whole</mark></strong> deal</a><a class="note-marker" href="#note-deal"',
    ],
    [
      'the middle of a link',
      'A [deal for Lazada Group](https://example.org) closed.',
      [note('deal', 'A deal')],
      '>deal</mark> for Lazada Group</a><a class="note-marker" href="#note-deal"',
    ],
    [
      'the same link, twice',
      'A [deal for Lazada Group](https://example.org) closed.',
      [note('deal', 'deal'), note('group', 'Lazada Group')],
      '</a><a class="note-marker" href="#note-deal" id="marker-deal" aria-label="Note 1, context"><sup>1</sup></a><a class="note-marker" href="#note-group" id="marker-group" aria-label="Note 2, context"><sup>2</sup></a> closed.',
    ],
  ])('a passage ending inside %s gets its marker after the link, never inside it', (_, markdown, notes, expected) => {
    const html = render(markdown, notes);
    expect(html).toContain(expected);
    expect(html).not.toMatch(NESTED_LINK);
  });

  test('overlapping notes nest, and are numbered in the order of their passages', () => {
    const html = render('Alibaba and Tencent move closer to cooperating.', [note('second', 'Tencent move closer'), note('first', 'Alibaba and Tencent')]);
    expect(html).toContain(
      '<mark data-annotation="first" id="passage-first">Alibaba and </mark><mark data-annotation="first"><mark data-annotation="second" id="passage-second">Tencent</mark></mark><a class="note-marker" href="#note-first" id="marker-first" aria-label="Note 1, context"><sup>1</sup></a><mark data-annotation="second"> move closer</mark><a class="note-marker" href="#note-second" id="marker-second" aria-label="Note 2, context"><sup>2</sup></a>',
    );
  });

  test('a GFM footnote is shown as a note of kind footnote, and the default footnotes section is gone', () => {
    const html = render('A claim.[^a]\n\n[^a]: The footnote text.');
    expect(html).toContain('<a class="note-marker" href="#note-footnote-a" id="marker-footnote-a" aria-label="Note 1, footnote"><sup>1</sup></a>');
    // Its head is its number alone (the kind would say "Footnote" every time); the note is marked as a footnote.
    expect(html).toContain(
      '<div class="sidenote sidenote--footnote" id="note-footnote-a" role="note" aria-label="Note 1, footnote" tabindex="-1" data-pagefind-title="Footnote"><p class="note-head"><a href="#note-footnote-a" aria-label="Link to note 1">1</a></p><div class="note-body"><p>The footnote text.</p></div>',
    );
    expect(html).toContain(
      '<li>The footnote text. <a href="#note-footnote-a">Read note 1</a>\u00a0<a href="#marker-footnote-a" aria-label="Back to the passage of note 1">↩</a></li>',
    );
    expect(html).not.toContain('data-footnotes');
  });

  // The list at the end shows a long footnote's first words, cut at a space: the punctuation the cut left hanging
  // read as a typo ("integration":…, "chinadaily.com.cn;…").
  test.each([
    [
      'a colon',
      'Global Times, 4 Sep 2024, "E-commerce platforms embrace payment integration": globaltimes.cn, and more',
      '"E-commerce platforms embrace payment integration"…',
    ],
    ['a semicolon', 'China Daily, 6 Sep 2024, "Taobao, Tmall embrace WeChat Pay": chinadaily.com.cn; Daily Economic News, 12 Sep 2024', ': chinadaily.com.cn…'],
  ])("a footnote's first words in the list at the end end without %s", (_, text, ending) => {
    const html = render(`A claim.[^a]\n\n[^a]: ${text}`);
    const item = /<li>(.*?) <a href="#note-footnote-a">/.exec(html)?.[1];
    expect(item?.endsWith(ending), item).toBe(true);
  });

  test('links in a note honour the base path, and a source in another article links to its paragraph', () => {
    const html = render(
      'Taobao Deals on WeChat.',
      [
        note('xref', 'Taobao Deals', {
          kind: 'cross-reference',
          body: 'See [the topic](/topics/taobao-deals/).',
          sources: [{ article: 'cited', quote: 'lite version of Taobao Deals' }],
        }),
      ],
      '/walled-gardens/',
    );
    expect(html).toContain('<a href="/walled-gardens/topics/taobao-deals/">the topic</a>');
    expect(html).toContain('Source: our article <a href="/walled-gardens/articles/cited/#p-2">The Cited Article</a> (Example Daily), paragraph 2.');
  });

  // The cited article is found whichever its extension, and read as the site renders it (an MDX comment is no paragraph).
  test.each([
    ['cited', 'Source: our article <a href="/articles/cited/#p-2">The Cited Article</a> (Example Daily), paragraph 2.'],
    ['cited-in-mdx', 'Source: our article <a href="/articles/cited-in-mdx/#p-1">The Cited MDX Article</a> (Example Daily), paragraph 1.'],
  ])('a source citing %s (.md or .mdx) links to its paragraph', (article, source) => {
    expect(render('Taobao Deals on WeChat.', [note('xref', 'Taobao Deals', { sources: [{ article, quote: 'lite version of Taobao Deals' }] })])).toContain(
      source,
    );
  });

  // A note citing another paragraph of its own article named the page the reader was on by its title, a link to
  // itself that read like a different article (2026-12-07, seen in screenshots).
  test('a source in the article the note is in says "this article", with the paragraph linked', () => {
    const html = render(
      'Taobao Deals on WeChat.',
      [note('xref', 'Taobao Deals', { sources: [{ article: 'cited', quote: 'lite version of Taobao Deals' }] })],
      '/',
      'content/articles/cited.md',
    );
    expect(html).toContain('Source: this article, <a href="/articles/cited/#p-2">paragraph 2</a>.');
  });

  test('a source citing one of our events shows its date and title, linked to it on the timeline', () => {
    const html = render(
      'Taobao Deals on WeChat.',
      [note('pledge', 'Taobao Deals', { sources: [{ event: '2021-07-13-self-discipline-convention-signed' }] })],
      '/walled-gardens/',
    );
    expect(html).toContain(
      'Source: our timeline, <a href="/walled-gardens/timeline/#event-2021-07-13-self-discipline-convention-signed">13 July 2021: Tech firms sign a self-discipline convention</a>.',
    );
  });

  test('an article with no notes is left alone', () => {
    expect(render('Just text.')).toBe('<p id="p-1">Just text.</p>');
  });
});

describe('notes that cannot be placed fail the build with advice', () => {
  const text = 'Ads charged by cost per mile are dear.\n\nAlibaba said yes. Later, Alibaba said no.';

  test('a quote that matches nothing names the file, the note, the quote and the closest passage', () => {
    expect(() => render(text, [note('cpm', 'charged by cost per mille')])).toThrow(
      [
        'A note could not be placed in the article:',
        '',
        'content/articles/example.md:1: note "cpm": the quote matches nothing in the article\'s text; it must match exactly once.',
        '  quote:    "charged by cost per mille"',
        '  closest:  "charged by cost per mile" (paragraph 1)',
        '  How to fix: copy the passage exactly as the article shows it (spelling, punctuation, curly or straight quotes), from within one paragraph, without Markdown such as ** or [](); typos in the original stay as they are.',
      ].join('\n'),
    );
  });

  test('a quote that matches twice lists both places and suggests prefix or suffix', () => {
    expect(() => render(text, [note('said', 'Alibaba said')])).toThrow(
      [
        'content/articles/example.md:1: note "said": the quote matches 2 places in the article\'s text; it must match exactly once.',
        '  quote:    "Alibaba said"',
        '  match 1:  paragraph 2: "[Alibaba said] yes. Later, Alibaba said no."',
        '  match 2:  paragraph 2: "Alibaba said yes. Later, [Alibaba said] no."',
        '  How to fix: lengthen the quote, or add prefix: (the words just before the passage you mean) or suffix: (the words just after it).',
      ].join('\n'),
    );
  });

  test('a quote found, but not with its prefix, is told that the prefix is what to correct', () => {
    expect(() => render(text, [note('said', 'Alibaba said', { prefix: 'Earlier,' })])).toThrow(
      [
        'content/articles/example.md:1: note "said": the quote matches nothing in the article\'s text with that prefix/suffix; it must match exactly once.',
        '  quote:    "Alibaba said"',
        '  prefix:   "Earlier,"',
        '  closest:  "Alibaba said" (paragraph 2)',
        '  How to fix: the quote is there; its prefix: or suffix: is not what stands just before or after it. Copy those words exactly as the article shows them, or remove prefix: and suffix: if the quote occurs only once.',
      ].join('\n'),
    );
  });

  test('a prefix picks one of the two', () => {
    expect(render(text, [note('said', 'Alibaba said', { prefix: 'Later,' })])).toContain('Later, <mark data-annotation="said"');
  });

  test('every broken note of a file is reported at once', () => {
    expect(() => render(text, [note('a', 'nothing like this'), note('b', 'Alibaba said')])).toThrow(/^2 notes could not be placed in the article:/);
  });

  test('a source quoting another article must match there too', () => {
    expect(() => render(text, [note('x', 'cost per mile', { sources: [{ article: 'cited', quote: 'Alibaba anounced plans' }] })])).toThrow(
      [
        'content/articles/example.md:1: note "x": the quote of its source in "cited" matches nothing in that article\'s text; it must match exactly once.',
        '  quote:    "Alibaba anounced plans"',
        '  closest:  "Alibaba announced plans" (paragraph 2)',
      ].join('\n'),
    );
    expect(() => render(text, [note('x', 'cost per mile', { sources: [{ article: 'missing', quote: 'x' }] })])).toThrow(
      'content/articles/example.md:1: note "x": its source cites article "missing", which does not exist.\n  How to fix: use the file name of an article in content/articles/, without .md or .mdx.',
    );
    expect(() => render(text, [note('x', 'cost per mile', { sources: [{ event: '2021-07-13-self-discipline-convention' }] })])).toThrow(
      'content/articles/example.md:1: note "x": its source cites event "2021-07-13-self-discipline-convention", which does not exist.\n  How to fix: use the file name of an event in content/events/, without .yaml.',
    );
  });

  test('invalid annotations are refused with the field and the reason', () => {
    expect(() => render(text, [{ id: 'x', quote: 'cost per mile', kind: 'correction', body: 'No source.' }])).toThrow(
      'content/articles/example.md: the annotations are not valid:\n  annotations.0.sources: A correction note must cite at least one source (an outside report or one of our articles).',
    );
  });
});
