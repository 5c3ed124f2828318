// Marks every link to another site in an article's or topic's text rel="external", as the notes and templates
// already do, so it can be told from the site's own links (src/lib/external-links.ts says why noopener and
// noreferrer are not needed on each link). Runs last, so links the other plugins add are covered too; tokens
// already in rel are kept.
import type { Root } from 'hast';
import { eachElement } from '../lib/hast-elements.ts';
import { EXTERNAL_REL, isExternalHref } from '../lib/external-links.ts';

export default function rehypeExternalLinks() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !isExternalHref(href)) return;
      const rel: unknown = node.properties.rel;
      const existing = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/).filter(Boolean) : [];
      node.properties.rel = [...existing, ...EXTERNAL_REL.filter((token) => !existing.includes(token))];
    });
  };
}
