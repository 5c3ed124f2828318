// What reading a file gave, kept on disk between builds under the digest of everything it came from (the file's
// bytes, where it is, and the code that read it), so a file that did not change is not parsed again by the next
// build or dev-server start. One folder in Astro's cacheDir (content-model/entries/), one file per key, written and
// pruned as cache-files.ts says (whole files only, and never another process's file in flight); keys no longer in use
// are pruned after each run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { pruneCacheFiles, writeCacheFile } from './cache-files.ts';

/** The folder of the entry cache inside a cacheDir. */
export function entryCacheFolder(cacheDir: string): string {
  return join(cacheDir, 'content-model', 'entries');
}

export class DigestCache<T> {
  readonly #folder: string;

  constructor(folder: string) {
    this.#folder = folder;
  }

  /** The key of a value made from these inputs (any strings: digests, paths, a recipe). */
  static key(...inputs: string[]): string {
    return createHash('sha256').update(inputs.join('\n')).digest('hex').slice(0, 40);
  }

  get(key: string): T | undefined {
    try {
      return deserialize(readFileSync(join(this.#folder, `${key}.bin`))) as T;
    } catch {
      return undefined;
    }
  }

  /** Keeps a value; false when it could not be written (it is then made again next time). */
  set(key: string, value: T): boolean {
    return writeCacheFile(join(this.#folder, `${key}.bin`), serialize(value));
  }

  /** Deletes every value whose key is not in `keep` (not another process's value still being written); returns how
   * many files it deleted. */
  prune(keep: ReadonlySet<string>): number {
    let names: string[];
    try {
      names = readdirSync(this.#folder);
    } catch {
      return 0;
    }
    return pruneCacheFiles(this.#folder, names, (name) => keep.has(name.replace(/\.bin$/, ''))).length;
  }
}
