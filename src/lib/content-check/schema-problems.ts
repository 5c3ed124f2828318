// Turns the frontmatter schemas' zod issues into problems a contributor can act on. The schemas in src/schemas/ are
// the one place that says what a field must be; their custom rules carry a stable rule id in the issue's `params`,
// by which this file picks their advice (never by the message's wording); this file adds what a message cannot know: the line and column of the
// value (found through the YAML document), what was found there, and a name for the field a person would use
// ('note "cpm", source 1, date' rather than annotations.3.sources.0.date).
import { z } from 'astro/zod';
import type { ContentKind } from './content-files.ts';
import { locate, nodePosition, sourceText, type YamlText } from '../../content-model/frontmatter.ts';
import { SECTIONS, type Problem, type Section } from './problem.ts';
import { closestName } from './similar.ts';

type Issue = z.core.$ZodIssue;

export interface SchemaContext {
  file: string;
  kind: ContentKind;
  yaml: YamlText;
  /** The frontmatter as parsed, before the schema: to name notes by their id. */
  data: unknown;
  schema: z.ZodType;
}

/** The lists whose items a contributor knows by a name rather than a number. */
const ITEM_NAMES: Record<string, string> = { annotations: 'note', sources: 'source', figures: 'figure', disagreements: 'disagreement' };

/** 'note "cpm", source 1, date' for ['annotations', 3, 'sources', 0, 'date']. */
export function fieldLabel(path: readonly PropertyKey[], data: unknown): string {
  const parts: string[] = [];
  let value: unknown = data;
  path.forEach((step, index) => {
    const list = String(path[index - 1] ?? '');
    if (typeof step === 'number' && ITEM_NAMES[list]) {
      parts.pop();
      const item = Array.isArray(value) ? (value[step] as Record<string, unknown> | undefined) : undefined;
      const id = list === 'annotations' && typeof item?.id === 'string' ? item.id : undefined;
      parts.push(id ? `note "${id}"` : `${ITEM_NAMES[list]} ${step + 1}`);
    } else {
      parts.push(typeof step === 'number' ? `item ${step + 1}` : String(step));
    }
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  });
  return parts.join(', ') || 'the frontmatter';
}

/** The section of CONTRIBUTING.md that documents the field at a path. */
export function sectionFor(kind: ContentKind, path: readonly PropertyKey[]): Section {
  // One source, wherever it is written (a note, an event, a topic's disagreement), follows the rules of "Sources".
  const sources = path.indexOf('sources');
  if (sources !== -1 && typeof path[sources + 1] === 'number') return SECTIONS.sources;
  if (kind === 'topic') return path[0] === 'aliases' ? SECTIONS.aliases : SECTIONS.topicFields;
  if (kind === 'event') return SECTIONS.eventFields;
  if (path.includes('sources')) return SECTIONS.sources;
  if (path[0] === 'annotations') return ['quote', 'prefix', 'suffix'].includes(String(path[2])) ? SECTIONS.quote : SECTIONS.note;
  return SECTIONS.afterImporting;
}

/** The field names the schema allows at a path (an object inside lists, defaults and pipes), read from the schema
 * itself through Zod's public classes. */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const unwrap = (type: z.ZodType): z.ZodType => {
    for (;;) {
      if (type instanceof z.ZodPipe) type = type.in as z.ZodType;
      else if (type instanceof z.ZodDefault || type instanceof z.ZodOptional || type instanceof z.ZodNullable) type = type.unwrap() as z.ZodType;
      else return type;
    }
  };
  let type = unwrap(schema);
  for (const step of path) {
    if (type instanceof z.ZodArray && typeof step === 'number') type = type.element as z.ZodType;
    else if (type instanceof z.ZodObject && typeof step === 'string' && step in type.shape) type = type.shape[step] as z.ZodType;
    else return [];
    type = unwrap(type);
  }
  return type instanceof z.ZodObject ? Object.keys(type.shape) : [];
}

/** zod's own wording ("Invalid input: …", "Too small: …") is not advice; the schemas' custom messages are. */
const isDefaultMessage = (message: string) => /^(?:Invalid|Too (?:small|big)|Unrecognized key)/.test(message);

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  array: 'a list',
  date: 'a date written YYYY-MM-DD',
  boolean: 'true or false',
  object: 'a group of fields',
  number: 'a number',
};

const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

function expectedFor(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}` : 'some text';
    case 'invalid_format':
      if (issue.format === 'url') return 'a full address starting with https://';
      if (issue.format === 'regex' && 'pattern' in issue && String(issue.pattern) === SLUG_PATTERN) return 'lower-case words and digits joined by hyphens';
      return 'a value in the documented form';
    default:
      return undefined;
  }
}

const GENERIC_FIXES: Record<string, string> = {
  invalid_type: 'write the value in the form expected above.',
  invalid_value: 'use one of the values listed above.',
  too_small: 'fill in the value; a field with nothing to say is left out when it is optional.',
  invalid_format: 'write the value in the form expected above.',
};

const WHAT_WENT_WRONG: Record<string, string> = {
  invalid_type: 'wrong kind of value',
  invalid_value: 'not one of the allowed values',
  too_small: 'empty',
  invalid_format: 'not in the right form',
};

interface Advice {
  rule: string;
  message: string;
  expected?: string;
  found?: string;
  fix: string;
  section?: Section;
  /** Where to point instead of the issue's own path, when that path does not exist in the file. */
  at?: PropertyKey[];
}

type Params = Record<string, unknown>;

/** The advice of each of the schemas' custom rules, by the rule id its issue carries in `params.rule`
 * (src/schemas/frontmatter-rules.ts): a message, expectation and fix of its own. */
const CUSTOM_RULES: Record<string, (params: Params, label: string, path: readonly PropertyKey[]) => Advice> = {
  'placeholder-left': (params, label) =>
    typeof params.marker === 'string'
      ? {
          rule: 'placeholder-left',
          message: `${label}: still a placeholder, "${params.marker}", which the page would show as it is.`,
          expected: 'the real text',
          fix: 'write the real text; a note or an optional field with nothing to say yet is left out until there is.',
        }
      : {
          rule: 'placeholder-left',
          message: `${label}: still the importer's "FILL IN:" placeholder.`,
          expected: 'the real value',
          fix: 'replace the placeholder with the real value; an optional field you cannot fill in (originalUrl, author) is deleted instead.',
          section: SECTIONS.afterImporting,
        },
  'note-without-source': (params, label) => ({
    rule: 'note-without-source',
    message: `${label.replace(/, sources$/, '')}: a ${String(params.kind)} note needs a source.`,
    expected: 'at least one source under sources:',
    fix: 'add the outside report (outlet:, and title:, date:, url: when you have seen them) or the passage of one of our articles (article:, quote:) the note relies on.',
  }),
  'alias-too-short': (params, label) => ({
    rule: 'alias-too-short',
    message: `${label}: "${String(params.alias).trim()}" is one character, and an alias matches wherever it stands, without case: every such word of every article would link to this topic.`,
    expected: 'a name of at least two characters',
    fix: 'write the name in full as the articles give it ("Alipay", "JD.com", "支付宝"); remove the alias if no article uses a longer one.',
    section: SECTIONS.aliases,
  }),
  'cross-reference-without-article': (_params, label) => ({
    rule: 'cross-reference-without-article',
    message: `${label.replace(/, kind$/, '')}: a cross-reference note names none of our articles.`,
    expected: 'a source with article: and quote:, or a link to /articles/<slug>/ in the body',
    found: 'kind: cross-reference',
    fix: 'cite the article that takes up the same point (article:, quote:) or link it from the body; a note that only adds background is kind: context.',
  }),
  'approximate-date-without-note': () => ({
    rule: 'approximate-date-without-note',
    message: 'datePrecision is approximate, but there is no dateNote.',
    expected: 'dateNote: a sentence saying how the date was inferred',
    found: 'no dateNote',
    fix: 'add dateNote: with the evidence for the date (for example "The page carries no dateline; it reports the fine of 10 April 2021 as yesterday."), or use datePrecision: day when the original carries a dateline.',
    at: ['datePrecision'],
  }),
  'repeated-item': (params, label, path) => ({
    rule: 'repeated-item',
    message: `${label}: "${String(params.value)}" is listed twice, as items ${String(params.first)} and ${Number(path[path.length - 1]) + 1}.`,
    expected: 'each item once',
    fix: 'remove the second one: the page would show it twice.',
  }),
  'date-beyond-precision': (params, label) => ({
    rule: 'date-beyond-precision',
    message: `${label}: datePrecision is ${String(params.precision)}, but the date names a day.`,
    expected: params.precision === 'year' ? 'the first of the year, YYYY-01-01' : 'the first of the month, YYYY-MM-01',
    fix: 'write the first day (and start the file name with it), or, if the source gives the day, use datePrecision: day.',
  }),
  'duplicate-note-id': (params, _label, path) => ({
    rule: 'duplicate-note-id',
    message: `note id "${String(params.id)}" is used twice, by notes ${String(params.first)} and ${Number(path[1]) + 1}.`,
    expected: 'a different id for every note of the article',
    fix: 'give one of the two notes a new id (lower-case words joined by hyphens). Never rename a note that is already published: its address, #note-<id>, is linked from elsewhere.',
  }),
  'source-without-outlet': (_params, label) => ({
    rule: 'source-without-outlet',
    message: `${label}: neither an outside report, one of our articles nor one of our events.`,
    expected: 'outlet: (an outside report), article: and quote: (one of our articles) or event: (one of our events)',
    fix: 'name the outlet of the report, cite one of our articles by its slug and an exact passage, or cite a timeline event by its id.',
  }),
  'source-without-quote': (_params, label) => ({
    rule: 'source-without-quote',
    message: `${label.replace(/, quote$/, '')}: cites one of our articles without a quote.`,
    expected: 'quote: the exact passage of that article the note relies on',
    found: 'no quote',
    fix: 'add quote: with the passage, copied exactly from the cited article.',
  }),
  'source-of-both-kinds': (_params, label) => ({
    rule: 'source-of-both-kinds',
    message: `${label}: mixes two kinds of source (one of our articles, one of our events, an outside report).`,
    expected: 'one kind of source per entry',
    fix: 'split it into one source of each kind.',
  }),
  'source-without-date': (_params, label) => ({
    rule: 'source-without-date',
    message: `${label.replace(/, date$/, '')}: an outside source without a date.`,
    expected: 'date: the day the report was published, YYYY-MM-DD',
    found: 'no date',
    fix: 'add the date the report carries (date: 2021-07-14). A report you cannot date is not one a reader can find: cite another report, or the passage of one of our articles.',
  }),
  'source-without-title-or-url': (_params, label) => ({
    rule: 'source-without-title-or-url',
    message: `${label}: an outside source with neither a title nor an address.`,
    expected: 'title: (the headline, as published) or url: (the https:// address of the copy you read), or both',
    found: 'neither title: nor url:',
    fix: 'add the headline or the address of the report you read; a republished copy is named in outlet: ("Reuters, via Zee News") and its own address given.',
  }),
  'outlet-is-an-address': (_params, label, path) => ({
    rule: 'outlet-is-an-address',
    message: `${label}: a web address where the publication's name goes; the page would show it as the outlet's name.`,
    expected: 'the name of the publication, as it writes it (Fortune, South China Morning Post)',
    fix: path.includes('sources')
      ? "write the publication's name; the report's own address goes in url:."
      : "write the publication's name; the article's own address goes in originalUrl:.",
  }),
  'source-missing-part': (_params, label) => ({
    rule: 'source-missing-part',
    message: `${label}: says that something is missing instead of giving it.`,
    expected: 'the title or address itself; a field you do not have is left out',
    fix: 'delete the text and leave out the field you do not have; an outside source still needs its date and a title or an address. A source a reader cannot follow is not a source.',
  }),
};

/** The rule id a custom issue carries (src/schemas/frontmatter-rules.ts), and the facts beside it. */
function customRule(issue: Issue): { rule: string; params: Params } | undefined {
  const params = issue.code === 'custom' ? (issue.params as Params | undefined) : undefined;
  return typeof params?.rule === 'string' ? { rule: params.rule, params } : undefined;
}

/** A source's url that is not an https:// address: a dedicated fix, since the address usually exists in https. */
function sourceUrlAdvice(issue: Issue, label: string): Advice | undefined {
  const path = issue.path;
  if (issue.code !== 'invalid_format' || issue.format !== 'url' || path[path.length - 1] !== 'url' || !path.includes('sources')) return undefined;
  return {
    rule: 'source-url-not-https',
    message: `${label}: not an https:// address.`,
    expected: 'a full address starting with https://',
    fix: 'give the https:// address of the page (check that it opens); if you have none, leave url out and give the title.',
  };
}

function unknownField(ctx: SchemaContext, path: readonly PropertyKey[], key: string, known?: readonly string[]): Problem {
  const fields = known ? [...known] : fieldsAt(ctx.schema, path);
  const where = path.length > 0 ? ` in ${fieldLabel(path, ctx.data)}` : '';
  const near = closestName(key, fields);
  const at = locate(ctx.yaml, [...path, key]);
  return {
    file: ctx.file,
    ...nodePosition(ctx.yaml, at.key ?? at.node),
    rule: 'unknown-field',
    message: `unknown field "${key}"${where}.`,
    expected: `one of ${fields.join(', ')} (case-sensitive)`,
    found: key,
    fix: near ? `did you mean "${near}"? Correct the spelling, or remove the line.` : 'remove the line, or move it under the field it belongs to.',
    section: sectionFor(ctx.kind, [...path, key]),
  };
}

/** One problem per issue (an unrecognised-keys issue gives one per key). */
export function schemaProblems(ctx: SchemaContext, issues: readonly Issue[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => unknownField(ctx, path, key));
    const custom = customRule(issue);
    if (custom?.rule === 'unknown-field') {
      const known = Array.isArray(custom.params.fields) ? custom.params.fields.map(String) : undefined;
      return [unknownField(ctx, path.slice(0, -1), String(path[path.length - 1]), known)];
    }

    const label = fieldLabel(path, ctx.data);
    const at = locate(ctx.yaml, path);
    const found = at.exists ? sourceText(ctx.yaml, at.node) || 'nothing' : 'nothing (the field is missing)';
    let advice: Advice | undefined;
    if (issue.code === 'custom') {
      const advise = custom ? CUSTOM_RULES[custom.rule] : undefined;
      advice = advise
        ? advise(custom!.params, label, path)
        : { rule: custom?.rule ?? 'frontmatter-rule', message: `${label}: ${issue.message}`, fix: 'see the section below.' };
    } else {
      const missing = !at.exists && issue.code === 'invalid_type';
      advice = sourceUrlAdvice(issue, label) ?? {
        rule: missing ? 'missing-field' : `field-${issue.code.replace(/_/g, '-')}`,
        message: `${label}: ${missing ? 'required field missing' : (WHAT_WENT_WRONG[issue.code] ?? 'not valid')}.`,
        ...(expectedFor(issue) !== undefined ? { expected: expectedFor(issue)! } : {}),
        fix: isDefaultMessage(issue.message) ? (GENERIC_FIXES[issue.code] ?? issue.message) : lowerFirst(issue.message),
      };
      // A value a letter or two from an allowed one ("updates" for "update") is a typo: say which it likely is.
      const near = issue.code === 'invalid_value' && at.exists ? closestName(found.replace(/^(['"])(.*)\1$/, '$2'), issue.values.map(String)) : undefined;
      if (near !== undefined) advice.fix = `did you mean "${near}"? ${advice.fix}`;
    }
    const target = advice.at ? locate(ctx.yaml, advice.at) : at;
    // A missing top-level field belongs to the frontmatter as a whole: point at its start (the opening ---).
    const whole = !advice.at && !at.exists && path.length === 1;
    return [
      {
        file: ctx.file,
        ...(whole ? { line: Math.max(1, ctx.yaml.firstLine - 1), column: 1 } : nodePosition(ctx.yaml, target.node)),
        rule: advice.rule,
        message: advice.message,
        expected: advice.expected,
        found: advice.found ?? found,
        fix: advice.fix,
        section: advice.section ?? sectionFor(ctx.kind, path),
      },
    ];
  });
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
