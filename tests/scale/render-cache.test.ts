// A Markdown article's rendered HTML is cached under a name made of the digests of everything it depends on
// (src/content-model/html-cache.ts), so it is rendered again when something else the HTML depends on changes. Two builds of the real content in one staged project, sharing one cache: the second after a
// topic's summary changes and a paragraph is added at the top of an article another article's note cites. The
// citing article's file is untouched, yet its page must show the new summary and the cited paragraph's new number.
// Two builds take a minute or more on a busy machine, so this runs with `npm run test:scale`, not `npm test`.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBuild } from '../../src/bench/build-run.ts';
import { stageWithRealContent } from './support/staged-site.ts';
import { test } from 'vitest';

const CITING = 'luxury-and-the-tencent-alibaba-thaw';
const CITED = 'alibabas-battle-for-ecommerce-dominance';
const TOPIC = 'tencent';
const NEW_SUMMARY = 'A summary changed between two builds.';

test("an article shows a changed topic and a cited article's new paragraph numbers without being edited itself", { timeout: 30 * 60_000 }, async () => {
  const { stage, content } = await stageWithRealContent('walled-gardens-render-cache');
  const build = async (n: number) => {
    const outDir = join(stage, `dist-${n}`);
    const result = await runBuild({ cwd: stage, contentDir: content, outDir, logFile: join(stage, `build-${n}.log`) });
    assert.ok(result.ok, `build ${n} failed; see ${result.logFile}`);
    return { page: await readFile(join(outDir, 'articles', CITING, 'index.html'), 'utf8') };
  };
  const citedParagraphs = (page: string) => [...page.matchAll(new RegExp(`/articles/${CITED}/#p-(\\d+)`, 'g'))].map((m) => Number(m[1]));
  const topicSummary = (page: string) => new RegExp(`href="/topics/${TOPIC}/" data-topic-summary="([^"]*)"`).exec(page)?.[1];

  const first = await build(1);
  const before = citedParagraphs(first.page);
  assert.ok(before.length > 0, `${CITING} cites ${CITED} by paragraph`);
  assert.notEqual(topicSummary(first.page), undefined, `${CITING} links topic ${TOPIC}`);

  const topicFile = join(content, 'topics', `${TOPIC}.mdx`);
  await writeFile(topicFile, (await readFile(topicFile, 'utf8')).replace(/^summary: .*$/m, `summary: ${NEW_SUMMARY}`));
  const citedFile = join(content, 'articles', `${CITED}.md`);
  await writeFile(citedFile, (await readFile(citedFile, 'utf8')).replace(/\n---\n\n/, '\n---\n\nA paragraph added at the top between two builds.\n\n'));

  const second = await build(2);
  assert.equal(topicSummary(second.page), NEW_SUMMARY);
  assert.deepEqual(
    citedParagraphs(second.page),
    before.map((n) => n + 1),
  );
});
