// The rules an internal link must pass, judged against the built site: the page it names exists (with its trailing
// slash), the anchor after # exists on that page, and the address works under the deploy base. Addresses with a
// scheme (https:, mailto:) and protocol-relative ones (//host/) lead elsewhere and are not checked here.
import { closestName } from '../content-check/similar.ts';
import { SECTIONS, type Section } from '../content-check/problem.ts';

export interface BuiltSite {
  /** The deploy base, "/" or "/walled-gardens/". */
  base: string;
  /** Every page by its site path without the base ("/articles/x/", "/404.html"), with the ids it holds. */
  pages: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every other file, by site path without the base ("/rss.xml", "/_astro/a.css"). */
  files: ReadonlySet<string>;
}

export interface LinkProblem {
  rule: 'relative-link' | 'outside-base' | 'link-without-trailing-slash' | 'broken-link' | 'broken-anchor';
  /** The address as a contributor writes it: a site path, without the deploy base. */
  written: string;
  message: string;
  expected: string;
  found: string;
  fix: string;
  section: Section;
}

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
const NOTE_PREFIXES = ['note-', 'passage-', 'endnote-', 'marker-'];

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What is wrong with `href`, found on the page at site path `page`; undefined when it leads somewhere real. */
export function linkProblem(href: string, site: BuiltSite, page: string): LinkProblem | undefined {
  const trimmed = href.trim();
  if (trimmed === '' || HAS_SCHEME.test(trimmed) || trimmed.startsWith('//') || trimmed.startsWith('?')) return undefined;
  if (trimmed.startsWith('#')) return anchorProblem(trimmed, page, decode(trimmed.slice(1)), site);
  if (!trimmed.startsWith('/')) {
    return {
      rule: 'relative-link',
      written: trimmed,
      message: `the link ${trimmed} is relative; it would break where the site is served under a sub-path.`,
      expected: 'a site path starting with /, such as /articles/<slug>/',
      found: trimmed,
      fix: 'write the address from the site root, starting with /.',
      section: SECTIONS.noteBody,
    };
  }
  if (!trimmed.startsWith(site.base)) {
    return {
      rule: 'outside-base',
      written: trimmed,
      message: `the link ${trimmed} is outside the site's base ${site.base}; it would lead off the site where it is served under ${site.base}.`,
      expected: `an address starting with ${site.base}`,
      found: trimmed,
      fix: 'in a template, build the address with joinBase(import.meta.env.BASE_URL, path) from src/lib/urls.ts; in content, write a site path such as /articles/<slug>/, which the build adapts.',
      section: SECTIONS.noteBody,
    };
  }
  const written = `/${trimmed.slice(site.base.length)}`;
  const [beforeHash = '', ...hash] = written.split('#');
  const path = decode(beforeHash.split('?')[0]!);
  if (site.files.has(path)) return undefined;
  const pagePath = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  if (!site.pages.has(pagePath)) {
    if (!path.endsWith('/') && site.pages.has(`${path}/`)) {
      return {
        rule: 'link-without-trailing-slash',
        written,
        message: `the link ${written} has no trailing slash; the page's address ends in /.`,
        expected: written.replace(path, `${path}/`),
        found: written,
        fix: 'add the slash after the page name.',
        section: SECTIONS.noteBody,
      };
    }
    const near = closestPage(path, site);
    return {
      rule: 'broken-link',
      written,
      message: `the link ${written} goes to a page that does not exist.`,
      expected: near ? `a page of the site (did you mean ${near}?)` : 'a page of the site, such as /articles/<slug>/, /topics/<slug>/ or /timeline/',
      found: path,
      fix: 'correct the address: an article or topic is linked by its file name without .md or .mdx, between slashes.',
      section: SECTIONS.noteBody,
    };
  }
  return hash.length > 0 ? anchorProblem(written, pagePath, decode(hash.join('#')), site) : undefined;
}

/** A page in the same folder whose last segment is a likely typo of the one linked. */
function closestPage(path: string, site: BuiltSite): string | undefined {
  const folder = path.replace(/[^/]+\/?$/, '');
  const name = path.slice(folder.length).replace(/\/$/, '');
  const siblings = [...site.pages.keys()]
    .filter((page) => page.startsWith(folder) && page !== folder)
    .map((page) => page.slice(folder.length).replace(/\/$/, ''));
  const near = closestName(
    name,
    siblings.filter((sibling) => !sibling.includes('/')),
  );
  return near === undefined ? undefined : `${folder}${near}/`;
}

function anchorProblem(written: string, page: string, fragment: string, site: BuiltSite): LinkProblem | undefined {
  // "#" and "#top" scroll to the top of any page; a text fragment (#:~:text=) is the browser's to find.
  if (fragment === '' || fragment === 'top' || fragment.startsWith(':~:')) return undefined;
  const ids = site.pages.get(page);
  if (!ids || ids.has(fragment)) return undefined;
  const prefix = [...NOTE_PREFIXES, 'p-', 'event-'].find((p) => fragment.startsWith(p));
  const candidates = prefix ? [...ids].filter((id) => id.startsWith(prefix)) : [...ids];
  const near = closestName(fragment, candidates);
  const elsewhere = [...site.pages].find(([other, otherIds]) => other !== page && otherIds.has(fragment) && other.split('/')[1] === page.split('/')[1])?.[0];
  const hint = elsewhere ? ` (#${fragment} is on ${elsewhere})` : near ? ` (did you mean #${near}?)` : '';
  return {
    rule: 'broken-anchor',
    written,
    message: `the link ${written} goes to #${fragment}, which does not exist on ${page}.`,
    expected: `${describeAnchors(prefix, ids)}${hint}`,
    found: `#${fragment}`,
    fix:
      prefix === 'p-'
        ? 'paragraphs are numbered in reading order from 1 (headings and footnotes are not counted); check the number on the page.'
        : prefix === 'event-'
          ? "use the event's file name without .yaml, on the timeline page that lists it."
          : prefix
            ? "use the id of one of the article's notes, as written in its frontmatter."
            : 'link to an id the page has; open the page and copy the address of the place you mean.',
    section: SECTIONS.noteBody,
  };
}

function describeAnchors(prefix: string | undefined, ids: ReadonlySet<string>): string {
  if (prefix === 'p-') {
    const count = [...ids].filter((id) => /^p-\d+$/.test(id)).length;
    return count > 0 ? `a paragraph from #p-1 to #p-${count}` : 'no paragraph anchors: the page has no article text';
  }
  if (prefix === 'event-') return '#event-<id>, the file name of an event in events/ without .yaml';
  if (prefix) {
    const notes = [...ids].filter((id) => id.startsWith('note-')).map((id) => id.slice('note-'.length));
    return notes.length > 0 ? `#${prefix}<id> with the id of one of its notes: ${notes.join(', ')}` : 'no note anchors: the page has no notes';
  }
  return 'an id the page has';
}
