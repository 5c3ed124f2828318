// One article file's passages (and, when asked, its title and outlet), read from disk once per version of the
// file. Every note that cites an article, and the topic index, which needs the passages of every article, share
// the one parse: at 1,000 articles they used to parse each file twice more after the content check.
import { readFileSync, statSync } from 'node:fs';
import type { Passage } from './anchor-quote.ts';
import { passagesOf, type ArticleSummary } from './article-passages.ts';
import { articleFormat } from '../article-files.ts';
import { bodyOf, frontmatterValues } from '../frontmatter-values.ts';

interface Cached {
  mtimeMs: number;
  passages: Passage[];
  heading?: { title: string; outlet: string };
}

const cache = new Map<string, Cached>();

function cached(path: string): Cached | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
  const hit = cache.get(path);
  if (hit?.mtimeMs === mtimeMs) return hit;
  const entry = { mtimeMs, passages: passagesOf(bodyOf(readFileSync(path, 'utf8')), articleFormat(path)) };
  cache.set(path, entry);
  return entry;
}

/** The passages of the article file at `path` (absolute), numbered as its page numbers them; undefined if missing. */
export function filePassages(path: string): Passage[] | undefined {
  return cached(path)?.passages;
}

/** Title, outlet and passages of the article file at `path`; undefined if missing. */
export function fileSummary(path: string): ArticleSummary | undefined {
  const entry = cached(path);
  if (!entry) return undefined;
  if (!entry.heading) {
    const data = frontmatterValues(readFileSync(path, 'utf8'));
    entry.heading = { title: String(data.title ?? ''), outlet: String(data.outlet ?? '') };
  }
  return { ...entry.heading, passages: entry.passages };
}
