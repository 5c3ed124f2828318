// The kinds of note, in the words a reader sees. The kind is always shown as a word, never by colour alone.

export const NOTE_KINDS = ['context', 'definition', 'correction', 'fact-check', 'update', 'cross-reference'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** GFM footnotes ([^1]) written in an article's text are shown as notes of this kind. */
export type DisplayKind = NoteKind | 'footnote';

/** Kinds whose every note must cite at least one source. */
export const KINDS_NEEDING_SOURCES: readonly NoteKind[] = ['correction', 'fact-check', 'update'];

export const KIND_LABELS: Record<DisplayKind, string> = {
  context: 'Context',
  definition: 'Definition',
  correction: 'Correction',
  'fact-check': 'Fact-check',
  update: 'Update',
  'cross-reference': 'Cross-reference',
  footnote: 'Footnote',
};

/** The kinds in the plural, as the search page's kind filter lists them ("Corrections 3"). */
export const KIND_PLURAL_LABELS: Record<DisplayKind, string> = {
  context: 'Context',
  definition: 'Definitions',
  correction: 'Corrections',
  'fact-check': 'Fact-checks',
  update: 'Updates',
  'cross-reference': 'Cross-references',
  footnote: 'Footnotes',
};

/** What each kind is for, as the about page and the contributor guide explain it. */
export const KIND_DESCRIPTIONS: Record<NoteKind, string> = {
  context: 'Background a reader needs to follow the passage: what happened before, who the players are.',
  definition: 'What a term, product or institution named in the passage is.',
  correction: 'The original is wrong — a factual error, a typo that changes the meaning, or a contradiction — and what is right, with sources.',
  'fact-check': 'A claim checked against other reporting: confirmed, wrong, or unconfirmed, with sources.',
  update: 'What happened after the article was published, with sources.',
  'cross-reference': 'Where another article on the site takes up the same point.',
};
