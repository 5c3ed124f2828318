// Reads a build's pages while Astro is still writing them, so that the link check at the end of the build finds its
// reading done. Astro writes pages on one thread; once the articles are rendered, the machine's other core is idle
// until the pages are all written (about 9 s of a 1,000-article build, minutes at 10,000), and reading every page for
// the check took 4 s on two cores after that (38 s at 10,000).
//
// A page is read once it has not changed for a moment, and only read, never written while Astro may still write it:
// its policy is cut (src/lib/security/page-policy.ts) into a copy beside it as it is read, and the copy takes the
// page's place in finish(), once Astro has written every page, only when the page is exactly the one that was read
// (same size, inode, and modification and change times). Any other page (new, changed since, or never settled) is
// read then as the check reads it (readPage), and its copy, if any, removed. So the readings never depend on when a
// page was read. Cutting into the copy while following, not at the end, leaves the end one rename a page: reading each
// page again and writing it whole there took each follower 6-7 s at 10,000 articles, after Astro had finished.
import type { BigIntStats } from 'node:fs';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asideOf, pageReading, readPage, type PageReading, type ReadOptions } from './check-built-links.ts';

/** How long a page must have stayed unchanged before it is read. Astro writes a page whole, in one write, so a
 * moment is enough; a page read while still being written is read again at the end all the same (its stamp differs).
 * 50 ms rather than 250 ms (2026-12-06, with POLL_MS in page-reader-worker.ts 400 ms rather than 1,000 ms): pages read
 * only at the end 13-36 against 179-255 at 1,000 articles (last steps 0.7-0.8 s against 0.9-1.2 s, four alternated
 * pairs), 233 against 312 at 10,000 (last steps 6.5 s against 8.1 s). */
export const SETTLE_MS = 50;

/**
 * How long a folder found done (no subfolder, each page in it read) goes without being looked at again. Nearly every
 * page has a folder of its own, so a look at every folder grows with the site: at 10,000 articles, 17,000 folders
 * took each of the two followers 19 s of CPU time over a build, twice a second. A page Astro adds later to such a
 * folder (a topic's coverage/ next to its page) is found at the next look after this, or by finish().
 */
export const RECHECK_MS = 10_000;

interface Followed {
  /** The file as it was read: size, inode, modification and change times. */
  stamp: string;
  /** Its reading, with the bytes its policy loses once its narrowed copy takes its place. */
  reading: PageReading;
  /** Whether a copy with its policy cut waits beside it (asideOf); none when there is nothing to cut. */
  narrowed: boolean;
}

/** Which of `of` followers reads a page: by its path, since the pages come in any order. */
export function shareOf(file: string, of: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % of;
}

const stampOf = (stats: BigIntStats) => `${stats.size}:${stats.ino}:${stats.mtimeNs}:${stats.ctimeNs}`;

/** What a folder held when it was last listed, and its modification time then. */
interface Listed {
  mtimeNs: bigint;
  pages: string[];
  folders: string[];
}

/**
 * Every HTML page under `dist` (or its folder `dir`), relative to it with forward slashes. A folder whose time has
 * not changed since it was last listed in `known` is not listed again (its subfolders are looked at all the same):
 * a look at 17,000 folders takes one stat each instead of a listing each. A folder that goes while it is looked at
 * (Astro removes its .prerender folder as the build ends) is skipped, as are hidden folders and the search index's,
 * which hold no page. What a look misses (two changes of a folder within one tick of the file system's clock), the
 * last look, without `known`, finds; whatever even that misses, the check reads itself. A folder `skip` names (with
 * what it held when last listed) is not looked at, nor its subfolders.
 */
function pagesIn(dist: string, known?: Map<string, Listed>, dir = '', skip?: (dir: string, listed: Listed) => boolean): string[] {
  let listed = known?.get(dir);
  if (listed && skip?.(dir, listed)) return [];
  try {
    const { mtimeNs } = statSync(join(dist, dir), { bigint: true });
    if (listed?.mtimeNs !== mtimeNs) {
      const entries = readdirSync(join(dist, dir), { withFileTypes: true });
      const path = (name: string) => (dir ? `${dir}/${name}` : name);
      listed = {
        mtimeNs,
        pages: entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path(e.name)),
        folders: entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && path(e.name) !== 'pagefind').map((e) => path(e.name)),
      };
      known?.set(dir, listed);
    }
  } catch {
    known?.delete(dir);
    return [];
  }
  return [...listed.pages, ...listed.folders.flatMap((folder) => pagesIn(dist, known, folder, skip))];
}

export class PageFollower {
  readonly #seen = new Map<string, Followed>();
  /** How many pages finish() had to read, not having read them as they were written (or since changed). */
  readAtTheEnd = 0;
  readonly dist: string;
  readonly share: { part: number; of: number };
  readonly options: ReadOptions;
  readonly settleMs: number;

  /** Follows the pages of `dist` in `share` (every page of which shareOf gives `part`): all of them by default. */
  constructor(dist: string, share = { part: 0, of: 1 }, options: ReadOptions = {}, settleMs = SETTLE_MS) {
    this.dist = dist;
    this.share = share;
    this.options = options;
    this.settleMs = settleMs;
  }

  /** What each folder held when last looked at. */
  readonly #folders = new Map<string, Listed>();

  /** When each folder with no subfolder was last found done: it holds a page, and each of its pages is read or
   * another follower's. */
  readonly #doneAt = new Map<string, number>();

  #ours(file: string): boolean {
    return this.share.of === 1 || shareOf(file, this.share.of) === this.share.part;
  }

  /** This follower's pages of those now in `dist`: looked at quickly while following (a folder found done is looked
   * at again only once RECHECK_MS have passed), whole at the end. */
  #pages(quick: boolean, now = Date.now()): string[] {
    const skip = (dir: string, listed: Listed) => listed.folders.length === 0 && now - (this.#doneAt.get(dir) ?? -Infinity) < RECHECK_MS;
    return (quick ? pagesIn(this.dist, this.#folders, '', skip) : pagesIn(this.dist)).filter((file) => this.#ours(file));
  }

  /** Notes which folders with no subfolder are done now, and forgets those that are not. A folder still done and not
   * yet due was not looked at by this poll, so it is as it was. */
  #markDone(now: number): void {
    for (const [dir, listed] of this.#folders) {
      const doneAt = this.#doneAt.get(dir);
      if (listed.folders.length > 0) this.#doneAt.delete(dir);
      else if (doneAt !== undefined && now - doneAt < RECHECK_MS) continue;
      // A folder with no page yet is not done: Astro writes an article's annotations.jsonld into its folder seconds
      // before the article's page, and a folder skipped then would leave that page to finish().
      else if (listed.pages.length > 0 && listed.pages.every((file) => this.#seen.has(file) || !this.#ours(file))) this.#doneAt.set(dir, now);
      else this.#doneAt.delete(dir);
    }
  }

  /** How long the last poll took to list the output folder, in ms. */
  listingMs = 0;

  /** Reads each page not read yet that has not changed for settleMs; how many it read. (A page that changes after it
   * was read is read again by finish().) Synchronous: it runs on a thread of its own, at the lowest priority, where
   * a wait for the file system blocks nothing else, and the calls stay on that thread rather than on libuv's pool,
   * which runs at the build's priority. */
  poll(now = Date.now()): number {
    let read = 0;
    const started = performance.now();
    const pages = this.#pages(true, now);
    this.listingMs = performance.now() - started;
    for (const file of pages) {
      if (this.#seen.has(file)) continue;
      const path = join(this.dist, file);
      const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
      if (!stats || stats.size === 0n || now - Number(stats.mtimeMs) < this.settleMs) continue;
      // Stamped before it is read: were it written meanwhile, the stamp at the end differs, and it is read again.
      const stamp = stampOf(stats);
      let html: string;
      try {
        html = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      const { reading, narrowed } = pageReading(file, html, this.options);
      if (narrowed !== undefined) writeFileSync(asideOf(path), narrowed);
      this.#seen.set(file, { stamp, reading, narrowed: narrowed !== undefined });
      read++;
    }
    this.#markDone(now);
    return read;
  }

  /** Every page, once Astro has written them all: those read and unchanged since take their narrowed copy; the
   * others are read now (and a copy made of an earlier version removed, as is that of a page removed since).
   * `pages` are this follower's pages in the output folder, as listed now unless given. A page listed that is gone
   * by the time it is looked at is not a page of the site: while the followers finish, the build removes the pages
   * an earlier build left (src/integrations/output-folder.ts). Such a page was narrowed by the build that wrote it,
   * so no copy of it waits to take its place. */
  finish(pages: readonly string[] = this.#pages(false)): PageReading[] {
    const readings: PageReading[] = [];
    for (const file of pages) {
      const path = join(this.dist, file);
      const followed = this.#seen.get(file);
      const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
      if (!stats) {
        if (followed?.narrowed) rmSync(asideOf(path), { force: true });
        continue;
      }
      if (followed && stampOf(stats) === followed.stamp) {
        if (followed.narrowed) renameSync(asideOf(path), path);
        readings.push(followed.reading);
      } else {
        if (followed?.narrowed) rmSync(asideOf(path), { force: true });
        let reading: PageReading;
        try {
          reading = readPage(this.dist, file, this.options);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw error;
        }
        readings.push(reading);
        this.readAtTheEnd++;
      }
    }
    const current = new Set(pages);
    for (const [file, followed] of this.#seen) if (followed.narrowed && !current.has(file)) rmSync(asideOf(join(this.dist, file)), { force: true });
    return readings;
  }
}
