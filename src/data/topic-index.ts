// Everything the topic pages and the timeline need, computed once per build: each article's passages, every
// topic mention (one pass of the alias matcher over all the text), the notes tagged with each topic, and the
// events in date order, and the timeline in its order with the page that lists each event. Pages only group and
// render these.
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { notesOf } from './article-notes.ts';
import { anchorQuote, type Passage } from '../lib/annotations/anchor-quote.ts';
import { filePassages } from '../lib/annotations/article-file.ts';
import { byNewest } from '../lib/dates.ts';
import { AliasMatcher } from '../lib/topics/alias-matcher.ts';
import { findMentions, type Mention } from '../lib/topics/mentions.ts';
import { paginateTimeline } from '../lib/timeline/timeline-pages.ts';
import type { Annotation } from '../schemas/annotation.ts';

export type Article = CollectionEntry<'articles'>;
export type Topic = CollectionEntry<'topics'>;
export type TimelineEvent = CollectionEntry<'events'>;

export interface TaggedNote {
  article: Article;
  note: Annotation;
}

export interface TopicIndex {
  articles: Article[];
  topics: Topic[];
  events: TimelineEvent[];
  articleById: Map<string, Article>;
  /** Each article's place in `articles` (newest first), for lists that must keep that order. */
  articleRank: Map<string, number>;
  topicById: Map<string, Topic>;
  eventById: Map<string, TimelineEvent>;
  passages: Map<string, Passage[]>;
  mentions: Map<string, Mention[]>;
  notes: Map<string, TaggedNote[]>;
  /** Every event and publication in the timeline's order (src/lib/timeline/timeline-pages.ts), as it paginates. */
  timeline: TimelineEntry[];
  /** The timeline page that lists each event, by id. */
  eventPages: Map<string, number>;
}

/** The list kept under `key`, made empty the first time: how the index groups items by article or topic. */
export function listOf<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * Each article's mentions from the last index, by the article's file digest, for the aliases they were matched
 * with. A dev server builds the index for every topic page it serves (so edits show at once), and matching every
 * article's text against every alias is most of that work (about 1.7 s at 1,000 articles): an edit changes one
 * article, or a topic without touching its aliases, so every other article's mentions are taken from here.
 * Replaced by each index, so it holds only the current versions. It lives on globalThis, under a registered
 * symbol, because the dev server evaluates this module again after every content edit, exactly when it is needed.
 */
interface KnownMentions {
  aliases: string;
  byFile: Map<string, Mention[]>;
}
const MENTIONS = Symbol.for('walled-gardens.topic-index.mentions');
const memo = globalThis as { [MENTIONS]?: KnownMentions };

async function build(): Promise<TopicIndex> {
  const [articles, topics, events] = await Promise.all([getCollection('articles'), getCollection('topics'), getCollection('events')]);
  articles.sort((a, b) => byNewest(a.data, b.data));
  events.sort((a, b) => a.data.date.getTime() - b.data.date.getTime() || a.id.localeCompare(b.id));
  topics.sort((a, b) => a.data.title.localeCompare(b.data.title));

  const aliases = topics.flatMap((t) => t.data.aliases.map((alias) => ({ topic: t.id, alias })));
  const matcher = new AliasMatcher(aliases);
  const aliasKey = JSON.stringify(aliases);
  const last = memo[MENTIONS];
  const known = last?.aliases === aliasKey ? last.byFile : new Map<string, Mention[]>();
  const byFile = new Map<string, Mention[]>();
  const passages = new Map<string, Passage[]>();
  const mentions = new Map<string, Mention[]>();
  const notes = new Map<string, TaggedNote[]>();
  for (const article of articles) {
    // The store keeps no article text (src/loaders/articles.ts): the passages are read from the file, parsed once
    // for the index and every note that cites the article (src/lib/annotations/article-file.ts).
    const file = filePassages(resolve(article.filePath ?? ''));
    const own = file?.passages ?? [];
    passages.set(article.id, own);
    const key = `${article.id}\n${file?.digest ?? ''}`;
    const found = known.get(key) ?? findMentions(article.id, own, matcher);
    byFile.set(key, found);
    // Appended in place: copying a topic's list for every mention would make the index quadratic in the corpus.
    for (const mention of found) listOf(mentions, mention.topic).push(mention);
    for (const note of notesOf(article)) {
      for (const topic of note.topics) listOf(notes, topic).push({ article, note });
    }
  }
  memo[MENTIONS] = { aliases: aliasKey, byFile };
  const timeline = paginateTimeline(entriesOf(events, articles));
  return {
    articles,
    topics,
    events,
    articleById: new Map(articles.map((a) => [a.id, a])),
    articleRank: new Map(articles.map((a, rank) => [a.id, rank])),
    topicById: new Map(topics.map((t) => [t.id, t])),
    eventById: new Map(events.map((e) => [e.id, e])),
    passages,
    mentions,
    notes,
    timeline: timeline.entries,
    eventPages: timeline.eventPages,
  };
}

let cached: Promise<TopicIndex> | undefined;

/** The index, built once per production build (rebuilt on every request in dev, so edits show at once). */
export function topicIndex(): Promise<TopicIndex> {
  if (!import.meta.env.PROD) return build();
  cached ??= build();
  return cached;
}

/** The paragraph of `article` that holds `quote`, for linking a figure or source to its passage. */
export function paragraphOf(index: TopicIndex, article: string, quote: string): number | undefined {
  const found = anchorQuote(index.passages.get(article) ?? [], { quote });
  return found.found === 'once' ? found.passage.number : undefined;
}

export interface Coverage {
  article: Article;
  mentions: number;
}

/** What `compute` gives for a topic of an index, computed on the first ask and kept in `cache` with the index. */
function perTopic<T>(cache: WeakMap<TopicIndex, Map<string, T>>, index: TopicIndex, topic: string, compute: () => T): T {
  let byTopic = cache.get(index);
  if (!byTopic) cache.set(index, (byTopic = new Map<string, T>()));
  let value = byTopic.get(topic);
  if (value === undefined) byTopic.set(topic, (value = compute()));
  return value;
}

/** Each index's coverage by topic: the home page, the topic list, every topic page and the coverage pages all ask. */
const coverages = new WeakMap<TopicIndex, Map<string, readonly Coverage[]>>();

/** Articles about or mentioning a topic, newest first, with how often each names it. */
export function coverageOf(index: TopicIndex, topic: string): readonly Coverage[] {
  return perTopic(coverages, index, topic, () => {
    const counts = new Map<string, number>();
    for (const mention of index.mentions.get(topic) ?? []) counts.set(mention.article, (counts.get(mention.article) ?? 0) + 1);
    // A set, not a search of the topic's notes for each article: that grew with articles × notes.
    const noted = new Set((index.notes.get(topic) ?? []).map((n) => n.article.id));
    return index.articles
      .filter((a) => counts.has(a.id) || a.data.topics.includes(topic) || noted.has(a.id))
      .map((article) => ({ article, mentions: counts.get(article.id) ?? 0 }));
  });
}

/** A topic's mentions and notes, grouped by the article they are in. */
interface ByArticle {
  mentions: Map<string, Mention[]>;
  notes: Map<string, TaggedNote[]>;
}

/** Each index's mentions and notes of a topic grouped by article (asked by the coverage pages). */
const shares = new WeakMap<TopicIndex, Map<string, ByArticle>>();

/**
 * A topic's mentions and notes in the given articles (a page of its coverage, newest first), in the index's order.
 * Taken from the topic's mentions and notes grouped by article once, not by going through all of them for every
 * page: at 10,000 articles a topic has hundreds of coverage pages and tens of thousands of mentions, and that took
 * 17 s of the build.
 */
export function topicShare(index: TopicIndex, topic: string, articles: readonly Article[]): { mentions: Mention[]; notes: TaggedNote[] } {
  const { mentions, notes } = perTopic(shares, index, topic, () => {
    const grouped: ByArticle = { mentions: new Map(), notes: new Map() };
    for (const mention of index.mentions.get(topic) ?? []) listOf(grouped.mentions, mention.article).push(mention);
    for (const tagged of index.notes.get(topic) ?? []) listOf(grouped.notes, tagged.article.id).push(tagged);
    return grouped;
  });
  // The index lists mentions and notes article by article, newest first, as the coverage lists the articles.
  return { mentions: articles.flatMap((a) => mentions.get(a.id) ?? []), notes: articles.flatMap((a) => notes.get(a.id) ?? []) };
}

/** Events tagged with a topic, oldest first. */
export function eventsOf(index: TopicIndex, topic: string): TimelineEvent[] {
  return index.events.filter((e) => e.data.topics.includes(topic));
}

export type TimelineEntry =
  { kind: 'event'; id: string; title: string; date: Date; event: TimelineEvent } | { kind: 'article'; id: string; title: string; date: Date; article: Article };

function entriesOf(events: TimelineEvent[], articles: Article[]): TimelineEntry[] {
  return [
    ...events.map((event): TimelineEntry => ({ kind: 'event', id: event.id, title: event.data.title, date: event.data.date, event })),
    ...articles.map((article): TimelineEntry => ({ kind: 'article', id: article.id, title: article.data.title, date: article.data.published, article })),
  ];
}

/** Events and article publications merged into one list, in the timeline's order (oldest first). */
export function timelineEntries(events: TimelineEvent[], articles: Article[]): TimelineEntry[] {
  return paginateTimeline(entriesOf(events, articles)).entries;
}
