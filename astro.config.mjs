// The site's build pipeline, read top to bottom: where content comes from, how Markdown becomes HTML
// (remark then rehype plugins, in order), and what runs after the pages are written.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeParagraphIds from './src/plugins/rehype-paragraph-ids.ts';
import rehypeAnnotations from './src/plugins/rehype-annotations.ts';
import rehypeExternalLinks from './src/plugins/rehype-external-links.ts';
import rehypeBaseLinks from './src/plugins/rehype-base-links.ts';
import rehypeTopicLinks from './src/plugins/rehype-topic-links.ts';
import searchIndex from './src/integrations/search-index.ts';
import contentCheck from './src/integrations/content-check.ts';
import renderCache from './src/integrations/render-cache.ts';
import { basePath, contentDir, siteUrl } from './src/lib/deploy-settings.ts';
import { inlineHashes } from './src/lib/security/inline-hashes.ts';

const base = basePath(process.env);
const inline = inlineHashes(['src/layouts', 'src/components', 'src/pages']);

export default defineConfig({
  // SITE_URL and BASE_PATH let the same build deploy at a domain root or under a sub-path (GitHub Pages).
  site: siteUrl(process.env),
  base,
  trailingSlash: 'always',
  // Where Astro keeps what it reuses between builds, the content store with every Markdown article's rendered
  // HTML among it. CACHE_DIR gives a build its own (benchmarks, tests, several checkouts sharing node_modules).
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  // A Content-Security-Policy <meta> on every page: scripts and styles only from this site or hashed (Astro
  // hashes what it bundles; the is:inline blocks of our templates are hashed from their source), never
  // 'unsafe-inline'; 'wasm-unsafe-eval' lets Pagefind's search run its WebAssembly. public/_headers adds what a
  // <meta> cannot carry (frame-ancestors) on hosts that read it.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: inline.scripts },
      styleDirective: { hashes: inline.styles },
    },
  },
  markdown: {
    processor: unified({
      // Articles are reproduced verbatim: no smart quotes or dashes may change the originals' typography.
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [
        // First: site paths written in the text (/articles/<slug>/) honour the deploy base, as notes' links do.
        [rehypeBaseLinks, { base }],
        // Number every paragraph (p-1, p-2, …) so passages can be linked and notes can say where they point.
        rehypeParagraphIds,
        // Link the first mention of each topic to its page (with a preview of its summary).
        [rehypeTopicLinks, { base, contentDir: contentDir(process.env) }],
        // Anchor each note's quote in the text and lay out the margin notes and the notes list.
        [rehypeAnnotations, { base, contentDir: contentDir(process.env) }],
        // Last: every link to another site gets rel="noopener noreferrer external", whichever step made it.
        rehypeExternalLinks,
      ],
    }),
  },
  integrations: [
    // Before anything is built: check every content file and stop with every problem listed (dev: error overlay).
    contentCheck({ contentDir: contentDir(process.env) }),
    // Before the content store is loaded: drop the cached HTML of Markdown articles when what it depends on changed.
    renderCache({ base, contentDir: contentDir(process.env) }),
    mdx(),
    sitemap(),
    // After the pages are written: index articles, notes, topics and timeline events into dist/pagefind/.
    searchIndex(),
  ],
});
