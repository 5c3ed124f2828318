// Where a link found in the built HTML was written, so a broken one is reported at the contributor's line rather
// than in a generated page: the article, note, topic or event file whose text holds the address. The build only
// prefixes the deploy base, so the address is searched for as a contributor writes it (a site path), between the
// characters Markdown, MDX and YAML put around an address; a fragment-only link (#p-3) is searched for only in the
// file of the page it was found on.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { lineColumnAt } from '../text-position.ts';

export interface ContentText {
  /** Relative to the working directory, with forward slashes. */
  file: string;
  /** The site path of the file's own page ("/articles/<slug>/", "/topics/<slug>/"), if it has one. */
  page?: string;
  text: string;
}

export interface Place {
  file: string;
  line: number;
  column: number;
}

/** Characters that can end an address in Markdown, MDX or YAML text. */
const AFTER = new Set([')', '"', "'", '>', ' ', '\n', '\r', '\t', undefined]);
/** Characters that can come just before one. */
const BEFORE = new Set(['(', '"', "'", '<', ' ', '\n', '\t', ':', '=', undefined]);

/** Every place in `texts` where `written` stands as a whole address. */
export function placesOf(written: string, texts: readonly ContentText[], page: string): Place[] {
  const places: Place[] = [];
  for (const content of texts) {
    if (written.startsWith('#') && content.page !== page) continue;
    for (let at = content.text.indexOf(written); at !== -1; at = content.text.indexOf(written, at + 1)) {
      if (!BEFORE.has(content.text[at - 1]) || !AFTER.has(content.text[at + written.length])) continue;
      places.push({ file: content.file, ...lineColumnAt(content.text, at) });
    }
  }
  return places;
}

async function filesIn(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => pattern.test(name)).sort();
  } catch {
    return [];
  }
}

/** The text of every content file (articles, topics, events) under `root`, named relative to `cwd`. */
export async function readContentTexts(root: string, cwd: string): Promise<ContentText[]> {
  const kinds = [
    { folder: 'articles', pattern: /\.mdx?$/, page: (name: string) => `/articles/${name.replace(/\.mdx?$/, '')}/` },
    { folder: 'topics', pattern: /\.mdx$/, page: (name: string) => `/topics/${name.replace(/\.mdx$/, '')}/` },
    { folder: 'events', pattern: /\.ya?ml$/, page: () => undefined },
  ];
  const texts: ContentText[] = [];
  for (const kind of kinds) {
    for (const name of await filesIn(join(root, kind.folder), kind.pattern)) {
      const path = join(root, kind.folder, name);
      const page = kind.page(name);
      texts.push({ file: relative(cwd, path).split(sep).join('/'), ...(page ? { page } : {}), text: await readFile(path, 'utf8') });
    }
  }
  return texts;
}
