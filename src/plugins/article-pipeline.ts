// The Markdown pipeline of our content, in order, in one place: astro.config.mjs gives it to Astro (which renders
// the MDX topics with it) and src/data/article-html.ts renders every Markdown article with it, at page time.
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { EventPages } from '../lib/timeline/event-file.ts';
import remarkGfm from 'remark-gfm';
import rehypeAnnotations from './rehype-annotations.ts';
import rehypeBaseLinks from './rehype-base-links.ts';
import rehypeEventLinks from './rehype-event-links.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeLostLinks from './rehype-lost-links.ts';
import rehypeParagraphIds from './rehype-paragraph-ids.ts';
import rehypeTopicLinks from './rehype-topic-links.ts';

export interface PipelineOptions {
  /** The deploy base (BASE_PATH). */
  base: string;
  /** The content root (CONTENT_DIR). */
  contentDir: string;
  /** The timeline page of each event, when the caller has them (the pre-render worker); else read from the content
   * model (src/lib/timeline/event-file.ts). */
  eventPages?: EventPages | undefined;
}

export function articlePipeline({ base, contentDir, eventPages }: PipelineOptions): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [
      // First: site paths written in the text (/articles/<slug>/) honour the deploy base, as notes' links do.
      [rehypeBaseLinks, { base }],
      // Number every paragraph (p-1, p-2, …) so passages can be linked and notes can say where they point.
      rehypeParagraphIds,
      // Link the first mention of each topic to its page (with a preview of its summary).
      [rehypeTopicLinks, { base, contentDir }],
      // Anchor each note's quote in the text and lay out the margin notes and the notes list.
      [rehypeAnnotations, { base, contentDir, eventPages }],
      // Links to an event (/timeline/#event-<id>), in the text and the notes, go to the timeline page that lists it.
      [rehypeEventLinks, { base, contentDir, eventPages }],
      // Bold runs that were the original's links (lostLinks: bold) are shown as lost links, not as emphasis.
      rehypeLostLinks,
      // Last: every link to another site gets rel="external", whichever step made it.
      rehypeExternalLinks,
    ],
  };
}
