// The importer can read a headline, a byline, a dateline and a republication credit off the page, but only a person
// can say which outlet ran the text, where the original lives, what it is about and, without a dateline, when it
// appeared. So every field it cannot infer gets a placeholder starting with "FILL IN:" that says what belongs there:
// the draft is valid YAML from the start, and `grep "FILL IN:"` lists what is left to do.

import type { CapturedFields } from './debris-rules.ts';

/** The article frontmatter, with the field names and meanings of the site's article schema. */
export interface DraftFrontmatter {
  /** The headline as the outlet printed it. */
  title: string;
  /** The outlet's own summary line under the headline, when it has one. */
  standfirst?: string;
  /** The publication whose text this is. */
  outlet: string;
  /** The publication the outlet republished the text from, if any. */
  republishedFrom?: string;
  /** The republication credit line as the page printed it. */
  credit?: string;
  author?: string;
  /** YYYY-MM-DD. */
  published: string;
  /** `day` when the date is printed on the page; `approximate` when it was inferred. */
  datePrecision: 'day' | 'approximate';
  /** How an approximate date was inferred. */
  dateNote?: string;
  originalUrl?: string;
  /** Slugs of the topic pages this article belongs to. */
  topics: string[];
  /** Our own one or two sentences on what the article reports. */
  summary: string;
  lang: 'en' | 'zh';
  /** `bold` when the scraper wrote the page's links as bold runs and lost their addresses (lost-links.ts). */
  lostLinks?: 'bold';
}

export const FILL_IN = 'FILL IN: ';

/** What the contributor must supply for each field the importer cannot infer. */
const HINTS = {
  outlet: 'the publication that ran this text, e.g. South China Morning Post',
  published: 'YYYY-MM-DD',
  dateNote: 'how the date was inferred, e.g. from the events the text says happened this week',
  originalUrl: 'the address of the original article (delete this line if none is known)',
  topics: 'topic slugs from content/topics, e.g. [walled-gardens]',
  summary: 'one or two sentences, in our own words, on what the article reports',
} as const;

type HintedField = keyof typeof HINTS;

/** Not a placeholder: the importer's reading of the bold runs, for the contributor to confirm. */
const LOST_LINKS_HINT =
  "the bold runs inside paragraphs are read as links of the original whose addresses were lost; check against the original page, and delete this line if they are the author's emphasis";

function placeholder(field: HintedField): string {
  return FILL_IN + HINTS[field];
}

/** The draft's frontmatter and the list of fields the contributor must fill in, as "field: what to put there". */
export function draftFrontmatter(
  captured: CapturedFields & { title: string; lostLinks?: 'bold' | undefined },
  lang: DraftFrontmatter['lang'],
): { frontmatter: DraftFrontmatter; todo: string[] } {
  const dated = captured.published !== undefined;
  const missing: HintedField[] = dated
    ? ['outlet', 'originalUrl', 'topics', 'summary']
    : ['outlet', 'published', 'dateNote', 'originalUrl', 'topics', 'summary'];
  const frontmatter: DraftFrontmatter = {
    title: captured.title,
    outlet: placeholder('outlet'),
    ...(captured.republishedFrom !== undefined && { republishedFrom: captured.republishedFrom }),
    ...(captured.credit !== undefined && { credit: captured.credit }),
    ...(captured.author !== undefined && { author: captured.author }),
    published: captured.published ?? placeholder('published'),
    datePrecision: dated ? 'day' : 'approximate',
    ...(!dated && { dateNote: placeholder('dateNote') }),
    originalUrl: placeholder('originalUrl'),
    topics: [],
    summary: placeholder('summary'),
    lang,
    ...(captured.lostLinks !== undefined && { lostLinks: captured.lostLinks }),
  };
  const todo = missing.map((field) => `${field}: ${HINTS[field]}`);
  if (captured.lostLinks) todo.push(`lostLinks: ${LOST_LINKS_HINT}`);
  return { frontmatter, todo };
}

/**
 * A YAML double-quoted string. JSON strings are valid YAML, and quoting every free-text value keeps titles with
 * ":", "'", "’" or "#" safe; the three characters YAML 1.1 (js-yaml, which Astro uses) counts as line breaks are
 * escaped too.
 */
function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Field order in the draft: what the article is, who published it and when, where it lives, what it is about. */
const FIELD_ORDER = [
  'title',
  'standfirst',
  'outlet',
  'republishedFrom',
  'credit',
  'author',
  'published',
  'datePrecision',
  'dateNote',
  'originalUrl',
  'topics',
  'summary',
  'lang',
  'lostLinks',
] as const satisfies readonly (keyof DraftFrontmatter)[];

function yamlValue(field: keyof DraftFrontmatter, value: string | readonly string[]): string {
  // The only list is `topics`; left empty, it carries its placeholder as a comment so it stays a valid list.
  if (typeof value !== 'string') return value.length === 0 ? `[] # ${placeholder('topics')}` : `[${value.map(yamlString).join(', ')}]`;
  // Enum values are plain words, and a real date is written bare so YAML reads it as a date.
  const bare = field === 'datePrecision' || field === 'lang' || field === 'lostLinks' || (field === 'published' && /^\d{4}-\d{2}-\d{2}$/.test(value));
  return bare ? value : yamlString(value);
}

/** The frontmatter block, `---` lines included, opening with a comment that tells the contributor what to do next. */
export function serialiseFrontmatter(frontmatter: DraftFrontmatter, sourceName?: string): string {
  const origin = sourceName === undefined ? '' : ` from ${sourceName.replace(/\s+/g, ' ')}`;
  const lines = [
    '---',
    `# Draft made by \`npm run new:article\`${origin}. Before publishing: replace every "FILL IN:" value,`,
    '# check the text against the original, then add the annotations (see CONTRIBUTING.md).',
  ];
  for (const field of FIELD_ORDER) {
    const value = frontmatter[field];
    if (value !== undefined) lines.push(`${field}: ${yamlValue(field, value)}`);
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
