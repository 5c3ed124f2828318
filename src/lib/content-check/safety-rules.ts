// What content may not contain. The site publishes text from outside contributors, so a pull request must not be
// able to run code in readers' browsers (scripts, event handlers, javascript: links), pull in other sites (frames,
// embeds, remote images that tell another host who reads what), restyle the site, or run code at build time (MDX
// imports, exports and {expressions}). The rules read the syntax tree, not the raw text, so a word such as
// "onclick" or "<script>" written as text (escaped, as the importer writes it) is never mistaken for markup.
// Each rule is one entry of the table below. Markdown (an .md article, a note body in YAML) is read by the same
// rules, where raw HTML shows up as `html` nodes instead of JSX: a note body's renderer drops it, so there only
// dangerous elements and attributes are named; Astro's Markdown pipeline publishes it as it is, so in an .md
// article every piece of raw HTML is refused (text that merely looks like a tag is written with \<). Two rules that
// are not about safety share the walk: a picture must say what it shows (alt text), and a link must be one.
import { dirname, relative, resolve, sep } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { pointOf, shortSource, sourceOf, type Finding, type Point } from './finding.ts';
import { SECTIONS } from './problem.ts';
import { scalarText } from '../scalar-text.ts';
import { lineColumnAt } from '../text-position.ts';

/** Elements refused anywhere, with what they would do on the page. */
export const REFUSED_ELEMENTS: Record<string, string> = {
  script: "it runs code in the reader's browser",
  style: "it restyles the whole site, and the site's Content-Security-Policy blocks it",
  iframe: "it embeds another site's page",
  frame: "it embeds another site's page",
  frameset: "it embeds another site's pages",
  object: 'it embeds a plug-in or another document',
  embed: 'it embeds a plug-in or another document',
  applet: 'it embeds a plug-in',
  base: 'it changes where every link on the page points',
  link: 'it loads a resource into the page',
  meta: "it changes the page's behaviour",
  form: "it sends readers' input elsewhere",
};

/** Address schemes that run or hide content instead of going to a page. */
const UNSAFE_SCHEMES: Record<string, string> = {
  'javascript:': 'it runs code when a reader follows it',
  'vbscript:': 'it runs code when a reader follows it',
  'data:': 'it can hide a whole page or a script inside the address',
};

/** Attributes that load a resource into the page (rather than link to it). */
const RESOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data', 'background', 'xlink:href', 'imagesrcset']);
const URL_ATTRIBUTES = new Set(['href', 'action', 'formaction', 'cite', ...RESOURCE_ATTRIBUTES]);

export interface SafetyContext {
  /** The content file's absolute path, to resolve a relative import. */
  absoluteFile: string;
  /** The project root: imports are allowed from its src/components/ only. */
  projectRoot: string;
  /** The Markdown or MDX text the tree was parsed from. */
  text: string;
  /** Whether raw HTML in the text reaches the page as it is (an .md article's body), rather than being dropped. */
  rawHtmlPublished?: boolean;
}

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | { type: string; value: string } | null;
}

interface Positioned {
  position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } } | undefined;
}

/** The unsafe scheme of an address (browsers ignore case, spaces and control characters in it), if any. */
export function unsafeScheme(url: string): string | undefined {
  const cleaned = [...url]
    .filter((char) => char.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();
  return Object.keys(UNSAFE_SCHEMES).find((scheme) => cleaned.startsWith(scheme));
}

/** The host of an address that loads from another site (http, https or protocol-relative), if any. */
export function remoteHost(url: string): string | undefined {
  const match = /^\s*(?:https?:)?\/\/([^/?#\s]+)/i.exec(url);
  return match ? match[1] : undefined;
}

type Emit = (node: Positioned, finding: Omit<Finding, 'point' | 'source' | 'section'> & { section?: Finding['section'] }) => void;

function checkUrl(emit: Emit, node: Positioned, url: string, loads: boolean, what: string): void {
  const scheme = unsafeScheme(url);
  if (scheme) {
    emit(node, {
      rule: 'unsafe-address',
      message: `a ${scheme} address is not allowed in ${what}: ${UNSAFE_SCHEMES[scheme]}.`,
      expected: 'an ordinary https:// address, or a site path such as /articles/<slug>/',
      found: shortSource(url),
      fix: 'link to the page itself, or remove the link and keep its text.',
    });
    return;
  }
  const host = remoteHost(url);
  if (loads && host) {
    emit(node, {
      rule: 'remote-resource',
      message: `${what} loaded from another site (${host}) is not allowed: it tells that site who reads the page, and it can change or vanish.`,
      expected: 'nothing loaded from other hosts; images, if any, saved under public/ and linked as /…',
      found: shortSource(url),
      fix: "remove it; describe the picture in words if it matters to the text (the importer keeps an image's alt text).",
    });
  }
}

function checkImport(emit: Emit, node: Positioned, specifier: string, context: SafetyContext): void {
  const components = resolve(context.projectRoot, 'src', 'components') + sep;
  const target = specifier.startsWith('.') ? resolve(dirname(context.absoluteFile), specifier) : undefined;
  if (target?.startsWith(components)) return;
  emit(node, {
    rule: 'import-not-allowed',
    message: `import from "${specifier}" is not allowed: content may only import the site's own components from src/components/.`,
    expected: target
      ? `a path into src/components/, such as ${relative(dirname(context.absoluteFile), components).split(sep).join('/')}/…`
      : 'a path into src/components/',
    found: shortSource(sourceOf(node, context.text)),
    fix: 'remove the import line (and the component it brings in); content needs no code.',
    section: SECTIONS.safety,
  });
}

interface EsmProgram {
  body: { type: string; source?: { value?: unknown } }[];
}

const isCodeExpression = (node: Nodes): boolean => {
  const estree = (node.data as { estree?: EsmProgram } | undefined)?.estree;
  // A comment, {/* … */}, compiles to an empty program and runs nothing.
  return !estree || estree.body.length > 0;
};

const RAW_TAG = /<\s*([a-z][a-z0-9-]*)\b[^>]*>/gi;
const RAW_HANDLER = /\s(on[a-z]+)\s*=/i;
const RAW_URL = /\s(href|src|srcset|action|formaction|poster|data)\s*=\s*["']?([^"'\s>]+)/gi;

const CLOSING_TAG = /^<\/([a-z][a-z0-9-]*)/i;

/** The first refused element a piece of raw HTML holds, if any. */
const refusedIn = (html: string) => [...html.matchAll(RAW_TAG)].map(([, tag]) => tag!.toLowerCase()).find((name) => REFUSED_ELEMENTS[name]);

/** An element refused by name: what it would do, and how to fix it where it was found. */
function refusedElement(name: string, found: string, fix: string) {
  return {
    rule: 'element-not-allowed',
    message: `<${name}> is not allowed in content: ${REFUSED_ELEMENTS[name]}.`,
    expected: 'text and Markdown only',
    found,
    fix,
  };
}

/**
 * Raw HTML that the page would publish as it is. One finding per tag a contributor wrote: the closing tag of an
 * element already reported in the same paragraph (`</b>` after `<b>`) is the same mistake, fixed with it.
 */
function publishedHtmlFinding(emit: Emit, node: Positioned & { value: string }, reported: Set<string>): void {
  const closing = CLOSING_TAG.exec(node.value)?.[1]?.toLowerCase();
  if (closing && reported.has(closing)) return;
  const refused = refusedIn(node.value);
  const names = closing ? [closing] : [...node.value.matchAll(RAW_TAG)].map(([, tag]) => tag!.toLowerCase());
  for (const name of names) reported.add(name);
  if (refused) {
    const fix = `remove the <${refused}> element: the article is reproduced as text, without what the original page embedded. If the tag is part of the article's text, write its < as \\<, as the importer does.`;
    emit(node, refusedElement(refused, shortSource(node.value), fix));
    return;
  }
  emit(node, {
    rule: 'raw-html',
    message: 'HTML is not allowed in a Markdown article: the page would publish it as it is, tags and all.',
    expected: 'text and Markdown only; a < that is part of the text written \\<',
    found: shortSource(node.value),
    fix: 'if the < is part of the text, write it as \\< (the importer does); for emphasis use Markdown (**bold**, *italic*); otherwise remove the tag.',
    section: SECTIONS.mdx,
  });
}

/** A picture with nothing to say what it shows: a screen reader, or a reader whose copy failed to load, gets nothing
 * (or the file's name). Not a safety rule, but found on the same nodes in the same walk. */
function imageWithoutAlt(found: string): Omit<Finding, 'point' | 'source'> {
  return {
    rule: 'image-without-alt',
    message: 'an image without alt text: a reader who cannot see it (with a screen reader, or when it fails to load) learns nothing of it.',
    expected: 'a description of the picture: ![What the picture shows](/…) in Markdown, alt="…" on an <img>',
    found,
    fix: "describe what the picture shows (the original's caption or alt text is a start, checked against the picture); if it adds nothing to the text, remove it.",
    section: SECTIONS.mdx,
  };
}

/** Brackets and a parenthesis that a link was meant to be: `[Reuters](https://…` left open, or an address with a space
 * in it, is not a link, and the page shows its brackets as text. A text node never holds a link that parsed, so
 * `[…](` in its Markdown (the brackets not escaped as \\[ \\]) is one that did not. */
const BROKEN_LINK = /(?<!\\)\[[^\]\n]*(?<!\\)\]\(/;

/** Where a broken link starts in a text node, and its Markdown from there. */
function brokenLinkIn(node: Positioned, text: string): { source: string; point: Point } | undefined {
  const source = sourceOf(node, text);
  const match = BROKEN_LINK.exec(source);
  if (!match) return undefined;
  const from = (node.position?.start.offset ?? 0) + match.index;
  // Its line from there, the address included (a link the parser found in the address is a node of its own).
  return { source: text.slice(from).split('\n')[0]!, point: lineColumnAt(text, from) };
}

function brokenLink(found: string): Omit<Finding, 'point' | 'source'> {
  return {
    rule: 'broken-link',
    message: 'a Markdown link that did not come out as one: the page shows its brackets and address as text.',
    expected: '[words](https://…) with the whole address, no spaces in it, and the closing )',
    found,
    fix: 'close the parenthesis, and write a space in the address as %20; if the brackets belong to the text, write them \\[ and \\].',
    section: SECTIONS.mdx,
  };
}

/** Every rule's findings in one tree, in document order. */
export function safetyFindings(tree: Root, context: SafetyContext): Finding[] {
  const findings: Finding[] = [];
  const emit: Emit = (node, finding) => findings.push({ section: SECTIONS.safety, ...finding, point: pointOf(node), source: sourceOf(node, context.text) });
  /** Per paragraph (or other parent), the tags already reported as published raw HTML. */
  const reportedTags = new WeakMap<object, Set<string>>();
  /** Definitions an image refers to (`![x][a]` … `[a]: https://…`): their address is loaded, not followed. */
  const imageDefinitions = new Set<string>();
  visit(tree, 'imageReference', (node: { identifier: string }) => void imageDefinitions.add(node.identifier));

  visit(tree, (node: Nodes, _index, parent) => {
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = (node.name ?? '').toLowerCase();
        if (REFUSED_ELEMENTS[name]) {
          const fix = `remove the <${name}> element. If the original page embedded something (a video, a post), leave it out: the article is reproduced as text.`;
          emit(node, refusedElement(name, shortSource(sourceOf(node, context.text)), fix));
          // Removing the element removes its attributes and content too: one problem, one fix.
          return SKIP;
        }
        // alt="" is allowed: it is how a page says a picture is decoration, written on purpose.
        if (name === 'img' && !(node.attributes as JsxAttribute[]).some((attribute) => attribute.name?.toLowerCase() === 'alt')) {
          emit(node, imageWithoutAlt(shortSource(sourceOf(node, context.text))));
        }
        for (const attribute of node.attributes as JsxAttribute[]) {
          if (attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value && typeof attribute.value === 'object')) {
            emit(node, {
              rule: 'code-not-allowed',
              message: `a {…} attribute value on <${name}> is code, run when the site is built; content holds only text.`,
              expected: 'attribute values in quotes',
              found: shortSource(sourceOf(node, context.text)),
              fix: 'write the value in quotes, or remove the attribute.',
            });
            continue;
          }
          const attributeName = (attribute.name ?? '').toLowerCase();
          const value = typeof attribute.value === 'string' ? attribute.value : '';
          if (/^on[a-z]/.test(attributeName)) {
            emit(node, {
              rule: 'event-handler',
              message: `the ${attribute.name}= attribute is not allowed: it runs code when a reader interacts with the page.`,
              expected: 'no on…= attributes',
              found: shortSource(sourceOf(node, context.text)),
              fix: `remove the ${attribute.name}= attribute.`,
            });
          } else if (attributeName === 'style') {
            emit(node, {
              rule: 'inline-style',
              message: "a style= attribute is not allowed: the site's Content-Security-Policy blocks inline styles, and the stylesheet decides how text looks.",
              expected: 'no style= attributes',
              found: shortSource(sourceOf(node, context.text)),
              fix: 'remove the style= attribute; use Markdown (**bold**, *italic*) for emphasis.',
            });
          } else if (URL_ATTRIBUTES.has(attributeName)) {
            checkUrl(
              emit,
              node,
              value,
              RESOURCE_ATTRIBUTES.has(attributeName),
              RESOURCE_ATTRIBUTES.has(attributeName) ? `a resource (${attributeName}=)` : `a link (${attributeName}=)`,
            );
          }
        }
        break;
      }
      case 'mdxjsEsm': {
        const program = (node.data as { estree?: EsmProgram } | undefined)?.estree;
        for (const statement of program?.body ?? []) {
          if (statement.type === 'ImportDeclaration') {
            checkImport(emit, node, scalarText(statement.source?.value), context);
          } else {
            emit(node, {
              rule: 'export-not-allowed',
              message: 'export statements are not allowed in content: they are code, run when the site is built.',
              expected: 'text and Markdown only',
              found: shortSource(sourceOf(node, context.text)),
              fix: "remove the line. If it is part of the article's text, write its first letter as a character reference (&#101;xport), as the importer does.",
            });
          }
        }
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (isCodeExpression(node)) {
          emit(node, {
            rule: 'code-not-allowed',
            message: 'a {…} expression is code, run when the site is built; content holds only text.',
            expected: 'text; a brace that is part of the text written \\{ … \\}',
            found: shortSource(sourceOf(node, context.text)),
            fix: 'write the braces as \\{ and \\} if they are part of the text; otherwise remove the expression.',
            section: SECTIONS.mdx,
          });
        }
        break;
      case 'link':
        checkUrl(emit, node, node.url, false, 'a link');
        break;
      case 'text': {
        const broken = brokenLinkIn(node, context.text);
        if (broken) findings.push({ ...brokenLink(shortSource(broken.source)), point: broken.point, source: broken.source });
        break;
      }
      case 'definition':
        if (imageDefinitions.has(node.identifier)) checkUrl(emit, node, node.url, true, 'an image');
        else checkUrl(emit, node, node.url, false, 'a link');
        break;
      case 'image':
        checkUrl(emit, node, node.url, true, 'an image');
        if (!node.alt?.trim()) emit(node, imageWithoutAlt(shortSource(sourceOf(node, context.text))));
        break;
      case 'imageReference':
        if (!node.alt?.trim()) emit(node, imageWithoutAlt(shortSource(sourceOf(node, context.text))));
        break;
      case 'html': {
        if (context.rawHtmlPublished) {
          const key = parent ?? tree;
          const reported = reportedTags.get(key) ?? new Set<string>();
          reportedTags.set(key, reported);
          publishedHtmlFinding(emit, node, reported);
          break;
        }
        // Raw HTML in a note body (Markdown held in YAML; MDX parses tags as JSX) is dropped by the renderer, but
        // dangerous HTML is refused by name all the same so a contributor learns why it never showed.
        const refused = refusedIn(node.value);
        if (refused) {
          emit(node, refusedElement(refused, shortSource(node.value), `remove the <${refused}> element.`));
          break;
        }
        const handler = RAW_HANDLER.exec(node.value);
        if (handler) {
          emit(node, {
            rule: 'event-handler',
            message: `the ${handler[1]}= attribute is not allowed: it runs code when a reader interacts with the page.`,
            expected: 'no on…= attributes',
            found: shortSource(node.value),
            fix: `remove the ${handler[1]}= attribute.`,
          });
        }
        for (const [, attribute, url] of node.value.matchAll(RAW_URL)) {
          const name = attribute!.toLowerCase();
          checkUrl(emit, node, url!, RESOURCE_ATTRIBUTES.has(name), RESOURCE_ATTRIBUTES.has(name) ? `a resource (${name}=)` : `a link (${name}=)`);
        }
        break;
      }
      default:
        break;
    }
  });
  return findings;
}
