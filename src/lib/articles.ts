// Derived facts about an article shown on its page and in structured data, kept out of the templates.
import type { ArticleData } from '../schemas/article.ts';
import { isoDay } from './dates.ts';

/** "Republished by Luxury Daily from Jing Daily" style credit, or undefined for a first publication. */
export function republicationNote(article: Pick<ArticleData, 'outlet' | 'republishedFrom'>): string | undefined {
  return article.republishedFrom ? `${article.outlet} republished this piece from ${article.republishedFrom}, with permission.` : undefined;
}

/** The outlet as a list or a search result names it: "Luxury Daily (from Jing Daily)" for a republished piece, whose
 * summary may speak of the outlet it first ran in. */
export function outletLine(article: Pick<ArticleData, 'outlet' | 'republishedFrom'>): string {
  return article.republishedFrom ? `${article.outlet} (from ${article.republishedFrom})` : article.outlet;
}

/** schema.org NewsArticle for an article page: the original's facts, pointing at the original when known. */
export function newsArticleJsonLd(article: ArticleData, pageUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    datePublished: isoDay(article.published),
    inLanguage: article.lang,
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    publisher: { '@type': 'Organization', name: article.outlet },
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    ...(article.originalUrl ? { isBasedOn: article.originalUrl } : {}),
  };
}
