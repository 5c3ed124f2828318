// The page links under a long list, as a reader sees them. The real content fills one page of every list, so only a
// generated corpus shows them: 120 articles (three pages of the article list, two of the timeline), built once,
// then looked at in Chromium at a phone's width and a desktop's. The earlier link, the page count and the later link
// must each be whole on the screen, clear of one another (at 375 px they once ran together: "Newer articlesPage 2 of
// 20Older articles"). And a later page of a topic's coverage numbers its articles on from the page before (page 2
// once started again at 1). One small build (about a minute), so it runs with `npm run test:scale`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'vitest';
import { runBuild } from '../../src/bench/build-run.ts';
import { generateCorpus } from '../../src/bench/corpus-files.ts';
import { launchChromium } from '../../src/bench/search-timing.ts';
import { serveStatic } from '../../src/bench/static-server.ts';
import { scaleStage } from './support/staged-site.ts';

/** The least room between two parts on one line, in CSS pixels. */
const GAP = 8;

interface Part {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

test(
  'the links between the pages of a long list stand apart and on the screen, on a phone and a desktop, and the numbering runs on',
  { timeout: 30 * 60_000 },
  async () => {
    const stage = await scaleStage('walled-gardens-long-lists');
    const corpus = join(stage, 'corpus');
    await generateCorpus('content', corpus, { articles: 120 });
    const dist = join(stage, 'dist');
    const build = await runBuild({ cwd: stage, contentDir: corpus, outDir: dist, logFile: join(stage, 'build.log') });
    assert.ok(build.ok, `the build failed; see ${build.logFile}`);

    const server = await serveStatic(dist);
    const browser = await launchChromium();
    try {
      // The article list's middle page has both links; the timeline's second page, the earlier one only.
      const pages = [
        { path: '/articles/2/', parts: ['Newer articles', 'Page 2 of 3', 'Older articles'] },
        { path: '/timeline/2/', parts: ['Earlier', 'Page 2 of 2'] },
      ];
      for (const width of [375, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        for (const { path, parts: expected } of pages) {
          await page.goto(`${server.url}${path}`);
          const parts = await page.getByRole('navigation', { name: 'Pages' }).evaluate((nav) =>
            [...nav.children]
              .filter((child) => child.textContent?.trim())
              .map((child): Part => {
                const box = child.getBoundingClientRect();
                return { text: child.textContent.trim().replace(/\s+/g, ' '), left: box.left, right: box.right, top: box.top, bottom: box.bottom };
              }),
          );
          const where = `${path} at ${width} px`;
          assert.deepEqual(
            parts.map((part) => part.text),
            expected,
            `${where}: the parts`,
          );
          for (const part of parts) {
            assert.ok(part.left >= 0 && part.right <= width, `${where}: "${part.text}" is whole on the screen (${part.left}-${part.right})`);
          }
          for (const [i, a] of parts.entries()) {
            for (const b of parts.slice(i + 1)) {
              const sameLine = a.top < b.bottom && b.top < a.bottom;
              const apart = sameLine ? Math.max(b.left - a.right, a.left - b.right) >= GAP : true;
              assert.ok(apart, `${where}: "${a.text}" and "${b.text}" share a line with less than ${GAP} px between them`);
            }
          }
        }
        await context.close();
      }

      // A later page of a topic's coverage numbers its articles on from the page before.
      const context = await browser.newContext();
      const page = await context.newPage();
      const numbers = async (path: string) => {
        await page.goto(`${server.url}${path}`);
        return page
          .getByRole('region', { name: 'Articles' })
          .getByRole('list')
          .first()
          .evaluate((list) => {
            const first = (list as HTMLOListElement).start;
            return { first, last: first + list.children.length - 1 };
          });
      };
      const first = await numbers('/topics/alibaba/coverage/');
      const second = await numbers('/topics/alibaba/coverage/2/');
      assert.equal(first.first, 1, 'the coverage starts at 1');
      assert.equal(second.first, first.last + 1, "the coverage's second page numbers on from the first");
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
