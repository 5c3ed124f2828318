// Keeps the cache of rendered Markdown honest. Each .md article's HTML is rendered once, at page time, and kept on
// disk beside Astro's content store (article-html/, in cacheDir for builds and .astro/ for the dev server), keyed by
// the digest of the article's own file, across builds and dev restarts (src/data/article-html.ts). But an article's
// HTML also depends on other files: the topics (rehype-topic-links links their aliases, with their titles and
// summaries), the articles its notes cite (rehype-annotations turns a cited quote into a paragraph number there),
// the deploy base and content root, and the pipeline's own code. Change one of those and every unchanged article
// would keep stale HTML. So before anything is rendered, this integration fingerprints all of them
// (src/lib/render-cache.ts) and, when the fingerprint differs from the one saved beside the store, deletes the
// cached HTML and the store: every article is rendered again, once. (Astro clears the store itself when the config
// or its version changes; MDX topics are not cached.) A running dev server renders a page again only when its own
// file changed; restart it after editing a topic or a cited article.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readRenderInputs, refreshRenderCache, renderFingerprint } from '../lib/render-cache.ts';

export interface RenderCacheOptions {
  /** The deploy base (BASE_PATH). */
  base: string;
  /** The content root (CONTENT_DIR), relative to the project root or absolute. */
  contentDir: string;
}

export default function renderCache(options: RenderCacheOptions): AstroIntegration {
  return {
    name: 'render-cache',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command === 'preview') return;
        // Where Astro keeps the store: the dev server in .astro/, builds (and astro sync) in cacheDir.
        const storeDir = fileURLToPath(command === 'dev' ? new URL('.astro/', config.root) : config.cacheDir);
        const inputs = readRenderInputs({ ...options, projectRoot: fileURLToPath(config.root) });
        const outcome = refreshRenderCache(storeDir, renderFingerprint(inputs));
        if (outcome === 'cleared') logger.info('Topics, cited articles, settings or the Markdown pipeline changed: every article is rendered again.');
      },
    },
  };
}
