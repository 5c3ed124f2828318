// The content model (src/content-model/): the one reader of content files. Its YAML values are the values Astro's
// own parser gives the pages; its passages are the page's passages (one definition, used by the check, the ids and
// the anchoring alike); and a build's consumers share one parse of each file.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { htmlTreeOf, parseBody, passagesOf } from '../../src/content-model/body.ts';
import { contentRead, onContentRead, parseCounts, readEntry, resetModel, type Entry } from '../../src/content-model/entry.ts';
import { bodyOf, frontmatterValues, parseYaml } from '../../src/content-model/frontmatter.ts';
import { walkPassages } from '../../src/content-model/passages.ts';
import { anchorQuote } from '../../src/lib/annotations/anchor-quote.ts';
import { filePassages, fileSummary } from '../../src/lib/annotations/article-file.ts';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import rehypeParagraphIds from '../../src/plugins/rehype-paragraph-ids.ts';

describe('frontmatter values', () => {
  test.each([
    ['a date', 'published: 2021-03-25'],
    ['a date and time with a zone', 'published: 2021-03-25 10:00:00 +08:00'],
    ['an impossible date (both roll it over; the check reports it from the text)', 'published: 2021-02-30'],
    ['a date with one-digit month (text for js-yaml)', 'published: 2021-3-5'],
    ['a quoted date', 'published: "2021-03-25"'],
    ['a merge key', 'base: &b { outlet: Reuters }\nsource:\n  <<: *b\n  title: T'],
    ['yes/no (text in YAML 1.2)', 'flag: yes'],
    ['octal, hex and exponent numbers', 'a: 0o17\nb: 0x1F\nc: 1e3\nd: 017'],
    ['null', 'a: ~\nb:'],
  ])("%s: the same values as Astro's parser", (_name, yaml) => {
    const file = `---\n${yaml}\n---\n\nText.\n`;
    expect(frontmatterValues(file)).toEqual(parseFrontmatter(file).frontmatter);
    // The document that places problems holds the same values, so a path through one is a path through the other.
    expect(parseYaml(yaml, 2).doc.toJS()).toEqual(parseFrontmatter(file).frontmatter);
  });

  test("Windows line endings: the same values as Astro's parser", () => {
    const file = '---\r\ntitle: x\r\nannotations:\r\n  - id: a\r\n    topics: [x]\r\n---\r\nText.\r\n';
    expect(frontmatterValues(file)).toEqual(parseFrontmatter(file).frontmatter);
  });

  test("the body is Astro's body: below the closing ---, trimmed", () => {
    const file = '\uFEFF---\ntitle: x\n---\n\n  First paragraph.\n\nSecond.\n\n';
    expect(bodyOf(file)).toBe(parseFrontmatter(file.slice(1), { frontmatter: 'empty-with-spaces' }).content.trim());
  });
});

/** The page's HTML for a Markdown body, with the paragraph ids the site gives it. */
function pageTree(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeParagraphIds);
  return processor.runSync(processor.parse(markdown));
}

describe('passages: one definition for the check, the ids and the anchoring', () => {
  const bodies: [string, string][] = [
    ['paragraphs and a heading', '## A heading\n\nFirst paragraph.\n\nSecond paragraph.'],
    ['a tight list', 'Intro.\n\n- one\n- two\n  - nested'],
    ['a loose list', '- one\n\n- two'],
    ['a table', '| Year | Users |\n| --- | --- |\n| 2021 | 1.09 billion |'],
    ['a footnote', 'Text with a note.[^1]\n\n[^1]: The footnote is not a passage.'],
    ['a quote block', '> Quoted paragraph.'],
    ['an image', 'Before ![alt text](x.png) after.'],
  ];

  test.each(bodies)("%s: the numbered passages are the page's p-N ids, in order", (_name, markdown) => {
    const numbered = passagesOf(markdown, 'md').filter((p) => p.number !== undefined);
    const ids = [...String(unified().use(rehypeStringify).stringify(pageTree(markdown))).matchAll(/ id="(p-\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(numbered.map((p) => `p-${p.number}`));
  });

  test.each(bodies)('%s: the check sees the passages the build anchors in', (_name, markdown) => {
    expect(passagesOf(markdown, 'md')).toEqual(walkPassages(pageTree(markdown)));
  });

  test('a quote in a table cell anchors, in an unnumbered passage named for what it is', () => {
    const passages = passagesOf('Intro.\n\n| Year | Users |\n| --- | --- |\n| 2021 | 1.09 billion |', 'md');
    const found = anchorQuote(passages, { quote: '1.09 billion' });
    expect(found.found).toBe('once');
    expect(found.found === 'once' && found.passage).toMatchObject({ label: 'a table cell', number: undefined });
  });

  test('a footnote reference is not part of its paragraph, a footnote is no passage', () => {
    expect(passagesOf('Text with a note.[^1]\n\n[^1]: The footnote.', 'md').map((p) => p.text)).toEqual(['Text with a note.']);
  });

  test('MDX components pass through, as the MDX compiler passes them', () => {
    const tree = htmlTreeOf(parseBody('Intro.\n\n<Figure caption="x" />\n\nAfter.', 'mdx'), 'mdx');
    expect(walkPassages(tree).map((p) => p.text)).toEqual(['Intro.', 'After.']);
  });

  test('the page itself is unchanged by the ids step apart from the ids', () => {
    const html = String(unified().use(remarkParse).use(remarkRehype).use(rehypeParagraphIds).use(rehypeStringify).processSync('One.\n\n- two'));
    expect(html).toBe('<p id="p-1">One.</p>\n<ul>\n<li id="p-2">two</li>\n</ul>');
  });
});

describe('each file is parsed once per version, whoever asks', () => {
  beforeEach(() => resetModel());

  test('the check, the citations, the topic links and the topic index share one parse of every file', async () => {
    const root = resolve('content');
    const { problems, filesChecked } = await checkContent({ root }, { threads: 1 });
    expect(problems).toEqual([]);
    const articles = readdirSync(join(root, 'articles')).map((name) => join(root, 'articles', name));
    const topics = readdirSync(join(root, 'topics')).map((name) => join(root, 'topics', name));
    for (const path of articles) {
      expect(filePassages(path)?.passages.length).toBeGreaterThan(0);
      expect(fileSummary(path)?.title).not.toBe('');
    }
    for (const path of topics) expect(readEntry('topic', path)?.data.title).toBeTruthy();
    const counts = parseCounts();
    expect(counts.size).toBe(filesChecked);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  test('a wait for the content is answered in the turn the check says it has read it, and once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-read-'));
    const calls: number[] = [];
    onContentRead(dir, (entries) => calls.push(entries.length));
    contentRead(join(dir, 'elsewhere'));
    expect(calls).toEqual([]);
    contentRead(dir);
    expect(calls).toEqual([0]);
    contentRead(dir);
    expect(calls).toEqual([0]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('whoever waits for the content (the pre-render worker) is given every entry the check read, parsed once, before the check ends', async () => {
    const root = resolve('content');
    const order: string[] = [];
    let entries: Entry[] = [];
    onContentRead(root, (read) => {
      order.push('entries');
      entries = read;
    });
    const { filesChecked } = await checkContent({ root }, { threads: 1 }).then((result) => (order.push('check'), result));
    expect(order).toEqual(['entries', 'check']);
    expect(entries).toHaveLength(filesChecked);
    // Plain values another thread can be given: every article's passages are computed already.
    expect(entries.filter((entry) => entry.kind === 'article').every((entry) => Array.isArray(entry.body?.passages))).toBe(true);
    expect([...parseCounts().values()].every((count) => count === 1)).toBe(true);
  });

  // Each test's own folder, removed after it.
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'content-model-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a changed file is parsed again, an unchanged one is not', () => {
    const path = join(dir, 'example.md');
    writeFileSync(path, '---\ntitle: One\n---\n\nText.\n');
    expect(readEntry('article', path)?.data.title).toBe('One');
    expect(readEntry('article', path)?.data.title).toBe('One');
    writeFileSync(path, '---\ntitle: Two\n---\n\nText.\n');
    expect(readEntry('article', path)?.data.title).toBe('Two');
    expect(parseCounts().get(path)).toBe(2);
  });

  test('an edit is seen even when the file keeps its size and modification time', () => {
    const path = join(dir, 'example.md');
    writeFileSync(path, '---\ntitle: One\n---\n\nText.\n');
    const before = statSync(path);
    expect(readEntry('article', path)?.data.title).toBe('One');
    writeFileSync(path, '---\ntitle: Six\n---\n\nText.\n');
    utimesSync(path, before.atime, before.mtime);
    expect(readEntry('article', path)?.data.title).toBe('Six');
  });
});

describe('an unchanged file is not parsed again by the next run (digest cache)', () => {
  beforeEach(() => resetModel());

  test('the second check parses nothing, reports the same, and gives the model every entry; an edit is parsed again', async () => {
    const work = mkdtempSync(join(tmpdir(), 'content-model-cache-'));
    const root = join(work, 'content');
    cpSync('tests/fixtures/bad-content/quote-typo', root, { recursive: true });
    const cacheDir = join(work, 'cache');
    const first = await checkContent({ root, cacheDir }, { threads: 1 });
    expect(first.problems.length).toBeGreaterThan(0);
    const files = parseCounts().size;
    expect(files).toBe(first.filesChecked);

    resetModel();
    const second = await checkContent({ root, cacheDir }, { threads: 1 });
    expect(second).toEqual(first);
    expect(parseCounts().size).toBe(0);
    const article = join(root, 'articles', 'example.md');
    expect(readEntry('article', article)?.body?.passages?.length).toBeGreaterThan(0);
    expect(parseCounts().size).toBe(0);

    writeFileSync(article, `${readFileSync(article, 'utf8')}\nA paragraph added.\n`);
    resetModel();
    await checkContent({ root, cacheDir }, { threads: 1 });
    expect([...parseCounts().keys()]).toEqual([article]);
    rmSync(work, { recursive: true, force: true });
  });
});
