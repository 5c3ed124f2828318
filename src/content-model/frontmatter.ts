// The one place a content file is split into frontmatter and body, and the one place YAML is parsed. The `yaml`
// package's Document API keeps every node's offset, so a problem found in a value can be reported at the line and
// column of the value or key that caused it. It is set to read YAML exactly as js-yaml (Astro's parser) does, where
// the two differ by default: dates (YYYY-MM-DD) become timestamps, and `<<` merge keys are merged. So the values
// the content check validates are the values the pages see (tests/unit/content-model.test.ts compares them).
import { createHash } from 'node:crypto';
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

/** js-yaml's timestamp: a date alone must be YYYY-MM-DD (the `yaml` package's own tag also takes 2021-3-5). */
const timestamp: ScalarTag = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: 'tag:yaml.org,2002:timestamp',
  test: new RegExp(`${DATE_ONLY.source}|${DATE_TIME.source}`),
  resolve(text) {
    const day = DATE_ONLY.exec(text);
    if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    const [, year, month, date, hour, minute, second, fraction = '', zone, sign, zoneHour, zoneMinute] = DATE_TIME.exec(text)!;
    const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
    const offset = zone && zone !== 'Z' ? (Number(zoneHour) * 60 + Number(zoneMinute ?? 0)) * 60000 * (sign === '-' ? -1 : 1) : 0;
    return new Date(Date.UTC(Number(year), Number(month) - 1, Number(date), Number(hour), Number(minute), Number(second), millis) - offset);
  },
};

/** How every content file's YAML is read: as js-yaml reads it (timestamps, merge keys), duplicate keys refused. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { prettyErrors: false, uniqueKeys: true, merge: true, customTags: [timestamp] };

export function parseYaml(text: string, firstLine: number): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  return { doc, text, lineCounter, firstLine };
}

/** The values of a YAML text, as the pages see them; throws on YAML with errors. */
export function yamlValues(text: string): unknown {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0) throw doc.errors[0]!;
  return doc.toJS();
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
