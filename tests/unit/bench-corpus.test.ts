// The benchmark corpus: deterministic, the requested size, and valid content by the rules the build and the
// content checker apply (every note's quote found exactly once, every internal source's quote found in the
// article it names, links to articles that exist, topics that exist), at the real articles' note density.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { anchorQuote } from '../../src/lib/annotations/anchor-quote.ts';
import { passagesOf } from '../../src/content-model/body.ts';
import { PASSAGE_BREAK, foldWhitespace } from '../../src/lib/annotations/normalize.ts';
import {
  assembleCorpus,
  countAnchors,
  defaultEventCount,
  parseArticleFile,
  rewriteArticleLinks,
  splitBlocks,
  type CorpusFile,
  type SourceContent,
} from '../../src/bench/corpus.ts';
import { readSourceContent, writeCorpus } from '../../src/bench/corpus-files.ts';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { formatProblem } from '../../src/lib/content-check/problem.ts';
import { yamlValues } from '../../src/content-model/frontmatter.ts';

type Note = { id: string; quote: string; prefix?: string; suffix?: string; body: string; kind: string; sources: Record<string, string>[]; topics?: string[] };

let content: SourceContent;
let corpus: CorpusFile[];
let articles: { slug: string; data: Record<string, unknown>; body: string }[];
/** Parsing Markdown is the slow part: each generated article is parsed once, here. */
let passagesBySlug: Map<string, ReturnType<typeof passagesOf>>;
const SIZE = 30;

beforeAll(async () => {
  content = await readSourceContent('content');
  corpus = assembleCorpus(content, { articles: SIZE });
  articles = articlesOf(corpus);
  passagesBySlug = new Map(articles.map((a) => [a.slug, passagesOf(a.body, 'md')]));
}, 60_000);

function articlesOf(files: CorpusFile[]) {
  return files
    .filter((f) => f.path.startsWith('articles/'))
    .map((f) => ({ slug: f.path.slice('articles/'.length, -'.md'.length), ...parseArticleFile(f.content) }));
}

describe('size and layout', () => {
  test('N articles, every topic, the real events plus one per ten new articles', () => {
    const count = (dir: string) => corpus.filter((f) => f.path.startsWith(`${dir}/`)).length;
    expect(count('articles')).toBe(SIZE);
    expect(count('topics')).toBe(content.topics.length);
    expect(count('events')).toBe(defaultEventCount(content.events.length, content.articles.length, SIZE));
  });

  test('the real articles, topics and events are copied verbatim', () => {
    const byPath = new Map(corpus.map((f) => [f.path, f.content]));
    for (const a of content.articles) expect(byPath.get(`articles/${a.slug}.md`)).toBe(a.text);
    for (const t of content.topics) expect(byPath.get(`topics/${t.slug}.mdx`)).toBe(t.text);
    for (const e of content.events) expect(byPath.get(`events/${e.id}.yaml`)).toBe(e.text);
  });

  test.each([
    ['fewer articles than the real ones', 3],
    ['a fraction', 10.5],
  ])('refuses %s', (_, articles) => {
    expect(() => assembleCorpus(content, { articles })).toThrow(/--articles must be a whole number of at least 5/);
  });
});

describe('deterministic', () => {
  test('the same seed gives the same corpus, another seed another', () => {
    expect(assembleCorpus(content, { articles: SIZE })).toEqual(corpus);
    expect(assembleCorpus(content, { articles: SIZE, seed: 7 })).not.toEqual(corpus);
  });
});

describe('valid content', () => {
  test('the corpus, written out, passes the content check (npm run check:content) as Markdown articles', async () => {
    expect(articles.length).toBe(SIZE);
    expect(corpus.filter((f) => f.path.startsWith('articles/')).every((f) => f.path.endsWith('.md'))).toBe(true);
    const root = await mkdtemp(join(tmpdir(), 'bench-corpus-'));
    try {
      await writeCorpus(root, corpus);
      const { filesChecked, problems } = await checkContent({ root });
      expect(problems.map(formatProblem)).toEqual([]);
      expect(filesChecked).toBe(corpus.length);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('every note quote occurs exactly once in its article, and note ids are unique', () => {
    for (const article of articles) {
      const passages = passagesBySlug.get(article.slug)!;
      const notes = article.data.annotations as Note[];
      expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
      for (const note of notes) expect(anchorQuote(passages, note).found, `${article.slug} #${note.id}`).toBe('once');
    }
  });

  test('every internal source, in notes and events, quotes a passage of an article in the corpus', () => {
    const passages = passagesBySlug;
    const sources = [
      ...articles.flatMap((a) => (a.data.annotations as Note[]).flatMap((n) => n.sources)),
      ...corpus.filter((f) => f.path.startsWith('events/')).flatMap((f) => (yamlValues(f.content) as { sources: Record<string, string>[] }).sources),
    ].filter((s) => s.article);
    expect(sources.length).toBeGreaterThan(SIZE);
    for (const source of sources)
      expect(anchorQuote(passages.get(source.article!) ?? [], { quote: source.quote! }).found, `${source.article}: ${source.quote}`).toBe('once');
  });

  test('links in note bodies point at articles and notes of the corpus', () => {
    const notes = new Map(articles.map((a) => [a.slug, new Set((a.data.annotations as Note[]).map((n) => n.id))]));
    for (const article of articles) {
      for (const note of article.data.annotations as Note[]) {
        for (const [, slug, id] of note.body.matchAll(/\]\(\/articles\/([a-z0-9-]+)\/(?:#note-([a-z0-9-]+))?/g)) {
          expect(notes.has(slug!), slug).toBe(true);
          if (id) expect(notes.get(slug!)!.has(id), `${slug}#note-${id}`).toBe(true);
        }
      }
    }
  });

  test('articles and notes name only topics that exist; corrections, fact-checks and updates keep a source', () => {
    const topics = new Set(content.topics.map((t) => t.slug));
    for (const article of articles) {
      for (const topic of article.data.topics as string[]) expect(topics.has(topic), topic).toBe(true);
      for (const note of article.data.annotations as Note[]) {
        for (const topic of note.topics ?? []) expect(topics.has(topic), topic).toBe(true);
        if (['correction', 'fact-check', 'update'].includes(note.kind)) expect(note.sources.length).toBeGreaterThan(0);
      }
    }
  });

  test('generated articles vary in date and outlet and keep the real note density', () => {
    const generated = articles.filter((a) => /-\d{5}$/.test(a.slug));
    expect(new Set(generated.map((a) => a.data.published)).size).toBeGreaterThan(generated.length * 0.9);
    expect(new Set(generated.map((a) => a.data.outlet)).size).toBeGreaterThan(5);
    const perArticle = (list: { data: Record<string, unknown> }[]) => list.reduce((s, a) => s + (a.data.annotations as Note[]).length, 0) / list.length;
    const real = perArticle(content.articles);
    expect(perArticle(generated)).toBeGreaterThan(real * 0.6);
    expect(perArticle(generated)).toBeLessThan(real * 1.2);
  });
});

describe('helpers', () => {
  test('passages read block by block are the passages of the whole body', () => {
    for (const article of content.articles) {
      const whole = passagesOf(article.body, 'md').map((p) => p.text);
      expect(splitBlocks(article.body).flatMap((b) => passagesOf(b, 'md').map((p) => p.text))).toEqual(whole);
    }
  });

  test('countAnchors agrees with anchorQuote on every real note', () => {
    for (const article of content.articles) {
      const passages = passagesOf(article.body, 'md');
      const folded = passages.map((p) => foldWhitespace(p.text).text).join(PASSAGE_BREAK);
      for (const note of article.data.annotations as Note[]) {
        const result = anchorQuote(passages, note);
        const count = countAnchors(folded, note);
        expect(result.found === 'once' ? 1 : result.found === 'many' ? result.occurrences.length : 0, note.id).toBe(count);
      }
    }
  });

  const passages = 'Alibaba said so. Alibaba said so again\u2029Tencent said  nothing.';
  test.each([
    ['once', { quote: 'Tencent said nothing' }, 1],
    ['twice', { quote: 'Alibaba said so' }, 2],
    ['told apart by a prefix', { quote: 'Alibaba said so', prefix: 'so.' }, 1],
    ['told apart by a suffix', { quote: 'Alibaba said so', suffix: 'again' }, 1],
    ['never across passages', { quote: 'again Tencent' }, 0],
    ['absent', { quote: 'Baidu' }, 0],
  ])('countAnchors: %s', (_, selector, expected) => {
    expect(countAnchors(foldWhitespace(passages).text, selector)).toBe(expected);
  });

  const notes = new Map([['kept', new Set(['a-note'])]]);
  test.each([
    ['a link to an article in the corpus stays', 'See [this](/articles/kept/).', 'See [this](/articles/kept/).'],
    ['a link to a note that exists stays', '[n](/articles/kept/#note-a-note)', '[n](/articles/kept/#note-a-note)'],
    ['a link to a missing note points at the article', '[n](/articles/kept/#note-gone)', '[n](/articles/kept/)'],
    ['a link to a missing article becomes its text', 'See [that piece](/articles/gone/#p-3).', 'See that piece.'],
    ['other links are left alone', '[t](/topics/wechat/) and [x](https://example.org/)', '[t](/topics/wechat/) and [x](https://example.org/)'],
  ])('rewriteArticleLinks: %s', (_, body, expected) => {
    expect(rewriteArticleLinks(body, notes)).toBe(expected);
  });
});
