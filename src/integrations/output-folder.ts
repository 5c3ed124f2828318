// Lets a build keep the pages of the last one instead of deleting and copying them back. With Vite's
// `build.emptyOutDir` false (astro.config.mjs), Astro leaves the output folder as the last build left it and keeps
// each page whose cache key and code are unchanged where it is ("(cached)"), rather than emptying the folder and
// copying every such page back from its cache ("(restored)"). The two integrations made here do what then falls to us
// (src/lib/output-folder.ts says why). `keep`: before the build, it empties the folder as Astro would have unless the
// last finished build with this cache wrote it; after the pages are written, it removes every file the build did not
// make or keep, before the link check reads the site. It comes before link-check in the config (whose followers read
// the output folder from the build's start) and after any integration that writes files when the build is done.
// `finished`: last, once the link check has passed (it ends the process otherwise), it marks the folder as one a
// later build may keep, every page in it checked and its policy narrowed.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { foldersLeftEmpty, mayKeepOutput, staleOutputFiles, type OutputMark } from '../lib/output-folder.ts';

/** Where the cache folder remembers the output folder of its last finished build. */
const markFile = (cacheDir: string) => join(cacheDir, 'output-folder.json');

const slashed = (path: string) => path.split(sep).join('/');

/** A folder's files and folders, relative, with forward slashes (none when there is no such folder); at its top,
 * hidden entries (.git) are not the build's and are left out. Both the output folder and the public folder are read
 * so, so a hidden file Astro copies from the public folder is left alone like any other hidden entry. */
function listFolder(dir: string): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  if (!existsSync(dir)) return { files, folders };
  for (const top of readdirSync(dir, { withFileTypes: true })) {
    if (top.name.startsWith('.')) continue;
    if (!top.isDirectory()) {
      files.push(top.name);
      continue;
    }
    folders.push(top.name);
    for (const entry of readdirSync(join(dir, top.name), { recursive: true, withFileTypes: true })) {
      const path = slashed(relative(dir, join(entry.parentPath, entry.name)));
      (entry.isDirectory() ? folders : files).push(path);
    }
  }
  return { files, folders };
}

function readMark(cacheDir: string): unknown {
  try {
    return JSON.parse(readFileSync(markFile(cacheDir), 'utf8'));
  } catch {
    return undefined;
  }
}

export default function outputFolder(): { keep: AstroIntegration; finished: AstroIntegration } {
  let outDir = '';
  let cacheDir = '';
  let publicDir = '';
  let startedMs = 0;
  /** Whether the folder was kept from the last build, so may hold what this build does not make: a folder emptied
   * (or made) by this build holds only what this build wrote, and is not looked through (41,000 files, about a
   * second, at 10,000 articles). */
  let kept = false;
  const keep: AstroIntegration = {
    name: 'output-folder',
    hooks: {
      'astro:config:setup': () => {
        startedMs = Date.now();
      },
      'astro:config:done': ({ config }) => {
        outDir = resolve(fileURLToPath(config.outDir));
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': ({ logger }) => {
        const ino = existsSync(outDir) ? statSync(outDir).ino : undefined;
        kept = ino !== undefined && mayKeepOutput(readMark(cacheDir), { outDir, ino });
        // Until this build finishes, the folder is not one a later build may keep.
        rmSync(markFile(cacheDir), { force: true });
        if (kept || ino === undefined) return;
        // What Astro does when it empties the folder: everything goes but a .git folder.
        for (const name of readdirSync(outDir)) if (name !== '.git') rmSync(join(outDir, name), { recursive: true, force: true });
        logger.info('The output folder was not written by the last finished build with this cache: emptied.');
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (kept) removeStale(resolve(fileURLToPath(dir)), assets, logger);
      },
    },
  };
  const finished: AstroIntegration = {
    name: 'output-folder-finished',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const dist = resolve(fileURLToPath(dir));
        const mark: OutputMark = { outDir: dist, ino: statSync(dist).ino };
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(markFile(cacheDir), JSON.stringify(mark));
      },
    },
  };
  return { keep, finished };

  /** Removes every file of the folder this build neither wrote nor kept, and the folders that leaves empty. */
  function removeStale(dist: string, assets: Map<string, URL[]>, logger: AstroIntegrationLogger): void {
    const routeFiles = new Set([...assets.values()].flat().map((url) => slashed(relative(dist, fileURLToPath(url)))));
    const { files, folders } = listFolder(dist);
    // The link check's followers are finishing meanwhile (src/lib/links/page-follower.ts): they put narrowed
    // copies of pages in their places, so a copy listed here may be gone by the time it is looked at (such copies
    // are this build's, never stale), and a stale page they listed may be gone when they look at it (they leave it
    // out; it was narrowed by the build that wrote it, so no copy of it waits to take its place).
    const unknown = files.flatMap((path) => {
      const stats = routeFiles.has(path) ? undefined : statSync(join(dist, path), { throwIfNoEntry: false });
      return stats ? [{ path, mtimeMs: stats.mtimeMs }] : [];
    });
    const stale = staleOutputFiles(unknown, { routeFiles, publicFiles: new Set(listFolder(publicDir).files), startedMs });
    for (const path of stale) rmSync(join(dist, path), { force: true });
    for (const folder of foldersLeftEmpty(folders, files, stale)) {
      try {
        rmdirSync(join(dist, folder));
      } catch {
        // Not empty after all (a narrowed copy of a page being put there), or gone: left as it is.
      }
    }
    // The last search index is always among them (`npm run build` writes the new one once Astro is done).
    const others = stale.filter((path) => !path.startsWith('pagefind/')).length;
    if (others > 0) logger.info(`${others} files left by an earlier build removed from the output folder.`);
  }
}
