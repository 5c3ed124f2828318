// Checks every internal link and #anchor against the pages Astro has just written (src/lib/links/), and stops the
// build (exit code 1) with one report listing each broken link where it was written (the content file and line, or the built
// page for a template's link). It runs last, after the search index, so it sees the finished output.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkBuiltLinks, formatLinkReport } from '../lib/links/check-built-links.ts';
import { githubAnnotation } from '../lib/content-check/problem.ts';

export interface LinkCheckOptions {
  /** The content root (CONTENT_DIR), relative to the project root or absolute. */
  contentDir: string;
}

/** What the build prints above the report when broken links stop it. */
export const BUILD_STOPPED =
  'The build stopped: the site has broken links. Fix them and build again.\n' +
  '(CONTRIBUTING.md#the-body explains how to link to an article, a paragraph, a note, a topic or an event.)\n\n';

export default function linkCheck(options: LinkCheckOptions): AstroIntegration {
  let projectRoot = '';
  let base = '/';
  return {
    name: 'link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const contentRoot = isAbsolute(options.contentDir) ? options.contentDir : resolve(projectRoot, options.contentDir);
        const result = await checkBuiltLinks({ dist: fileURLToPath(dir), base, contentRoot, cwd: process.cwd() });
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
