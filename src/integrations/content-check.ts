// Runs the content check (src/lib/content-check/) inside Astro, so nothing broken can be published and a
// contributor previewing a change sees the same messages as `npm run check:content`. The check reads every file
// into the content model (src/content-model/) of this process, which the content loader and the pages then share:
// it is the build's one reading of the content, not a second pass. What each file gave is kept in cacheDir by
// digest, so an unchanged file is not parsed again by the next build (or the next check in `astro dev`).
//
// - `astro build`: the check runs in astro:config:setup, before Astro syncs the content collections (which would
//   stop at the first invalid file with a less specific message). With problems it prints the report (and GitHub
//   annotations on Actions) and ends the build with exit code 1 itself: an error thrown from a hook is framed by
//   Astro as "An unhandled error occurred", which a contributor reads as a crash of the tool, not a mistake in a file.
// - `astro dev`: the check runs at start-up and again whenever a file under the content root changes, then on a
//   worker thread (src/lib/content-check/check-in-worker.ts), so the pages are served meanwhile. Problems are
//   printed in the terminal and shown in the browser's error overlay (Vite's HMR channel, `{ type: 'error' }`, the
//   payload Astro itself sends for build errors); the overlay is shown again to every page that connects while
//   problems remain, and the pages reload once they are fixed. From an edit until its check ends the overlay is
//   not shown again: Astro's content layer reloads the pages with the edited file meanwhile, and the problems may
//   be fixed (src/lib/content-check/check-verdicts.ts). The start-up report is printed in astro:config:setup,
//   before Astro's own content sync, which stops the dev server on a schema error.
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentRoot } from '../lib/deploy-settings.ts';
import type { AstroIntegration } from 'astro';
import type { ErrorPayload } from 'vite';
import { checkContent, type CheckResult } from '../lib/content-check/check-content.ts';
import { BackgroundCheck } from '../lib/content-check/check-in-worker.ts';
import { CheckVerdicts } from '../lib/content-check/check-verdicts.ts';
import { kindOf } from '../lib/content-check/content-files.ts';
import { fileChanged } from '../content-model/entry.ts';
import { formatReport, summaryLine, writeReport } from '../lib/content-check/problem.ts';

export interface ContentCheckOptions {
  /** The content root (CONTENT_DIR), relative to the project root or absolute. */
  contentDir: string;
}

/** What the build prints above the report when content problems stop it. */
export const BUILD_STOPPED =
  'The build stopped: the content has problems. Fix them and build again.\n' +
  '(npm run check:content lists the same problems without building; CONTRIBUTING.md#running-the-checks explains them.)\n\n';

/** How long to wait after a change before checking, so saving several files at once checks once. */
const SETTLE_MS = 150;
/** How long after an update to show the overlay again (the client clears it while applying the update). */
const REAPPEAR_MS = 300;

export default function contentCheck(options: ContentCheckOptions): AstroIntegration {
  let root = '';
  let projectRoot = '';
  let cacheDir = '';
  /** In `astro dev`, the check's latest result and whether it still speaks for the content. */
  let verdicts = new CheckVerdicts();
  const check = () => checkContent({ root, projectRoot, cwd: projectRoot, cacheDir });

  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        projectRoot = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        root = contentRoot(projectRoot, options.contentDir);
        if (command === 'build') {
          const { filesChecked, problems } = await check();
          if (problems.length > 0) {
            writeReport(filesChecked, problems, process, BUILD_STOPPED);
            process.exit(1);
          }
          logger.info(summaryLine(filesChecked, problems));
        } else if (command === 'dev') {
          let latest: CheckResult;
          try {
            latest = await check();
          } catch (error) {
            logger.error(`The content check itself failed: ${(error as Error).message}`);
            return;
          }
          verdicts = new CheckVerdicts(latest);
          if (latest.problems.length > 0) logger.error(`\n${formatReport(latest.filesChecked, latest.problems)}`);
        }
      },

      'astro:server:setup': ({ server, logger }) => {
        const hot = server.environments.client.hot;
        let timer: ReturnType<typeof setTimeout> | undefined;
        // A check of every file takes seconds at 1,000 articles: on the server's thread it held up every page asked for
        // meanwhile, so an edit took that long to show.
        const background = new BackgroundCheck({ root, projectRoot, cwd: projectRoot, cacheDir });
        server.httpServer?.once('close', () => void background.close());

        /** Shows the problems in the overlay of one page that just connected, or of every open page: only while they
         * are the verdict on the content as it is (check-verdicts.ts). */
        const showOverlay = (client: { send(payload: ErrorPayload): void } = hot) => {
          const shown = verdicts.toShow();
          const first = shown?.problems[0];
          if (!shown || !first) return;
          client.send({
            type: 'error',
            err: {
              message: formatReport(shown.filesChecked, shown.problems),
              stack: '',
              plugin: 'content-check',
              loc: { file: resolve(projectRoot, first.file), line: first.line, column: first.column },
            },
          });
        };

        const run = async () => {
          const asked = verdicts.asking();
          let result: CheckResult;
          try {
            result = await background.check();
          } catch (error) {
            logger.error(`The content check itself failed: ${(error as Error).message}`);
            return;
          }
          const step = verdicts.checked(asked, result);
          if (step.kind === 'problems') {
            if (step.print) logger.error(`\n${step.report}`);
            showOverlay();
          } else if (step.kind === 'fixed') {
            logger.info(summaryLine(result.filesChecked, result.problems));
            hot.send({ type: 'full-reload' });
          }
        };

        // A page that loads (or reloads) while problems remain gets the overlay as soon as it connects. Vite's client
        // clears the overlay when it applies an update, which Astro sends when content changes: while problems
        // remain, the overlay is shown again just after.
        hot.on('vite:client:connect', (_data, client) => showOverlay(client));
        const send = hot.send.bind(hot);
        hot.send = function (...args: unknown[]) {
          Reflect.apply(send, hot, args);
          const payload = args[0] as { type?: string } | undefined;
          if (payload?.type === 'update' && verdicts.toShow()) setTimeout(() => showOverlay(), REAPPEAR_MS);
        };
        server.watcher.add(root);
        server.watcher.on('all', (_event, path) => {
          const changed = resolve(path);
          if (changed !== root && !changed.startsWith(root + sep)) return;
          // This thread's content model follows the file now: the check that used to read every file here runs on its
          // worker, and what is computed from every entry (the timeline's pages) must not wait for a page to read it.
          const kind = kindOf(relative(root, changed).split(sep).join('/'));
          if (kind) fileChanged(kind, changed);
          verdicts.edited();
          clearTimeout(timer);
          timer = setTimeout(() => void run(), SETTLE_MS);
        });
        void run();
      },
    },
  };
}
