// The site's build pipeline, read top to bottom: where content comes from, how Markdown becomes HTML
// (remark then rehype plugins, in order), and what runs after the pages are written.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeParagraphIds from './src/plugins/rehype-paragraph-ids.ts';
import rehypeAnnotations from './src/plugins/rehype-annotations.ts';
import rehypeTopicLinks from './src/plugins/rehype-topic-links.ts';
import searchIndex from './src/integrations/search-index.ts';
import { basePath, contentDir, siteUrl } from './src/lib/deploy-settings.ts';

const base = basePath(process.env);

export default defineConfig({
  // SITE_URL and BASE_PATH let the same build deploy at a domain root or under a sub-path (GitHub Pages).
  site: siteUrl(process.env),
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified({
      // Articles are reproduced verbatim: no smart quotes or dashes may change the originals' typography.
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [
        // Number every paragraph (p-1, p-2, …) so passages can be linked and notes can say where they point.
        rehypeParagraphIds,
        // Link the first mention of each topic to its page (with a preview of its summary).
        [rehypeTopicLinks, { base, contentDir: contentDir(process.env) }],
        // Anchor each note's quote in the text and lay out the margin notes and the notes list.
        [rehypeAnnotations, { base, contentDir: contentDir(process.env) }],
      ],
    }),
  },
  integrations: [
    mdx(),
    sitemap(),
    // After the pages are written: index articles, notes, topics and timeline events into dist/pagefind/.
    searchIndex(),
  ],
});
