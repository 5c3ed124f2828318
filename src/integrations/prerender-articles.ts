// Renders Markdown articles on a second core during `astro build`. Astro renders pages on one thread (a few in
// flight at once, build.concurrency), and an article page's own work is mostly rendering the article's text through
// our pipeline. This starts a worker thread (src/data/prerender-worker.ts) before the content check, so it loads its
// code while the check parses; as soon as the check has read every file (before its rules across files run) the
// worker is given those entries, so nothing is parsed twice, and renders articles into the HTML cache
// (src/data/article-html.ts), from the end of the list, while the check finishes and Astro syncs the content,
// bundles and renders pages from the beginning. A page whose article the worker already rendered reads it from the
// cache. The HTML is the same either way (same pipeline, same settings). If the check finds problems the build
// stops, and the worker with it. On one core, or for a small corpus, it does nothing.
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { contentRoot } from '../lib/deploy-settings.ts';
import type { AstroIntegration } from 'astro';
import type { PrerenderReport, PrerenderStart, PrerenderTask } from '../data/prerender-worker.ts';
import { htmlCacheFolder } from '../content-model/html-cache.ts';
import { onContentRead } from '../content-model/entry.ts';

export interface PrerenderOptions {
  base: string;
  /** The content root (CONTENT_DIR), relative to the project root or absolute. */
  contentDir: string;
  /** Below this many articles the worker's start-up costs more than it saves. */
  minArticles?: number;
}

export default function prerenderArticles(options: PrerenderOptions): AstroIntegration {
  let worker: Worker | undefined;
  let finished: Promise<PrerenderReport | undefined> | undefined;
  return {
    name: 'prerender-articles',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' || availableParallelism() < 2) return;
        const projectRoot = fileURLToPath(config.root);
        const contentDir = contentRoot(projectRoot, options.contentDir);
        let count: number;
        try {
          count = readdirSync(join(contentDir, 'articles')).filter((file) => file.endsWith('.md')).length;
        } catch {
          return;
        }
        if (count < (options.minArticles ?? 50)) return;
        const task: PrerenderTask = {
          projectRoot,
          contentDir,
          base: options.base,
          cacheDir: htmlCacheFolder(fileURLToPath(config.cacheDir)),
        };
        worker = new Worker(new URL('../data/prerender-worker.ts', import.meta.url), { workerData: task });
        // The content check (the integration after this one) reads every file: the worker starts on those entries
        // rather than parsing the same YAML and Markdown a second time.
        const started = worker;
        onContentRead(contentDir, (entries) => started.postMessage({ entries } satisfies PrerenderStart));
        // A build that stops early (a page fails) must not wait for the worker to finish.
        worker.unref();
        finished = new Promise((done) => {
          worker!.once('message', (report: PrerenderReport) => done(report));
          worker!.once('error', () => done(undefined));
          worker!.once('exit', () => done(undefined));
        });
      },
      'astro:build:generated': async ({ logger }) => {
        if (!worker) return;
        // Held again while it is told to stop and reports, or Node could exit with nothing else to wait for.
        worker.ref();
        worker.postMessage('stop');
        const report = await finished;
        await worker.terminate();
        if (report)
          logger.info(
            `${report.rendered} articles rendered on a second core${report.skipped ? `, ${report.skipped} left to their pages` : ''}${report.parsed ? ` (${report.parsed} content files parsed there again)` : ''}.`,
          );
      },
    },
  };
}
