// The benchmark's dev-server timing, without a server: the polling against a fake fetcher and clock (when a page
// counts as showing an edit, the time-out), the edits it writes (one word no note quotes, a frontmatter value through
// the content model's rewriter), which files of a corpus it edits, and the report's rows.
import { describe, expect, test } from 'vitest';
import { frontmatterAsWritten } from '../../src/content-model/rewrite.ts';
import {
  linkedTopic,
  markerWord,
  pickEditTargets,
  pollPages,
  protectedQuotes,
  replaceOneWord,
  withOneWordChanged,
  withValueMarked,
  type Clock,
  type DevServerResult,
} from '../../src/bench/dev-edit.ts';
import { devEditCell, devStartCell } from '../../src/bench/report.ts';

/**
 * A clock of virtual time: sleep() (and a fake request, which sleeps for its duration) waits on a timer; run() lets
 * the code under test go until every task waits, then moves time to the earliest timer, until the promise settles.
 */
function virtualClock(): Clock & { run<T>(promise: Promise<T>): Promise<T> } {
  let now = 0;
  const timers: { at: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms) => new Promise<void>((wake) => timers.push({ at: now + ms, wake })),
    async run(promise) {
      let settled = false;
      void promise.finally(() => (settled = true));
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (settled) return promise;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next) throw new Error('Nothing left to wait for, and the promise has not settled.');
        now = next.at;
        next.wake();
      }
    },
  };
}

describe('polling pages until they show an edit', () => {
  // Each case: what the page answers to the n-th request (a string, or an Error for a failed request), how long each
  // request takes, and the seconds and request count expected (undefined seconds: timed out after 1 s).
  test.each([
    ['shown on the first request', ['new'], 20, 0.02, 1],
    ['stale twice, then shown', ['old', 'old', 'new'], 20, 0.26, 3],
    ['an error page counts as not shown yet', [new Error('HTTP 500'), 'new'], 20, 0.14, 2],
    ['never shown: timed out, every request counted', ['old'], 20, undefined, 9],
    ['a slow request that answers after the time-out does not count', ['old', 'new'], 600, undefined, 2],
  ] as const)('%s', async (_, answers, requestMs, seconds, requests) => {
    const clock = virtualClock();
    let n = 0;
    const fetchText = async () => {
      const answer = answers[Math.min(n++, answers.length - 1)]!;
      await clock.sleep(requestMs);
      if (answer instanceof Error) throw answer;
      return `<p>${answer} text</p>`;
    };
    const checks = [{ label: 'its page', path: '/articles/x/', marker: 'new' }];
    const [timing] = await clock.run(pollPages(checks, fetchText, { since: 0, intervalMs: 100, timeoutMs: 1000, clock }));
    expect(timing).toEqual({ label: 'its page', path: '/articles/x/', requests, ...(seconds === undefined ? {} : { seconds }) });
  });

  test('each page is polled on its own: a slow page does not hold up the time of another', async () => {
    const clock = virtualClock();
    const asked: string[] = [];
    const fetchText = async (path: string) => {
      asked.push(path);
      await clock.sleep(path === '/slow/' ? 1000 : 10);
      return path === '/slow/' || clock.now() > 250 ? 'marker' : 'stale';
    };
    const checks = [
      { label: 'slow', path: '/slow/', marker: 'marker' },
      { label: 'fast', path: '/fast/', marker: 'marker' },
    ];
    const timings = await clock.run(pollPages(checks, fetchText, { since: 0, intervalMs: 100, timeoutMs: 5000, clock }));
    expect(timings.map((t) => [t.label, t.seconds, t.requests])).toEqual([
      ['slow', 1, 1],
      ['fast', 0.34, 4],
    ]);
    expect(asked.filter((path) => path === '/slow/')).toHaveLength(1);
  });

  test('present: false waits for the marker to be gone (a restored file)', async () => {
    const clock = virtualClock();
    const fetchText = async () => {
      await clock.sleep(10);
      return clock.now() >= 200 ? 'restored' : 'marker';
    };
    const checks = [{ label: 'p', path: '/p/', marker: 'marker' }];
    const [timing] = await clock.run(pollPages(checks, fetchText, { since: 0, clock, present: false }));
    expect(timing!.seconds).toBe(0.23);
  });
});

describe('the edits', () => {
  test.each([
    [
      'the first long word of the first plain paragraph',
      'Short intro line here.\n\nAlibaba announced payments today.',
      [],
      'Short intro line here.\n\nAlibaba MARK payments today.',
    ],
    ['not a word a note quotes', 'Alibaba announced payments today.', ['alibaba announced'], 'Alibaba announced MARK today.'],
    [
      'not a heading, a list or a paragraph with a link',
      '# Heading words\n\n- listed things\n\nSee [linked words](/x/) here.\n\nPlainly written.',
      [],
      '# Heading words\n\n- listed things\n\nSee [linked words](/x/) here.\n\nPlainly MARK.',
    ],
    [
      'a paragraph citing footnotes, as topics do',
      'Ant Group[^1] operates Alipay.[^2]\n\n[^1]: Somewhere, reported.',
      [],
      'Ant Group[^1] MARK Alipay.[^2]\n\n[^1]: Somewhere, reported.',
    ],
    ['not a word the paragraph has twice', 'Tencent and Tencent agreed loudly.', [], 'Tencent and Tencent MARK loudly.'],
    ['no such word: nothing', 'Tiny words only.', [], undefined],
  ])('%s', (_, body, quoted, expected) => {
    expect(replaceOneWord(body, 'MARK', quoted)).toBe(expected);
  });

  test('a word change keeps the frontmatter byte for byte and avoids the notes’ quotes', () => {
    const head = '---\ntitle: "A"\nannotations:\n  - quote: Alibaba announced payments\n    suffix: yesterday\n---\n\n';
    const text = `${head}Alibaba announced payments yesterday, wholesale.\n`;
    expect(withOneWordChanged(text, 'MARK', protectedQuotes(text))).toBe(`${head}Alibaba announced payments yesterday, MARK.\n`);
    expect(withOneWordChanged(text, 'MARK')).toBe(`${head}MARK announced payments yesterday, wholesale.\n`);
  });

  test('a marked title or summary is the old value with the marker, written by the content model', () => {
    const text = '---\ntitle: Alibaba Cloud\nsummary: The cloud arm.\npublished: 2024-09-05\n---\n\nBody.\n';
    const marked = withValueMarked(text, 'summary', 'Summaryeditx');
    expect(frontmatterAsWritten(marked!).data).toEqual({ title: 'Alibaba Cloud', summary: 'The cloud arm. Summaryeditx', published: '2024-09-05' });
    expect(marked).toContain('\n\nBody.\n');
    expect(withValueMarked('---\ntitle: A\n---\nBody.', 'summary', 'x')).toBeUndefined();
  });

  test('markers are letters only and differ by kind', () => {
    expect(markerWord('article-text', 'm1x-9')).toBe('Articleeditmx');
    expect(new Set((['article-text', 'topic-overview', 'topic-summary', 'cited-title'] as const).map((k) => markerWord(k, 'a'))).size).toBe(4);
  });
});

describe('which files the benchmark edits', () => {
  const article = (slug: string, cites: string[] = [], body = 'Companies announced payments today.') => ({
    path: `articles/${slug}.md`,
    content: `---\ntitle: ${slug}\nannotations:\n${cites.map((c) => `  - quote: q\n    sources:\n      - article: ${c}\n        quote: q\n`).join('')}---\n\n${body}\n`,
  });

  test.each([
    [
      'the first generated article no note cites; a generated article citing another',
      [article('real'), article('real-00002'), article('real-00001', ['real-00002']), article('real-00003', ['real'])],
      { article: { slug: 'real-00001', file: 'articles/real-00001.md' }, citing: { slug: 'real-00003', cited: 'real', citedFile: 'articles/real.md' } },
    ],
    [
      'never a real article, nor a citation of itself or of an MDX article',
      [article('real'), { path: 'articles/rich.mdx', content: '---\ntitle: r\n---\n\nRichly written.\n' }, article('real-00001', ['real-00001', 'rich'])],
      { article: { slug: 'real-00001', file: 'articles/real-00001.md' } },
    ],
    ['no article with a word to change', [article('real-00001', [], 'Tiny.')], {}],
  ])('%s', (_, files, expected) => {
    expect(pickEditTargets(files)).toEqual(expected);
  });
});

describe('the topic an article page links', () => {
  test.each([
    ['a topic link', '<p>See <a class="topic-link" href="/topics/alipay/" data-topic-summary="x">Alipay</a>.</p>', 'alipay'],
    ['under a base path', '<a class="topic-link" href="/site/topics/ant-group/" data-topic-summary="x">Ant</a>', 'ant-group'],
    ['not a plain link to a topic', '<a href="/topics/alipay/">Alipay</a>', undefined],
  ])('%s', (_, html, expected) => {
    expect(linkedTopic(html)).toBe(expected);
  });
});

describe('the report rows', () => {
  const dev: DevServerResult = {
    timeoutSeconds: 60,
    startSeconds: 41.3,
    firstRequest: { path: '/articles/x/', seconds: 3.25 },
    edits: [
      { edit: 'article-text', file: 'articles/x.md', checks: [{ label: 'its page', path: '/articles/x/', seconds: 0.734, requests: 3 }], restoredSeconds: 0.5 },
      {
        edit: 'topic-summary',
        file: 'topics/t.mdx',
        checks: [
          { label: 'topic page', path: '/topics/t/', seconds: 1.2, requests: 4 },
          { label: 'article page', path: '/articles/x/', requests: 200 },
        ],
      },
    ],
  };

  test.each([
    ['start and first page', devStartCell(dev), '41.3 s / 3.3 s'],
    ['with the load average', devStartCell({ ...dev, loadAverage: 7.24 }), '41.3 s / 3.3 s (load 7.2)'],
    ['an edit shown', devEditCell(dev, 'article-text'), '0.73 s'],
    ['a page that never showed it, and a restore not seen', devEditCell(dev, 'topic-summary'), '1.20 s / not shown in 60 s (restore not shown in 60 s)'],
    ['an edit not made', devEditCell(dev, 'cited-title'), 'n/a'],
    ['an edit not made because the measurement stopped', devEditCell({ ...dev, error: 'HTTP 500' }, 'cited-title'), 'not measured'],
    ['skipped', devStartCell({ skipped: 'above 2,000 articles (--dev-up-to)', edits: [], timeoutSeconds: 0 }), 'skipped: above 2,000 articles (--dev-up-to)'],
    ['skipped edit', devEditCell({ skipped: 'x', edits: [], timeoutSeconds: 0 }, 'article-text'), 'skipped'],
    ['failed to start', devStartCell({ error: 'astro dev stopped', edits: [], timeoutSeconds: 60 }), 'failed: astro dev stopped'],
    ['not run', devStartCell(undefined), 'n/a'],
  ])('%s', (_, cell, expected) => {
    expect(cell).toBe(expected);
  });
});
