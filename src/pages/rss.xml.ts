// The articles feed: the newest fifty, each with our summary and its outlet, linking to the annotated page, and its
// topics as categories, by the names a reader knows them by ("WeChat Pay", not the slug wechat-pay).
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { byNewest } from '../lib/dates.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../lib/site.ts';
import { articlePath, joinBase } from '../lib/urls.ts';

const FEED_SIZE = 50;

export async function GET(context: APIContext) {
  const articles = (await getCollection('articles')).sort((a, b) => byNewest(a.data, b.data)).slice(0, FEED_SIZE);
  const topicTitles = new Map((await getCollection('topics')).map(({ id, data }) => [id, data.title]));
  const base = import.meta.env.BASE_URL;
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: new URL(base, context.site).href,
    items: articles.map(({ id, data }) => ({
      title: data.title,
      description: `${data.summary} (${data.outlet})`,
      pubDate: data.published,
      link: joinBase(base, articlePath(id)),
      ...(data.author ? { author: data.author } : {}),
      categories: data.topics.map((slug) => topicTitles.get(slug) ?? slug),
    })),
  });
}
