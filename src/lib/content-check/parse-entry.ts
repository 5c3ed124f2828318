// The first pass over one file: decode it, split off the frontmatter, parse the YAML, validate it against the
// collection's schema, parse the body (Markdown for an .md article; MDX, compiled, for topics and .mdx articles),
// and run the rules that need no other file (dates, addresses, safety, page debris). Every step that fails adds a problem and the later steps still run where they can (a bad date does
// not hide an unknown field), so one run reports everything.
import { join } from 'node:path';
import type { z } from 'astro/zod';
import type { Root } from 'mdast';
import { parseBody } from '../../content-model/body.ts';
import { readText, yamlOf, type Entry as ModelEntry, type Reading } from '../../content-model/entry.ts';
import type { Passage } from '../../content-model/passages.ts';
import { articleSchema } from '../../schemas/article.ts';
import { eventSchema } from '../../schemas/event.ts';
import { topicSchema } from '../../schemas/topic.ts';
import { calendarDateProblem, DATE_FIELDS } from './calendar-dates.ts';
import { decodeUtf8, FOLDERS, type ContentFile, type ContentKind } from './content-files.ts';
import {
  errorPosition,
  locate,
  nodePosition,
  scalarsByKey,
  sourceText,
  splitFrontmatter,
  writtenDate,
  type YamlText,
} from '../../content-model/frontmatter.ts';
import { compileMdx, excerpt } from './mdx-compile.ts';
import { ownFieldProblems } from './cross-references.ts';
import { debrisFindings } from './page-debris.ts';
import { componentFindings, footnoteReferenceFindings } from './body-references.ts';
import { footnoteSourceFindings } from './footnote-sources.ts';
import { headingFindings } from './heading-rules.ts';
import { codeBlockFindings } from './code-in-text.ts';
import type { Finding } from './finding.ts';
import { SECTIONS, type Problem } from './problem.ts';
import { safetyFindings, unsafeScheme } from './safety-rules.ts';
import { fieldLabel, schemaProblems, sectionFor } from './schema-problems.ts';

export const SCHEMAS: Record<ContentKind, z.ZodType> = { article: articleSchema, topic: topicSchema, event: eventSchema };

/**
 * What the later passes need from a file. Only that is kept: a corpus of thousands of articles would otherwise hold
 * every file's text, YAML document and syntax tree in memory at once. The YAML document, needed again only to
 * place a problem found later, is parsed again then (yamlOf).
 */
export interface Entry {
  file: ContentFile;
  kind: ContentKind;
  /** The frontmatter (or the whole event file), when it parsed as YAML without errors. */
  yamlSource?: { text: string; firstLine: number };
  /** Its value as parsed, before the schema: later rules read it defensively, since it may be invalid. */
  data: Record<string, unknown>;
  /** What the text below the frontmatter holds, for articles and topics. */
  body?: Body;
  /** The date fields (dotted paths, such as `annotations.0.sources.1.date`) whose text is not a real date. Each is
   * reported once, as written; the rules that compare dates across files pass over them, since the value a parser
   * rolled the text into (2024-09-31 read as 1 October) is not a date the contributor wrote. */
  impossibleDates?: string[];
}

/** What the later passes need from a body: set when it parsed (and, for MDX, compiled). */
export interface Body {
  firstLine: number;
  /** Numbered as the page numbers them (src/content-model/passages.ts). */
  passages?: Passage[];
  /** Whether the body is blank. */
  blank?: boolean;
  /** The findings of the rules that need no other file: safety, and page debris (articles). */
  findings?: Finding[];
}

export interface ParseOptions {
  /** The content root, absolute. */
  root: string;
  /** The project root, absolute: imports are allowed from its src/components/. */
  projectRoot: string;
}

/** The check's entry, its problems, and the content model's entry of the file (src/content-model/entry.ts). */
export type ParseResult = { entry?: Entry; problems: Problem[]; model?: ModelEntry };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EVENT_ID = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

function at(file: ContentFile, line: number, column: number) {
  return { file: file.path, line, column };
}

/** A file the site would silently ignore, or one whose name would not survive as an address. */
function fileNameProblems(file: ContentFile): Problem[] {
  if (file.kind === undefined) {
    const [folder] = file.relativePath.split('/');
    const known = Object.values(FOLDERS).find((f) => f.folder === folder);
    return [
      {
        ...at(file, 1, 1),
        rule: 'file-not-used',
        message: known
          ? `this file is not used: files in ${folder}/ must end in ${known.extensions.join(' or ')}.`
          : 'this file is not used: content lives in articles/ (.md or .mdx), topics/ (.mdx) and events/ (.yaml).',
        expected: known ? `${folder}/<name>${known.extensions[0]}` : 'articles/<slug>.md, topics/<slug>.mdx or events/<date>-<slug>.yaml',
        found: file.relativePath,
        fix: known ? `rename the file to end in ${known.extensions[0]}.` : 'move the file into the folder of its kind, or delete it.',
        section: SECTIONS.files,
      },
    ];
  }
  const pattern = file.kind === 'event' ? EVENT_ID : SLUG;
  if (pattern.test(file.id)) return [];
  const suggestion = file.id
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return [
    {
      ...at(file, 1, 1),
      rule: 'file-name',
      message: `the file name "${file.id}" cannot be used as an address.`,
      expected: file.kind === 'event' ? 'YYYY-MM-DD-words-joined-by-hyphens (the date, then a slug)' : 'lower-case words and digits joined by hyphens',
      found: file.id,
      fix:
        file.kind === 'event'
          ? 'rename the file to start with the event date, followed by a short slug.'
          : `rename the file${suggestion ? ` (for example to ${suggestion}${file.relativePath.slice(file.relativePath.lastIndexOf('.'))})` : ''}. Never rename a published file: its address is linked from elsewhere.`,
      section: SECTIONS.files,
    },
  ];
}

function yamlProblems(file: ContentFile, kind: ContentKind, yaml: YamlText, valuesError: Reading['yamlError']): Problem[] {
  // The document's own errors are the more telling; a text only js-yaml refuses (`1:` and `"1":`, one key to it)
  // gets js-yaml's reason, at js-yaml's position.
  const errors: { position: { line: number; column: number }; duplicate: boolean; reason: string }[] = yaml.doc.errors.length
    ? yaml.doc.errors.map((error) => ({
        position: errorPosition(yaml, error),
        duplicate: error.code === 'DUPLICATE_KEY',
        reason: error.message.split('\n')[0]!,
      }))
    : valuesError
      ? [
          {
            position: { line: valuesError.line + yaml.firstLine - 1, column: valuesError.column },
            duplicate: valuesError.message === 'duplicated mapping key',
            reason: valuesError.message,
          },
        ]
      : [];
  // A syntax error throws the parser off for the lines after it: one tab gave eight errors down to the end of the
  // frontmatter. Only the first is the contributor's mistake; a field written twice is a mistake of its own.
  const firstSyntax = errors.find((error) => !error.duplicate);
  const reported = errors.filter((error) => error.duplicate || error === firstSyntax);
  return reported.map(({ position, duplicate, reason }) => {
    const tab = /\btabs?\b/i.test(reason);
    const lineText = yaml.text.split('\n')[position.line - yaml.firstLine] ?? '';
    return {
      ...at(file, position.line, position.column),
      rule: duplicate ? 'duplicate-field' : 'yaml-syntax',
      message: duplicate
        ? 'a field appears twice at the same level.'
        : `the ${kind === 'event' ? 'file' : 'frontmatter'} is not valid YAML: ${reason.replace(/\.?$/, '.')}`,
      expected: duplicate ? 'each field once' : 'field: value lines, indented with spaces',
      found: tab ? excerpt(lineText, position.column).replace(/\t/g, '<tab>') : excerpt(lineText, position.column),
      fix: duplicate
        ? 'keep one of the two lines (merge their values if both matter).'
        : tab
          ? 'replace the tab at the start of this line with spaces, as many as the lines around it are indented.'
          : 'put a value that contains ": " or " #", or starts with one of [ { > | * & ! % @ ` \' ", in double quotes; indent lists and nested fields with spaces, never tabs.',
      section: kind === 'article' ? SECTIONS.afterImporting : kind === 'topic' ? SECTIONS.topicFields : SECTIONS.eventFields,
    };
  });
}

/** Whether any field named one of `keys`, at any depth of the values, holds a value `suspect` says to look at. */
function anyField(value: unknown, keys: ReadonlySet<string>, suspect: (item: unknown) => boolean, seen = new Set<object>()): boolean {
  if (!value || typeof value !== 'object' || value instanceof Date || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((item) => anyField(item, keys, suspect, seen));
  return Object.entries(value).some(([key, item]) => (keys.has(key) && suspect(item)) || anyField(item, keys, suspect, seen));
}

/** A date field's value that was not read here from a real YYYY-MM-DD date: its text must be looked at. */
const dateToLookAt = (item: unknown) => !(item instanceof Date) || calendarDateProblem(writtenDate(item) ?? '') !== undefined;

const ADDRESS_FIELDS: ReadonlySet<string> = new Set(['url', 'originalUrl']);

/** Date fields checked in their raw text; returns the problems and the paths they cover. */
function dateProblems(file: ContentFile, kind: ContentKind, document: () => YamlText, data: unknown): { problems: Problem[]; paths: Set<string> } {
  const problems: Problem[] = [];
  const paths = new Set<string>();
  // Every date read from a real YYYY-MM-DD (nearly every file): nothing to report, and no document to make.
  if (!anyField(data, DATE_FIELDS, dateToLookAt)) return { problems, paths };
  const yaml = document();
  for (const entry of scalarsByKey(yaml, DATE_FIELDS)) {
    const why = calendarDateProblem(entry.raw);
    if (!why) continue;
    paths.add(entry.path.join('.'));
    problems.push({
      file: file.path,
      ...nodePosition(yaml, entry.node),
      rule: 'impossible-date',
      message: `${fieldLabel(entry.path, data)}: ${entry.raw} is not a real date (${why}).`,
      expected: 'a real calendar date written YYYY-MM-DD',
      found: sourceText(yaml, entry.node),
      fix: 'check the date against the source and write it YYYY-MM-DD, for example 2021-03-25.',
      section: sectionFor(kind, entry.path),
    });
  }
  return { problems, paths };
}

/** Address fields hold web addresses; zod accepts any scheme, including javascript:. */
function addressProblems(file: ContentFile, kind: ContentKind, document: () => YamlText, data: unknown): Problem[] {
  // The text of an address starts with a scheme only if its value does (js-yaml drops quotes and reads escapes).
  if (!anyField(data, ADDRESS_FIELDS, (item) => typeof item === 'string' && unsafeScheme(item) !== undefined)) return [];
  const yaml = document();
  return scalarsByKey(yaml, ADDRESS_FIELDS).flatMap((entry) => {
    const scheme = unsafeScheme(entry.raw);
    if (!scheme) return [];
    return [
      {
        file: file.path,
        ...nodePosition(yaml, entry.node),
        rule: 'unsafe-address',
        message: `${fieldLabel(entry.path, data)}: a ${scheme} address is not allowed.`,
        expected: 'the https:// address of the page',
        found: sourceText(yaml, entry.node),
        fix: 'give the address of the page itself, or leave the field out when none is known.',
        section: sectionFor(kind, entry.path),
      },
    ];
  });
}

function frontmatterShapeProblem(file: ContentFile, reason: 'no-frontmatter' | 'unclosed', firstLine: string): Problem {
  return reason === 'unclosed'
    ? {
        ...at(file, 1, 1),
        rule: 'unclosed-frontmatter',
        message: 'the frontmatter opened by --- on line 1 is never closed.',
        expected: 'a line holding only --- after the last field, before the text',
        found: 'the end of the file',
        fix: 'add a line with only --- between the last frontmatter field and the first line of the text.',
        section: SECTIONS.afterImporting,
      }
    : {
        ...at(file, 1, 1),
        rule: 'no-frontmatter',
        message: 'the file does not start with its frontmatter.',
        expected: '--- on the first line, then the fields, then --- on a line of its own',
        found: excerpt(firstLine, 1) || 'an empty first line',
        fix: 'start the file with its frontmatter between two --- lines; copy the shape of another file of the same kind.',
        section: SECTIONS.afterImporting,
      };
}

const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;

/** Events are listed by file name, which starts with the event's date: the two must agree. */
function eventDateProblems(file: ContentFile, document: () => YamlText, data: Record<string, unknown>): Problem[] {
  const read = data.date instanceof Date ? writtenDate(data.date) : undefined;
  if (read && YYYY_MM_DD.test(read) && file.id.startsWith(read)) return [];
  const yaml = document();
  const date = locate(yaml, ['date']);
  const written = date.exists ? sourceText(yaml, date.node) : '';
  if (!YYYY_MM_DD.test(written) || file.id.startsWith(written)) return [];
  return [
    {
      file: file.path,
      ...nodePosition(yaml, date.node),
      rule: 'event-file-date',
      message: `the event's date, ${written}, is not the date its file name starts with.`,
      expected: `a file name starting ${written}-`,
      found: file.relativePath,
      fix: 'correct the date, or rename the file so that it starts with the date (events are listed by file name).',
      section: SECTIONS.eventFields,
    },
  ];
}

/** Reads one file into an entry for the later passes, with the problems found on the way. */
export async function parseEntry(file: ContentFile, options: ParseOptions): Promise<ParseResult> {
  const problems = fileNameProblems(file);
  if (file.kind === undefined) return { problems };
  const kind = file.kind;
  const decoded = decodeUtf8(file.bytes);
  if (!decoded.ok) {
    problems.push({
      ...at(file, decoded.line, decoded.column),
      rule: 'not-utf8',
      message: 'the file is not saved as UTF-8 text.',
      expected: 'UTF-8 text',
      found: `the bytes ${decoded.bytes}, which are not UTF-8 (the file was probably saved as Latin-1 or Windows-1252)`,
      fix: 're-save the file as UTF-8 in your editor ("Save with Encoding" or "Reopen with Encoding", then UTF-8) and check the characters around this line.',
      section: SECTIONS.article,
    });
    return { problems };
  }
  const text = decoded.text;
  const entry: Entry = { file, kind, data: {} };
  const absolutePath = join(options.root, file.relativePath);

  if (kind !== 'event') {
    const split = splitFrontmatter(text);
    if (!split.ok) {
      problems.push(frontmatterShapeProblem(file, split.reason, text.split('\n')[0] ?? ''));
      return { entry, problems };
    }
    // Markdown cannot fail to parse: any text is valid, and raw HTML in it is a safety finding below. MDX is
    // compiled as the site compiles it, which parses it: the content model takes that tree.
    const format = kind === 'article' && !file.relativePath.endsWith('.mdx') ? 'md' : 'mdx';
    let tree: Root | null;
    if (format === 'md') {
      tree = parseBody(split.body, 'md');
    } else {
      const compiled = await compileMdx(split.body, file.path, split.bodyFirstLine);
      if (compiled.ok) tree = compiled.tree;
      else {
        problems.push(compiled.problem);
        tree = null;
      }
    }
    const read = readText(kind, absolutePath, text, tree);
    return { entry, problems: [...problems, ...checkRead(file, kind, read, entry, options)], model: read.entry };
  }
  const read = readText(kind, absolutePath, text);
  return { entry, problems: [...problems, ...checkRead(file, kind, read, entry, options)], model: read.entry };
}

/** The rules over one file the content model has read: its YAML, its values against the schema, its body. */
function checkRead(file: ContentFile, kind: ContentKind, read: ReturnType<typeof readText>, entry: Entry, options: ParseOptions): Problem[] {
  const problems: Problem[] = [];
  // The YAML document with positions: made only when a rule has a problem to place.
  const document = () => yamlOf(read.entry)!;
  const body = read.entry.body;
  if (body) entry.body = { firstLine: body.firstLine };
  if (!read.entry.yamlOk) {
    problems.push(...yamlProblems(file, kind, document(), read.yamlError));
  } else {
    entry.yamlSource = read.entry.yaml!;
    entry.data = read.entry.data;
    const dates = dateProblems(file, kind, document, entry.data);
    if (dates.paths.size > 0) entry.impossibleDates = [...dates.paths];
    problems.push(...dates.problems, ...addressProblems(file, kind, document, entry.data));
    const parsed = SCHEMAS[kind].safeParse(entry.data);
    if (!parsed.success) {
      const issues = parsed.error.issues.filter((issue) => !dates.paths.has(issue.path.join('.')));
      problems.push(...schemaProblems({ file: file.path, kind, yaml: document(), data: entry.data, schema: SCHEMAS[kind] }, issues));
    }
    // An impossible date is reported above; its file name is compared once the date is a real one.
    if (kind === 'event' && !dates.paths.has('date')) problems.push(...eventDateProblems(file, document, entry.data));
  }

  if (entry.body && body && read.tree && read.bodyText !== undefined) {
    const bodyText = read.bodyText;
    const safety = safetyFindings(read.tree, {
      absoluteFile: join(options.root, file.relativePath),
      projectRoot: options.projectRoot,
      text: bodyText,
      rawHtmlPublished: body.format === 'md',
    });
    const title = typeof entry.data.title === 'string' ? entry.data.title : undefined;
    entry.body.passages = body.passages;
    entry.body.blank = bodyText.trim() === '';
    const components = body.format === 'mdx' ? componentFindings(read.tree, bodyText) : [];
    // Blocks that are not text: a second level-1 heading, a code block.
    const blocks = [...headingFindings(read.tree, bodyText), ...codeBlockFindings(read.tree, bodyText)];
    entry.body.findings =
      kind === 'article'
        ? [...debrisFindings(bodyText, title), ...safety, ...components, ...blocks, ...footnoteReferenceFindings(read.tree, bodyText, 'article')]
        : [...safety, ...components, ...blocks, ...footnoteSourceFindings(read.tree, bodyText), ...footnoteReferenceFindings(read.tree, bodyText)];
  }
  problems.push(...ownFieldProblems(entry, options));
  return problems;
}
