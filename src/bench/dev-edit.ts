// What a running dev server makes of an edit: how long after a content file is written a fresh request of the page
// it affects shows the change (issue 14: "a dev server shows an edit to an article, a topic or a cited article within
// 2 seconds at 1,000 articles"). This file is the pure part: which files of a benchmark corpus to edit, the edits
// themselves, and the polling that times them, with the fetcher and the clock given, so it is tested without a
// server. Starting `astro dev` and writing the files is dev-server.ts.
//
// The edits are the ones a contributor makes, each reaching the page by another path:
// - article text: one word of one of an article's paragraphs (its own page renders the text again);
// - topic overview: one word of a topic's MDX text (the topic page, compiled by Astro through Vite);
// - topic summary: a topic's frontmatter, shown on the topic's page and in the preview of every link to the topic
//   (the previews read it from /topics/summaries.json, which the server renders afresh);
// - cited article: the title of an article another article's note cites (the note's source line shows it).
// A word is changed only where no note quotes it, so every note still anchors and the content check stays quiet.
import { fileWithFrontmatter, frontmatterAsWritten, withBodyChanged } from '../content-model/rewrite.ts';
import { citedArticles } from '../content-model/html-cache.ts';
import { foldQuote } from '../lib/annotations/normalize.ts';
import { scalarText } from '../lib/scalar-text.ts';
import type { CorpusFile } from './corpus.ts';

export type DevEditKind = 'article-text' | 'topic-overview' | 'topic-summary' | 'cited-title';

/** One page to look at after an edit, and what on it shows the edit. */
export interface PageCheck {
  /** What the page is to the edit, for the report ("its page", "citing article"). */
  label: string;
  /** Site path, e.g. /articles/x/. */
  path: string;
  /** The text that appears on the page once the edit shows (and is absent before). */
  marker: string;
}

/** How long one page took to show an edit; `seconds` is undefined when it never did before the time-out. */
export interface CheckTiming {
  label: string;
  path: string;
  seconds?: number;
  /** Requests made to this page until it showed the edit (or the time-out). */
  requests: number;
}

/** A moment-to-moment clock in milliseconds, and a way to wait (tests give a fake one). */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PollOptions {
  /** When the file was written (clock.now()). */
  since: number;
  intervalMs?: number;
  timeoutMs?: number;
  clock?: Clock;
}

/**
 * Requests each page again and again (a request, then a pause of `intervalMs`), every page on its own so a slow
 * page does not hold up the time of another, until it shows its marker, or until `timeoutMs` after `since`. A
 * page's time is taken when the response that shows the change has arrived. A failed request (an error page, a
 * refused connection) counts as not showing yet. `present: false` waits for the marker to be gone instead (a
 * restored file).
 */
export async function pollPages(
  checks: readonly PageCheck[],
  fetchText: (path: string) => Promise<string>,
  options: PollOptions & { present?: boolean },
): Promise<CheckTiming[]> {
  const clock = options.clock ?? realClock;
  const interval = options.intervalMs ?? 100;
  const timeout = options.timeoutMs ?? 60_000;
  const want = options.present ?? true;
  const poll = async (check: PageCheck): Promise<CheckTiming> => {
    const timing: CheckTiming = { label: check.label, path: check.path, requests: 0 };
    while (clock.now() - options.since < timeout) {
      timing.requests += 1;
      const text = await fetchText(check.path).catch(() => undefined);
      const elapsed = clock.now() - options.since;
      if (elapsed > timeout) break;
      if (text !== undefined && text.includes(check.marker) === want) return { ...timing, seconds: elapsed / 1000 };
      await clock.sleep(interval);
    }
    return timing;
  };
  return Promise.all(checks.map(poll));
}

/** A word the page shows once written in place of another: letters only, so no renderer changes it. */
export function markerWord(kind: DevEditKind, nonce: string): string {
  const name = { 'article-text': 'Articleedit', 'topic-overview': 'Overviewedit', 'topic-summary': 'Summaryedit', 'cited-title': 'Titleedit' }[kind];
  return `${name}${nonce.replace(/[^a-z]/gi, '')}`;
}

/** The quotes (and their prefixes and suffixes) of an article's notes, folded: text an edit must not touch. */
function quotedTexts(data: Record<string, unknown>): string[] {
  const texts: string[] = [];
  for (const note of Array.isArray(data.annotations) ? data.annotations : []) {
    const record = (note ?? {}) as Record<string, unknown>;
    const sources = Array.isArray(record.sources) ? (record.sources as Record<string, unknown>[]) : [];
    for (const value of [record.quote, record.prefix, record.suffix, ...sources.map((s) => s?.quote)]) {
      if (typeof value === 'string') texts.push(foldQuote(value).toLowerCase());
    }
  }
  return texts;
}

/** A plain paragraph: a block of text with no Markdown or MDX syntax a changed word could fall inside, but for
 * footnote references ([^1], as topics cite their sources), which are left out before this test. */
const PLAIN_PARAGRAPH = /^[A-Za-z][^[\]<>`*_|{}#]*$/;
const FOOTNOTE_REFERENCE = /\[\^[\w-]+\]/g;
const WORD = /(?<=\s)[A-Za-z]{6,}(?=[\s,.;:])/g;

/**
 * The text below the frontmatter with one word of one plain paragraph replaced by `marker`: the first word of six
 * or more letters that none of `quoted` (the notes' quotes, folded and lower-cased: protectedQuotes) contains, and
 * that the paragraph has only once. Undefined when no paragraph has such a word.
 */
export function replaceOneWord(body: string, marker: string, quoted: readonly string[] = []): string | undefined {
  const blocks = body.split(/(\n\s*\n)/);
  for (let at = 0; at < blocks.length; at += 2) {
    const block = blocks[at]!;
    const prose = block.trim().replace(FOOTNOTE_REFERENCE, '');
    if (!PLAIN_PARAGRAPH.test(prose) || prose.includes('\n')) continue;
    for (const match of block.matchAll(WORD)) {
      const word = match[0];
      const lower = word.toLowerCase();
      if (quoted.some((text) => text.includes(lower))) continue;
      if (block.split(word).length !== 2) continue;
      blocks[at] = `${block.slice(0, match.index)}${marker}${block.slice(match.index + word.length)}`;
      return blocks.join('');
    }
  }
  return undefined;
}

/** A file's text with one word of its body changed (see replaceOneWord); undefined when there is no such word. */
export function withOneWordChanged(text: string, marker: string, quoted: readonly string[] = []): string | undefined {
  return withBodyChanged(text, (body) => replaceOneWord(body, marker, quoted));
}

/** A file's text with one frontmatter value (a string) given `marker` at its end, written by the content model's
 * rewriter; undefined when the file has no such value. */
export function withValueMarked(text: string, field: 'title' | 'summary', marker: string): string | undefined {
  const { data, body } = frontmatterAsWritten(text);
  const value = scalarText(data[field]);
  if (!value) return undefined;
  return fileWithFrontmatter({ ...data, [field]: `${value} ${marker}` }, body);
}

/** A generated article's slug (<real slug>-NNNNN): the articles the benchmark edits, never a real one. */
const GENERATED = /^articles\/(.+-\d{5})\.md$/;

export interface EditTargets {
  /** A generated article whose text the benchmark changes, and the new text. */
  article?: { slug: string; file: string };
  /** A generated article whose note cites another Markdown article, and that article. */
  citing?: { slug: string; cited: string; citedFile: string };
}

/** The articles to edit in a corpus: see EditTargets. The text edit goes to an article no other note cites, so its
 * change cannot unanchor a quote elsewhere. */
export function pickEditTargets(files: readonly CorpusFile[]): EditTargets {
  const articles = files.flatMap((file) => {
    const slug = /^articles\/(.+)\.mdx?$/.exec(file.path)?.[1];
    return slug ? [{ slug, file, data: frontmatterAsWritten(file.content).data }] : [];
  });
  const citedBy = new Map<string, string[]>();
  for (const article of articles) {
    for (const cited of citedArticles(article.data)) if (cited !== article.slug) citedBy.set(cited, [...(citedBy.get(cited) ?? []), article.slug]);
  }
  const generated = articles.filter((a) => GENERATED.test(a.file.path));
  const targets: EditTargets = {};
  const plain = generated.find((a) => !citedBy.has(a.slug) && withOneWordChanged(a.file.content, 'x', quotedTexts(a.data)) !== undefined);
  if (plain) targets.article = { slug: plain.slug, file: plain.file.path };
  const byPath = new Map(articles.map((a) => [a.slug, a.file.path]));
  for (const article of generated) {
    if (article.slug === plain?.slug) continue;
    const cited = citedArticles(article.data).find((slug) => slug !== article.slug && byPath.get(slug)?.endsWith('.md'));
    if (cited) {
      targets.citing = { slug: article.slug, cited, citedFile: byPath.get(cited)! };
      break;
    }
  }
  return targets;
}

/** The quoted texts an edit of an article's text must leave alone: its notes' quotes, prefixes and suffixes. */
export function protectedQuotes(text: string): string[] {
  return quotedTexts(frontmatterAsWritten(text).data);
}

/** The first topic an article page links a mention to (`<a class="topic-link" href="…/topics/<slug>/">`). */
export function linkedTopic(html: string): string | undefined {
  for (const match of html.matchAll(/<a\b[^>]*>/g)) {
    const tag = match[0];
    if (!/\bclass="[^"]*\btopic-link\b/.test(tag)) continue;
    const slug = /\bhref="[^"]*\/topics\/([^/"]+)\/"/.exec(tag)?.[1];
    if (slug) return slug;
  }
  return undefined;
}

/** One edit timed: the file written, each page's time to show it, and the time until all showed the file restored. */
export interface DevEditResult {
  edit: DevEditKind;
  /** The file edited, under the corpus root. */
  file: string;
  checks: CheckTiming[];
  /** Seconds from writing the original text back until no page showed the edit (undefined: not within the time-out). */
  restoredSeconds?: number;
}

/** The dev-server part of a benchmark run. */
export interface DevServerResult {
  /** Why the dev server was not measured (corpus too large, --no-dev on a later run's record), if it was not. */
  skipped?: string;
  /** Why the measurement stopped (the server never answered, no article to edit), if it did. */
  error?: string;
  /** The machine's 1-minute load average when the dev server was started (its figures are wall times). */
  loadAverage?: number;
  /** Seconds from starting `astro dev` until it answered. */
  startSeconds?: number;
  /** The first request of an article page, after start-up (everything rendered cold). */
  firstRequest?: { path: string; seconds: number };
  edits: DevEditResult[];
  timeoutSeconds: number;
  logFile?: string;
}
