// Markdown articles are rendered at page time by src/data/article-html.ts, which runs our pipeline in the steps of
// Astro's Markdown processor minus rehype-raw and the image steps. This renders the site's articles and a generated
// corpus both ways, Astro's processor (what content sync used to run) and ours, and expects the same HTML.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { articleSource, articleTextRenderer } from '../../src/data/article-html.ts';
import { assembleCorpus } from '../../src/bench/corpus.ts';
import { readSourceContent, writeCorpus } from '../../src/bench/corpus-files.ts';
import { articlePipeline } from '../../src/plugins/article-pipeline.ts';

let corpus = '';

beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'article-html-'));
  await writeCorpus(corpus, assembleCorpus(await readSourceContent('content'), { articles: 40 }));
}, 60_000);

afterAll(async () => {
  if (corpus) await rm(corpus, { recursive: true, force: true });
});

async function compare(contentDir: string, base: string) {
  const ours = articleTextRenderer({ base, contentDir });
  const astro = await createMarkdownProcessor({ syntaxHighlight: false, gfm: true, smartypants: false, ...articlePipeline({ base, contentDir }) });
  const files = (await readdir(join(contentDir, 'articles'))).filter((name) => name.endsWith('.md')).sort();
  expect(files.length).toBeGreaterThan(0);
  for (const name of files) {
    const source = articleSource({ id: name, filePath: join(contentDir, 'articles', name) });
    const expected = (await astro.render(source.body, { frontmatter: source.frontmatter, fileURL: new URL(`file://${source.path}`) })).code;
    expect(await ours(source), name).toBe(expected);
    expect(expected, name).toContain('class="sidenote"');
  }
}

test.each([
  ["the site's articles", () => 'content', '/'],
  ["the site's articles under a sub-path", () => 'content', '/walled-gardens/'],
  ['a generated corpus of 40 articles', () => corpus, '/'],
])("%s: the same HTML as Astro's Markdown processor", { timeout: 60_000 }, async (_name, dir, base) => {
  await compare(dir(), base);
});
