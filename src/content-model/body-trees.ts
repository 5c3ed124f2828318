// The Markdown syntax tree of each article's body as the content check parsed it, kept on disk for the renderer of the
// article's text (src/data/article-html.ts and its pre-render worker), which would otherwise parse the same text
// again: a body is parsed once a build, and not at all by a build that finds its tree. One folder in the cacheDir
// (content-model/bodies/), one JSON file per body, named by the digest of the text parsed (the body trimmed as Astro
// trims it, which is what the page renders) and of the parser (RECIPE and the lock file, which pins remark and
// micromark); written and pruned as cache-files.ts says. A tree that is not there is parsed again: the page never
// depends on this cache, only its speed does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { pruneCacheFiles, writeCacheFile } from './cache-files.ts';
import { DigestCache } from './digest-cache.ts';
import { digestOf } from './entry.ts';

/** Bumped when parseBody's processor (body.ts) changes in a way the lock file does not show. */
const RECIPE = 1;

/** The folder of body trees inside a cacheDir. */
export function bodyTreeFolder(cacheDir: string): string {
  return join(cacheDir, 'content-model', 'bodies');
}

const lockDigests = new Map<string, string>();

function lockDigest(projectRoot: string): string {
  let digest = lockDigests.get(projectRoot);
  if (digest === undefined) {
    try {
      digest = digestOf(readFileSync(join(projectRoot, 'package-lock.json')));
    } catch {
      digest = 'no lock file';
    }
    lockDigests.set(projectRoot, digest);
  }
  return digest;
}

/** The name of the tree of `body` (the text parsed: the body trimmed), for the parser of the project at `projectRoot`. */
export function bodyTreeKey(projectRoot: string, body: string): string {
  return DigestCache.key(`body tree ${RECIPE}`, lockDigest(projectRoot), digestOf(body));
}

/** Keeps a tree, already written as JSON; false when it could not be written (the renderer then parses). */
export function keepBodyTree(folder: string, key: string, json: string): boolean {
  return writeCacheFile(join(folder, `${key}.json`), json);
}

/** The tree kept under `key`, or undefined. */
export function takeBodyTree(folder: string, key: string): Root | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, `${key}.json`), 'utf8')) as Root;
  } catch {
    return undefined;
  }
}

/** Deletes every tree whose key is not in `keep` (never another process's file in flight); how many it deleted. */
export function pruneBodyTrees(folder: string, keep: ReadonlySet<string>): number {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  return pruneCacheFiles(folder, names, (name) => keep.has(name.replace(/\.json$/, ''))).length;
}
