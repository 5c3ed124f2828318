// One article's notes as a W3C Web Annotation collection, beside its page (announced from the page's head).
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { notesOfArticle } from '../../../data/open-data.ts';
import { articleNotesKey } from '../../../data/page-keys.ts';
import { articleCollectionJson } from '../../../lib/open-data/web-annotation.ts';

export async function getStaticPaths() {
  // An incremental build copies the file from the last build while its key is the same (src/data/page-keys.ts).
  return (await getCollection('articles')).map((article) => ({ params: { slug: article.id }, cacheKey: articleNotesKey(article) }));
}

export async function GET(context: APIContext) {
  const article = (await notesOfArticle(context.site!, context.params.slug!))!;
  const collection = articleCollectionJson(new URL('annotations.jsonld', article.page).href, `Notes on “${article.title}”`, article.annotations);
  return new Response(collection, { headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' } });
}
