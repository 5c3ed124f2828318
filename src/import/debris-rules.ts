// A scraped article page carries the site's furniture along with the story: section labels, share counters, ads,
// video players, promos, comment forms, footers. Each rule below recognises one kind of furniture by its shape, not
// by one site's exact wording, so a new source from the same kind of page imports cleanly. The table is ordered:
// the importer tries the rules top to bottom on every non-blank line and the first match removes the line. Rules
// that carry a `capture` move what they remove into the frontmatter (headline, byline, dateline, republication
// credit). This table is the one place to look, and to add a rule, when the importer keeps or drops the wrong line.

import { markdownToPlainText } from './markdown-escape.ts';

/** One line of the source file: its 1-based number and its text without surrounding whitespace. */
export interface SourceLine {
  readonly number: number;
  readonly text: string;
}

/** What a rule may look at besides the line itself. */
export interface RuleContext {
  readonly line: SourceLine;
  /** The run of non-blank lines the line belongs to (its paragraph in the source). */
  readonly block: readonly SourceLine[];
  /** Every earlier non-blank line, kept or removed, in source order. */
  readonly previous: readonly SourceLine[];
  /** The headline once found; undefined while the importer is still above it. */
  readonly headline: string | undefined;
  /** Whether a line of the story itself has been kept yet: bylines and datelines only sit above the story. */
  readonly bodyStarted: boolean;
}

/** Frontmatter values a rule can lift out of the line it removes. */
export interface CapturedFields {
  title?: string;
  author?: string;
  published?: string;
  republishedFrom?: string;
  /** The republication credit line itself, as the page printed it (its Markdown styling dropped). */
  credit?: string;
}

export interface DebrisRule {
  /** Short kebab-case name, shown in the importer's report. */
  readonly name: string;
  /** One line a contributor can read: what the rule removes, with an example. */
  readonly description: string;
  readonly test: (context: RuleContext) => boolean;
  /** For rules that move the line into the frontmatter: the values it carries. */
  readonly capture?: (context: RuleContext) => CapturedFields;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Names and initials in a byline start with a capital; these joining words do not. */
const NAME_PARTICLES = new Set(['and', '&', 'de', 'del', 'da', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'al']);

function plain(context: RuleContext): string {
  return markdownToPlainText(context.line.text);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sameText(a: string, b: string): boolean {
  const normalise = (text: string) => markdownToPlainText(text).replace(/\s+/g, ' ').toLowerCase();
  return normalise(a) === normalise(b);
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index === -1 ? undefined : index + 1;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over into March; a date that does not survive the round trip is not a real date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The date of a line that holds only a date, as YYYY-MM-DD: "March 25, 2021", "Mar. 25, 2021", "25 March 2021",
 * "2021-03-25", optionally after a weekday or a "Published:" label. Anything else gives undefined.
 */
export function parseDateline(text: string): string | undefined {
  const date = markdownToPlainText(text)
    .replace(/^(?:published|posted|updated|date)(?: on)?\s*:?\s*/i, '')
    .replace(/^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+/i, '');
  const monthFirst = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(date);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1] ?? '');
    return month === undefined ? undefined : isoDate(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(date);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2] ?? '');
    return month === undefined ? undefined : isoDate(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
}

/** The author of a byline line ("By [Avery Booker](#)" gives "Avery Booker"), or undefined. */
export function parseByline(text: string): string | undefined {
  const name = /^by\s+(.+)$/i.exec(markdownToPlainText(text))?.[1]?.trim();
  if (name === undefined || /[.!?:;]$/.test(name)) return undefined;
  const words = name.split(/\s+/);
  const looksLikeNames = words.every((word) => /^\p{Lu}/u.test(word) || NAME_PARTICLES.has(word.toLowerCase()));
  return words.length <= 8 && looksLikeNames ? name : undefined;
}

/** The outlet named in a republication credit ("Published with permission from Jing Daily. …"), or undefined. */
export function parseRepublicationCredit(text: string): string | undefined {
  const credit = markdownToPlainText(text);
  const match =
    /^(?:re)?published with (?:the )?permission (?:from|of) (.+?)(?:\.(?:\s+.*)?)?$/i.exec(credit) ??
    /^(?:this (?:article|story|post) )?(?:was |is )?(?:originally|first) (?:published|appeared) (?:in|on|by|at) (.+?)(?:\.(?:\s+.*)?)?$/i.exec(credit);
  return match && wordCount(credit) <= 25 ? match[1] : undefined;
}

function isDuration(text: string): boolean {
  return /^\d{1,2}(?::\d{2}){1,2}$/.test(text);
}

/** The ordered rule table. The importer applies the first rule that matches a line. */
export const debrisRules: readonly DebrisRule[] = [
  {
    name: 'invisible-line',
    description: 'A line of only invisible characters such as non-breaking spaces; it separates paragraphs like a blank line.',
    // First in the table, so every later rule only ever sees lines with visible text.
    test: ({ line }) => line.text === '',
  },
  {
    name: 'advertisement',
    description: 'An ad slot label alone on a line: "Advertisement", "Sponsored".',
    test: (context) => /^(?:advertisements?|sponsored(?: content)?|promoted|ad)$/i.test(plain(context)),
  },
  {
    name: 'section-kicker',
    description: 'A section label above the headline: one or two ALL-CAPS words alone on a line, such as "RETAIL".',
    test: (context) =>
      context.headline === undefined &&
      /^\p{Lu}[\p{Lu}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{Lu}\p{N}&'’.-]*)?$/u.test(plain(context)) &&
      (plain(context).match(/\p{L}/gu) ?? []).length >= 2,
  },
  {
    name: 'repeated-headline',
    description: 'A later copy of the headline, plain or as "## Headline" (page templates repeat it above sections).',
    test: (context) => context.headline !== undefined && sameText(context.line.text, context.headline),
  },
  {
    name: 'reading-time',
    description: 'A reading-time estimate: "Reading Time:3 minutes", "5 min read".',
    test: (context) => /^(?:(?:estimated )?reading time\s*:?\s*\d+\s*(?:min|mins|minutes?)\.?|\d+\s*(?:min|mins|minutes?)\s+read)$/i.test(plain(context)),
  },
  {
    name: 'trust-notice',
    description: 'A link to the publisher\'s editorial standards: "Why you can trust SCMP".',
    test: (context) => /^why (?:you can )?trust\b/i.test(plain(context)) && wordCount(plain(context)) <= 8,
  },
  {
    name: 'counter',
    description: 'A number alone on a line: a share, like or comment counter such as "0" or "1.2K".',
    test: (context) => /^\d[\d,.]*[kKmM]?$/.test(plain(context)),
  },
  {
    name: 'video-duration',
    description: 'A video player\'s running time alone on a line: "07:30".',
    test: (context) => isDuration(plain(context)),
  },
  {
    name: 'video-title',
    description: "The short title line after a video's running time, and its repeats (players print it twice).",
    test: ({ line, previous }) => {
      let index = previous.length - 1;
      while (index >= 0 && previous[index]?.text === line.text) index -= 1;
      const before = previous[index];
      return before !== undefined && isDuration(before.text) && wordCount(line.text) <= 16 && !line.text.endsWith('.');
    },
  },
  {
    name: 'image-caption',
    description: 'A photo caption: a line ending in a credit such as "Image credit: Shutterstock" or "Photo: Bloomberg", italic or not.',
    test: (context) => {
      const credit = /(?:^|[.!?]["'”’)]?\s+)(?:(?:Image|Photo|Picture|Photograph)(?: [Cc]redits?)?|Credits?)\s*:\s*([^:;!?]{1,80})$/u.exec(plain(context));
      return credit !== null && wordCount(credit[1] ?? '') <= 8;
    },
  },
  {
    name: 'subscription-promo',
    description: 'A subscription promo: a block of up to five lines that opens with "Subscribe to …" or "Sign up for …" (the whole block goes).',
    test: ({ block }) => {
      const first = block[0];
      return (
        first !== undefined &&
        block.length <= 5 &&
        /^(?:subscribe (?:to|now|today)\b|sign up (?:for|to)\b|become a (?:subscriber|member)\b|get (?:our|the) newsletter\b)/i.test(
          markdownToPlainText(first.text),
        )
      );
    },
  },
  {
    name: 'related-links',
    description: 'A related-stories widget: "You Might Be Interested In; …", "Read more: …", "Related: …".',
    test: (context) =>
      /^(?:you (?:might|may) (?:also )?(?:be interested in|like)|read more|read also|also read|related(?: articles| stories| posts| reading)?|see also|recommended(?: for you)?)\s*[:;]/i.test(
        plain(context),
      ),
  },
  {
    name: 'comment-form',
    description: 'A comment form\'s labels: "Leave A Reply", "Your email address will not be published.".',
    test: (context) =>
      /^(?:leave a (?:reply|comment)|post a comment|cancel reply|your email address will not be published\b.*|required fields are marked\b.*|\d+ comments?)$/i.test(
        plain(context),
      ),
  },
  {
    name: 'copyright',
    description: 'A copyright footer: "© 2021 Napean LLC. All rights reserved.".',
    test: (context) => /^(?:©|\(c\)|copyright\b)/i.test(plain(context)) || /\ball rights reserved\.?$/i.test(plain(context)),
  },
  {
    name: 'publisher-footer',
    description: 'A publisher\'s sign-off: "Luxury Daily is published each business day. …", "Thank you for reading …".',
    test: (context) =>
      /\b(?:is|are) published (?:each|every) (?:business |working )?(?:day|weekday|week)\b/i.test(plain(context)) ||
      /^thank you for reading\b/i.test(plain(context)),
  },
  {
    name: 'byline',
    description: 'The byline above the story, "By Avery Booker"; the name moves to `author`.',
    test: ({ line, bodyStarted }) => !bodyStarted && parseByline(line.text) !== undefined,
    capture: ({ line }) => ({ author: parseByline(line.text) }),
  },
  {
    name: 'dateline',
    description: 'A date alone on a line above the story, "March 25, 2021"; it moves to `published` (`datePrecision: day`).',
    test: ({ line, bodyStarted }) => !bodyStarted && parseDateline(line.text) !== undefined,
    capture: ({ line }) => ({ published: parseDateline(line.text) }),
  },
  {
    name: 'republication-credit',
    description:
      'A republication credit, "Published with permission from Jing Daily. Adapted for clarity and style."; the line moves to `credit`, the outlet to `republishedFrom`.',
    test: ({ line }) => parseRepublicationCredit(line.text) !== undefined,
    capture: ({ line }) => ({ republishedFrom: parseRepublicationCredit(line.text), credit: markdownToPlainText(line.text) }),
  },
  {
    name: 'headline',
    description: 'The first line no rule above removes is the headline (a leading "## " is dropped); it moves to `title`.',
    test: ({ headline }) => headline === undefined,
    capture: (context) => ({ title: plain(context) }),
  },
];
