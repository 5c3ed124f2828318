// The corrections feed (/corrections.xml): one item per correction, fact-check or update note, the FEED_SIZE newest,
// so a reader can follow what the site corrects without revisiting every page. An item is dated by the note's last
// change in the repository (or its creation); a note the history cannot date (uncommitted, or built from a shallow
// clone) comes last, as RSS items without a date. Like the articles' feed it holds the newest only: a feed reader
// fetches it again and again, and with every note of a 10,000-article corpus it weighed 73 MB. Every note, old or
// new, is in the open data (src/lib/open-data/).
import { KIND_LABELS, type NoteKind } from '../annotations/kinds.ts';

/** The kinds of note the feed lists. */
export const FEED_KINDS: readonly NoteKind[] = ['correction', 'fact-check', 'update'];

/** How many notes the feed lists: more than the real site has (56 on 2026-12-05), so today it lists them all. */
export const FEED_SIZE = 100;

export interface FeedNote {
  kind: NoteKind;
  /** The note's permalink. */
  link: string;
  articleTitle: string;
  quote: string;
  /** The note's plain text. */
  text: string;
  created: Date | undefined;
  modified: Date | undefined;
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
  categories: string[];
}

const dated = (note: FeedNote) => note.modified ?? note.created;

/** The feed's items: the `most` newest notes of FEED_KINDS (undated last, otherwise in the order given). */
export function correctionItems(notes: readonly FeedNote[], most = FEED_SIZE): FeedItem[] {
  return notes
    .map((note, order) => ({ note, order }))
    .filter(({ note }) => FEED_KINDS.includes(note.kind))
    .sort((a, b) => (dated(b.note)?.getTime() ?? -Infinity) - (dated(a.note)?.getTime() ?? -Infinity) || a.order - b.order)
    .slice(0, most)
    .map(({ note }) => {
      const date = dated(note);
      return {
        title: `${KIND_LABELS[note.kind]} on “${note.quote}”, in “${note.articleTitle}”`,
        link: note.link,
        description: note.text,
        ...(date ? { pubDate: date } : {}),
        categories: [KIND_LABELS[note.kind]],
      };
    });
}
