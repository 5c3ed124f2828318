// Reads the content root into memory: every file under it, its kind (article, topic, event, or one that the
// site would silently ignore) and its text. Decoding is strict because a file saved in Latin-1 or Windows-1252
// would otherwise build with replacement characters (�) in the middle of a quote, far from the real cause.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../article-files.ts';

export type ContentKind = 'article' | 'topic' | 'event';

export interface ContentFile {
  /** As shown in messages: relative to the working directory, forward slashes. */
  path: string;
  /** Relative to the content root: articles/x.md. */
  relativePath: string;
  /** What the site builds it as; undefined for a file the site would ignore. */
  kind: ContentKind | undefined;
  /** The file name without extension: the slug of an article or topic, the id of an event. */
  id: string;
  /** The file's content, read when asked for (a large corpus is not held in memory twice). */
  readonly bytes: Uint8Array;
}

/** Where each kind lives and how its files end (src/content.config.ts loads exactly these). */
export const FOLDERS: Record<ContentKind, { folder: string; extensions: readonly string[] }> = {
  article: { folder: 'articles', extensions: ARTICLE_EXTENSIONS },
  topic: { folder: 'topics', extensions: ['.mdx'] },
  event: { folder: 'events', extensions: ['.yaml', '.yml'] },
};

/** What a file is by where it is under the content root (a path with forward slashes); undefined if not content. */
export function kindOf(relativePath: string): ContentKind | undefined {
  const parts = relativePath.split('/');
  if (parts.length !== 2) return undefined;
  for (const [kind, { folder, extensions }] of Object.entries(FOLDERS) as [ContentKind, (typeof FOLDERS)[ContentKind]][]) {
    if (parts[0] === folder && extensions.some((ext) => parts[1]!.endsWith(ext))) return kind;
  }
  return undefined;
}

function walk(root: string, folder: string, out: string[]): void {
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    // Editors' and systems' hidden files (.DS_Store, .gitkeep) are nobody's content.
    if (entry.name.startsWith('.')) continue;
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/** Every file under the content root, in a stable order. */
export function readContentFiles(root: string, cwd = process.cwd()): ContentFile[] {
  const paths: string[] = [];
  walk(root, '', paths);
  return paths.sort().map((relativePath) => contentFile(root, relativePath, cwd));
}

/** One file under the content root, by its path relative to the root. */
export function contentFile(root: string, relativePath: string, cwd = process.cwd()): ContentFile {
  return {
    path: relative(cwd, join(root, relativePath)).split('\\').join('/'),
    relativePath,
    kind: kindOf(relativePath),
    id: relativePath
      .split('/')
      .pop()!
      .replace(/\.[^.]+$/, ''),
    get bytes() {
      return readFileSync(join(root, relativePath));
    },
  };
}

export type Decoded = { ok: true; text: string } | { ok: false; line: number; column: number; bytes: string };

const strict = new TextDecoder('utf-8', { fatal: true });

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || at + length > bytes.length) return at;
    try {
      strict.decode(bytes.subarray(at, at + length));
    } catch {
      return at;
    }
    at += length;
  }
  return at;
}

/** The file's text, or where its first byte that is not UTF-8 sits (1-based line and column). */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const bad = firstInvalidByte(bytes);
    const before = strict.decode(bytes.subarray(0, bad));
    const lines = before.split('\n');
    const shown = [...bytes.subarray(bad, bad + 2)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return { ok: false, line: lines.length, column: lines[lines.length - 1]!.length + 1, bytes: shown };
  }
}
