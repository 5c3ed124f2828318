// The benchmark's yardstick: a stock Starlight site built from the same article text, in the same run, on the same
// machine. A build time alone says little on a shared 2-core machine (it moves with everyone else's load); the
// ratio to a well-known static-site build of the same pages moves far less, and it is what issue 14 sets its
// targets in ("no more than 1.0× the time of a stock Starlight site with 1,000 pages").
//
// Stock means Starlight's defaults: `starlight({ title })` and nothing else, so its sidebar, its Pagefind index and
// its Markdown pipeline all run, as they would for anyone starting a Starlight site. Each of our articles becomes
// one Starlight page holding the article's body (its title in the frontmatter); our notes, topics and events have
// no counterpart there.
import { writeCorpus } from './corpus-files.ts';
import { parseArticleFile, type CorpusFile } from './corpus.ts';

/** The Starlight site's own files, besides its pages. */
export const STARLIGHT_PROJECT: readonly CorpusFile[] = [
  // Astro bundles (rather than leaves to Node) the packages listed here that are made for Astro, Starlight among them.
  {
    path: 'package.json',
    content: `${JSON.stringify({ name: 'starlight-baseline', private: true, type: 'module', dependencies: { '@astrojs/starlight': '*', astro: '*' } }, null, 2)}\n`,
  },
  {
    path: 'astro.config.mjs',
    content: [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      '',
      "export default defineConfig({ integrations: [starlight({ title: 'Starlight baseline' })] });",
      '',
    ].join('\n'),
  },
  {
    path: 'src/content.config.ts',
    content: [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      '',
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  },
];

const ARTICLE = /^articles\/([^/]+)\.mdx?$/;

/** One Starlight page per article of the corpus: the article's title, then its body as written. */
export function starlightPages(corpus: readonly CorpusFile[]): CorpusFile[] {
  return corpus.flatMap((file) => {
    const slug = ARTICLE.exec(file.path)?.[1];
    if (slug === undefined) return [];
    const { data, body } = parseArticleFile(file.content);
    const title = typeof data.title === 'string' ? data.title : slug;
    return [{ path: `src/content/docs/${slug}.md`, content: `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body.trim()}\n` }];
  });
}

/**
 * Writes the Starlight site for `corpus` into `stage` (replacing it). The stage must be a folder inside the project,
 * so that Node finds Starlight and Astro in the project's node_modules by walking up, through real paths: Astro
 * compiles Starlight's .astro components and bundles its virtual modules only for packages it reaches that way
 * (through linked node_modules, as our own staged builds use, Starlight's pages fail to compile or to render).
 */
export async function stageStarlightSite(stage: string, corpus: readonly CorpusFile[]): Promise<string> {
  await writeCorpus(stage, [...STARLIGHT_PROJECT, ...starlightPages(corpus)]);
  return stage;
}
