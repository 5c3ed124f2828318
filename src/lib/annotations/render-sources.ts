// How a note's sources read: "Reuters, “Alibaba to take control of Lazada”, 12 April 2016" for an outside
// report; "our article Alibaba Embraces WeChat Pay (TechNewsAgency), paragraph 4" for one of our articles, named
// as ours so it is never taken for outside reporting ("this article, paragraph 9" in the article itself); "our
// timeline, 13 July 2021: Tech firms sign …" for one of our events, linked to the timeline page that lists it. Pure
// data out, so the HTML adapter only has to wrap the parts.
import { formatPublished } from '../dates.ts';
import { formatEventDate } from '../timeline/event-dates.ts';
import type { EventSummary } from '../timeline/event-file.ts';
import { eventPath } from '../timeline/timeline-pages.ts';
import type { NoteSource } from '../../schemas/annotation.ts';

export type SourcePart = { text: string } | { text: string; href: string; external: boolean };

export interface ResolvedArticle {
  title: string;
  outlet: string;
  /** The paragraph the quoted passage is in, when it was found. */
  paragraph: number | undefined;
}

export interface ResolvedEvent extends EventSummary {
  /** The timeline page that lists the event (src/lib/timeline/timeline-pages.ts). */
  page: number;
}

/**
 * `here` is the article the line is printed in, if any: a note sourced to another paragraph of its own article says
 * "this article, paragraph 9", not the title of the page the reader is on.
 */
export function describeSource(
  source: NoteSource,
  resolve: (slug: string, quote: string) => ResolvedArticle | undefined,
  resolveEvent: (id: string) => ResolvedEvent | undefined = () => undefined,
  here?: string,
): SourcePart[] {
  if (source.event) {
    const event = resolveEvent(source.event);
    if (!event) return [{ text: source.event }];
    return [
      { text: 'our timeline, ' },
      { text: `${formatEventDate(event.date, event.datePrecision)}: ${event.title}`, href: eventPath(source.event, event.page), external: false },
    ];
  }
  if (source.article) {
    const found = resolve(source.article, source.quote ?? '');
    if (!found) return [{ text: source.article }];
    const anchor = found.paragraph ? `#p-${found.paragraph}` : '';
    if (source.article === here) {
      return found.paragraph
        ? [{ text: 'this article, ' }, { text: `paragraph ${found.paragraph}`, href: `/articles/${source.article}/${anchor}`, external: false }]
        : [{ text: 'this article' }];
    }
    const parts: SourcePart[] = [
      { text: 'our article ' },
      { text: found.title, href: `/articles/${source.article}/${anchor}`, external: false },
      { text: ` (${found.outlet})` },
    ];
    if (found.paragraph) parts.push({ text: `, paragraph ${found.paragraph}` });
    return parts;
  }
  const parts: SourcePart[] = [];
  const outlet = source.outlet ?? '';
  if (source.title) {
    parts.push({ text: `${outlet}, ` });
    parts.push(source.url ? { text: `“${source.title}”`, href: source.url, external: true } : { text: `“${source.title}”` });
  } else {
    parts.push(source.url ? { text: outlet, href: source.url, external: true } : { text: outlet });
  }
  if (source.date) parts.push({ text: `, ${formatPublished(source.date, 'day')}` });
  return parts;
}
