// One article file's passages (and its title and outlet), from the content model (src/content-model/entry.ts),
// which reads each version of a file once: every note that cites an article, and the topic index, which needs the
// passages of every article, share that one parse with the content check.
import { readEntry } from '../../content-model/entry.ts';
import type { Passage } from '../../content-model/passages.ts';
import { scalarText } from '../scalar-text.ts';

export interface ArticleSummary {
  title: string;
  outlet: string;
  passages: Passage[];
}

/** The passages of the article file at `path` (absolute), numbered as its page numbers them, and the digest of the
 * version of the file they come from (what is computed from them can be kept under it); undefined if missing. */
export function filePassages(path: string): { passages: Passage[]; digest: string } | undefined {
  const entry = readEntry('article', path);
  return entry ? { passages: entry.body?.passages ?? [], digest: entry.digest } : undefined;
}

/** Title, outlet and passages of the article file at `path`; undefined if missing. */
export function fileSummary(path: string): ArticleSummary | undefined {
  const entry = readEntry('article', path);
  if (!entry) return undefined;
  return { title: scalarText(entry.data.title), outlet: scalarText(entry.data.outlet), passages: entry.body?.passages ?? [] };
}
