// The one place a content file is split into frontmatter and body, and the one place YAML is parsed. A file's values
// are read with js-yaml, the parser Astro itself reads frontmatter and data files with, so the values the content
// check validates are the values the pages see. Where a value needs a position (a problem to report at a line and
// column), the same text is parsed again with the `yaml` package's Document API, which keeps every node's offset; it
// is set to read YAML as js-yaml does where the two differ by default (dates become timestamps, `<<` merge keys are
// merged), so a path through the values is the same path through the document (tests/unit/content-model.test.ts).
// js-yaml reads a corpus's frontmatter about nine times as fast as the Document API, which is why the Document is
// made only for a file with something to report.
import { createHash } from 'node:crypto';
import jsYaml from 'js-yaml';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type ScalarTag,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import { shared } from './shared.ts';

export type SplitFile =
  { ok: true; yaml: string; yamlFirstLine: number; body: string; bodyFirstLine: number } | { ok: false; reason: 'no-frontmatter' | 'unclosed' };

const FENCE = /^---[ \t]*\r?$/;

/** Splits an article or topic file into its frontmatter (between the first two `---` lines) and its body. */
export function splitFrontmatter(source: string): SplitFile {
  // A byte-order mark is not part of the text (Astro drops it too).
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { ok: false, reason: 'no-frontmatter' };
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) return { ok: false, reason: 'unclosed' };
  return {
    ok: true,
    // A file saved with Windows line endings: the YAML is read without its carriage returns (positions keep their lines).
    yaml: lines
      .slice(1, close)
      .map((line) => line.replace(/\r$/, ''))
      .join('\n'),
    yamlFirstLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyFirstLine: close + 2,
  };
}

export interface YamlText {
  doc: Document.Parsed;
  text: string;
  lineCounter: LineCounter;
  /** The line of the file the YAML's first line is on. */
  firstLine: number;
}

export interface Position {
  line: number;
  column: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d*))?(?:[ \t]*(Z|([-+])(\d{1,2})(?::(\d{2}))?))?$/;

/** What js-yaml reads as a timestamp: a date alone must be YYYY-MM-DD (the `yaml` package's own tag also takes
 * 2021-3-5, which js-yaml leaves as text). */
const TIMESTAMP = new RegExp(`${DATE_ONLY.source}|${DATE_TIME.source}`);

/** A timestamp's date, as js-yaml constructs it. */
function timestampDate(text: string): Date {
  const day = DATE_ONLY.exec(text);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  const [, year, month, date, hour, minute, second, fraction = '', zone, sign, zoneHour, zoneMinute] = DATE_TIME.exec(text)!;
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const offset = zone && zone !== 'Z' ? (Number(zoneHour) * 60 + Number(zoneMinute ?? 0)) * 60000 * (sign === '-' ? -1 : 1) : 0;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(date), Number(hour), Number(minute), Number(second), millis) - offset);
}

/** The timestamp tag of the document with positions, read as js-yaml reads it. */
const timestamp: ScalarTag = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: 'tag:yaml.org,2002:timestamp',
  test: TIMESTAMP,
  resolve: timestampDate,
};

/** How a file's YAML is read for positions: as js-yaml reads it (timestamps, merge keys), duplicate keys refused. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { prettyErrors: false, uniqueKeys: true, merge: true, customTags: [timestamp] };

/** The YAML text as a document with every node's position (slow: for placing problems, see the top of this file). */
export function parseYaml(text: string, firstLine: number): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  return { doc, text, lineCounter, firstLine };
}

/** The text each date among a file's values was written as (js-yaml's timestamps, recorded as they are read): every
 * parser rolls 2021-02-30 over into 2 March, and only the text tells it from a real 2021-03-02. */
const writtenDates = new WeakMap<Date, string>();

/** The text a date among the values was written as, when it was read here (not across a thread or a cache). */
export function writtenDate(value: Date): string | undefined {
  return writtenDates.get(value);
}

/** js-yaml's timestamp for the values, which also records the text of each date it reads. */
const recordedTimestamp = new jsYaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && TIMESTAMP.test(text),
  construct: (text: string) => {
    const date = timestampDate(text);
    writtenDates.set(date, text);
    return date;
  },
  instanceOf: Date,
  represent: (date) => (date as Date).toISOString(),
});
/** Astro's schema (js-yaml's default), with the recording timestamp in place of the built-in one. */
const VALUES_SCHEMA = jsYaml.DEFAULT_SCHEMA.extend({ implicit: [recordedTimestamp] });

export type YamlValues = { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number };

/** The values of a YAML text as the pages see them, or why it is not YAML and where (line and column in the text,
 * from 1). */
export function readYamlValues(text: string): YamlValues {
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: VALUES_SCHEMA });
  } catch (error) {
    if (!(error instanceof jsYaml.YAMLException)) throw error;
    return { ok: false, message: error.reason, line: error.mark.line + 1, column: error.mark.column + 1 };
  }
  // An alias inside the list or map it names (`x: &a [1, *a]`) makes a value without end, which every reader of the
  // values (the schema, the store) would follow until the stack runs out.
  const alias = /(^|[\s[{,:])(\*[^\s,[\]{}]+)/.exec(text);
  if (alias && holdsItself(value)) {
    const before = text.slice(0, alias.index + alias[1]!.length).split('\n');
    return {
      ok: false,
      message: `an alias refers to the list or map that holds it (the first alias is ${alias[2]}), so its value never ends`,
      line: before.length,
      column: before.at(-1)!.length + 1,
    };
  }
  return { ok: true, value };
}

/** Whether a value contains itself, through the aliases of its YAML. */
function holdsItself(value: unknown, holding = new Set<object>()): boolean {
  if (!value || typeof value !== 'object' || value instanceof Date) return false;
  if (holding.has(value)) return true;
  holding.add(value);
  const found = Object.values(value).some((item) => holdsItself(item, holding));
  holding.delete(value);
  return found;
}

/** The values of a YAML text, as the pages see them; throws on YAML with errors. */
export function yamlValues(text: string): unknown {
  const read = readYamlValues(text);
  if (!read.ok) throw new Error(`${read.message} (line ${read.line}, column ${read.column})`);
  return read.value;
}

/** The frontmatter's fields, or {} when the file has none. Throws on YAML that does not parse. The values of a text
 * the content model already read (src/content-model/shared.ts) are not parsed again; do not change them. */
export function frontmatterValues(source: string): Record<string, unknown> {
  const known = shared.byDigest.get(createHash('sha256').update(source).digest('hex'));
  if (known?.yamlOk && known.kind !== 'event') return known.data;
  const split = splitFrontmatter(source);
  if (!split.ok) return {};
  const value = yamlValues(split.yaml);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The text below a file's frontmatter, trimmed: what Astro takes as the body. */
export function bodyOf(source: string): string {
  const split = splitFrontmatter(source);
  return (split.ok ? split.body : source).trim();
}

/** The file position of an offset into the YAML text. */
export function positionAt(yaml: YamlText, offset: number): Position {
  const { line, col } = yaml.lineCounter.linePos(Math.max(0, Math.min(offset, yaml.text.length)));
  return { line: line + yaml.firstLine - 1, column: col };
}

export function errorPosition(yaml: YamlText, error: YAMLError): Position {
  return positionAt(yaml, error.pos[0]);
}

export interface Located {
  /** Whether the whole path exists. */
  exists: boolean;
  /** The value at the path, or the nearest ancestor that exists. */
  node: Node | undefined;
  /** When the last step of the path is a key that exists: that key. */
  key: Node | undefined;
}

/** Follows a path of keys and list indexes (as in a zod issue) through the YAML document. */
export function locate(yaml: YamlText, path: readonly PropertyKey[]): Located {
  let node = yaml.doc.contents as Node | null;
  let key: Node | undefined;
  for (const step of path) {
    key = undefined;
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (pair) {
        key = pair.key as Node;
        next = (pair.value as Node | null) ?? null;
        if (next === null) return { exists: true, node: key, key };
      }
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step] as Node | undefined;
    }
    if (next === undefined || next === null) return { exists: false, node: node ?? undefined, key: undefined };
    node = next;
  }
  return { exists: true, node: node ?? undefined, key };
}

/** Where a node starts in the file, or the YAML's first line when there is no node. */
export function nodePosition(yaml: YamlText, node: Node | undefined): Position {
  return node?.range ? positionAt(yaml, node.range[0]) : { line: yaml.firstLine, column: 1 };
}

/** The node's source text, on one line, cut to a readable length. */
export function sourceText(yaml: YamlText, node: Node | undefined, max = 80): string {
  if (!node?.range) return '';
  const text = yaml.text
    .slice(node.range[0], node.range[1])
    .trim()
    .replace(/\s*\n\s*/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The position of `needle` inside a node's source text (a link inside a note's body), else of the node. */
export function positionWithin(yaml: YamlText, node: Node | undefined, needle: string): Position {
  if (node?.range) {
    const at = yaml.text.slice(node.range[0], node.range[1]).indexOf(needle);
    if (at !== -1) return positionAt(yaml, node.range[0] + at);
  }
  return nodePosition(yaml, node);
}

export interface ScalarEntry {
  path: PropertyKey[];
  key: string;
  node: Node;
  /** The scalar as written, without quotes. */
  raw: string;
}

/** Every scalar under a key, anywhere in the document, with its path (for rules on raw text such as dates). */
export function scalarsByKey(yaml: YamlText, keys: ReadonlySet<string>): ScalarEntry[] {
  const found: ScalarEntry[] = [];
  const visit = (node: unknown, path: PropertyKey[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const value = pair.value;
        if (keys.has(name) && isScalar(value) && value.range) {
          const raw = yaml.text
            .slice(value.range[0], value.range[1])
            .trim()
            .replace(/^(["'])(.*)\1$/s, '$2');
          found.push({ path: [...path, name], key: name, node: value, raw });
        }
        visit(value, [...path, name]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    }
  };
  visit(yaml.doc.contents, []);
  return found;
}
