// Contributors link other pages with site paths (/articles/<slug>/#p-7), as CONTRIBUTING.md asks, whatever the
// site's deploy base. This rewrites the links and images written in an article's or topic's own text (footnotes
// included) to honour BASE_PATH, so the same content works at a domain root and under /walled-gardens/ on GitHub
// Pages. It runs first among the rehype plugins: the links the later plugins add (topic links, notes) are built
// with the base already and must not get it twice.
import type { Root } from 'hast';
import { eachElement } from '../lib/hast-elements.ts';
import { joinBase } from '../lib/urls.ts';

export interface BaseLinkOptions {
  /** The deploy base, "/" or "/walled-gardens/". */
  base: string;
}

const isSitePath = (value: unknown): value is string => typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

export default function rehypeBaseLinks({ base }: BaseLinkOptions) {
  return (tree: Root) => {
    if (base === '/') return;
    eachElement(tree, (node) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = node.properties[attribute];
        if (isSitePath(value)) node.properties[attribute] = joinBase(base, value);
      }
    });
  };
}
