// A Markdown article's rendered HTML is cached under a name made of the digests of everything it depends on
// (src/content-model/html-cache.ts), so it is rendered again when something else the HTML depends on changes. Two builds of the real content in one staged project, sharing one cache: the second after a
// topic is added whose alias the article names (its text now links it) and a paragraph is added at the top of an
// article another article's note cites. The citing article's file is untouched, yet its page must link the new topic
// and show the cited paragraph's new number.
// Two builds take a minute or more on a busy machine, so this runs with `npm run test:scale`, not `npm test`.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBuild } from '../../src/bench/build-run.ts';
import { stageWithRealContent } from './support/staged-site.ts';
import { test } from 'vitest';

const CITING = 'luxury-and-the-tencent-alibaba-thaw';
const CITED = 'alibabas-battle-for-ecommerce-dominance';
/** A topic added between the builds, named in the citing article's text ("Moments", outside its notes' passages). */
const NEW_TOPIC = 'wechat-moments';
const NEW_TOPIC_FILE = `---
title: WeChat Moments
kind: product
summary: WeChat's social feed, where users share posts with their contacts and advertisers place sponsored posts.
aliases: [Moments]
related: [wechat]
featured: false
---

WeChat Moments is WeChat's social feed, where brands can place adverts.[^1]

[^1]: [How luxury can benefit from Tencent and Alibaba's thawing relations](/articles/${CITING}/), Luxury Daily / Jing Daily, 28 Jun 2022
`;

test("an article links a new topic and shows a cited article's new paragraph numbers without being edited itself", { timeout: 30 * 60_000 }, async () => {
  const { stage, content } = await stageWithRealContent('walled-gardens-render-cache');
  const build = async (n: number) => {
    const outDir = join(stage, `dist-${n}`);
    const result = await runBuild({ cwd: stage, contentDir: content, outDir, logFile: join(stage, `build-${n}.log`) });
    assert.ok(result.ok, `build ${n} failed; see ${result.logFile}`);
    return { page: await readFile(join(outDir, 'articles', CITING, 'index.html'), 'utf8') };
  };
  const citedParagraphs = (page: string) => [...page.matchAll(new RegExp(`/articles/${CITED}/#p-(\\d+)`, 'g'))].map((m) => Number(m[1]));
  const linksNewTopic = (page: string) => page.includes(`href="/topics/${NEW_TOPIC}/"`);

  const first = await build(1);
  const before = citedParagraphs(first.page);
  assert.ok(before.length > 0, `${CITING} cites ${CITED} by paragraph`);
  assert.equal(linksNewTopic(first.page), false, `no topic ${NEW_TOPIC} yet`);

  await writeFile(join(content, 'topics', `${NEW_TOPIC}.mdx`), NEW_TOPIC_FILE);
  const citedFile = join(content, 'articles', `${CITED}.md`);
  await writeFile(citedFile, (await readFile(citedFile, 'utf8')).replace(/\n---\n\n/, '\n---\n\nA paragraph added at the top between two builds.\n\n'));

  const second = await build(2);
  assert.equal(linksNewTopic(second.page), true, `${CITING} links the new topic ${NEW_TOPIC}`);
  assert.deepEqual(
    citedParagraphs(second.page),
    before.map((n) => n + 1),
  );
});
