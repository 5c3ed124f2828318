// The table of entries one process shares. The build loads the integrations, the content loader and the page code
// as separate module graphs in one process, each with its own copy of this module: the table lives on globalThis,
// under a registered symbol, so all of them find the same entries (a file read by the content check is not parsed
// again by the loader, the pages or the search index).
import type { Entry } from './entry.ts';

export interface Shared {
  /** Entries by absolute path. */
  entries: Map<string, Entry>;
  /** The same entries by the digest of their file's text, for code that has the text but not the path. */
  byDigest: Map<string, Entry>;
  /** What each file looked like on disk (size, times, inode) when its entry was last read, with that entry's
   * digest, by path: a file that still looks the same is not read and hashed again on every ask. */
  signatures: Map<string, string>;
  /** How many times each file was parsed in this process: tests hold the model to "once per version". */
  parses: Map<string, number>;
  /** Goes up whenever an entry is added or a file's entry changes: what is computed from many entries (the
   * timeline's pages) is kept until it does. */
  version: number;
  /** Who waits for the content check to have read every file of a content root (onContentRead in entry.ts), by root. */
  readWaiters: Map<string, (() => void)[]>;
}

const KEY = Symbol.for('walled-gardens.content-model');

export const shared: Shared = ((globalThis as Record<symbol, Shared | undefined>)[KEY] ??= {
  entries: new Map(),
  byDigest: new Map(),
  signatures: new Map(),
  parses: new Map(),
  version: 0,
  readWaiters: new Map(),
});

/** Puts an entry in the table (replacing the file's older version). */
export function keep(entry: Entry): void {
  const older = shared.entries.get(entry.path);
  if (older && older.digest !== entry.digest) shared.byDigest.delete(older.digest);
  if (older?.digest !== entry.digest) shared.version += 1;
  shared.entries.set(entry.path, entry);
  if (older && older.digest !== entry.digest) shared.signatures.delete(entry.path);
  shared.byDigest.set(entry.digest, entry);
}

/** Takes a file's entry out of the table (the file is gone). */
export function forget(path: string): void {
  const older = shared.entries.get(path);
  if (!older) return;
  shared.entries.delete(path);
  shared.byDigest.delete(older.digest);
  shared.signatures.delete(path);
  shared.version += 1;
}
