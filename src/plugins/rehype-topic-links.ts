// Links the first mention of each topic in a page's text to the topic's page, so a reader can go from a name
// to everything the site gathers about it. Mentions are found with the same alias matcher the topic pages use,
// so a link appears exactly where a topic page says the article names it. The hover/focus preview (a small script,
// src/browser/topic-previews.ts) finds the topic's summary by the link's address, in /topics/summaries.json, which
// it fetches when a reader first reaches a topic link: no page carries the summaries of the topics it links to.
// Without JavaScript it is a plain link.
import { basename, join } from 'node:path';
import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { readTopicAliases, type TopicAliases } from '../content-model/topic-aliases.ts';
import { AliasMatcher } from '../lib/topics/alias-matcher.ts';
import { joinBase } from '../lib/urls.ts';

export interface TopicLinkOptions {
  base: string;
  contentDir: string;
}

const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'sup', 'script', 'style', 'mark']);

/** The topics' slugs and the matcher of their aliases, built from what readTopicAliases gives. */
function linkingOf(topics: readonly TopicAliases[]): { slugs: Set<string>; matcher: AliasMatcher } {
  return {
    slugs: new Set(topics.map(({ topic }) => topic)),
    matcher: new AliasMatcher(topics.flatMap(({ topic, aliases }) => aliases.map((alias) => ({ topic, alias })))),
  };
}

export default function rehypeTopicLinks(options: TopicLinkOptions) {
  const dir = join(options.contentDir, 'topics');
  // Built again only when readTopicAliases reads the folder again (a topic file came, went or changed).
  let cache: { read: readonly TopicAliases[]; linking: ReturnType<typeof linkingOf> } | undefined;
  const topics = () => {
    const read = readTopicAliases(dir);
    if (cache?.read !== read) cache = { read, linking: linkingOf(read) };
    return cache.linking;
  };

  return (tree: Root, file: VFile) => {
    const { slugs, matcher } = topics();
    if (slugs.size === 0) return;
    const path = file.path ?? '';
    const ownTopic = path.includes(`${join('topics', '')}`) ? basename(path, '.mdx') : undefined;
    const linked = new Set<string>(ownTopic ? [ownTopic] : []);

    const visitChildren = (parent: Element | Root) => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i]!;
        if (child.type === 'element') {
          const isFootnotes = child.tagName === 'section' && 'dataFootnotes' in child.properties;
          if (!SKIP.has(child.tagName) && !isFootnotes) visitChildren(child);
          continue;
        }
        if (child.type !== 'text') continue;
        const replacement = linkFirstMentions(child, matcher, slugs, linked, options.base);
        if (!replacement) continue;
        parent.children.splice(i, 1, ...replacement);
        i += replacement.length - 1;
      }
    };
    visitChildren(tree);
  };
}

function linkFirstMentions(node: Text, matcher: AliasMatcher, slugs: Set<string>, linked: Set<string>, base: string): ElementContent[] | undefined {
  const fresh = matcher.find(node.value).filter((m) => {
    if (linked.has(m.topic) || !slugs.has(m.topic)) return false;
    linked.add(m.topic);
    return true;
  });
  if (fresh.length === 0) return undefined;
  const out: ElementContent[] = [];
  let at = 0;
  for (const match of fresh) {
    if (match.start > at) out.push({ type: 'text', value: node.value.slice(at, match.start) });
    out.push(h('a', { className: ['topic-link'], href: joinBase(base, `/topics/${match.topic}/`) }, node.value.slice(match.start, match.end)));
    at = match.end;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}
