// Our notes as open data, gathered once per build for the endpoints that publish them: each article's Web
// Annotation collection (/articles/<slug>/annotations.jsonld), the site-wide paged collection (/annotations.jsonld)
// and the corrections feed (/corrections.xml). Each note is read from its article's rendered HTML, the same HTML
// the page shows (src/data/article-html.ts, cached), so quotes and positions match the published text; its kind
// and sources from the frontmatter; its dates from the repository's history. The model itself is in
// src/lib/open-data/.
import { relative, resolve } from 'node:path';
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { articleNotesMeasured } from './article-html.ts';
import { notesOf } from './article-notes.ts';
import { anchorQuote } from '../lib/annotations/anchor-quote.ts';
import { fileSummary } from '../lib/annotations/article-file.ts';
import { findArticleFile } from '../lib/article-files.ts';
import { byNewest, isoDay } from '../lib/dates.ts';
import { contentDir } from '../lib/deploy-settings.ts';
import { frontmatterValues } from '../content-model/frontmatter.ts';
import { digestOf } from '../content-model/entry.ts';
import { noteDates, noteFingerprint, type NoteDates, type NotesVersion } from '../lib/open-data/note-history.ts';
import { FEED_KINDS, type FeedNote } from '../lib/open-data/corrections-feed.ts';
import { publishNotes, readRenderedNotes, type RenderedArticle } from '../lib/open-data/rendered-notes.ts';
import { embeddedJson, notePermalink, webAnnotation, type PublishedSource } from '../lib/open-data/web-annotation.ts';
import { committedTexts, type FileText } from '../lib/repository/file-versions.ts';
import { runGitBytes } from '../lib/repository/git.ts';
import { SITE_TITLE } from '../lib/site.ts';
import { articlePath, joinBase } from '../lib/urls.ts';
import type { NoteSource } from '../schemas/annotation.ts';

type Article = CollectionEntry<'articles'>;

export interface ArticleNotes {
  id: string;
  title: string;
  /** The article page's published address. */
  page: string;
  /** Its notes as Web Annotations, in reading order, each as the JSON text both collections embed (embeddedJson). */
  annotations: Uint8Array[];
  /** Its notes of the kinds the corrections feed lists, as the feed needs them, in reading order. */
  feedNotes: FeedNote[];
}

/** The published address of a site path (with the deploy base). */
const published = (site: URL, base: string, path: string) => new URL(joinBase(base, path), site).href;

const projectPath = (path: string) => relative(process.cwd(), resolve(path)).split('\\').join('/');

/** The notes of a committed version of an article file, as fingerprints by id ({} when it does not parse). */
function notesOfVersion(version: FileText): NotesVersion {
  let annotations: unknown = [];
  try {
    annotations = frontmatterValues(version.text).annotations ?? [];
  } catch {
    // A version whose frontmatter did not parse had no published notes.
  }
  const notes = new Map<string, string>();
  for (const note of Array.isArray(annotations) ? annotations : []) {
    if (!note || typeof note !== 'object') continue;
    const values = note as Record<string, unknown>;
    if (typeof values.id === 'string') notes.set(values.id, noteFingerprint(values));
  }
  return { date: version.date, notes };
}

function publishedSource(source: NoteSource, site: URL, base: string): PublishedSource {
  if (!source.article) return { url: source.url, title: source.title, publisher: source.outlet, date: source.date ? isoDay(source.date) : undefined };
  const path = findArticleFile(`${contentDir(process.env)}/articles`, source.article);
  const cited = path ? fileSummary(resolve(path)) : undefined;
  const found = cited ? anchorQuote(cited.passages, { quote: source.quote ?? '' }) : undefined;
  const paragraph = found?.found === 'once' && found.passage.number ? `#p-${found.passage.number}` : '';
  return { url: published(site, base, `${articlePath(source.article)}${paragraph}`), title: cited?.title, publisher: cited?.outlet };
}

/** The article's notes as its page shows them: a Markdown article's, measured when its text was rendered (and
 * cached with it); an MDX one's, read from its HTML as Astro renders it. */
async function pageNotes(article: Article, page: string): Promise<RenderedArticle> {
  const measured = await articleNotesMeasured(article);
  if (measured) return publishNotes(measured, page);
  const { Content } = await render(article);
  const container = await AstroContainer.create();
  container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
  return readRenderedNotes(await container.renderToString(Content), page);
}

async function articleNotes(article: Article, site: URL, base: string, history: Map<string, FileText[]>): Promise<ArticleNotes> {
  const page = published(site, base, articlePath(article.id));
  const notes = notesOf(article);
  if (notes.length === 0) return { id: article.id, title: article.data.title, page, annotations: [], feedNotes: [] };
  const rendered = await pageNotes(article, page);
  const versions = (article.filePath ? history.get(projectPath(article.filePath)) : undefined) ?? [];
  const dates: Map<string, NoteDates> = noteDates(versions.map(notesOfVersion));
  const byId = new Map(rendered.notes.map((note) => [note.id, note]));
  const annotations: Uint8Array[] = [];
  const feedNotes: FeedNote[] = [];
  // Reading order: where each passage starts on the page.
  for (const note of [...notes].sort((a, b) => (byId.get(a.id)?.start ?? 0) - (byId.get(b.id)?.start ?? 0))) {
    const shown = byId.get(note.id);
    if (!shown)
      throw new Error(`${article.filePath}: note "${note.id}" is not marked in the article's rendered HTML, so it cannot be published as a Web Annotation.`);
    const { created, modified } = dates.get(note.id) ?? { created: undefined, modified: undefined };
    annotations.push(
      embeddedJson(
        webAnnotation(
          {
            id: note.id,
            kind: note.kind,
            page,
            text: rendered.text,
            start: shown.start,
            end: shown.end,
            fragment: shown.fragment,
            html: shown.html,
            plain: shown.plain,
            language: 'en',
            sources: note.sources.map((source) => publishedSource(source, site, base)),
            created,
            modified,
          },
          { name: SITE_TITLE, homepage: published(site, base, '/') },
        ),
      ),
    );
    if (FEED_KINDS.includes(note.kind))
      feedNotes.push({
        kind: note.kind,
        link: notePermalink(page, note.id),
        articleTitle: article.data.title,
        quote: note.quote,
        text: shown.plain,
        created,
        modified,
      });
  }
  return { id: article.id, title: article.data.title, page, annotations, feedNotes };
}

let history: Map<string, FileText[]> | undefined;

/** Every committed version of every article file, by project path: read from git once per build (the dev server
 * reads it again on every ask, so a commit shows at once). */
function articleHistory(): Map<string, FileText[]> {
  if (import.meta.env.DEV) history = undefined;
  history ??= committedTexts(runGitBytes, projectPath(`${contentDir(process.env)}/articles`), process.cwd());
  return history;
}

/** The committed versions of one article's file, as a note's dates are read from them: each version's date and the
 * digest of its text, newest first (none outside a repository). */
export function articleVersions(article: Pick<Article, 'filePath'>): { date: string; digest: string }[] {
  const versions = (article.filePath ? articleHistory().get(projectPath(article.filePath)) : undefined) ?? [];
  return versions.map((version) => ({ date: version.date.toISOString(), digest: digestOf(version.text) }));
}

/** The articles in the order of the site-wide collection of notes (and the articles index): newest first. Its pages'
 * keys (src/data/page-keys.ts) follow the same order. */
export function inCollectionOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => byNewest(a.data, b.data));
}

let gathered: Promise<ArticleNotes[]> | undefined;

/** Every article's notes, newest article first (the order of the site-wide collection and the articles index).
 * Gathered once per build; the dev server gathers them again on every request, so an edit shows at once. */
export function allArticleNotes(site: URL): Promise<ArticleNotes[]> {
  if (import.meta.env.DEV) gathered = undefined;
  gathered ??= (async () => {
    const base = import.meta.env.BASE_URL;
    const articles = inCollectionOrder(await getCollection('articles'));
    const history = articleHistory();
    const out: ArticleNotes[] = [];
    for (const article of articles) out.push(await articleNotes(article, site, base, history));
    return out;
  })();
  return gathered;
}

/** What the pages of the collection and each article's own collection look up in the gathered notes, computed once
 * per gathering: each of the hundreds of pages asks, and walking every note for each would grow with the square of
 * the site. */
const lookups = new WeakMap<ArticleNotes[], { every: Uint8Array[]; byId: Map<string, ArticleNotes> }>();

async function gatheredLookups(site: URL) {
  const all = await allArticleNotes(site);
  let found = lookups.get(all);
  if (!found) lookups.set(all, (found = { every: all.flatMap((article) => article.annotations), byId: new Map(all.map((article) => [article.id, article])) }));
  return found;
}

/** Every note of the site as a Web Annotation (its embeddedJson), in the collection's order (newest article first,
 * reading order). */
export async function siteAnnotations(site: URL): Promise<Uint8Array[]> {
  return (await gatheredLookups(site)).every;
}

/** One article's gathered notes, by its id. */
export async function notesOfArticle(site: URL, id: string): Promise<ArticleNotes | undefined> {
  return (await gatheredLookups(site)).byId.get(id);
}
