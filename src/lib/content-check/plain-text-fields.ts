// Most frontmatter fields are shown as plain text: a title, a summary, a date note, an event's description, a
// source's outlet and title. Only a note's body and a topic's disagreement are Markdown. A link written in a plain
// field, "[the notice](https://…)", would show on the page as typed, brackets, parentheses and address, so it is
// refused where it is written, with where a link can go instead; so is emphasis ("**Taobao**") or code marks.
import { placeAt } from './cross-references.ts';
import { shortSource } from './finding.ts';
import type { Entry } from './parse-entry.ts';
import { type Problem } from './problem.ts';
import { fieldLabel, sectionFor } from './schema-problems.ts';
import { eachString } from '../../schemas/frontmatter-rules.ts';

/** Fields whose text is Markdown (rendered) or matched against the article (a quote): not plain text. */
const NOT_PLAIN = new Set(['body', 'quote', 'prefix', 'suffix']);

/** A Markdown link: brackets with words in them, then an opening parenthesis. */
const LINK = /\[[^\]\n]+\]\(/;
/** Markdown emphasis or code: words between ** or __, between single * or _ (not inside a word, so "snake_case" and
 * a censored "F***" are left alone), or between backticks. */
const EMPHASIS =
  /\*\*[^*\s](?:[^*]*[^*\s])?\*\*|__[^_\s](?:[^_]*[^_\s])?__|(?<![\w*])\*[^*\s](?:[^*]*[^*\s])?\*(?![\w*])|(?<![\w_])_[^_\s](?:[^_]*[^_\s])?_(?![\w_])|`[^`\n]+`/;

/** The Markdown emphasis or code in a plain-text value, and its marks ("**", "__", "*", "_" or "`"); undefined when
 * there is none, or the value is an address. */
export function emphasisIn(value: string): { text: string; marks: string } | undefined {
  // An address is not shown as text, and may hold underscores or asterisks of its own.
  if (/^(?:https?:\/\/|\/)\S*$/.test(value)) return undefined;
  const text = EMPHASIS.exec(value)?.[0];
  if (!text) return undefined;
  return { text, marks: text.startsWith('**') || text.startsWith('__') ? text.slice(0, 2) : text[0]! };
}

/** The fix: the words stay, and the address goes where this kind of file can link. */
function whereTheLinkGoes(kind: Entry['kind'], path: readonly PropertyKey[]): string {
  if (path.includes('sources')) return "write it as words: the source's address goes in its url:.";
  if (kind === 'event') return "write the words without the link; cite the page in the event's sources:.";
  if (kind === 'topic') return 'write the words without the link; the overview below the frontmatter can link to the page, with a footnote.';
  if (path[0] === 'annotations') return "write the words without the link; cite the page in the note's sources:, or link it from the note's body.";
  return "write the words without the link; a page it relies on can be cited in a note's sources:.";
}

/** Every plain-text field of a file's values that holds a Markdown link, in the order of the file. */
export function plainTextProblems(entry: Entry): Problem[] {
  const problems: Problem[] = [];
  eachString(
    entry.data,
    (value, path) => {
      const link = LINK.exec(value);
      const emphasis = link ? undefined : emphasisIn(value);
      if (link)
        problems.push({
          ...placeAt(entry, path),
          rule: 'link-in-plain-text',
          message: `${fieldLabel(path, entry.data)} is shown as plain text: a Markdown link in it would show as typed, brackets and address.`,
          expected: 'words only',
          found: shortSource(value.slice(link.index)),
          fix: whereTheLinkGoes(entry.kind, path),
          section: sectionFor(entry.kind, path),
        });
      else if (emphasis)
        problems.push({
          ...placeAt(entry, path),
          rule: 'markdown-in-plain-text',
          message: `${fieldLabel(path, entry.data)} is shown as plain text: the Markdown ${emphasis.marks === '`' ? 'code marks' : 'emphasis'} in it would show as typed, ${emphasis.marks} and all.`,
          expected: 'words only',
          found: shortSource(emphasis.text),
          fix: `remove the ${emphasis.marks} marks: this field cannot be bold, italic or code. A quotation or a title of a work can go in quotation marks.`,
          section: sectionFor(entry.kind, path),
        });
    },
    (key) => NOT_PLAIN.has(key),
  );
  return problems;
}
