// Assembles a benchmark corpus of any size from the five real articles, laid out like content/ (articles/,
// topics/, events/), so build and page costs can be measured at 100, 1,000 or 10,000 articles.
//
// Why it is built this way:
// - The real articles are kept verbatim (same slugs) in every corpus. Topic pages, topic figures, events and
//   note bodies link to them by slug and quote; keeping them means every such link still resolves without
//   rewriting the topics, and the real pages can be compared across corpus sizes.
// - Every other article is a variant of one real article: most of its blocks (paragraphs, headings, lists)
//   in order, plus a couple of paragraphs from another article. Text is never edited, so the notes, topic
//   mentions and their density are the real ones. A note is carried over only when its quote (with its
//   prefix/suffix) still occurs exactly once in the variant's text; quotes are never altered.
// - Variants get their own date, outlet and byline, and a number in the title, so lists, facets and search
//   see a corpus that varies the way a real one would.
// - Articles are written as Markdown (.md), as contributors write them; a real article keeps its own file name
//   (an .mdx one stays .mdx). Variants are .md, their text parsed as Markdown like the site renders it.
// - Matching is done on passages parsed once per distinct block, never per article: parsing 10,000 article
//   bodies would make the generator slower than the builds it prepares.
// All randomness comes from one seeded generator, so a corpus is the same on every run.
import { fileWithFrontmatter, frontmatterAsWritten, yamlText } from '../content-model/rewrite.ts';
import { passagesOf } from '../content-model/body.ts';
import { PASSAGE_BREAK, foldQuote, foldWhitespace } from '../lib/annotations/normalize.ts';
import { seededRandom, type Random } from './prng.ts';
import { scalarText } from '../lib/scalar-text.ts';

type Data = Record<string, unknown>;

/** One content file: its path under the corpus root and its text. */
export interface CorpusFile {
  path: string;
  content: string;
}

export interface SourceArticle {
  slug: string;
  /** The real article's file name (x.md, or x.mdx); variants are written as <slug>.md. */
  fileName?: string;
  data: Data;
  body: string;
  /** The file as written; real articles are copied verbatim when it is given. */
  text?: string;
}

type Variant = SourceArticle & { folded: string };

export interface SourceEvent {
  /** The file name without extension, which is also the #event-<id> anchor. */
  id: string;
  data: Data;
  /** The file as written, copied verbatim for the real events. */
  text: string;
}

export interface SourceContent {
  articles: SourceArticle[];
  /** Topic files are copied verbatim: slug and text. */
  topics: { slug: string; text: string }[];
  events: SourceEvent[];
}

export interface CorpusOptions {
  /** How many articles in all, the real ones included; at least as many as there are real articles. */
  articles: number;
  /** How many timeline events in all, the real ones included. Defaults to one new event per ten new articles. */
  events?: number;
  seed?: number;
}

export const DEFAULT_SEED = 20240905;

/** Share of a real article's blocks a variant keeps. */
const KEEP_BLOCK = 0.85;
/** Paragraphs a variant borrows from another real article. */
const BORROWED = [0, 2] as const;
/** Variants are dated within the period the site covers. */
const FIRST_DAY = Date.UTC(2016, 0, 1);
const LAST_DAY = Date.UTC(2025, 5, 30);
const DAY = 86_400_000;

/** Splits an article file into its frontmatter (parsed) and body. */
export function parseArticleFile(text: string): { data: Data; body: string } {
  return frontmatterAsWritten(text);
}

export function renderArticleFile(data: Data, body: string): string {
  return fileWithFrontmatter(data, body);
}

/** Top-level Markdown blocks: paragraphs, headings, lists, separated by blank lines. */
export function splitBlocks(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
}

interface Selector {
  quote: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

/**
 * How often a note's quote occurs in a text, with the rules of src/lib/annotations/anchor-quote.ts (white space
 * folded, prefix and suffix compared after trimming). `folded` is the article's passages, each folded, joined by
 * PASSAGE_BREAK: the same text anchorQuote folds, computed once per article instead of once per note.
 */
export function countAnchors(folded: string, selector: Selector): number {
  const quote = foldQuote(selector.quote);
  if (!quote) return 0;
  const prefix = selector.prefix === undefined ? undefined : foldQuote(selector.prefix);
  const suffix = selector.suffix === undefined ? undefined : foldQuote(selector.suffix);
  let count = 0;
  for (let at = folded.indexOf(quote); at !== -1; at = folded.indexOf(quote, at + 1)) {
    if (prefix !== undefined && !folded.slice(0, at).trimEnd().endsWith(prefix)) continue;
    if (
      suffix !== undefined &&
      !folded
        .slice(at + quote.length)
        .trimStart()
        .startsWith(suffix)
    )
      continue;
    count++;
  }
  return count;
}

/** Folded passage text per distinct block, so each block is parsed once however many articles reuse it. */
class BlockText {
  #cache = new Map<string, string[]>();
  passages(block: string): string[] {
    let found = this.#cache.get(block);
    if (!found) {
      found = passagesOf(block, 'md').map((p) => foldWhitespace(p.text).text);
      this.#cache.set(block, found);
    }
    return found;
  }
  folded(blocks: readonly string[]): string {
    return blocks.flatMap((b) => this.passages(b)).join(PASSAGE_BREAK);
  }
}

const isHeading = (block: string) => /^#{1,6}\s/.test(block);

interface Note extends Data {
  id: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  kind: string;
  body: string;
  sources?: Data[];
}

const KINDS_NEEDING_SOURCES = new Set(['correction', 'fact-check', 'update']);

/** What the corpus holds so far, to re-point links and sources at articles that exist. */
interface CorpusIndex {
  notes: Map<string, Set<string>>;
  folded: Map<string, string>;
}

/**
 * Removes links to article pages that are not in the corpus (keeping the link text), and the #note- anchor
 * of a link to an article that lacks that note.
 */
export function rewriteArticleLinks(markdown: string, notesOf: ReadonlyMap<string, ReadonlySet<string>>): string {
  return markdown.replace(/\[([^\]]*)\]\(\/articles\/([a-z0-9-]+)\/(#[^)\s]*)?\)/g, (link, text: string, slug: string, hash: string | undefined) => {
    const notes = notesOf.get(slug);
    if (!notes) return text;
    const note = hash?.startsWith('#note-') ? hash.slice('#note-'.length) : undefined;
    if (note !== undefined && !notes.has(note)) return `[${text}](/articles/${slug}/)`;
    return link;
  });
}

/** An internal source (article + quote) pointing at an article of the corpus that holds the quote, or undefined. */
function repointSource(source: Data, self: { slug: string; folded: string; variantOf: string }, index: CorpusIndex): Data | undefined {
  if (typeof source.article !== 'string') return source;
  const selector = { quote: scalarText(source.quote) };
  // A real note citing its own article keeps citing its own article when the variant still has the passage.
  if (source.article === self.variantOf && countAnchors(self.folded, selector) === 1) return { ...source, article: self.slug };
  const target = index.folded.get(source.article);
  if (target !== undefined && countAnchors(target, selector) === 1) return source;
  for (const [slug, folded] of index.folded) if (countAnchors(folded, selector) === 1) return { ...source, article: slug };
  return undefined;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Outlets a variant can be credited to: the real articles' and those their notes cite. */
function outletPool(articles: readonly SourceArticle[]): string[] {
  const outlets = new Set<string>();
  for (const article of articles) {
    outlets.add(String(article.data.outlet));
    for (const note of (article.data.annotations ?? []) as Note[]) {
      for (const source of note.sources ?? []) if (typeof source.outlet === 'string' && !source.outlet.includes('(')) outlets.add(source.outlet);
    }
  }
  return [...outlets].sort();
}

function variantArticle(
  number: number,
  base: SourceArticle,
  donor: SourceArticle,
  random: Random,
  blocks: BlockText,
  index: CorpusIndex,
  outlets: readonly string[],
  topicSlugs: ReadonlySet<string>,
): Variant {
  const own = splitBlocks(base.body);
  const kept = own.filter((_, at) => at === 0 || random.chance(KEEP_BLOCK));
  const borrowable = splitBlocks(donor.body).filter((b) => !isHeading(b));
  for (let n = random.int(...BORROWED); n > 0; n--) kept.splice(random.int(1, kept.length), 0, random.pick(borrowable));
  const slug = `${base.slug}-${String(number).padStart(5, '0')}`;
  const folded = blocks.folded(kept);

  const notes: Note[] = [];
  const ids = new Set<string>();
  for (const note of [...((base.data.annotations ?? []) as Note[]), ...((donor.data.annotations ?? []) as Note[])]) {
    if (countAnchors(folded, note) !== 1) continue;
    const sources = (note.sources ?? []).map((s) => repointSource(s, { slug, folded, variantOf: base.slug }, index)).filter((s) => s !== undefined);
    if (KINDS_NEEDING_SOURCES.has(note.kind) && sources.length === 0) continue;
    let id = note.id;
    for (let n = 2; ids.has(id); n++) id = `${note.id}-${n}`;
    ids.add(id);
    notes.push({ ...note, id, body: rewriteArticleLinks(note.body, index.notes), sources });
  }

  const noteTopics = notes.flatMap((n) => (Array.isArray(n.topics) ? (n.topics as string[]) : []));
  const topics = [...new Set([...((base.data.topics ?? []) as string[]), ...noteTopics])].filter((t) => topicSlugs.has(t));
  const outlet = random.pick(outlets);
  const data: Data = {
    title: `${String(base.data.title)} (${number})`,
    ...(base.data.standfirst ? { standfirst: base.data.standfirst } : {}),
    outlet,
    ...(base.data.republishedFrom && outlet === base.data.outlet ? { republishedFrom: base.data.republishedFrom } : {}),
    ...(base.data.author && random.chance(0.7) ? { author: base.data.author } : {}),
    published: isoDay(FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY) * DAY),
    datePrecision: 'day',
    topics,
    summary: base.data.summary,
    lang: base.data.lang ?? 'en',
    annotations: notes,
  };
  return { slug, data, body: kept.join('\n\n'), folded };
}

function variantEvent(
  number: number,
  base: SourceEvent,
  random: Random,
  index: CorpusIndex,
  variantsOf: ReadonlyMap<string, string[]>,
): CorpusFile | undefined {
  const sources: Data[] = [];
  for (const source of (base.data.sources ?? []) as Data[]) {
    if (typeof source.article !== 'string') {
      sources.push(source);
      continue;
    }
    // Cite a variant of the cited article when one keeps the passage, so sources spread over the corpus.
    const selector = { quote: scalarText(source.quote) };
    const candidates = (variantsOf.get(source.article) ?? []).filter((slug) => countAnchors(index.folded.get(slug) ?? '', selector) === 1);
    sources.push(candidates.length ? { ...source, article: random.pick(candidates) } : source);
  }
  if (sources.length === 0) return undefined;
  const date = new Date(`${String(base.data.date)}T00:00:00Z`).getTime() + random.int(-120, 120) * DAY;
  const shifted = isoDay(Math.min(LAST_DAY, Math.max(FIRST_DAY, date)));
  // An event dated to the month or the year is written as its first day (src/schemas/event.ts).
  const precision = base.data.datePrecision;
  const day = precision === 'month' ? `${shifted.slice(0, 7)}-01` : precision === 'year' ? `${shifted.slice(0, 4)}-01-01` : shifted;
  const id = `${day}-${base.id.replace(/^\d{4}-\d{2}-\d{2}-/, '')}-${String(number).padStart(5, '0')}`;
  const data: Data = { ...base.data, date: day, title: `${String(base.data.title)} (${number})`, sources };
  return { path: `events/${id}.yaml`, content: yamlText(data) };
}

/** Default event count: the real events plus one per ten generated articles. */
export function defaultEventCount(realEvents: number, realArticles: number, articles: number): number {
  return realEvents + Math.floor(Math.max(0, articles - realArticles) / 10);
}

/** The whole corpus as files (articles/, topics/, events/), in a stable order. */
export function assembleCorpus(content: SourceContent, options: CorpusOptions): CorpusFile[] {
  const real = [...content.articles].sort((a, b) => a.slug.localeCompare(b.slug));
  if (real.length === 0) throw new Error('The corpus is made from the real articles, but none were given.');
  if (!Number.isInteger(options.articles) || options.articles < real.length) {
    throw new Error(`--articles must be a whole number of at least ${real.length} (the real articles are always included); got ${options.articles}.`);
  }
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const blocks = new BlockText();
  const index: CorpusIndex = { notes: new Map(), folded: new Map() };
  const files: CorpusFile[] = [];
  const topicSlugs = new Set(content.topics.map((t) => t.slug));

  for (const article of real) {
    index.notes.set(article.slug, new Set(((article.data.annotations ?? []) as Note[]).map((n) => n.id)));
    index.folded.set(article.slug, blocks.folded(splitBlocks(article.body)));
    files.push({ path: `articles/${article.fileName ?? `${article.slug}.md`}`, content: article.text ?? renderArticleFile(article.data, article.body) });
  }

  const outlets = outletPool(real);
  const variantsOf = new Map<string, string[]>(real.map((a) => [a.slug, []]));
  const generated: Variant[] = [];
  for (let number = 1; generated.length < options.articles - real.length; number++) {
    const base = real[(number - 1) % real.length]!;
    const donor = real[(number + random.int(0, real.length - 2)) % real.length]!;
    const variant = variantArticle(number, base, donor === base ? real[number % real.length]! : donor, random, blocks, index, outlets, topicSlugs);
    generated.push(variant);
    variantsOf.get(base.slug)!.push(variant.slug);
    files.push({ path: `articles/${variant.slug}.md`, content: renderArticleFile(variant.data, variant.body) });
  }
  // Variants enter the index only now, so an article never cites a later one; events may cite any variant.
  for (const variant of generated) {
    index.folded.set(variant.slug, variant.folded);
    index.notes.set(variant.slug, new Set(((variant.data.annotations ?? []) as Note[]).map((n) => n.id)));
  }

  for (const topic of [...content.topics].sort((a, b) => a.slug.localeCompare(b.slug))) files.push({ path: `topics/${topic.slug}.mdx`, content: topic.text });

  const events = [...content.events].sort((a, b) => a.id.localeCompare(b.id));
  for (const event of events) files.push({ path: `events/${event.id}.yaml`, content: event.text });
  const wanted = options.events ?? defaultEventCount(events.length, real.length, options.articles);
  for (let number = 1, made = events.length; made < wanted && events.length > 0; number++) {
    const file = variantEvent(number, events[(number - 1) % events.length]!, random, index, variantsOf);
    if (file) {
      files.push(file);
      made++;
    }
  }
  return files;
}
