// Each page's Content-Security-Policy narrowed to the page itself. Astro writes one policy for the whole site into
// every page: the hashes of every inline script and style any page carries, and of every bundled file (which
// 'self' already allows). A hash only matters on a page that has the block it matches, so an article page needs
// three of the fifteen. Narrowing keeps the policy exactly as strict (it only removes hashes that match nothing on
// the page) and saves about 0.65 kB on every article page, which has a byte budget (tests/e2e/budgets.spec.ts).
import { createHash } from 'node:crypto';

/** The policy <meta> Astro writes: its content attribute, whose value holds no double quote. */
const POLICY_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(">)/i;
/** An inline script or style with its body (external scripts have src= and no body to hash). */
const INLINE_BLOCK = /<(script|style)\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/\1>/gi;
/** A hash source in a policy, with its algorithm. */
const HASH_SOURCE = /^'(sha256|sha384|sha512)-[A-Za-z0-9+/=]+'$/;

/** Where a page's policy is and what it becomes: the offsets of its value in the page's text (the <meta>'s content
 * attribute), and the value narrowed. */
export interface PolicyCut {
  start: number;
  end: number;
  policy: string;
}

/**
 * The cut that narrows a page's policy: its hash sources cut to those that match an inline script or style of the
 * page. Other sources and directives are kept as written. Undefined when the page has no policy <meta>, or nothing to
 * cut.
 */
export function policyCut(html: string): PolicyCut | undefined {
  const meta = POLICY_META.exec(html);
  if (!meta) return undefined;
  const [, before = '', policy = ''] = meta;
  const algorithms = new Set(policy.split(/\s+/).flatMap((source) => HASH_SOURCE.exec(source)?.[1] ?? []));
  const onThePage = new Set<string>();
  for (const [, , body] of html.matchAll(INLINE_BLOCK)) {
    for (const algorithm of algorithms) onThePage.add(`'${algorithm}-${createHash(algorithm).update(body!, 'utf8').digest('base64')}'`);
  }
  const narrowed = policy
    .split(';')
    .map((directive) =>
      directive
        .replace(/\S+/g, (source) => (HASH_SOURCE.test(source) && !onThePage.has(source) ? '' : source))
        .replace(/ {2,}/g, ' ')
        .replace(/ +$/, ''),
    )
    .join(';');
  const start = meta.index + before.length;
  return narrowed === policy ? undefined : { start, end: start + policy.length, policy: narrowed };
}

/** The page's text with a cut made. */
export const withCut = (html: string, cut: PolicyCut): string => html.slice(0, cut.start) + cut.policy + html.slice(cut.end);

/** The page with its policy narrowed (policyCut); a page without a policy <meta>, or nothing to cut, unchanged. */
export function narrowPagePolicy(html: string): string {
  const cut = policyCut(html);
  return cut ? withCut(html, cut) : html;
}
