// The corrections feed: every correction, fact-check and update note, newest first, linking to the note itself
// (src/lib/open-data/corrections-feed.ts says how items are chosen, titled and dated).
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { allArticleNotes } from '../data/open-data.ts';
import { correctionItems } from '../lib/open-data/corrections-feed.ts';
import { SITE_TITLE } from '../lib/site.ts';

export async function GET(context: APIContext) {
  const notes = (await allArticleNotes(context.site!)).flatMap((article) => article.feedNotes);
  return rss({
    title: `${SITE_TITLE}: corrections`,
    description: 'Every correction, fact-check and update note on the site, newest first.',
    site: new URL(import.meta.env.BASE_URL, context.site).href,
    items: correctionItems(notes),
  });
}
