// The render cache's fingerprint: everything outside a Markdown article that its HTML depends on. Each input that
// changes must change the fingerprint (or Astro would keep stale HTML); what does not matter must not (or every
// build would render every article again).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ARTICLE_HTML_DIR, citedArticleSlugs, citedEventIds, FINGERPRINT_FILE, readRenderInputs, refreshRenderCache, renderFingerprint, type RenderInputs } from '../../src/lib/render-cache.ts';

const article = (frontmatter: string, body = 'Text.') => `---\n${frontmatter}\n---\n\n${body}\n`;

describe('the articles a note cites, from the frontmatter', () => {
  test.each([
    ['no notes', article('title: A'), []],
    ['an outside source', article('annotations:\n  - id: a\n    sources:\n      - outlet: Reuters'), []],
    ['one of our articles', article('annotations:\n  - id: a\n    sources:\n      - article: alibaba-embraces-wechat-pay\n        quote: x'), ['alibaba-embraces-wechat-pay']],
    ['quoted', article('annotations:\n  - sources:\n      - article: "the-thaw"'), ['the-thaw']],
    ['in flow style', article('annotations:\n  - sources: [{ article: the-thaw, quote: x }, {article: other}]'), ['other', 'the-thaw']],
    ['cited twice', article('a:\n  - article: x\n  - article: x'), ['x']],
    ['only the frontmatter counts', article('title: A', 'The article: nothing here.\n\narticle: body-text'), []],
    ['no frontmatter', 'article: x', []],
  ])('%s', (_name, text, slugs) => expect(citedArticleSlugs(text)).toEqual(slugs));
});

describe('the events a note cites, from the frontmatter', () => {
  test.each([
    ['no notes', article('title: A'), []],
    ['one of our events', article('annotations:\n  - id: a\n    sources:\n      - event: 2021-07-13-self-discipline-convention-signed'), ['2021-07-13-self-discipline-convention-signed']],
    ['in flow style, quoted', article('annotations:\n  - sources: [{ event: "2024-09-05-taobao-tmall-announce-wechat-pay" }]'), ['2024-09-05-taobao-tmall-announce-wechat-pay']],
    ['an article is not an event', article('annotations:\n  - sources:\n      - article: the-thaw'), []],
    ['only the frontmatter counts', article('title: A', 'event: 2021-07-13-x'), []],
  ])('%s', (_name, text, ids) => expect(citedEventIds(text)).toEqual(ids));
});

describe('the fingerprint', () => {
  const inputs: RenderInputs = {
    base: '/',
    contentDir: '/site/content',
    topics: [{ name: 'wechat.mdx', text: '---\naliases: [WeChat]\n---\n' }, { name: 'taobao.mdx', text: '---\naliases: [Taobao]\n---\n' }],
    citedArticles: [{ name: 'the-thaw.md', text: 'Paragraph one.' }],
    citedEvents: [{ name: '2021-07-13-x.yaml', text: 'date: 2021-07-13\ntitle: X' }],
    code: [{ name: 'src/plugins/rehype-topic-links.ts', text: 'export default 1;' }],
  };
  const base = renderFingerprint(inputs);

  test('is a stable hex digest', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(renderFingerprint(structuredClone(inputs))).toBe(base);
  });

  test('does not depend on the order files were listed in', () => {
    expect(renderFingerprint({ ...inputs, topics: [...inputs.topics].reverse() })).toBe(base);
  });

  test.each<[string, (i: RenderInputs) => RenderInputs]>([
    ['the deploy base', (i) => ({ ...i, base: '/walled-gardens/' })],
    ['the content root', (i) => ({ ...i, contentDir: '/tmp/corpus' })],
    ["a topic's alias", (i) => ({ ...i, topics: [{ name: 'wechat.mdx', text: '---\naliases: [WeChat, Weixin]\n---\n' }, i.topics[1]!] })],
    ['a new topic', (i) => ({ ...i, topics: [...i.topics, { name: 'alipay.mdx', text: '---\naliases: [Alipay]\n---\n' }] })],
    ['a removed topic', (i) => ({ ...i, topics: [i.topics[0]!] })],
    ['a cited article', (i) => ({ ...i, citedArticles: [{ name: 'the-thaw.md', text: 'A new first paragraph.\n\nParagraph one.' }] })],
    ['a cited article moved to .mdx', (i) => ({ ...i, citedArticles: [{ name: 'the-thaw.mdx', text: 'Paragraph one.' }] })],
    ['an article cited that does not exist yet', (i) => ({ ...i, citedArticles: [...i.citedArticles, { name: 'later', text: undefined }] })],
    ["a cited event's date", (i) => ({ ...i, citedEvents: [{ name: '2021-07-13-x.yaml', text: 'date: 2021-07-14\ntitle: X' }] })],
    ['a plugin', (i) => ({ ...i, code: [{ name: 'src/plugins/rehype-topic-links.ts', text: 'export default 2;' }] })],
  ])('changes with %s', (_name, change) => expect(renderFingerprint(change(inputs))).not.toBe(base));
});

describe('on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'render-cache-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('reads every topic, the articles cited by another article whichever their extension, the pipeline code', () => {
    const project = join(root, 'project');
    const content = join(project, 'content');
    for (const dir of ['articles', 'topics', 'events']) mkdirSync(join(content, dir), { recursive: true });
    mkdirSync(join(project, 'src', 'plugins'), { recursive: true });
    mkdirSync(join(project, 'src', 'lib'), { recursive: true });
    writeFileSync(join(content, 'topics', 'wechat.mdx'), 'topic');
    writeFileSync(join(content, 'articles', 'citing.md'), article('annotations:\n  - sources:\n      - article: cited-md\n      - article: cited-mdx\n      - article: missing\n      - article: citing\n      - event: 2024-01-01-x\n      - event: 2024-02-02-missing'));
    writeFileSync(join(content, 'articles', 'cited-md.md'), 'md');
    writeFileSync(join(content, 'articles', 'cited-mdx.mdx'), 'mdx');
    writeFileSync(join(content, 'articles', 'uncited.md'), 'not read');
    writeFileSync(join(content, 'events', '2024-01-01-x.yaml'), 'sources:\n  - article: uncited\n');
    writeFileSync(join(project, 'src', 'plugins', 'rehype-x.ts'), "import { y } from '../lib/y.ts';\nimport remarkGfm from 'remark-gfm';\n");
    writeFileSync(join(project, 'src', 'lib', 'y.ts'), 'export const y = 1;');
    // The page-time renderer of Markdown articles is part of the pipeline too.
    mkdirSync(join(project, 'src', 'data'), { recursive: true });
    writeFileSync(join(project, 'src', 'data', 'article-html.ts'), "import { z } from '../lib/z.ts';");
    writeFileSync(join(project, 'src', 'lib', 'z.ts'), 'export const z = 1;');
    writeFileSync(join(project, 'astro.config.mjs'), 'config');

    const inputs = readRenderInputs({ base: '/', contentDir: 'content', projectRoot: project });
    expect(inputs.contentDir).toBe(content);
    expect(inputs.topics).toEqual([{ name: 'wechat.mdx', text: 'topic' }]);
    expect(inputs.citedArticles).toEqual([
      { name: 'cited-md.md', text: 'md' },
      { name: 'cited-mdx.mdx', text: 'mdx' },
      { name: 'missing', text: undefined },
    ]);
    expect(inputs.citedEvents).toEqual([
      { name: '2024-01-01-x.yaml', text: 'sources:\n  - article: uncited\n' },
      { name: '2024-02-02-missing', text: undefined },
    ]);
    expect(inputs.code.map((file) => [file.name, file.text])).toEqual([
      ['src/data/article-html.ts', "import { z } from '../lib/z.ts';"],
      ['src/lib/y.ts', 'export const y = 1;'],
      ['src/lib/z.ts', 'export const z = 1;'],
      ['src/plugins/rehype-x.ts', "import { y } from '../lib/y.ts';\nimport remarkGfm from 'remark-gfm';\n"],
      ['astro.config.mjs', 'config'],
      ['package-lock.json', undefined],
    ]);
  });

  test.each([
    ['no fingerprint saved yet: a store from before may be stale', undefined, 'first', false],
    ['the same fingerprint: the store is kept', 'abc', 'kept', true],
    ['another fingerprint: the store is deleted', 'old', 'cleared', false],
  ])('%s', (_name, saved, outcome, storeKept) => {
    const dir = mkdtempSync(join(root, 'store-'));
    writeFileSync(join(dir, 'data-store.json'), '{}');
    // The articles' HTML rendered at page time lives beside the store and goes with it.
    mkdirSync(join(dir, ARTICLE_HTML_DIR));
    writeFileSync(join(dir, ARTICLE_HTML_DIR, 'abc123.html'), '<p id="p-1">Text</p>');
    if (saved) writeFileSync(join(dir, FINGERPRINT_FILE), `${saved}\n`);
    expect(refreshRenderCache(dir, 'abc')).toBe(outcome);
    expect(existsSync(join(dir, 'data-store.json'))).toBe(storeKept);
    expect(existsSync(join(dir, ARTICLE_HTML_DIR, 'abc123.html'))).toBe(storeKept);
    expect(readFileSync(join(dir, FINGERPRINT_FILE), 'utf8')).toBe('abc\n');
  });

  test('a cache folder that does not exist yet is made', () => {
    const dir = join(root, 'new', 'cache');
    expect(refreshRenderCache(dir, 'abc')).toBe('first');
    expect(readFileSync(join(dir, FINGERPRINT_FILE), 'utf8')).toBe('abc\n');
  });
});
