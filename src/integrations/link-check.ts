// Finishes and checks the pages Astro has just written. Each page's Content-Security-Policy is cut to the hashes of
// its own inline blocks (src/lib/security/page-policy.ts says why), and every internal link and #anchor is checked
// against the pages and ids the build wrote (src/lib/links/); broken links stop the build (exit code 1) with one
// report listing each where it was written (the content file and line, or the built page for a template's link).
// Both need every page read whole, so each page is read once for both, in two worker threads that read the pages as
// Astro writes them, at the lowest priority, so on the core Astro leaves idle while it writes pages
// (src/lib/links/page-follower.ts), and the rest once Astro has written them all, while the main thread writes the
// sitemap; the check itself runs last, so it sees the finished output.
import { fileURLToPath } from 'node:url';
import { contentRoot } from '../lib/deploy-settings.ts';
import type { AstroIntegration } from 'astro';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkBuiltLinks, formatLinkReport, type PageReading } from '../lib/links/check-built-links.ts';
import type { PageReaderReply, PageReaderTask } from '../lib/links/page-reader-worker.ts';
import { githubAnnotation } from '../lib/content-check/problem.ts';

export interface LinkCheckOptions {
  /** The content root (CONTENT_DIR), relative to the project root or absolute. */
  contentDir: string;
}

/** What the build prints above the report when broken links (or a page the search skips) stop it. */
export const BUILD_STOPPED =
  'The build stopped: the link check found problems in the built pages. Fix them and build again.\n' +
  '(CONTRIBUTING.md#the-body explains how to link to an article, a paragraph, a note, a topic or an event.)\n\n';

/** What the workers read: the pages, and how many of them only once Astro had written them all. */
interface ReadAhead {
  dist: string;
  pages: PageReading[];
  readAtTheEnd: number;
}

/** A worker's answer when it read nothing: the check reads every page itself. */
const NOTHING_READ: Omit<ReadAhead, 'dist'> = { pages: [], readAtTheEnd: 0 };

/** Reads (and finishes) the pages of a share of `dist` in a worker thread as Astro writes them, until `written`
 * resolves. Resolves to none if the worker fails (the check then reads and finishes the pages itself). */
function readInWorker(task: PageReaderTask, written: Promise<unknown>): Promise<Omit<ReadAhead, 'dist'>> {
  return new Promise((done) => {
    const worker = new Worker(new URL('../lib/links/page-reader-worker.ts', import.meta.url), { workerData: task });
    worker.once('message', (reply: PageReaderReply) => {
      done(reply.ok ? reply : NOTHING_READ);
      void worker.terminate();
    });
    worker.once('error', () => done(NOTHING_READ));
    worker.once('exit', () => done(NOTHING_READ));
    void written.then(() => worker.postMessage('written'));
  });
}

/** Reads the pages of `dist` as Astro writes them, in workers that only take the CPU time Astro leaves unused, one
 * per core up to two, each its share; and the rest once told that Astro has written them all. */
function followPages(dist: string): { dist: string; written: () => Promise<ReadAhead> } {
  let written!: () => void;
  const told = new Promise<void>((resolve) => (written = resolve));
  const of = Math.min(2, availableParallelism());
  const shares = Array.from({ length: of }, (_, part) => readInWorker({ dist, share: { part, of }, options: { narrowPolicy: true } }, told));
  return {
    dist,
    written: async () => {
      written();
      const read = await Promise.all(shares);
      return { dist, pages: read.flatMap((share) => share.pages), readAtTheEnd: read.reduce((sum, share) => sum + share.readAtTheEnd, 0) };
    },
  };
}

export default function linkCheck(options: LinkCheckOptions): AstroIntegration {
  let projectRoot = '';
  let base = '/';
  let outDir = '';
  let following: ReturnType<typeof followPages> | undefined;
  let ahead: Promise<ReadAhead> | undefined;
  return {
    name: 'link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        following = followPages(outDir);
      },
      'astro:build:generated': ({ dir }) => {
        const dist = fileURLToPath(dir);
        // Anything not read ahead (none, unless Astro wrote elsewhere than its config said), the check reads itself.
        ahead = following?.dist === dist ? following.written() : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const content = contentRoot(projectRoot, options.contentDir);
        const dist = fileURLToPath(dir);
        const read = await ahead;
        const readAhead = read?.dist === dist ? read.pages : [];
        const result = await checkBuiltLinks({ dist, base, contentRoot: content, cwd: process.cwd(), narrowPolicy: true }, readAhead);
        if (read && readAhead.length > 0)
          logger.info(`${readAhead.length} pages were read in workers as Astro wrote them (${read.readAtTheEnd} only once it had written them all).`);
        logger.info(`${result.pagesChecked} pages: each policy cut to its own hashes (${result.policyBytesSaved.toLocaleString('en')} bytes in all).`);
        if (result.problems.length === 0) {
          logger.info(formatLinkReport(result));
          return;
        }
        // Printed and ended here, as the content check does: an error thrown from a hook is framed by Astro as "An
        // unhandled error occurred", which reads as a crash of the tool rather than a mistake in a file.
        process.stderr.write(`${BUILD_STOPPED}${formatLinkReport(result)}\n`);
        if (process.env.GITHUB_ACTIONS) for (const problem of result.problems) process.stdout.write(`${githubAnnotation(problem)}\n`);
        process.exit(1);
      },
    },
  };
}
