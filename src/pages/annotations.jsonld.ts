// Every note on the site as one W3C Web Annotation collection, in pages (/annotations/page-N.jsonld).
import type { APIContext } from 'astro';
import { allArticleNotes } from '../data/open-data.ts';
import { siteCollection } from '../lib/open-data/web-annotation.ts';
import { SITE_TITLE } from '../lib/site.ts';

export async function GET(context: APIContext) {
  const total = (await allArticleNotes(context.site!)).reduce((sum, article) => sum + article.annotations.length, 0);
  const collection = siteCollection(new URL(import.meta.env.BASE_URL, context.site).href, `${SITE_TITLE}: every note`, total);
  return new Response(JSON.stringify(collection), { headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' } });
}
