// Rules about what a file refers to: a topic slug must name a topic, a source's article must exist and its quote
// must be found there (these need the other files, and run once every file is read); and, per file, a note's quote
// must be found in its own article and Markdown written in frontmatter must be safe (ownFieldProblems, run where the
// file is parsed; its links are checked after the build). Quotes are anchored with the same functions the build uses
// (anchorQuote over the content model's passages), and their advice is the build's own (anchorAdvice), so the check
// and the build agree.
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { anchorQuote, type Passage, type TextQuoteSelector } from '../annotations/anchor-quote.ts';
import { anchorAdvice, citedArticleScope, type SearchScope } from '../annotations/messages.ts';
import { inYamlValue, yamlOf } from './finding.ts';
import { locate, nodePosition } from '../../content-model/frontmatter.ts';
import type { Entry } from './parse-entry.ts';
import { SECTIONS, type Problem, type Section } from './problem.ts';
import { codeBlockFindings } from './code-in-text.ts';
import { noteHeadingFindings } from './heading-rules.ts';
import { plainTextProblems } from './plain-text-fields.ts';
import { safetyFindings } from './safety-rules.ts';
import { fieldLabel, sectionFor } from './schema-problems.ts';
import { didYouMean } from './similar.ts';

export interface Registry {
  /** The content root as the messages name it ("content"). */
  rootLabel: string;
  root: string;
  projectRoot: string;
  articles: ReadonlyMap<string, Entry>;
  topics: ReadonlyMap<string, Entry>;
  events: ReadonlyMap<string, Entry>;
}

/** The file position of a frontmatter path (or of its nearest existing parent). */
export function placeAt(entry: Entry, path: readonly PropertyKey[]): Pick<Problem, 'file' | 'line' | 'column'> {
  const yaml = yamlOf(entry);
  if (!yaml) return { file: entry.file.path, line: 1, column: 1 };
  return { file: entry.file.path, ...nodePosition(yaml, locate(yaml, path).node) };
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The items of a list field that are strings, with their indexes (a list of the wrong shape gives none). */
export function stringItems(value: unknown): [number, string][] {
  return Array.isArray(value) ? value.flatMap((item, index): [number, string][] => (typeof item === 'string' ? [[index, item]] : [])) : [];
}

export function objectItems(value: unknown): [number, Record<string, unknown>][] {
  return Array.isArray(value)
    ? value.flatMap((item, index): [number, Record<string, unknown>][] =>
        item && typeof item === 'object' && !Array.isArray(item) ? [[index, item as Record<string, unknown>]] : [],
      )
    : [];
}

/** Each slug in a topics: (or related:) list must be a topic. */
export function topicReferenceProblems(entry: Entry, path: readonly PropertyKey[], registry: Registry): Problem[] {
  let value: unknown = entry.data;
  for (const step of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  return stringItems(value).flatMap(([index, slug]): Problem[] => {
    // A topic's related topics are the others: listing its own slug links the page to itself.
    if (entry.kind === 'topic' && path[0] === 'related' && slug === entry.file.id)
      return [
        {
          ...placeAt(entry, [...path, index]),
          rule: 'related-to-itself',
          message: `${fieldLabel([...path, index], entry.data)}: "${slug}" is this topic; related: lists the others.`,
          expected: 'the slugs of other topics',
          found: slug,
          fix: 'remove it.',
          section: SECTIONS.topicOrEvent,
        },
      ];
    if (registry.topics.has(slug)) return [];
    return [
      {
        ...placeAt(entry, [...path, index]),
        rule: 'unknown-topic',
        message: `${fieldLabel([...path, index], entry.data)}: there is no topic "${slug}".`,
        expected: `the file name of a topic in ${registry.rootLabel}/topics/, without .mdx${didYouMean(slug, registry.topics.keys())}`,
        found: slug,
        fix: 'correct the slug, or add the topic first (see "Adding a topic or event").',
        section: SECTIONS.topicOrEvent,
      },
    ];
  });
}

function selectorOf(item: Record<string, unknown>): TextQuoteSelector | undefined {
  const quote = asString(item.quote);
  if (quote === undefined) return undefined;
  return { quote, prefix: asString(item.prefix), suffix: asString(item.suffix) };
}

/**
 * Checks a quote against passages. `noteId` names a note (the build's own wording); otherwise `label` names what
 * holds the quote (a figure, an event's source).
 */
function quoteProblem(
  entry: Entry,
  path: readonly PropertyKey[],
  passages: readonly Passage[],
  selector: TextQuoteSelector,
  who: { noteId: string } | { label: string },
  scope: SearchScope | undefined,
  section: Section,
): Problem | undefined {
  const result = anchorQuote(passages, selector);
  const advice = anchorAdvice(selector, result, scope);
  if (!advice) return undefined;
  return {
    ...placeAt(entry, path),
    rule: result.found === 'many' ? 'quote-ambiguous' : 'quote-not-found',
    message: `${'noteId' in who ? `note "${who.noteId}"` : who.label}: ${advice.headline}`,
    details: advice.details,
    fix: advice.fix,
    section,
  };
}

/** A note's own quote, found in its own article's text. */
export function noteQuoteProblem(entry: Entry, index: number, note: Record<string, unknown>): Problem | undefined {
  const selector = selectorOf(note);
  const passages = entry.body?.passages;
  const id = asString(note.id);
  if (!selector || !passages || id === undefined) return undefined;
  return quoteProblem(entry, ['annotations', index, 'quote'], passages, selector, { noteId: id }, undefined, SECTIONS.quote);
}

/** A citation of one of our articles (a note's or event's source, a figure): the article exists, the quote is in it. */
export function citationProblems(entry: Entry, path: readonly PropertyKey[], cited: Record<string, unknown>, registry: Registry, noteId?: string): Problem[] {
  const slug = asString(cited.article);
  if (slug === undefined) return [];
  const label = fieldLabel(path, entry.data);
  const article = registry.articles.get(slug);
  if (!article) {
    return [
      {
        ...placeAt(entry, [...path, 'article']),
        rule: 'unknown-article',
        message: `${label}: there is no article "${slug}".`,
        expected: `the file name of an article in ${registry.rootLabel}/articles/, without .md or .mdx${didYouMean(slug, registry.articles.keys())}`,
        found: slug,
        fix: 'correct the slug; an article is cited by its file name without .md or .mdx.',
        section: SECTIONS.sources,
      },
    ];
  }
  const quote = asString(cited.quote);
  const passages = article.body?.passages;
  if (quote === undefined || !passages) return [];
  const problem =
    noteId !== undefined
      ? quoteProblem(entry, [...path, 'quote'], passages, { quote }, { noteId }, citedArticleScope(slug), SECTIONS.sources)
      : quoteProblem(
          entry,
          [...path, 'quote'],
          passages,
          { quote },
          { label },
          { subject: 'the quote', text: `the text of article "${slug}"` },
          sectionFor(entry.kind, path),
        );
  return problem ? [problem] : [];
}

const markdown = unified().use(remarkParse).use(remarkGfm);

/**
 * Without a `<` or a `[`, Markdown holds no HTML, image, link definition or written link: at most a bare web address,
 * which GFM links and no rule refuses. Nor, without a line that starts with `#`, a tab, four spaces or a fence, a
 * heading or a code block. Most note bodies are such plain sentences, and are not parsed.
 */
const MAY_HOLD_MARKUP = /[<[]|^#{1,6}(?:[ \t]|$)|^(?: {4}|\t)|^(?:```|~~~)/m;

/** Markdown held in a frontmatter field (a note's body, a disagreement) must be safe; its links are checked after the build. */
export function markdownFieldProblems(entry: Entry, path: readonly PropertyKey[], registry: Pick<Registry, 'root' | 'projectRoot'>): Problem[] {
  let value: unknown = entry.data;
  for (const step of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  if (typeof value !== 'string' || !MAY_HOLD_MARKUP.test(value)) return [];
  const tree = markdown.parse(value);
  const context = { absoluteFile: join(registry.root, entry.file.relativePath), projectRoot: registry.projectRoot, text: value };
  const findings = [...safetyFindings(tree, context), ...noteHeadingFindings(tree, value), ...codeBlockFindings(tree, value)];
  const yaml = findings.length > 0 ? yamlOf(entry) : undefined;
  if (!yaml) return [];
  const node = locate(yaml, path).node;
  return findings.map((finding) => inYamlValue(entry.file.path, yaml, node, finding));
}

/**
 * The rules of this file that need no other file: each note's quote is found in its own article, Markdown written
 * in frontmatter (a note's body, a topic's disagreement, an event's description) is safe, and the fields shown as
 * plain text hold no Markdown links (plain-text-fields.ts). They run where
 * the file is parsed (parse-entry.ts, on every core, and kept with the file's entry by digest), not with the rules
 * across files, which run on one thread once every file is read.
 */
export function ownFieldProblems(entry: Entry, roots: Pick<Registry, 'root' | 'projectRoot'>): Problem[] {
  const problems: Problem[] = plainTextProblems(entry);
  if (entry.kind === 'article') {
    for (const [index, note] of objectItems(entry.data.annotations)) {
      const quote = noteQuoteProblem(entry, index, note);
      if (quote) problems.push(quote);
      problems.push(...markdownFieldProblems(entry, ['annotations', index, 'body'], roots));
    }
  } else if (entry.kind === 'topic') {
    for (const [index] of objectItems(entry.data.disagreements)) problems.push(...markdownFieldProblems(entry, ['disagreements', index, 'body'], roots));
  } else {
    problems.push(...markdownFieldProblems(entry, ['description'], roots));
  }
  return problems;
}
