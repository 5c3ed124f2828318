// Links to timeline events once the timeline has several pages: a generated corpus of the real articles and 150
// events (more than the hundred entries of a timeline page), built under a sub-path, must pass the build's link check,
// and every link to an event (the real articles' notes link three, as contributors write them: /timeline/#event-<id>)
// must name the page that lists it. One small build (seconds to a minute), so it runs with `npm run test:scale`.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'vitest';
import { runBuild } from '../../src/bench/build-run.ts';
import { scaleStage } from './support/staged-site.ts';
import { generateCorpus } from '../../src/bench/corpus-files.ts';

const BASE = '/walled-gardens/';

test('a corpus whose timeline has two pages builds with a clean link check, its event links on the right page', { timeout: 30 * 60_000 }, async () => {
  const stage = await scaleStage('walled-gardens-timeline-links');
  const corpus = join(stage, 'corpus');
  await generateCorpus('content', corpus, { articles: 5, events: 150 });
  const dist = join(stage, 'dist');
  // BASE_URL too: Vitest sets BASE_URL=/ in its environment, which the build inherits and Astro would take over the
  // configured base in import.meta.env.
  const env = { BASE_PATH: BASE, BASE_URL: BASE };
  const build = await runBuild({ cwd: stage, contentDir: corpus, outDir: dist, logFile: join(stage, 'build.log'), env });
  const log = await readFile(build.logFile, 'utf8');
  assert.ok(build.ok, `the build failed; see ${build.logFile}`);
  assert.match(log, /every internal link and anchor leads somewhere/);

  const timelinePages = (await readdir(join(dist, 'timeline'))).filter((name) => /^\d+$/.test(name));
  assert.deepEqual(timelinePages, ['2'], 'the timeline has two pages');
  const pageText = new Map<string, string>();
  const onPage = async (page: string) =>
    pageText.get(page) ?? pageText.set(page, await readFile(join(dist, 'timeline', page, 'index.html'), 'utf8')).get(page)!;

  const links: string[] = [];
  for (const slug of await readdir(join(dist, 'articles'))) {
    const html = await readFile(join(dist, 'articles', slug, 'index.html'), 'utf8').catch(() => '');
    links.push(...[...html.matchAll(/href="([^"]*#event-[^"]*)"/g)].map((match) => match[1]!));
  }
  const pages = new Set<string>();
  for (const link of links) {
    const match = new RegExp(`^${BASE}timeline/(?:(\\d+)/)?#(event-[\\w-]+)$`).exec(link);
    assert.ok(match, `${link} is a timeline address under ${BASE}`);
    const page = match[1] ?? '.';
    pages.add(page);
    assert.ok((await onPage(page)).includes(`id="${match[2]}"`), `${link}: the page lists the event`);
  }
  // The corpus links events on both pages, so a link that ignored the pages would have been caught above.
  assert.deepEqual([...pages].sort(), ['.', '2']);
});
