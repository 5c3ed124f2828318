// What a build may keep of the output folder the last build left. Astro empties its output folder before each build
// unless Vite's `build.emptyOutDir` is false; with incremental builds on, it then leaves in place every page whose
// cache key and code are unchanged ("(cached)" in its log) instead of copying it back from its cache: at 1,000
// articles a rebuild neither deletes nor copies 3,000 files, and the link check does not narrow those pages' policies
// again. Two things Astro no longer does then are done by src/integrations/output-folder.ts with these rules:
//
// - Keep the folder only if the last build into it finished with this cache folder: Astro trusts a page it finds
//   there to be the one its cache manifest records, which is false after a build that stopped half way (some pages
//   of the new content written, the manifest still the old one) or a build of the same folder with another cache.
// - Remove what this build did not make: a page whose article was removed or renamed would otherwise stay, be
//   published, and let links to it pass the link check.

/** What the cache folder remembers of the output folder its last finished build wrote. */
export interface OutputMark {
  /** The output folder, absolute. */
  outDir: string;
  /** Its inode: a folder removed and made again (by hand, by another tool) is not the one the build left. */
  ino: number;
}

/** Whether the output folder as it is now (`current`) is the one the last finished build with this cache left
 * (`mark`, read from the cache folder: anything, or undefined when there is none). */
export function mayKeepOutput(mark: unknown, current: OutputMark): boolean {
  if (typeof mark !== 'object' || mark === null) return false;
  const { outDir, ino } = mark as Partial<OutputMark>;
  return outDir === current.outDir && ino === current.ino;
}

/** A file in the output folder: its path relative to the folder (forward slashes) and when it was last written. */
export interface OutputFile {
  path: string;
  mtimeMs: number;
}

export interface ThisBuild {
  /** Every file Astro's routes wrote or kept this build (the `assets` of astro:build:done), relative paths. */
  routeFiles: ReadonlySet<string>;
  /** Every file of the public folder, relative paths: Astro copies them and gives them back their own times. */
  publicFiles: ReadonlySet<string>;
  /** When this build started (ms since the epoch): a file written since is this build's (bundled scripts and
   * styles, the sitemap, anything an integration adds). */
  startedMs: number;
}

/** How much earlier than the build's start a file of the build may seem written: the file system stamps files with a
 * coarse clock that can lag the one the start was read from by a tick. */
export const CLOCK_SLACK_MS = 100;

/** The files of the output folder that this build neither wrote nor kept: left from an earlier build. */
export function staleOutputFiles(files: readonly OutputFile[], build: ThisBuild): string[] {
  return files
    .filter((file) => !build.routeFiles.has(file.path) && !build.publicFiles.has(file.path) && file.mtimeMs < build.startedMs - CLOCK_SLACK_MS)
    .map((file) => file.path);
}

/** The folders (relative paths, forward slashes) that hold no file once `removed` are gone, deepest first, so each
 * can be removed after those inside it. `folders` lists every folder of the output folder, `files` every file. */
export function foldersLeftEmpty(folders: readonly string[], files: readonly string[], removed: readonly string[]): string[] {
  const gone = new Set(removed);
  const holding = new Set<string>();
  for (const file of files) {
    if (gone.has(file)) continue;
    for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) holding.add(file.slice(0, at));
  }
  return folders.filter((folder) => !holding.has(folder)).sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
}
