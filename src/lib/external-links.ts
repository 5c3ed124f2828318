// How a link to another site is marked. rel="external" says the link leaves the site. It carries no
// noopener/noreferrer: our links never open a new window (no target), so the page they open has no handle on
// ours anyway, and the Referer is withheld once for the whole page by its referrer policy
// (<meta name="referrer" content="same-origin"> in BaseLayout.astro): another site never learns which passage a
// reader came from, while requests to our own pages keep theirs. Once per page instead of on every link keeps
// article pages within their byte budget (an article with 37 outside sources saves about 1 kB).
export const EXTERNAL_REL = ['external'];

/** The same, as an attribute value for templates. */
export const EXTERNAL_REL_ATTRIBUTE = EXTERNAL_REL.join(' ');

/** The page-wide referrer policy that stands in for rel="noreferrer" on every outside link. */
export const REFERRER_POLICY = 'same-origin';

/** An address on another host: http(s) or protocol-relative. */
export function isExternalHref(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href.trim());
}
