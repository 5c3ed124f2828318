// How the content model's caches (the parse cache, digest-cache.ts; the rendered articles, html-cache.ts and
// src/data/article-html.ts) write and prune their files. Several processes may share one cacheDir: a dev server and
// a build or `npm run check` in another terminal, or the builds a test suite starts side by side. So a file is
// written aside and renamed over its name (a reader never sees half of it), a prune leaves alone another process's
// file still being written, and a write that loses its file anyway is not an error: the value is simply not cached,
// and the next reader makes it again. (A prune used to delete every name it did not keep, asides included, and a
// build whose aside went that way stopped with ENOENT from renameSync.)
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** A file being written: its name, a dot, the writer's process and thread, ".tmp". */
const ASIDE = /\.\d+\.\d+\.tmp$/;

/** How old an aside must be before a prune takes it for the leftover of a stopped process. */
export const STALE_ASIDE_MS = 10 * 60_000;

/** Writes a cache file whole: aside, then renamed over `file`. False when it did not land (the disk refused, or another
 * process pruned the aside meanwhile); nothing is left behind either way. */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  const aside = `${file}.${process.pid}.${threadId}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(aside, data);
    renameSync(aside, file);
    return true;
  } catch {
    rmSync(aside, { force: true });
    return false;
  }
}

/** Whether a prune may delete a file of a cache folder that holds no kept key: any file but another writer's aside
 * younger than STALE_ASIDE_MS. `modifiedMs` is asked only for an aside. */
export function mayPrune(name: string, modifiedMs: () => number | undefined, now = Date.now()): boolean {
  if (!ASIDE.test(name)) return true;
  const modified = modifiedMs();
  return modified !== undefined && now - modified > STALE_ASIDE_MS;
}

/** Deletes each of `names`, files of `folder`, that `kept` does not keep, except another writer's aside still in
 * flight (mayPrune); returns the names deleted. Both caches prune through here, so neither can forget that rule. */
export function pruneCacheFiles(folder: string, names: readonly string[], kept: (name: string) => boolean): string[] {
  const deleted = names.filter((name) => !kept(name) && mayPrune(name, () => statSync(join(folder, name), { throwIfNoEntry: false })?.mtimeMs));
  for (const name of deleted) rmSync(join(folder, name), { force: true });
  return deleted;
}
