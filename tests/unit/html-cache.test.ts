// The cache of rendered article HTML (src/content-model/html-cache.ts): a page's file name is made of everything its
// HTML depends on. Each input that changes must change the name (or a stale page would be served, by a build or a
// running dev server); what does not matter must not (or every build would render every article again). Unused
// files are pruned. A linked or cited event's timeline page is such an input: it moves as the timeline grows.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { readEntry, resetModel } from '../../src/content-model/entry.ts';
import { citedArticles, htmlCacheKey, pipelineFiles, pruneHtmlCache, timelinePlaces, topicsDigest } from '../../src/content-model/html-cache.ts';
import { frontmatterValues } from '../../src/content-model/frontmatter.ts';

const article = (frontmatter: string, body = 'Text.') => `---\n${frontmatter}\n---\n\n${body}\n`;

describe('the articles a note cites, from the frontmatter values', () => {
  test.each([
    ['no notes', article('title: A'), []],
    ['an outside source', article('annotations:\n  - id: a\n    sources:\n      - outlet: Reuters'), []],
    [
      'one of our articles',
      article('annotations:\n  - id: a\n    sources:\n      - article: alibaba-embraces-wechat-pay\n        quote: x'),
      ['alibaba-embraces-wechat-pay'],
    ],
    ['quoted', article('annotations:\n  - sources:\n      - article: "the-thaw"'), ['the-thaw']],
    ['in flow style', article('annotations:\n  - sources: [{ article: the-thaw, quote: x }, {article: other}]'), ['other', 'the-thaw']],
    ['cited twice', article('annotations:\n  - sources: [{ article: x }]\n  - sources: [{ article: x }]'), ['x']],
    ['only notes count', article('related:\n  - article: y', 'article: body-text'), []],
    ['no frontmatter', 'article: x', []],
  ])('%s', (_name, text, slugs) => expect(citedArticles(frontmatterValues(text))).toEqual(slugs));
});

describe('the name of a page in the cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'html-cache-'));
  const project = join(root, 'project');
  const content = join(project, 'content');
  const citing = join(content, 'articles', 'citing.md');
  const citingText = article('annotations:\n  - id: a\n    quote: Text\n    sources:\n      - article: cited\n        quote: One');
  const options = { base: '/', contentDir: content, projectRoot: project };
  const key = () => htmlCacheKey(options, citing, citingText, frontmatterValues(citingText));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeEach(() => {
    resetModel();
    rmSync(project, { recursive: true, force: true });
    for (const dir of ['articles', 'topics']) mkdirSync(join(content, dir), { recursive: true });
    mkdirSync(join(project, 'src', 'plugins'), { recursive: true });
    mkdirSync(join(project, 'src', 'lib'), { recursive: true });
    writeFileSync(join(content, 'topics', 'wechat.mdx'), '---\naliases: [WeChat]\n---\n');
    writeFileSync(citing, citingText);
    writeFileSync(join(content, 'articles', 'cited.md'), article('title: Cited', 'One.'));
    writeFileSync(join(content, 'articles', 'uncited.md'), article('title: Other', 'Two.'));
    writeFileSync(join(project, 'src', 'plugins', 'rehype-x.ts'), "import { y } from '../lib/y.ts';\n");
    writeFileSync(join(project, 'src', 'lib', 'y.ts'), 'export const y = 1;');
    writeFileSync(join(project, 'astro.config.mjs'), 'config');
  });

  test('is stable while nothing it depends on changes', () => {
    expect(key()).toMatch(/^[0-9a-f]{40}$/);
    writeFileSync(join(content, 'articles', 'uncited.md'), article('title: Other', 'Changed.'));
    expect(key()).toBe(key());
    const first = key();
    writeFileSync(join(content, 'articles', 'uncited.md'), article('title: Other', 'Changed again.'));
    expect(key()).toBe(first);
  });

  test.each<[string, () => void]>([
    ["a topic's alias", () => writeFileSync(join(content, 'topics', 'wechat.mdx'), '---\naliases: [WeChat, Weixin]\n---\n')],
    ['a new topic', () => writeFileSync(join(content, 'topics', 'alipay.mdx'), '---\naliases: [Alipay]\n---\n')],
    ['a removed topic', () => rmSync(join(content, 'topics', 'wechat.mdx'))],
    ['a cited article', () => writeFileSync(join(content, 'articles', 'cited.md'), article('title: Cited', 'New first paragraph.\n\nOne.'))],
    [
      'a cited article moved to .mdx',
      () => (rmSync(join(content, 'articles', 'cited.md')), writeFileSync(join(content, 'articles', 'cited.mdx'), article('title: Cited', 'One.'))),
    ],
  ])('changes with %s', (_name, change) => {
    const before = key();
    change();
    expect(key()).not.toBe(before);
  });

  // An article's text shows a topic only as links to its mentions: a topic's title, summary or overview is not in it.
  test.each<[string, () => void]>([
    [
      "a topic's summary and title",
      () => writeFileSync(join(content, 'topics', 'wechat.mdx'), '---\ntitle: WeChat\nsummary: A new one.\naliases: [WeChat]\n---\n'),
    ],
    ["a topic's overview", () => writeFileSync(join(content, 'topics', 'wechat.mdx'), '---\naliases: [WeChat]\n---\n\nAn overview written.\n')],
    ['a file in topics/ that is not a topic', () => writeFileSync(join(content, 'topics', 'notes.txt'), 'x')],
  ])('stays the same with %s', (_name, change) => {
    const before = key();
    change();
    expect(key()).toBe(before);
  });

  test.each<[string, Partial<typeof options>]>([
    ['the deploy base', { base: '/walled-gardens/' }],
    ['the content root', { contentDir: join(root, 'elsewhere') }],
  ])('changes with %s', (_name, change) => {
    expect(htmlCacheKey({ ...options, ...change }, citing, citingText, frontmatterValues(citingText))).not.toBe(key());
  });

  test("changes with the article's own text", () => {
    const other = citingText.replace('Text.', 'Text, changed.');
    expect(htmlCacheKey(options, citing, other, frontmatterValues(other))).not.toBe(key());
  });

  test("given the topics' digest (a build names every article with one), it is the name computed without it", () => {
    expect(htmlCacheKey({ ...options, topics: topicsDigest(content) }, citing, citingText, frontmatterValues(citingText))).toBe(key());
    expect(htmlCacheKey({ ...options, topics: 'other topics' }, citing, citingText, frontmatterValues(citingText))).not.toBe(key());
  });

  test('the pipeline code is the plugins, what they import, the page-time renderer, the config and the lock file', () => {
    expect(pipelineFiles(project).map((file) => file.slice(project.length + 1))).toEqual([
      'src/lib/y.ts',
      'src/plugins/rehype-x.ts',
      'astro.config.mjs',
      'package-lock.json',
    ]);
  });
});

test('pruning keeps only the pages still looked for', () => {
  const folder = mkdtempSync(join(tmpdir(), 'html-cache-prune-'));
  for (const name of ['a', 'b', 'c']) writeFileSync(join(folder, `${name}.html`), name);
  expect(pruneHtmlCache(folder, new Set(['b']))).toBe(2);
  expect(['a', 'b', 'c'].map((name) => existsSync(join(folder, `${name}.html`)))).toEqual([false, true, false]);
  expect(pruneHtmlCache(join(folder, 'missing'), new Set())).toBe(0);
  rmSync(folder, { recursive: true, force: true });
});

describe('the name of a page linking to or citing a timeline event', () => {
  const root = mkdtempSync(join(tmpdir(), 'html-cache-events-'));
  const project = join(root, 'project');
  const content = join(project, 'content');
  const options = { base: '/', contentDir: content, projectRoot: project };
  const EVENT = '2021-06-01-event';
  const texts = {
    links: article('title: Links', `See the [timeline](/timeline/#event-${EVENT}).`),
    'links in a note': article(`annotations:\n  - id: a\n    quote: Text\n    body: See [it](/timeline/#event-${EVENT}).`),
    cites: article(`annotations:\n  - id: a\n    quote: Text\n    sources:\n      - event: ${EVENT}`),
  };
  const key = (name: keyof typeof texts) => htmlCacheKey(options, join(content, 'articles', 'page.md'), texts[name], frontmatterValues(texts[name]));
  /** Adds articles published on `day`, and lets the content model read them, as the check does in every build. */
  const addArticles = (count: number, day: string) => {
    for (let n = 0; n < count; n++) writeFileSync(join(content, 'articles', `${day}-${n}.md`), article(`title: A${n}\npublished: ${day}`));
    readEntry('article', join(content, 'articles', `${day}-0.md`));
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeEach(() => {
    resetModel();
    rmSync(project, { recursive: true, force: true });
    for (const dir of ['articles', 'topics', 'events']) mkdirSync(join(content, dir), { recursive: true });
    writeFileSync(join(content, 'events', `${EVENT}.yaml`), 'date: 2021-06-01\ntitle: An event\n');
    addArticles(50, '2021-01-01');
  });

  test.each(Object.keys(texts) as (keyof typeof texts)[])('%s: changes when the event moves to another timeline page', (name) => {
    const before = key(name);
    expect(timelinePlaces(content, [EVENT])).toEqual([`${EVENT}@1`]);
    addArticles(60, '2020-01-01');
    expect(timelinePlaces(content, [EVENT])).toEqual([`${EVENT}@2`]);
    expect(key(name)).not.toBe(before);
  });

  test.each(Object.keys(texts) as (keyof typeof texts)[])('%s: stays when entries are added after the event', (name) => {
    const before = key(name);
    addArticles(60, '2022-01-01');
    expect(key(name)).toBe(before);
  });

  test('an event that does not exist has no page', () => expect(timelinePlaces(content, ['nope', EVENT])).toEqual([`${EVENT}@1`, 'nope@']));
});
