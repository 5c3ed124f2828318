// Loads the articles into Astro's content store without rendering them. Astro's glob() loader renders every
// Markdown file at content sync and keeps its HTML in the store, which is then written as one file and bundled
// into the build: about 42 kB per article, so a 10,000-article corpus makes a store of several hundred MB that
// Node can neither serialise nor bundle. This wraps glob() (same ids, digests, schema, dev-server watching) but
// hides the Markdown renderer from it, so the store keeps only each article's frontmatter and file path (not
// its text either: retainBody is off). The article page renders the text itself, with the same pipeline, and
// caches the HTML on disk by the file's digest (src/data/article-html.ts). An .mdx article is left to glob() as
// before: compiled by Vite, rendered with render().
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';

type EntryType = { getRenderFunction?: unknown };

export function articleLoader(options: { pattern: string; base: string }): Loader {
  const inner = glob({ ...options, retainBody: false });
  return {
    name: 'article-loader',
    load: (context: LoaderContext) => {
      const { entryTypes } = context as LoaderContext & { entryTypes: Map<string, EntryType> };
      const unrendered = new Map([...entryTypes].map(([extension, type]) => [extension, extension === '.md' ? { ...type, getRenderFunction: undefined } : type]));
      return inner.load({ ...context, entryTypes: unrendered } as LoaderContext);
    },
  };
}
