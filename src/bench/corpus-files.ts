// The file-system side of the benchmark corpus: reading the real content/ tree the corpus is made from, and
// writing a corpus out. Kept apart from corpus.ts so the assembly itself stays pure and fast to unit-test.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { yamlAsWritten } from '../content-model/rewrite.ts';
import { articleSlug } from '../lib/article-files.ts';
import { assembleCorpus, parseArticleFile, type CorpusFile, type CorpusOptions, type SourceContent } from './corpus.ts';

async function filesIn(dir: string, pattern: RegExp): Promise<string[]> {
  return (await readdir(dir)).filter((name) => pattern.test(name)).sort();
}

/** articles/*.md (and .mdx), topics/*.mdx and events/*.yaml of a content root. */
export async function readSourceContent(root: string): Promise<SourceContent> {
  const articleNames = (await readdir(join(root, 'articles'))).filter((name) => articleSlug(name) !== undefined).sort();
  const articles = await Promise.all(
    articleNames.map(async (name) => {
      const text = await readFile(join(root, 'articles', name), 'utf8');
      return { slug: articleSlug(name)!, fileName: name, ...parseArticleFile(text), text };
    }),
  );
  const topics = await Promise.all(
    (await filesIn(join(root, 'topics'), /\.mdx$/)).map(async (name) => ({
      slug: name.replace(/\.mdx$/, ''),
      text: await readFile(join(root, 'topics', name), 'utf8'),
    })),
  );
  const events = await Promise.all(
    (await filesIn(join(root, 'events'), /\.ya?ml$/)).map(async (name) => {
      const text = await readFile(join(root, 'events', name), 'utf8');
      return { id: name.replace(/\.ya?ml$/, ''), data: yamlAsWritten(text), text };
    }),
  );
  return { articles, topics, events };
}

/** Replaces `out` with the corpus: a stale file from a bigger corpus would otherwise be built too. */
export async function writeCorpus(out: string, files: readonly CorpusFile[]): Promise<void> {
  await rm(out, { recursive: true, force: true });
  const dirs = new Set(files.map((f) => dirname(join(out, f.path))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  // Bounded parallelism: 10,000 files at once would exhaust file descriptors.
  for (let at = 0; at < files.length; at += 64) {
    await Promise.all(files.slice(at, at + 64).map((f) => writeFile(join(out, f.path), f.content)));
  }
}

/** Reads the real content at `from`, assembles a corpus and writes it to `out`; returns its files. */
export async function generateCorpus(from: string, out: string, options: CorpusOptions): Promise<CorpusFile[]> {
  const files = assembleCorpus(await readSourceContent(from), options);
  await writeCorpus(out, files);
  return files;
}
