// Internal links, checked against the pages and anchors the content will produce, before the site is built.
// Contributors link with site paths (/articles/<slug>/#p-7), which the build adapts to the deploy base; a typo in
// a slug or a paragraph number would otherwise ship as a dead link. Only the anchor families the content itself
// defines are checked: paragraphs and notes on article pages, events on the timeline. Other anchors (a heading
// on a topic page, say) belong to templates this checker does not read, so they are left alone.
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Finding, Point } from './finding.ts';
import { SECTIONS, type Section } from './problem.ts';
import { closestName } from './similar.ts';

/** src/pages/articles/[...page].astro lists this many articles to a page. */
export const ARTICLES_PER_PAGE = 50;

export interface ArticleAnchors {
  slug: string;
  /** How many passages get a p-N anchor. */
  paragraphs: number;
  /** Note ids: each gives #note-, #passage-, #endnote- and #marker- anchors. */
  notes: readonly string[];
}

export interface SiteIndexInput {
  articles: readonly ArticleAnchors[];
  topics: readonly string[];
  /** Event ids (file names without extension): #event-<id> on the timeline. */
  events: readonly string[];
  /** Files served as they are, from public/, as site paths (/favicon.svg). */
  publicFiles: readonly string[];
}

interface PageAnchors {
  /** Anchor families checked on this page, by prefix ("p-", "note-"), with every anchor that exists. */
  checked: Map<string, ReadonlySet<string>>;
  /** What to say an anchor should look like. */
  describe: (prefix: string) => string;
}

export interface SiteIndex {
  /** Every page's path (with its trailing slash), with the anchors that are checked on it. */
  pages: Map<string, PageAnchors | undefined>;
  files: ReadonlySet<string>;
}

const NOTE_PREFIXES = ['note-', 'passage-', 'endnote-', 'marker-'];

export function buildSiteIndex(input: SiteIndexInput): SiteIndex {
  const pages = new Map<string, PageAnchors | undefined>();
  for (const path of ['/', '/articles/', '/topics/', '/about/', '/search/']) pages.set(path, undefined);
  for (let page = 2; page <= Math.ceil(input.articles.length / ARTICLES_PER_PAGE); page++) pages.set(`/articles/${page}/`, undefined);
  for (const article of input.articles) {
    const checked = new Map<string, ReadonlySet<string>>();
    checked.set('p-', new Set(Array.from({ length: article.paragraphs }, (_, i) => `p-${i + 1}`)));
    for (const prefix of NOTE_PREFIXES) checked.set(prefix, new Set(article.notes.map((id) => `${prefix}${id}`)));
    pages.set(`/articles/${article.slug}/`, {
      checked,
      describe: (prefix) =>
        prefix === 'p-'
          ? article.paragraphs > 0
            ? `a paragraph from #p-1 to #p-${article.paragraphs}`
            : 'no paragraph anchors: the article has no text'
          : article.notes.length > 0
            ? `#${prefix}<id> with the id of one of its notes: ${article.notes.join(', ')}`
            : 'no note anchors: the article has no notes',
    });
  }
  for (const topic of input.topics) pages.set(`/topics/${topic}/`, undefined);
  pages.set('/timeline/', {
    checked: new Map([['event-', new Set(input.events.map((id) => `event-${id}`))]]),
    describe: () => '#event-<id>, the file name of an event in events/ without .yaml',
  });
  return { pages, files: new Set(['/rss.xml', '/sitemap-index.xml', ...input.publicFiles]) };
}

type LinkFinding = Omit<Finding, 'point' | 'source'>;

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * What is wrong with an address written in content, or undefined. `currentPage` is the page the link is shown
 * on, for links to an anchor of the same page (#p-3).
 */
export function linkProblem(url: string, index: SiteIndex, currentPage: string | undefined, section: Section): LinkFinding | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || HAS_SCHEME.test(trimmed) || trimmed.startsWith('//')) return undefined;
  const [beforeHash, ...hash] = trimmed.split('#');
  const fragment = hash.length > 0 ? decodeFragment(hash.join('#')) : undefined;
  const path = beforeHash!.split('?')[0]!;

  if (path === '') return currentPage === undefined || fragment === undefined ? undefined : anchorProblem(url, currentPage, fragment, index, section);
  if (!path.startsWith('/')) {
    return {
      rule: 'relative-link',
      message: `the link ${url} is relative; it would break where the site is served under a sub-path.`,
      expected: 'a site path starting with /, such as /articles/<slug>/',
      found: url,
      fix: 'write the address from the site root, starting with /.',
      section,
    };
  }
  if (index.files.has(path)) return undefined;
  if (!index.pages.has(path)) {
    if (!path.endsWith('/') && index.pages.has(`${path}/`)) {
      return {
        rule: 'link-without-trailing-slash',
        message: `the link ${url} has no trailing slash; the page's address ends in /.`,
        expected: url.replace(path, `${path}/`),
        found: url,
        fix: 'add the slash after the page name.',
        section,
      };
    }
    const near = closestPage(path, index);
    return {
      rule: 'broken-link',
      message: `the link ${url} goes to a page that does not exist.`,
      expected: near ? `a page of the site (did you mean ${near}?)` : 'a page of the site, such as /articles/<slug>/, /topics/<slug>/ or /timeline/',
      found: path,
      fix: 'correct the address: an article or topic is linked by its file name without .md or .mdx, between slashes.',
      section,
    };
  }
  return fragment === undefined ? undefined : anchorProblem(url, path, fragment, index, section);
}

/** A page in the same folder whose last segment is a likely typo of the one linked. */
function closestPage(path: string, index: SiteIndex): string | undefined {
  const folder = path.replace(/[^/]+\/?$/, '');
  const name = path.slice(folder.length).replace(/\/$/, '');
  const siblings = [...index.pages.keys()].filter((page) => page.startsWith(folder) && page !== folder).map((page) => page.slice(folder.length).replace(/\/$/, ''));
  const near = closestName(name, siblings.filter((sibling) => !sibling.includes('/')));
  return near === undefined ? undefined : `${folder}${near}/`;
}

function anchorProblem(url: string, page: string, fragment: string, index: SiteIndex, section: Section): LinkFinding | undefined {
  const anchors = index.pages.get(page);
  if (!anchors) return undefined;
  for (const [prefix, existing] of anchors.checked) {
    if (!fragment.startsWith(prefix) || existing.has(fragment)) continue;
    const near = closestName(fragment, existing);
    return {
      rule: 'broken-anchor',
      message: `the link ${url} goes to #${fragment}, which does not exist on ${page}.`,
      expected: `${anchors.describe(prefix)}${near ? ` (did you mean #${near}?)` : ''}`,
      found: `#${fragment}`,
      fix:
        prefix === 'p-'
          ? 'paragraphs are numbered in reading order from 1 (headings and footnotes are not counted); check the number on the page.'
          : prefix === 'event-'
            ? "use the event's file name without .yaml."
            : "use the id of one of the article's notes, as written in its frontmatter.",
      section,
    };
  }
  return undefined;
}

export interface LinkTarget {
  url: string;
  point: Point;
  source: string;
}

/** Every address a reader can follow or the page loads, in a Markdown or MDX tree. */
export function linksIn(tree: Root, text: string): LinkTarget[] {
  const found: LinkTarget[] = [];
  const add = (url: string, node: Nodes) => {
    const start = node.position?.start;
    const source = start?.offset !== undefined && node.position?.end.offset !== undefined ? text.slice(start.offset, node.position.end.offset) : url;
    found.push({ url, point: { line: start?.line ?? 1, column: start?.column ?? 1 }, source });
  };
  visit(tree, (node: Nodes) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') add(node.url, node);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && ['href', 'src'].includes(attribute.name) && typeof attribute.value === 'string') add(attribute.value, node);
      }
    }
  });
  return found;
}

/** Findings for links already collected, ready to be placed in their file. */
export function linkTargetFindings(links: readonly LinkTarget[], index: SiteIndex, currentPage: string | undefined, section: Section): Finding[] {
  return links.flatMap((link) => {
    const problem = linkProblem(link.url, index, currentPage, section);
    return problem ? [{ ...problem, point: link.point, source: link.source }] : [];
  });
}

/** Link findings for a tree, ready to be placed in their file. */
export function linkFindings(tree: Root, text: string, index: SiteIndex, currentPage: string | undefined, section: Section = SECTIONS.noteBody): Finding[] {
  return linkTargetFindings(linksIn(tree, text), index, currentPage, section);
}
