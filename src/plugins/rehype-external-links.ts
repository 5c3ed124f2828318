// Marks every link to another site in an article's or topic's text rel="noopener noreferrer external", as the
// notes and templates already do: the page it opens gets no handle on ours (window.opener), learns nothing of which
// passage the reader came from (no Referer), and assistive tools can tell it leaves the site. Runs last, so links
// the other plugins add are covered too; tokens already in rel are kept.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export const EXTERNAL_REL = ['noopener', 'noreferrer', 'external'];

/** An address on another host: http(s) or protocol-relative. */
export function isExternalHref(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href.trim());
}

export default function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !isExternalHref(href)) return;
      const rel: unknown = node.properties.rel;
      const existing = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/).filter(Boolean) : [];
      node.properties.rel = [...existing, ...EXTERNAL_REL.filter((token) => !existing.includes(token))];
    });
  };
}
