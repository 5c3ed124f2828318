// Markdown articles are rendered at page time by src/data/article-html.ts, which runs our pipeline in the steps of
// Astro's Markdown processor minus rehype-raw and the image steps. This renders the site's articles and a generated
// corpus both ways, Astro's processor (what content sync used to run) and ours, and expects the same HTML.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { articleSource, articleTextRenderer, type BodyTrees } from '../../src/data/article-html.ts';
import { bodyTreeFolder, bodyTreeKey } from '../../src/content-model/body-trees.ts';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { assembleCorpus } from '../../src/lib/bench/corpus.ts';
import { readSourceContent, writeCorpus } from '../../src/lib/bench/corpus-files.ts';
import { articlePipeline } from '../../src/plugins/article-pipeline.ts';

let corpus = '';

beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'article-html-'));
  await writeCorpus(corpus, assembleCorpus(await readSourceContent('content'), { articles: 40 }));
}, 60_000);

afterAll(async () => {
  if (corpus) await rm(corpus, { recursive: true, force: true });
});

async function compare(contentDir: string, base: string, trees?: BodyTrees) {
  const ours = articleTextRenderer({ base, contentDir }, trees);
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

// A build's content check keeps each Markdown body's tree, and the renderer takes it instead of parsing the body again
// (src/content-model/body-trees.ts): the same HTML either way.
test.each([
  ["the site's articles", () => 'content'],
  ['a generated corpus of 40 articles', () => corpus],
])("%s, from the trees the content check kept: the same HTML as Astro's processor", { timeout: 120_000 }, async (_name, dir) => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'body-trees-'));
  try {
    await checkContent({ root: dir(), cacheDir });
    const folder = bodyTreeFolder(cacheDir);
    const articles = (await readdir(join(dir(), 'articles'))).filter((name) => name.endsWith('.md'));
    expect((await readdir(folder)).length).toBe(articles.length);
    await compare(dir(), '/', { folder, projectRoot: process.cwd() });
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
});

test('the renderer takes the kept tree, not the text: a tree changed on disk shows in the page', { timeout: 60_000 }, async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'body-trees-'));
  try {
    await checkContent({ root: 'content', cacheDir });
    const folder = bodyTreeFolder(cacheDir);
    const [name] = (await readdir(join('content', 'articles'))).filter((file) => file.endsWith('.md')).sort();
    const source = articleSource({ id: name!, filePath: join('content', 'articles', name!) });
    const file = join(folder, `${bodyTreeKey(process.cwd(), source.body)}.json`);
    const kept = await readFile(file, 'utf8');
    expect(kept).toContain('"type":"paragraph"');
    // The kept tree with a paragraph the article's text does not have (its notes still find their quotes).
    const marker = 'A sentence only the kept tree has';
    const tree = JSON.parse(kept) as { children: unknown[] };
    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: marker }] });
    await writeFile(file, JSON.stringify(tree));
    const html = await articleTextRenderer({ base: '/', contentDir: 'content' }, { folder, projectRoot: process.cwd() })(source);
    expect(html).toContain(marker);
    // Without the trees, the text is parsed as before.
    expect(await articleTextRenderer({ base: '/', contentDir: 'content' })(source)).not.toContain(marker);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
});
