// One page of the site-wide collection of notes (/annotations.jsonld), newest article first, each article's notes
// in reading order.
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { siteAnnotations } from '../../data/open-data.ts';
import { siteNotesPageKeys } from '../../data/page-keys.ts';
import { sitePageJson } from '../../lib/open-data/web-annotation.ts';
import { SITE_TITLE } from '../../lib/site.ts';

export async function getStaticPaths() {
  return siteNotesPageKeys(await getCollection('articles')).map((cacheKey, i) => ({ params: { page: String(i + 1) }, cacheKey }));
}

export async function GET(context: APIContext) {
  const annotations = await siteAnnotations(context.site!);
  const page = sitePageJson(new URL(import.meta.env.BASE_URL, context.site).href, `${SITE_TITLE}: every note`, annotations, Number(context.params.page));
  return new Response(page, { headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' } });
}
