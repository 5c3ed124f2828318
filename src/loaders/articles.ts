// Loads the articles into Astro's content store through the public Loader API, from the content model
// (src/content-model/): each Markdown article's entry (its frontmatter values and digest) is the one the content
// check already read in this process, so the file is not parsed again, and an entry whose digest is unchanged since
// the last build is not validated again either. The store keeps only the frontmatter and the file's path: not the
// text, nor rendered HTML. Astro's glob() loader renders every Markdown file at content sync and keeps its HTML in
// the store, which is then written as one file and bundled into the build: about 42 kB per article, so a
// 10,000-article corpus makes a store of several hundred MB that Node can neither serialise nor bundle. The article
// page renders the text itself, with the same pipeline, and caches the HTML on disk by content digests
// (src/data/article-html.ts). An .mdx article is left to glob(), which compiles it through Vite for render().
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { readEntry } from '../content-model/entry.ts';
import { articleSlug } from '../lib/article-files.ts';

/** The store as glob() sees it: only the MDX articles, so it never removes the Markdown ones it did not load. */
function mdxView(store: DataStore): DataStore {
  const isMdx = (id: string) => store.get(id)?.filePath?.endsWith('.mdx') ?? false;
  return {
    get: (key) => store.get(key),
    entries: () => store.entries().filter(([id]) => isMdx(id)),
    set: (entry) => store.set(entry),
    values: () =>
      store
        .entries()
        .filter(([id]) => isMdx(id))
        .map(([, entry]) => entry),
    keys: () => store.keys().filter(isMdx),
    delete: (key) => store.delete(key),
    clear: () => {
      for (const key of store.keys().filter(isMdx)) store.delete(key);
    },
    has: (key) => isMdx(key),
    addModuleImport: (fileName) => store.addModuleImport(fileName),
  };
}

export function articleLoader(options: { base: string }): Loader {
  const mdx = glob({ pattern: '*.mdx', base: options.base });
  return {
    name: 'article-loader',
    load: async (context: LoaderContext) => {
      const { store, config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.base);
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        logger.warn(`No articles folder at ${dir}.`);
      }
      const withMdx = names.some((name) => name.endsWith('.mdx'));
      // glob() warns about a folder without MDX: it is asked only when there is some (the dev server's watcher then
      // lets it follow MDX files itself). Without any, entries of MDX files that were removed go below.
      if (withMdx) await mdx.load({ ...context, store: mdxView(store) });

      /** Puts one Markdown article in the store (or takes it out when its file is gone); returns its id. */
      const sync = async (name: string): Promise<string | undefined> => {
        const id = articleSlug(name);
        if (id === undefined || !name.endsWith('.md')) return undefined;
        const path = join(dir, name);
        const entry = readEntry('article', path);
        if (!entry) {
          store.delete(id);
          return undefined;
        }
        if (store.get(id)?.digest === entry.digest) return id;
        const filePath = relative(root, path).split('\\').join('/');
        const data = await context.parseData({ id, data: entry.data, filePath });
        store.set({ id, data, filePath, digest: entry.digest });
        return id;
      };

      const loaded = new Set<string>();
      for (const name of names) {
        const id = await sync(name);
        if (id !== undefined) loaded.add(id);
      }
      for (const id of store.keys()) {
        if (!loaded.has(id) && !(withMdx && store.get(id)?.filePath?.endsWith('.mdx'))) store.delete(id);
      }

      if (!watcher) return;
      watcher.add(dir);
      const onChange = async (changed: string) => {
        if (resolve(changed, '..') !== dir) return;
        try {
          await sync(relative(dir, changed));
        } catch (error) {
          logger.error(`Failed to reload ${relative(root, changed)}: ${(error as Error).message}`);
        }
      };
      watcher.on('change', (changed) => void onChange(changed));
      watcher.on('add', (changed) => void onChange(changed));
      watcher.on('unlink', (changed) => void onChange(changed));
    },
  };
}
