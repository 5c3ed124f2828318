// The Starlight baseline of `npm run bench`: which pages the stock Starlight site gets from a corpus, and how our
// build's figures are set against its.
import { describe, expect, test } from 'vitest';
import { markdownTable, pairedCell, pairedRatios, starlightRatios, type BenchResult, type BuildPair } from '../../src/bench/report.ts';
import { STARLIGHT_PROJECT, starlightPages } from '../../src/bench/starlight-baseline.ts';

const article = (title: string, body: string) => `---\ntitle: ${title}\noutlet: Example Daily\nannotations:\n  - id: a\n    quote: x\n---\n\n${body}\n`;

describe('the Starlight site', () => {
  test('one page per article, its title and body only; topics and events have no page', () => {
    const pages = starlightPages([
      { path: 'articles/alibaba-opens-up.md', content: article('"Alibaba: open"', 'First paragraph.\n\nSecond [link](/topics/x/).') },
      { path: 'articles/variant-00001.mdx', content: article('Variant', 'Text.') },
      { path: 'topics/wechat-pay.mdx', content: '---\ntitle: WeChat Pay\n---\n\nAbout.\n' },
      { path: 'events/2021-09-13-links.yaml', content: 'title: Links\n' },
    ]);
    expect(pages).toEqual([
      { path: 'src/content/docs/alibaba-opens-up.md', content: '---\ntitle: "Alibaba: open"\n---\n\nFirst paragraph.\n\nSecond [link](/topics/x/).\n' },
      { path: 'src/content/docs/variant-00001.md', content: '---\ntitle: "Variant"\n---\n\nText.\n' },
    ]);
  });

  test('an article without a title is titled by its slug', () => {
    expect(starlightPages([{ path: 'articles/untitled.md', content: 'Just text.\n' }])[0]?.content).toBe('---\ntitle: "untitled"\n---\n\nJust text.\n');
  });

  test('the project is stock Starlight: its integration alone, with the docs collection', () => {
    const config = STARLIGHT_PROJECT.find((f) => f.path === 'astro.config.mjs')?.content;
    expect(config).toContain("integrations: [starlight({ title: 'Starlight baseline' })]");
    expect(STARLIGHT_PROJECT.find((f) => f.path === 'src/content.config.ts')?.content).toContain(
      'docs: defineCollection({ loader: docsLoader(), schema: docsSchema() })',
    );
  });
});

describe('ratios to Starlight', () => {
  const build = { ok: true, wallSeconds: 60, cpuSeconds: 90, peakTreeBytes: 1.5e9, peakProcessBytes: 1e9, pages: 1100, pagesPerSecond: 18 };
  const starlight = { ok: true, wallSeconds: 30, cpuSeconds: 45, peakTreeBytes: 1e9, pages: 1001 };

  test.each([
    ['both built', { build, starlight }, { wall: 2, cpu: 2, memory: 1.5 }],
    ['no CPU time for Starlight', { build, starlight: { ...starlight, cpuSeconds: undefined } }, { wall: 2, memory: 1.5 }],
    ['Starlight failed', { build, starlight: { ...starlight, ok: false } }, {}],
    ['our build failed', { build: { ...build, ok: false }, starlight }, {}],
    ['no baseline', { build }, {}],
  ] as [string, Pick<BenchResult, 'build' | 'starlight'>, object][])('%s', (_, result, expected) => expect(starlightRatios(result)).toEqual(expected));

  test('the table shows the baseline and the ratios', () => {
    const table = markdownTable([{ articles: 1000, events: 10, seed: 1, date: '', build, starlight }]);
    expect(table).toContain('| Starlight baseline: build time (wall / CPU) | 30.0 s / 45.0 s |');
    expect(table).toContain('| Starlight baseline: peak memory (pages) | 1000 MB (1001) |');
    expect(table).toContain("| build time ÷ Starlight's (wall / CPU) | 2.00× / 2.00× |");
    expect(table).toContain("| peak memory ÷ Starlight's | 1.50× |");
  });
});

describe('ratios over alternated pairs of builds (--build-rounds)', () => {
  const pair = (first: BuildPair['first'], ours: number, theirs: number, oursCpu?: number, theirsCpu?: number): BuildPair => ({
    first,
    ours: { ok: true, wallSeconds: ours, ...(oursCpu !== undefined ? { cpuSeconds: oursCpu } : {}) },
    starlight: { ok: true, wallSeconds: theirs, ...(theirsCpu !== undefined ? { cpuSeconds: theirsCpu } : {}) },
  });

  test.each<[string, BuildPair[], ReturnType<typeof pairedRatios>]>([
    ['no pairs', [], { wall: [], cpu: [] }],
    ['one pair', [pair('ours', 40, 20, 50, 20)], { wall: [2], cpu: [2.5], medianWall: 2, medianCpu: 2.5 }],
    [
      'three pairs: the middle ratio of each, which need not come from the same pair',
      [pair('ours', 40, 20, 50, 20), pair('starlight', 30, 25, 45, 25), pair('ours', 36, 20, 40, 25)],
      { wall: [2, 1.2, 1.8], cpu: [2.5, 1.8, 1.6], medianWall: 1.8, medianCpu: 1.8 },
    ],
    [
      'four pairs: the lower middle one',
      [pair('ours', 2, 1), pair('starlight', 3, 1), pair('ours', 1, 1), pair('starlight', 4, 1)],
      { wall: [2, 3, 1, 4], cpu: [], medianWall: 2 },
    ],
    [
      'a pair where either build failed is left out',
      [
        pair('ours', 40, 20),
        { ...pair('starlight', 10, 20), starlight: { ok: false, wallSeconds: 20 } },
        { ...pair('ours', 10, 20), ours: { ok: false, wallSeconds: 10 } },
      ],
      { wall: [2], cpu: [], medianWall: 2 },
    ],
  ])('%s', (_name, pairs, expected) => expect(pairedRatios(pairs)).toEqual(expected));

  test.each<[string, BuildPair[] | undefined, string]>([
    ['a run without rounds', undefined, 'n/a'],
    ['one pair only', [pair('ours', 40, 20, 50, 20)], 'n/a'],
    [
      'three pairs',
      [pair('ours', 40, 20, 50, 20), pair('starlight', 30, 25, 45, 25), pair('ours', 36, 20, 40, 25)],
      '1.80× / 1.80× (median of 3 pairs; wall 1.20-2.00×)',
    ],
  ])('the table: %s', (_name, pairs, cell) => {
    expect(pairedCell(pairs)).toBe(cell);
    const build = { ok: true, wallSeconds: 40, peakTreeBytes: 1, peakProcessBytes: 1, pages: 1, pagesPerSecond: 1 };
    expect(markdownTable([{ articles: 1000, events: 1, seed: 1, date: '', build, ...(pairs ? { pairs } : {}) }])).toContain(
      `| build time ÷ Starlight's over alternated pairs (wall / CPU) | ${cell} |`,
    );
  });
});
