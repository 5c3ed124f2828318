// The site's content collections. Contributors only ever edit files under the content root (CONTENT_DIR,
// ./content by default); tests and benchmarks build other corpora by pointing CONTENT_DIR elsewhere.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storedArticleSchema } from './schemas/article.ts';
import { eventSchema } from './schemas/event.ts';
import { topicSchema } from './schemas/topic.ts';
import { articleLoader } from './loaders/articles.ts';
import { contentDir } from './lib/deploy-settings.ts';

const root = contentDir(process.env);

export const collections = {
  // Articles are Markdown (.md); MDX (.mdx) only for one that needs a component (see CONTRIBUTING.md). The
  // store keeps their frontmatter, from the content model, without the notes (src/data/article-notes.ts reads
  // those); the page renders the text (src/loaders/articles.ts).
  articles: defineCollection({
    loader: articleLoader({ base: `${root}/articles` }),
    schema: storedArticleSchema,
  }),
  topics: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${root}/topics` }),
    schema: topicSchema,
  }),
  events: defineCollection({
    loader: glob({ pattern: '*.{yaml,yml}', base: `${root}/events` }),
    schema: eventSchema,
  }),
};
