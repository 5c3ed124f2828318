// Keeps the cache of rendered article HTML (src/content-model/html-cache.ts) from growing without end. Its files are
// named by the digests of everything a page depends on, so they are never stale, only unused: after a build, every
// file no current Markdown article would look for (an older version of an article, of a topic, another base) is
// deleted. Only our own folder is touched; Astro's content store is Astro's business.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentRoot } from '../lib/deploy-settings.ts';
import type { AstroIntegration } from 'astro';
import { entryOfText } from '../content-model/entry.ts';
import { htmlCacheFolder, htmlCacheKey, pruneHtmlCache, topicsDigest } from '../content-model/html-cache.ts';

export interface HtmlCacheOptions {
  /** The deploy base (BASE_PATH). */
  base: string;
  /** The content root (CONTENT_DIR), relative to the project root or absolute. */
  contentDir: string;
}

export default function htmlCache(options: HtmlCacheOptions): AstroIntegration {
  let projectRoot = '';
  let cacheDir = '';
  return {
    name: 'html-cache',
    hooks: {
      'astro:config:setup': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': ({ logger }) => {
        const contentDir = contentRoot(projectRoot, options.contentDir);
        const articles = join(contentDir, 'articles');
        const keep = new Set<string>();
        let names: string[];
        try {
          names = readdirSync(articles).filter((name) => name.endsWith('.md'));
        } catch {
          return;
        }
        // The topics are as the pages saw them: their digest once, not once per article.
        const keyOptions = { base: options.base, contentDir, projectRoot, topics: topicsDigest(contentDir) };
        for (const name of names) {
          const path = join(articles, name);
          const text = readFileSync(path, 'utf8');
          keep.add(htmlCacheKey(keyOptions, path, text, entryOfText('article', path, text).data));
        }
        const pruned = pruneHtmlCache(htmlCacheFolder(cacheDir), keep);
        if (pruned > 0) logger.info(`${pruned} unused article pages removed from the HTML cache.`);
      },
    },
  };
}
