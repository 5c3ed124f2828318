// What reading a file gave, kept on disk between builds under the digest of everything it came from (the file's
// bytes, where it is, and the code that read it), so a file that did not change is not parsed again by the next
// build or dev-server start. One folder in Astro's cacheDir (content-model/entries/), one file per key, written aside
// and renamed so a stopped build never leaves half a file; keys no longer in use are pruned after each run.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { deserialize, serialize } from 'node:v8';

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

  set(key: string, value: T): void {
    mkdirSync(this.#folder, { recursive: true });
    const file = join(this.#folder, `${key}.bin`);
    const aside = `${file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(aside, serialize(value));
    renameSync(aside, file);
  }

  /** Deletes every value whose key is not in `keep`; returns how many. */
  prune(keep: ReadonlySet<string>): number {
    let pruned = 0;
    let names: string[];
    try {
      names = readdirSync(this.#folder);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (keep.has(name.replace(/\.bin$/, ''))) continue;
      rmSync(join(this.#folder, name), { force: true });
      pruned += 1;
    }
    return pruned;
  }
}
