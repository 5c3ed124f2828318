// Search records that are not whole pages: each margin note (a result linking to /articles/<slug>/#note-<id>)
// and each timeline event (/timeline/#event-<id>). Pure functions from what the pages say to the record
// Pagefind's addCustomRecord takes; URLs are site paths without the deploy base, like the pages' own URLs in
// the index (the search page adds the base when it shows them).
import type { PageEvent, PageNote } from './extract.ts';
import { recordFacets, type ResultType } from './facets.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** What a note inherits from its article: read from the facets the article page declares. */
export interface ArticleContext {
  /** Site path of the article: /articles/<slug>/ */
  path: string;
  title: string;
  outlet?: string;
  date?: string;
  topics: string[];
}

export const SEARCH_LANGUAGE = 'en';
export const TIMELINE_PATH = '/timeline/';

/** The article facets among a page's declared data-pagefind-filter/meta pairs. */
export function articleContext(path: string, title: string, filters: [string, string][], meta: [string, string][]): ArticleContext {
  const first = (pairs: [string, string][], key: string) => pairs.find(([k]) => k === key)?.[1];
  return {
    path,
    title,
    outlet: first(meta, 'outlet') ?? first(filters, 'outlet'),
    date: first(meta, 'date'),
    topics: filters.filter(([key]) => key === 'topic').map(([, value]) => value),
  };
}

/** A note's result title, worded like the page's notes list: Correction on “charged by cost per mile”. */
export function noteTitle(note: Pick<PageNote, 'kindLabel' | 'quote'>): string {
  const kind = note.kindLabel || 'Note';
  return note.quote ? `${kind} on “${note.quote}”` : kind;
}

export function noteRecord(article: ArticleContext, note: PageNote, noteTopics?: readonly string[]): SearchRecord {
  const { filters, meta, sort } = recordFacets({
    type: 'note',
    date: article.date,
    topics: noteTopics?.length ? noteTopics : article.topics,
    outlet: article.outlet,
    kind: note.kind,
    kindLabel: note.kindLabel || undefined,
    context: article.title,
  });
  return {
    url: `${article.path}#note-${note.id}`,
    content: note.body,
    language: SEARCH_LANGUAGE,
    meta: { heading: noteTitle(note), ...meta },
    filters,
    sort,
  };
}

export function eventRecord(event: PageEvent, timelinePath = TIMELINE_PATH): SearchRecord {
  const type: ResultType = 'event';
  const { filters, meta, sort } = recordFacets({ type, date: event.date, topics: event.topics, context: 'Timeline' });
  return {
    url: `${timelinePath}#event-${event.id}`,
    content: event.description,
    language: SEARCH_LANGUAGE,
    meta: { heading: event.title || event.date, ...meta },
    filters,
    sort,
  };
}
