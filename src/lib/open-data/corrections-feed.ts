// The corrections feed (/corrections.xml): one item per correction, fact-check or update note, newest first, so a
// reader can follow what the site corrects without revisiting every page. An item is dated by the note's last
// change in the repository (or its creation); a note the history cannot date (uncommitted, or built from a shallow
// clone) comes last, as RSS items without a date.
import { KIND_LABELS, type NoteKind } from '../annotations/kinds.ts';

/** The kinds of note the feed lists. */
export const FEED_KINDS: readonly NoteKind[] = ['correction', 'fact-check', 'update'];

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

/** The feed's items: the notes of FEED_KINDS, newest first (undated last, otherwise in the order given). */
export function correctionItems(notes: readonly FeedNote[]): FeedItem[] {
  return notes
    .map((note, order) => ({ note, order }))
    .filter(({ note }) => FEED_KINDS.includes(note.kind))
    .sort((a, b) => (dated(b.note)?.getTime() ?? -Infinity) - (dated(a.note)?.getTime() ?? -Infinity) || a.order - b.order)
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
