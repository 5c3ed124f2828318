// Our notes as open data (src/lib/open-data/): where each note sits in the rendered article (through the site's real
// pipeline), the Web Annotation each becomes, the paging of the site-wide collection, the notes' dates from a file's
// committed versions (scripted, then a real repository), the corrections feed's items, and the structural check of
// the W3C model the end-to-end test applies to every annotation the build writes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, describe, expect, test } from 'vitest';
import { articleTextRenderer, articleTextRendering, sourceOfText } from '../../src/data/article-html.ts';
import { NOTE_KINDS } from '../../src/lib/annotations/kinds.ts';
import { correctionItems, FEED_SIZE, type FeedNote } from '../../src/lib/open-data/corrections-feed.ts';
import { noteDates, noteFingerprint } from '../../src/lib/open-data/note-history.ts';
import { measureNotes, readRenderedNotes } from '../../src/lib/open-data/rendered-notes.ts';
import {
  ANNOTATIONS_PER_PAGE,
  MOTIVATIONS,
  articleCollection,
  articleCollectionJson,
  codePointOffset,
  embeddedJson,
  quoteSelector,
  siteCollection,
  sitePage,
  sitePageJson,
  webAnnotation,
  type NoteRecord,
} from '../../src/lib/open-data/web-annotation.ts';
import { committedTexts, parseBatch, parseVersions } from '../../src/lib/repository/file-versions.ts';
import { runGitBytes } from '../../src/lib/repository/git.ts';
import { annotationProblems, collectionProblems, MODEL_MOTIVATIONS, pageProblems } from '../e2e/support/web-annotation-model.ts';

const PAGE = 'https://example.org/walled-gardens/articles/example/';

const ARTICLE = `---
title: Example
annotations:
  - id: cost-per-mille
    quote: charged by cost per mile
    kind: correction
    body: |
      The term is cost per mille: see [our note](/articles/other/#note-cpm) and [the paragraph](#p-2).
    sources:
      - outlet: Google Ad Manager Help
        title: Cost per thousand impressions
        date: 2024-05-01
  - id: cost
    quote: cost
    prefix: "charged by"
    kind: definition
    body: What is charged.
  - id: wechat
    quote: WeChat
    kind: context
    body: Tencent's messaging app.
---

## About WeChat

Adverts in Moments, **charged by cost per mile**, reach users.

A second paragraph, with nothing marked.
`;

async function rendered() {
  const render = articleTextRenderer({ base: '/walled-gardens/', contentDir: 'tests/fixtures/annotations' });
  return readRenderedNotes(await render(sourceOfText('/tmp/example.md', ARTICLE)), PAGE);
}

describe('notes read back from the rendered article', () => {
  test('each note: its marked passage in the text content, its paragraph, its text with absolute links', async () => {
    const { text, notes } = await rendered();
    const byId = new Map(notes.map((n) => [n.id, n]));
    expect([...byId.keys()].sort()).toEqual(['cost', 'cost-per-mille', 'wechat']);
    const cpm = byId.get('cost-per-mille')!;
    // The other note's number ("2", after "cost") is inside this passage on the page, so it is in the text too.
    expect(text.slice(cpm.start, cpm.end)).toMatch(/^charged by cost\d per mile$/);
    expect(cpm.fragment?.id).toBe('p-1');
    expect(text.slice(cpm.fragment!.start)).toMatch(/^Adverts in Moments, charged/);
    expect(cpm.html).toContain('href="https://example.org/walled-gardens/articles/other/#note-cpm"');
    expect(cpm.html).toContain('href="https://example.org/walled-gardens/articles/example/#p-2"');
    expect(cpm.plain).toBe('The term is cost per mille: see our note and the paragraph.');
    const heading = byId.get('wechat')!;
    expect(text.slice(heading.start, heading.end)).toBe('WeChat');
    // A heading's id is made from its text content, the number of its note (1) included.
    expect(heading.fragment?.id).toBe('about-wechat1');
  });
});

describe('TextQuoteSelector and positions', () => {
  test.each([
    ['a passage with its 32 characters either side', 'x'.repeat(40) + 'QUOTE' + 'y'.repeat(40), 40, 45, 'x'.repeat(32), 'y'.repeat(32)],
    ['at the very start: no prefix', 'QUOTE and more', 0, 5, '', ' and more'],
    [
      'context widened until the whole occurs once',
      `${'ab'.repeat(40)}Q${'ab'.repeat(40)}|${'ab'.repeat(40)}Q${'ab'.repeat(40)}`,
      80,
      81,
      'ab'.repeat(40),
      `${'ab'.repeat(40)}|${'ab'.repeat(23)}a`,
    ],
    ['never splits a surrogate pair', `😀${'a'.repeat(31)}QUOTE`, 33, 38, `😀${'a'.repeat(31)}`, ''],
  ])('%s', (_name, text, start, end, prefix, suffix) => {
    const selector = quoteSelector(text, start, end);
    expect(selector).toEqual({ type: 'TextQuoteSelector', exact: text.slice(start, end), prefix, suffix });
  });

  test.each([
    ['ASCII', 'abc', 2, 2],
    ['Chinese (one code unit each)', '微信支付', 3, 3],
    ['an emoji (two code units, one code point)', 'a😀b', 3, 2],
    ['two emoji', '😀😀x', 4, 2],
  ])('code points in %s', (_name, text, units, points) => expect(codePointOffset(text, units)).toBe(points));
});

const note = (over: Partial<NoteRecord> = {}): NoteRecord => ({
  id: 'n',
  kind: 'correction',
  page: PAGE,
  text: 'Intro 😀 text. The quote here.',
  start: 19,
  end: 24,
  fragment: { id: 'p-2', start: 15 },
  html: '<p>Body</p>',
  plain: 'Body',
  language: 'en',
  sources: [{ url: 'https://news.example/a', title: 'A report', publisher: 'Reuters', date: '2021-04-12' }, { publisher: 'Xinhua' }],
  created: new Date('2026-11-21T23:42:10.123Z'),
  modified: new Date('2026-11-22T01:44:16Z'),
  ...over,
});
const publisher = { name: 'Walled Gardens, Annotated', homepage: 'https://example.org/walled-gardens/' };

describe('a note as a Web Annotation', () => {
  test('the whole annotation', () => {
    expect(webAnnotation(note(), publisher)).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${PAGE}#note-n`,
      type: 'Annotation',
      motivation: 'editing',
      created: '2026-11-21T23:42:10Z',
      modified: '2026-11-22T01:44:16Z',
      creator: { type: 'Organization', name: 'Walled Gardens, Annotated', homepage: 'https://example.org/walled-gardens/' },
      rights: 'https://creativecommons.org/licenses/by/4.0/',
      body: {
        type: 'Choice',
        items: [
          { type: 'TextualBody', purpose: 'editing', value: '<p>Body</p>', format: 'text/html', language: 'en' },
          { type: 'TextualBody', purpose: 'editing', value: 'Body', format: 'text/plain', language: 'en' },
        ],
      },
      target: {
        source: PAGE,
        type: 'Text',
        format: 'text/html',
        selector: [
          { type: 'TextQuoteSelector', exact: 'quote', prefix: 'Intro 😀 text. The ', suffix: ' here.' },
          // "😀" is two code units and one code point: positions count code points.
          { type: 'CssSelector', value: '.article-body', refinedBy: { type: 'TextPositionSelector', start: 18, end: 23 } },
          {
            type: 'FragmentSelector',
            conformsTo: 'http://tools.ietf.org/rfc/rfc3986',
            value: 'p-2',
            refinedBy: { type: 'TextPositionSelector', start: 4, end: 9 },
          },
        ],
      },
      'dcterms:source': [
        { id: 'https://news.example/a', type: 'Text', 'dcterms:title': 'A report', 'dcterms:publisher': 'Reuters', 'dcterms:issued': '2021-04-12' },
        { type: 'Text', 'dcterms:publisher': 'Xinhua' },
      ],
    });
  });

  test.each([
    ['no history: no dates', { created: undefined, modified: undefined }, undefined, undefined],
    ['never changed: no modified', { modified: undefined }, '2026-11-21T23:42:10Z', undefined],
  ])('%s', (_name, over, created, modified) => {
    const annotation = webAnnotation(note(over), publisher);
    expect(annotation.created).toBe(created);
    expect(annotation.modified).toBe(modified);
  });

  test('a passage outside any element with an id has no FragmentSelector; a note without sources no dcterms:source', () => {
    const annotation = webAnnotation(note({ fragment: undefined, sources: [] }), publisher) as { target: { selector: { type: string }[] } };
    expect(annotation.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'CssSelector']);
    expect(annotation).not.toHaveProperty('dcterms:source');
  });

  test.each(NOTE_KINDS.map((kind) => [kind, MOTIVATIONS[kind].motivation]))(
    "a %s note is motivated by %s, one of the model's motivations",
    (kind, motivation) => {
      expect(MODEL_MOTIVATIONS).toContain(motivation);
      expect(webAnnotation(note({ kind }), publisher).motivation).toBe(motivation);
    },
  );

  test('every annotation it writes passes the model check', () => {
    for (const kind of NOTE_KINDS) expect(annotationProblems(webAnnotation(note({ kind }), publisher), true)).toEqual([]);
  });
});

describe('collections and pages', () => {
  const SITE = 'https://example.org/walled-gardens/';
  const many = (n: number) => Array.from({ length: n }, (_, i) => webAnnotation(note({ id: `n${i}` }), publisher));

  test.each([
    [0, 1],
    [ANNOTATIONS_PER_PAGE, 1],
    [ANNOTATIONS_PER_PAGE + 1, 2],
  ])('%i notes make %i page(s), linked first to last', (total, pages) => {
    const annotations = many(total);
    const collection = siteCollection(SITE, 'Every note', total);
    expect(collectionProblems(collection)).toEqual([]);
    expect(collection.first).toBe(total > 0 ? `${SITE}annotations/page-1.jsonld` : undefined);
    expect(collection.last).toBe(total > 0 ? `${SITE}annotations/page-${pages}.jsonld` : undefined);
    const seen = [];
    for (let number = 1; number <= pages; number++) {
      const page = sitePage(SITE, 'Every note', annotations, number);
      expect(pageProblems(page, true)).toEqual([]);
      expect(page.prev).toBe(number > 1 ? `${SITE}annotations/page-${number - 1}.jsonld` : undefined);
      expect(page.next).toBe(number < pages ? `${SITE}annotations/page-${number + 1}.jsonld` : undefined);
      expect(page.startIndex).toBe(seen.length);
      seen.push(...(page.items as { id: string }[]));
    }
    expect(seen.map((a) => a.id)).toEqual(annotations.map((a) => a.id));
    expect(seen.every((a) => !('@context' in a))).toBe(true);
  });

  test("an article's collection embeds its one page; an article without notes has an empty collection", () => {
    const id = `${PAGE}annotations.jsonld`;
    const full = articleCollection(id, 'Notes', many(3));
    expect(collectionProblems(full)).toEqual([]);
    expect(full).toMatchObject({ total: 3, last: `${id}#page-1`, first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0 } });
    expect(articleCollection(id, 'Notes', [])).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'AnnotationCollection',
      label: 'Notes',
      total: 0,
    });
  });

  // The build writes each note's JSON once (embeddedJson) and both collections splice it in: the files must be the
  // text JSON.stringify gives for the objects above, byte for byte, whatever a label holds.
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const tricky = 'Notes on “"items":[]”, \\ and \u2028';
  test.each([
    ['no notes', 0, 'Notes'],
    ['one note', 1, 'Notes'],
    ['three notes', 3, tricky],
  ])("an article's collection as written, %s, is its object's JSON", (_, count, label) => {
    const annotations = many(count);
    const id = `${PAGE}annotations.jsonld`;
    expect(text(articleCollectionJson(id, label, annotations.map(embeddedJson)))).toBe(JSON.stringify(articleCollection(id, label, annotations)));
  });
  test.each([
    [0, 1, 'Every note'],
    [ANNOTATIONS_PER_PAGE, 1, 'Every note'],
    [ANNOTATIONS_PER_PAGE + 1, 2, tricky],
  ])("%i notes: each page of the site's collection as written is its object's JSON", (total, pages, label) => {
    const annotations = many(total);
    const items = annotations.map(embeddedJson);
    for (let number = 1; number <= pages; number++)
      expect(text(sitePageJson(SITE, label, items, number))).toBe(JSON.stringify(sitePage(SITE, label, annotations, number)));
  });
});

describe('the model check catches what the model forbids', () => {
  type Json = Record<string, unknown>;
  const good = () => structuredClone(webAnnotation(note(), publisher));
  /** The object at `path` inside an annotation: the spoilers below reach into its body and target. */
  const at = (value: Json, ...path: (string | number)[]): Json =>
    path.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown>)[key], value) as Json;
  test.each([
    ['no @context', (a: Json) => delete a['@context'], 'annotation.@context'],
    ['a relative id', (a: Json) => (a.id = '#note-n'), 'annotation.id'],
    ['another type', (a: Json) => (a.type = 'Note'), 'annotation.type'],
    ['no target', (a: Json) => delete a.target, 'annotation.target'],
    ['an unknown motivation', (a: Json) => (a.motivation = 'correcting'), 'annotation.motivation'],
    ['a date without a time zone', (a: Json) => (a.created = '2026-11-21T23:42:10'), 'annotation.created'],
    ['a TextualBody without a value', (a: Json) => delete at(a, 'body', 'items', 0).value, 'annotation.body[0].items[0].value'],
    ['a body purpose outside the motivations', (a: Json) => (at(a, 'body', 'items', 1).purpose = 'fixing'), 'annotation.body[0].items[1].purpose'],
    ['a quote without exact', (a: Json) => delete at(a, 'target', 'selector', 0).exact, 'annotation.target[0].selector[0].exact'],
    ['a position ending before it starts', (a: Json) => (at(a, 'target', 'selector', 1, 'refinedBy').end = 1), 'annotation.target[0].selector[1].refinedBy[0]'],
    ['an unknown selector', (a: Json) => (at(a, 'target', 'selector', 2).type = 'ParagraphSelector'), 'annotation.target[0].selector[2].type'],
  ])('%s', (_name, spoil, path) => {
    const annotation = good();
    spoil(annotation);
    const problems = annotationProblems(annotation, true);
    expect(
      problems.some((p) => p.startsWith(path)),
      problems.join('\n'),
    ).toBe(true);
  });
});

describe('when each note was written and last changed', () => {
  const v = (date: string, notes: Record<string, string>) => ({ date: new Date(date), notes: new Map(Object.entries(notes)) });
  test.each([
    ['no history', [], {}],
    ['one version', [v('2026-01-03', { a: '1' })], { a: ['2026-01-03', undefined] }],
    [
      'added, then unchanged',
      [v('2026-01-03', { a: '1', b: '1' }), v('2026-01-02', { a: '1' })],
      { a: ['2026-01-02', undefined], b: ['2026-01-03', undefined] },
    ],
    [
      'changed twice: the last change counts',
      [v('2026-01-04', { a: '3' }), v('2026-01-03', { a: '2' }), v('2026-01-02', { a: '1' })],
      { a: ['2026-01-02', '2026-01-04'] },
    ],
    [
      'changed, then an unrelated commit',
      [v('2026-01-04', { a: '2', b: '1' }), v('2026-01-03', { a: '2' }), v('2026-01-02', { a: '1' })],
      { a: ['2026-01-02', '2026-01-03'], b: ['2026-01-04', undefined] },
    ],
    [
      'removed and written again: a new note',
      [v('2026-01-04', { a: '1' }), v('2026-01-03', {}), v('2026-01-02', { a: '1' })],
      { a: ['2026-01-04', undefined] },
    ],
  ])('%s', (_name, versions, expected) => {
    const dates = noteDates(versions);
    expect(Object.fromEntries([...dates].map(([id, d]) => [id, [d.created.toISOString().slice(0, 10), d.modified?.toISOString().slice(0, 10)]]))).toEqual(
      expected,
    );
  });

  test("re-tagging a note's topics is not a change to it", () => {
    const base = { id: 'a', quote: 'q', kind: 'context', body: 'b', sources: [] };
    expect(noteFingerprint({ ...base, topics: ['x'] })).toBe(noteFingerprint({ ...base, topics: ['y'] }));
    expect(noteFingerprint({ ...base, body: 'c' })).not.toBe(noteFingerprint(base));
  });
});

describe('committed versions of files, from git', () => {
  const C = '\u0001';
  const sha = (n: number) => String(n).padStart(40, '0');
  test('renames are followed, a deleted name starts again, new blobs are listed newest first', () => {
    const log = [
      `${C}2026-01-05T00:00:00Z`,
      '',
      `:100644 100644 ${sha(3)} ${sha(4)} M\tarticles/b.md`,
      `${C}2026-01-04T00:00:00Z`,
      '',
      `:100644 100644 ${sha(2)} ${sha(3)} R090\tarticles/b.mdx\tarticles/b.md`,
      `:100644 000000 ${sha(9)} ${sha(0)} D\tarticles/gone.md`,
      `${C}2026-01-03T00:00:00Z`,
      '',
      `:000000 100644 ${sha(0)} ${sha(2)} A\tarticles/b.mdx`,
      `:000000 100644 ${sha(0)} ${sha(9)} A\tarticles/gone.md`,
    ].join('\n');
    const versions = parseVersions(log);
    expect([...versions.keys()]).toEqual(['articles/b.md']);
    expect(versions.get('articles/b.md')!.map((x) => [x.date.toISOString().slice(0, 10), x.blob])).toEqual([
      ['2026-01-05', sha(4)],
      ['2026-01-04', sha(3)],
      ['2026-01-03', sha(2)],
    ]);
  });

  test('git cat-file --batch output is split by the sizes it gives, in bytes', () => {
    const body = (text: string) => `${Buffer.byteLength(text)}\n${text}\n`;
    const output = Buffer.from(`${sha(1)} blob ${body('微信\nline')}${sha(2)} missing\n${sha(3)} blob ${body('b')}`);
    expect([...parseBatch(output)]).toEqual([
      [sha(1), '微信\nline'],
      [sha(3), 'b'],
    ]);
  });

  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('a real repository: every committed text of each file, newest first; none from a shallow clone', () => {
    const repo = mkdtempSync(join(tmpdir(), 'file-versions-'));
    made.push(repo);
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
      });
    git('init', '-q');
    mkdirSync(join(repo, 'content/articles'), { recursive: true });
    const commit = (date: string, text: string) => {
      writeFileSync(join(repo, 'content/articles/a.md'), text);
      git('add', '.');
      execFileSync('git', ['commit', '-qm', date], {
        cwd: repo,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
          GIT_COMMITTER_DATE: date,
          GIT_AUTHOR_DATE: date,
        },
      });
    };
    commit('2026-01-02T00:00:00Z', 'first\n');
    commit('2026-01-03T00:00:00Z', 'second, 微信\n');
    const texts = committedTexts(runGitBytes, 'content/articles', repo);
    expect(texts.get('content/articles/a.md')).toEqual([
      { date: new Date('2026-01-03T00:00:00Z'), text: 'second, 微信\n' },
      { date: new Date('2026-01-02T00:00:00Z'), text: 'first\n' },
    ]);
    const shallow = mkdtempSync(join(tmpdir(), 'file-versions-shallow-'));
    made.push(shallow);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    expect(committedTexts(runGitBytes, 'content/articles', shallow).size).toBe(0);
    expect(committedTexts(runGitBytes, 'content/articles', tmpdir()).size).toBe(0);
  });
});

describe('the corrections feed', () => {
  const feedNote = (kind: FeedNote['kind'], link: string, created?: string, modified?: string): FeedNote => ({
    kind,
    link,
    articleTitle: 'An article',
    quote: 'a quote',
    text: 'What is right.',
    created: created ? new Date(created) : undefined,
    modified: modified ? new Date(modified) : undefined,
  });

  test('corrections, fact-checks and updates only, newest change first, undated last', () => {
    const items = correctionItems([
      feedNote('context', '#context', '2026-03-01'),
      feedNote('correction', '#old', '2026-01-01'),
      feedNote('update', '#undated'),
      feedNote('fact-check', '#changed', '2026-01-01', '2026-02-15'),
      feedNote('correction', '#new', '2026-02-01'),
      feedNote('cross-reference', '#xref', '2026-03-01'),
    ]);
    expect(items.map((item) => item.link)).toEqual(['#changed', '#new', '#old', '#undated']);
    expect(items[0]).toEqual({
      title: 'Fact-check on “a quote”, in “An article”',
      link: '#changed',
      description: 'What is right.',
      pubDate: new Date('2026-02-15'),
      categories: ['Fact-check'],
    });
    expect(items[3]).not.toHaveProperty('pubDate');
  });

  test.each([
    ['more notes than the feed holds: the newest', 5, 3, ['#n5', '#n4', '#n3']],
    ['as many as it holds: all of them', 3, 3, ['#n3', '#n2', '#n1']],
    ['fewer: all of them', 2, 3, ['#n2', '#n1']],
  ])('%s', (_case, notes, most, links) => {
    const many = Array.from({ length: notes }, (_, i) => feedNote('correction', `#n${i + 1}`, `2026-01-0${i + 1}`));
    expect(correctionItems(many, most).map((item) => item.link)).toEqual(links);
  });

  test('by default the feed holds the FEED_SIZE newest', () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, i) => feedNote('update', `#n${i}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)));
    const items = correctionItems(many);
    expect(items).toHaveLength(FEED_SIZE);
    expect(items[0]!.link).toBe(`#n${FEED_SIZE + 4}`);
  });
});

describe('notes measured as the text is rendered', () => {
  const articles = readdirSync('content/articles').filter((name) => name.endsWith('.md'));
  test.each(articles)('%s: the same places as reading the rendered HTML back', async (name) => {
    const path = resolve('content/articles', name);
    const rendering = await articleTextRendering({ base: '/', contentDir: 'content' })(sourceOfText(path, readFileSync(path, 'utf8')));
    expect(rendering.notes?.notes.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(rendering.notes))).toEqual(JSON.parse(JSON.stringify(measureNotes(fromHtml(rendering.html, { fragment: true })))));
  });
});
