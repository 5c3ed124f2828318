// One content file read into an entry, once per version of the file: its frontmatter (values, and the YAML text
// that gives their positions), its body and that body's passages. The content check, the article pages, the
// Markdown plugins and the topic index all take entries from here; none of them splits or parses a file itself.
//
// Entries are kept per process, keyed by file and by a digest of the file's bytes, in one table shared by every
// copy of this module (the build loads the integrations, the content loader and the page code as separate
// module graphs in the same process): a file is parsed once per build however many consumers ask, and again only
// when its bytes change, so a dev server always sees the current file.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import { parseBody, passagesOfTree, type BodyFormat } from './body.ts';
import { parseYaml, readYamlValues, splitFrontmatter, type YamlText } from './frontmatter.ts';
import type { Passage } from './passages.ts';
import { forget, keep, shared } from './shared.ts';

export type EntryKind = 'article' | 'topic' | 'event';

export interface Entry {
  kind: EntryKind;
  /** The file, absolute: entries are known by it. */
  path: string;
  /** sha256 of the file's bytes, hex. */
  digest: string;
  /** The frontmatter (or the whole event file), as YAML text: positions come from it. Undefined when the file has no
   * frontmatter (or it is never closed). */
  yaml?: { text: string; firstLine: number };
  /** Whether the YAML parsed without errors. */
  yamlOk: boolean;
  /** The values of the frontmatter (or event file), before any schema; {} when they do not parse. */
  data: Record<string, unknown>;
  /** Articles and topics: the text below the frontmatter, where it starts, how it is read and its passages. */
  body?: Body;
}

export interface Body {
  /** The line of the file the body starts on: positions in the body are positions in the file from there. */
  firstLine: number;
  format: BodyFormat;
  /** Numbered as the page numbers them (passages.ts). Undefined for a body whose MDX does not parse. */
  passages?: Passage[];
}

export const digestOf = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The format of a body: an .mdx file is MDX, anything else Markdown. */
export function bodyFormat(path: string): BodyFormat {
  return path.endsWith('.mdx') ? 'mdx' : 'md';
}

/** How many times each file has been parsed in this process, by path. */
export function parseCounts(): ReadonlyMap<string, number> {
  return shared.parses;
}

/** Takes an entry read elsewhere (in a worker thread, or from the digest cache) as this version's entry. */
export function rememberEntry(entry: Entry): void {
  keep(entry);
}

/**
 * The entries under `dir` whose every value is already at hand, as plain objects another thread can be given
 * (structured clone): a worker that remembers them (rememberEntry) does not parse those files again. An entry whose
 * passages are still to be computed is left out, so copying never parses a body here; the worker reads that one
 * itself if it needs it.
 */
export function settledEntries(dir: string): Entry[] {
  const under = resolve(dir) + sep;
  const out: Entry[] = [];
  for (const entry of shared.entries.values()) {
    if (!entry.path.startsWith(under)) continue;
    if (entry.body && Object.getOwnPropertyDescriptor(entry.body, 'passages')?.get) continue;
    out.push(entry);
  }
  return out;
}

/**
 * Says that every file under `dir` has been read into this process's model: the content check calls it as soon as
 * it has parsed them all, before its rules across files run, so whoever waits for the entries (onContentRead) starts
 * while the rules run.
 */
export function contentRead(dir: string): void {
  const root = resolve(dir);
  const waiting = shared.readWaiters.get(root) ?? [];
  shared.readWaiters.delete(root);
  for (const wake of waiting) wake();
}

/** Calls `then` with the entries under `dir` (settledEntries) when the content check says it has read them all
 * (contentRead): at once, in the check's own turn, not after the rules the check runs next. */
export function onContentRead(dir: string, then: (entries: Entry[]) => void): void {
  const root = resolve(dir);
  shared.readWaiters.set(root, [...(shared.readWaiters.get(root) ?? []), () => then(settledEntries(root))]);
}

/** Forgets every entry and count (tests). */
export function resetModel(): void {
  shared.entries.clear();
  shared.byDigest.clear();
  shared.signatures.clear();
  shared.parses.clear();
  shared.version += 1;
}

/** What reading a file gives besides its entry, for the content check's rules, and then let go: why its YAML does
 * not parse (when it does not), the body's text (as written, from Body.firstLine) and its syntax tree. The YAML
 * document with positions is not made here: yamlOf(entry) makes it for a file that has a problem to place. */
export interface Reading {
  entry: Entry;
  /** js-yaml's reason the YAML does not parse, at a line and column of the YAML text (from 1). */
  yamlError?: { message: string; line: number; column: number };
  bodyText?: string;
  tree?: Root;
}

/**
 * Reads the text of a file into an entry. `tree` is the body's syntax tree when the caller already has it (the
 * content check compiles MDX with the MDX compiler, which parses it), or null when it does not parse.
 */
export function readText(kind: EntryKind, file: string, text: string, tree?: Root | null): Reading {
  const path = resolve(file);
  shared.parses.set(path, (shared.parses.get(path) ?? 0) + 1);
  let yamlSource: Entry['yaml'];
  let body: Body | undefined;
  let bodyText: string | undefined;
  if (kind === 'event') {
    yamlSource = { text, firstLine: 1 };
  } else {
    const split = splitFrontmatter(text);
    if (split.ok) {
      yamlSource = { text: split.yaml, firstLine: split.yamlFirstLine };
      bodyText = split.body;
      body = { firstLine: split.bodyFirstLine, format: kind === 'topic' ? 'mdx' : bodyFormat(path) };
    }
  }
  let data: Record<string, unknown> = {};
  let yamlOk = false;
  let yamlError: Reading['yamlError'];
  if (yamlSource) {
    const read = readYamlValues(yamlSource.text);
    if (read.ok) {
      yamlOk = true;
      data = read.value && typeof read.value === 'object' && !Array.isArray(read.value) ? (read.value as Record<string, unknown>) : {};
    } else {
      yamlError = { message: read.message, line: read.line, column: read.column };
    }
  }
  let parsed: Root | undefined;
  if (body && bodyText !== undefined) {
    if (tree === undefined) {
      // Nobody has the body's tree yet: it is parsed when its passages are first asked for (a page rendering its own
      // text, or the pre-render worker, needs only the frontmatter).
      lazyPassages(body, bodyText);
    } else if (tree !== null) {
      parsed = tree;
      body.passages = passagesOfTree(parsed, body.format);
    }
  }
  const entry: Entry = { kind, path, digest: digestOf(text), yamlOk, data, ...(yamlSource ? { yaml: yamlSource } : {}), ...(body ? { body } : {}) };
  keep(entry);
  return { entry, ...(yamlError ? { yamlError } : {}), ...(bodyText !== undefined ? { bodyText } : {}), ...(parsed ? { tree: parsed } : {}) };
}

function lazyPassages(body: Body, text: string): void {
  Object.defineProperty(body, 'passages', {
    enumerable: true,
    configurable: true,
    get() {
      let passages: Passage[] | undefined;
      try {
        passages = passagesOfTree(parseBody(text, body.format), body.format);
      } catch {
        // MDX that does not parse: the content check says where (mdx-compile.ts); the entry has no passages.
      }
      // Computed once: from now on a plain value (which settledEntries can hand to another thread).
      Object.defineProperty(body, 'passages', { value: passages, enumerable: true, configurable: true, writable: true });
      return passages;
    },
  });
}

/**
 * The entry of a file on disk, parsed only when its bytes differ from the last time; undefined if it is missing.
 * While the file's size, modification and change times and inode stay as they were, it is not even read again.
 */
export function readEntry(kind: EntryKind, file: string): Entry | undefined {
  const path = resolve(file);
  let looks: string;
  let text: string;
  try {
    const stat = statSync(path, { bigint: true });
    looks = `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
    const known = shared.entries.get(path);
    if (known && shared.signatures.get(path) === `${looks}@${known.digest}`) return known;
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const entry = entryOfText(kind, path, text);
  shared.signatures.set(path, `${looks}@${entry.digest}`);
  return entry;
}

/**
 * A file changed, came or went (the dev server's watcher says so): its entry is read again now, or taken out of the
 * table when the file is gone, so what is computed from every entry (modelEntry, modelVersion) follows at once
 * rather than at the next read of that very file.
 */
export function fileChanged(kind: EntryKind, file: string): void {
  const path = resolve(file);
  if (!readEntry(kind, path)) forget(path);
}

/** The entry of a file's text, from the table when this version of the file was read before. */
export function entryOfText(kind: EntryKind, file: string, text: string): Entry {
  const path = resolve(file);
  const known = shared.entries.get(path);
  if (known && known.digest === digestOf(text)) return known;
  return readText(kind, path, text).entry;
}

/** A number that goes up whenever an entry is added or changes: a value computed from many entries is current
 * while it stays the same. */
export function modelVersion(): number {
  return shared.version;
}

/**
 * The entry the model holds for a file, read from disk only when it holds none. For code that reads a whole folder
 * and keeps what it computes until modelVersion() changes: the content check (every build, and the dev server on
 * every save) has read every file already, so this costs no file read; readEntry reads the file to see if it changed.
 */
export function modelEntry(kind: EntryKind, file: string): Entry | undefined {
  return shared.entries.get(resolve(file)) ?? readEntry(kind, file);
}

const parsedYaml = new WeakMap<object, YamlText>();

/** The entry's YAML document with positions, to place a problem: made on first ask, for the few files that have one
 * (a corpus of thousands of files is not held in memory as YAML documents). */
export function yamlOf(entry: Pick<Entry, 'yaml'>): YamlText | undefined {
  if (!entry.yaml) return undefined;
  let yaml = parsedYaml.get(entry.yaml);
  if (!yaml) {
    yaml = parseYaml(entry.yaml.text, entry.yaml.firstLine);
    parsedYaml.set(entry.yaml, yaml);
  }
  return yaml;
}
