// Rules about topics as a set. An alias belongs to one topic, or the build could not tell which page a mention
// links to. A topic nobody tags and no article names would be a page with nothing on it: mentions are found
// as the topic pages find them, with the alias matcher over the articles' passages. And the front page has room
// for a few featured topics only.
import { AliasMatcher, aliasClashes, type AliasEntry } from '../topics/alias-matcher.ts';
import { placeAt, stringItems, objectItems, type Registry } from './cross-references.ts';
import type { Entry } from './parse-entry.ts';
import { SECTIONS, type Problem } from './problem.ts';

function aliasEntries(topics: ReadonlyMap<string, Entry>): AliasEntry[] {
  return [...topics].flatMap(([topic, entry]) => stringItems(entry.data.aliases).map(([, alias]) => ({ topic, alias })));
}

const fold = (text: string) => text.trim().toLowerCase();

export function aliasClashProblems(registry: Registry): Problem[] {
  return aliasClashes(aliasEntries(registry.topics)).flatMap(({ alias, topics }) =>
    topics.flatMap((topic) => {
      const entry = registry.topics.get(topic)!;
      const [index, own] = stringItems(entry.data.aliases).find(([, candidate]) => fold(candidate) === fold(alias)) ?? [0, alias];
      const others = topics.filter((other) => other !== topic).map((other) => `"${other}"`);
      return [
        {
          ...placeAt(entry, ['aliases', index]),
          rule: 'alias-clash',
          message: `the alias "${own.trim()}" is also claimed by topic ${others.join(' and ')} (aliases are compared without case).`,
          expected: 'every alias in one topic only',
          found: own.trim(),
          fix: 'keep the alias in the topic it names and remove it from the other. When a short name covers two things, give each topic its longer, specific name ("WeChat Pay", not "WeChat").',
          section: SECTIONS.aliases,
        },
      ];
    }),
  );
}

/** Topics tagged by an article, a note or an event. */
function taggedTopics(registry: Registry): Set<string> {
  const tagged = new Set<string>();
  const tag = (value: unknown) => stringItems(value).forEach(([, slug]) => tagged.add(slug));
  for (const article of registry.articles.values()) {
    tag(article.data.topics);
    for (const [, note] of objectItems(article.data.annotations)) tag(note.topics);
  }
  for (const event of registry.events.values()) tag(event.data.topics);
  return tagged;
}

/** Which of `wanted` have an alias in some article's paragraphs. The paragraphs are read only until every wanted
 * topic is found (usually none is wanted: every topic is tagged somewhere), with every topic's aliases matched, so a
 * longer name of another topic still wins over a shorter one, as on the pages. */
function mentionedTopics(registry: Registry, wanted: ReadonlySet<string>): Set<string> {
  const mentioned = new Set<string>();
  if (wanted.size === 0) return mentioned;
  const matcher = new AliasMatcher(aliasEntries(registry.topics));
  for (const article of registry.articles.values()) {
    for (const passage of article.body?.passages ?? []) {
      if (passage.number === undefined) continue;
      for (const match of matcher.find(passage.text)) if (wanted.has(match.topic)) mentioned.add(match.topic);
      if (mentioned.size === wanted.size) return mentioned;
    }
  }
  return mentioned;
}

export function orphanTopicProblems(registry: Registry): Problem[] {
  const tagged = taggedTopics(registry);
  const mentioned = mentionedTopics(registry, new Set([...registry.topics.keys()].filter((slug) => !tagged.has(slug))));
  return [...registry.topics].flatMap(([slug, entry]) => {
    if (tagged.has(slug) || mentioned.has(slug)) return [];
    const aliases = stringItems(entry.data.aliases).map(([, alias]) => alias);
    return [
      {
        ...placeAt(entry, ['aliases']),
        rule: 'orphan-topic',
        message: `topic "${slug}" is not used: no article, note or event is tagged with it, and no article names it.`,
        expected: 'a topic the articles are about',
        found:
          aliases.length > 0
            ? `no mention of ${aliases.map((alias) => `"${alias}"`).join(', ')} in any article, and no topics: [${slug}] anywhere`
            : `no topics: [${slug}] anywhere`,
        fix: `tag the articles, notes or events that are about it (topics: [${slug}]), add the name the articles use for it to aliases:, or remove the topic.`,
        section: SECTIONS.topicOrEvent,
      },
    ];
  });
}

/** The most topics the front page features: its grid fills its rows for two to six (src/styles/topics.css). */
export const MOST_FEATURED = 6;

/** Past MOST_FEATURED featured topics, each one the front page would show after the sixth (it lists them by title,
 * src/data/topic-index.ts) is a problem, at its `featured:` line. */
export function featuredTopicProblems(registry: Registry): Problem[] {
  const featured = [...registry.topics]
    .filter(([, entry]) => entry.data.featured === true)
    .map(([slug, entry]) => ({ entry, title: typeof entry.data.title === 'string' ? entry.data.title : slug }))
    .sort((a, b) => a.title.localeCompare(b.title));
  if (featured.length <= MOST_FEATURED) return [];
  const titles = featured.map(({ title }) => title).join(', ');
  return featured.slice(MOST_FEATURED).map(({ entry }) => ({
    ...placeAt(entry, ['featured']),
    rule: 'too-many-featured',
    message: `${featured.length} topics are featured, and the front page has room for ${MOST_FEATURED}: this one comes after the first ${MOST_FEATURED} by title.`,
    expected: `featured: true on at most ${MOST_FEATURED} topics`,
    found: `${featured.length} featured: ${titles}`,
    fix: `set featured: false here or on another featured topic: the front page lays out two to ${MOST_FEATURED} featured topics in full rows.`,
    section: SECTIONS.topicFields,
  }));
}
