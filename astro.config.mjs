// The site's build pipeline, read top to bottom: where content comes from, how Markdown becomes HTML
// (remark then rehype plugins, in order), and what runs after the pages are written.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { articlePipeline } from './src/plugins/article-pipeline.ts';
import contentCheck from './src/integrations/content-check.ts';
import htmlCache from './src/integrations/html-cache.ts';
import outputFolder from './src/integrations/output-folder.ts';
import prerenderArticles from './src/integrations/prerender-articles.ts';
import linkCheck from './src/integrations/link-check.ts';
import buildPhases from './src/integrations/build-phases.ts';
import devContentFreshness from './src/integrations/dev-content-freshness.ts';
import { basePath, cacheDir, contentDir, siteUrl } from './src/lib/deploy-settings.ts';
import { inlineHashes } from './src/lib/security/inline-hashes.ts';

const base = basePath(process.env);
const output = outputFolder();
const inline = inlineHashes(['src/layouts', 'src/components', 'src/pages']);

export default defineConfig({
  // A page whose getStaticPaths() entry has a cacheKey is copied from the previous build while the key and the
  // page's code are unchanged: the article pages and their notes as open data, the topics' coverage pages and the
  // pages of the site-wide collection of notes (src/data/page-keys.ts).
  experimental: { incrementalBuild: true },
  // SITE_URL and BASE_PATH let the same build deploy at a domain root or under a sub-path (GitHub Pages).
  site: siteUrl(process.env),
  base,
  trailingSlash: 'always',
  // Where Astro keeps what it reuses between builds (the content store), and the content model keeps every
  // Markdown article's rendered HTML, in content-model/html/ (src/content-model/html-cache.ts). CACHE_DIR gives a build its own (benchmarks, tests, several checkouts sharing node_modules).
  cacheDir: cacheDir(process.env),
  build: {
    format: 'directory',
    // Four pages at a time: Astro renders on one thread, and with one page in flight that thread sat idle whenever the
    // page awaited something, its file's write among them (3.5 s of a 1,000-article build's pages). Pages phase at
    // 1,000 articles, alternated runs on 2026-12-06: one page in flight 15.7-21.1 s (eight runs), two 14.0-20.7 s
    // (six), four 13.4-17.4 s (six; 2.3-6.2 s less than one in each round run side by side), eight 13.8 s (one).
    // The output is byte for byte the same.
    concurrency: 4,
  },
  vite: {
    server: {
      // The dev server's file watcher reports a content file once it has stopped changing for 100 ms. Some editors and
      // tools save by emptying the file and then writing it: the watcher reported the emptied file, dropped the write
      // that followed within 50 ms, and Astro's content loader kept its failed reload of the empty file, so the edit
      // never showed until the next save (seen 3 times in 16 saves at 100 articles).
      watch: { awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 20 } },
    },
    build: {
      // The output folder is not emptied before a build: a page Astro would copy back from its incremental cache is
      // left where the last build wrote it, and src/integrations/output-folder.ts removes what the build did not make
      // (and empties the folder when the last build did not finish). A rebuild at 1,000 articles then neither deletes
      // nor copies 3,000 files.
      emptyOutDir: false,
      // The code pages keep in a <template> until a reader needs it (SearchCode.astro, TopicPreviewCode.astro) stays
      // a file: inlined, as Astro does with small scripts, its bytes would load with every page. The margin notes'
      // script (MarginNotesAndPreviews.astro), which every annotated page runs as it loads, is inlined whatever its
      // size (a little over 4 kB): as a file it would cost each page a request before its notes are placed. Anything
      // else: the default (inlined under 4 kB).
      assetsInlineLimit: (file) =>
        /(?:SearchCode|TopicPreviewCode)\.astro/.test(file) ? false : /MarginNotesAndPreviews\.astro/.test(file) ? true : undefined,
    },
  },
  // A Content-Security-Policy <meta> on every page: scripts and styles only from this site or hashed (Astro
  // hashes what it bundles; the is:inline blocks of our templates are hashed from their source; after the build each
  // page keeps only the hashes of its own inline blocks, src/integrations/link-check.ts), never 'unsafe-inline';
  // 'wasm-unsafe-eval' lets Pagefind's search run its WebAssembly. public/_headers adds what a <meta> cannot carry
  // (frame-ancestors) on hosts that read it.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: inline.scripts },
      styleDirective: { hashes: inline.styles },
    },
  },
  markdown: {
    // No article has code to colour: skip loading Shiki (and its inline styles, which the CSP would refuse).
    syntaxHighlight: false,
    // The MDX topics (and any MDX article) go through our pipeline (src/plugins/article-pipeline.ts); Markdown
    // articles are rendered with the same pipeline at page time (src/data/article-html.ts).
    processor: unified({
      // Articles are reproduced verbatim: no smart quotes or dashes may change the originals' typography.
      smartypants: false,
      ...articlePipeline({ base, contentDir: contentDir(process.env) }),
    }),
  },
  integrations: [
    // In a build: a worker that renders Markdown articles on a second core, ahead of their pages; it loads now and
    // starts on the entries the content check reads, as soon as it has read them.
    prerenderArticles({ base, contentDir: contentDir(process.env) }),
    // Before anything is built: check every content file and stop with every problem listed (dev: error overlay).
    contentCheck({ contentDir: contentDir(process.env) }),
    mdx(),
    sitemap(),
    // Dev only: after a content edit, the next request evaluates again what Astro invalidated, so no page keeps the
    // content from before the edit (src/integrations/dev-content-freshness.ts says why).
    devContentFreshness(),
    // Before the build: empty the output folder unless the last finished build wrote it. After the pages (and the
    // sitemap) are written: remove every file this build did not make, before the link check reads the site.
    output.keep,
    // After the pages are written: prune the article HTML no current page looks for from the cache
    // (src/content-model/html-cache.ts).
    htmlCache({ base, contentDir: contentDir(process.env) }),
    // Last: each page's Content-Security-Policy keeps only the hashes of its own inline blocks, and every internal link
    // and #anchor must lead to a page and an id the build wrote (one reading of each page for both).
    linkCheck({ contentDir: contentDir(process.env) }),
    // Once the link check has passed: a later build may keep this output folder.
    output.finished,
    // At the very end: where the build's time went, one line (src/lib/build-phases.ts).
    buildPhases(),
    // The search index is not built here but by `npm run build` once this process has exited
    // (src/cli/build.ts says why).
  ],
});
