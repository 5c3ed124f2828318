// Contributors link an event as /timeline/#event-<id> (CONTRIBUTING.md), but the timeline lists a hundred entries to
// a page, so most events are on /timeline/N/, and which page changes whenever an earlier event or article is added.
// This points every link to an event, in an article's or topic's text and in its notes, at the page that lists it
// now, so contributors never write (or update) a page number. The page comes from the one function that also
// paginates the timeline (src/lib/timeline/timeline-pages.ts), through the content model's pages of the content root
// (src/lib/timeline/event-file.ts). It runs after the notes are laid out, so links in note bodies are covered; links
// have the deploy base by then. A link to an event that does not exist is left as written, for the link check to
// report where it was written.
import type { Root } from 'hast';
import { eachElement } from '../lib/hast-elements.ts';
import { timelineEventPages, type EventPages } from '../lib/timeline/event-file.ts';
import { linkedEvent, onItsPage } from '../lib/timeline/timeline-pages.ts';
import { joinBase } from '../lib/urls.ts';

export interface EventLinkOptions {
  /** The deploy base, "/" or "/walled-gardens/": links carry it already. */
  base: string;
  /** The content root, whose events and articles make the timeline. */
  contentDir: string;
  /** The page of each event, when the caller has them already (the pre-render worker); else the content model's. */
  eventPages?: EventPages | undefined;
}

export default function rehypeEventLinks({ base, contentDir, eventPages }: EventLinkOptions) {
  const prefix = base.replace(/\/$/, '');
  return (tree: Root) => {
    eachElement(tree, (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith(`${prefix}/timeline/`)) return;
      const path = href.slice(prefix.length);
      // Only a link to an event asks for the pages (computed once per build).
      if (linkedEvent(path) !== undefined) node.properties.href = joinBase(base, onItsPage(path, eventPages ?? timelineEventPages(contentDir)));
    });
  };
}
