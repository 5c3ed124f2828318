// The benchmark's measuring helpers: the seeded generator, what a page loads before interaction, the build's
// memory read from /proc and /usr/bin/time, output summaries by page kind, what a search fetched (uncompressed
// and gzip), growth exponents and the chart.
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildTimeChart, decades } from '../../src/bench/chart.ts';
import { grownFamilies, grownPages, pageFamilies, pageKind, summarizeOutput } from '../../src/bench/output-summary.ts';
import { cssImports, measurePage, moduleImports, onLoadReferences } from '../../src/bench/page-weight.ts';
import { descendants, parseProcStatus, parseTimeVerbose, peaksByName, programName } from '../../src/bench/process-memory.ts';
import { seededRandom } from '../../src/bench/prng.ts';
import { fetched, fetchedFilesTable, growthExponent, kb, medianMs, medianOf, processPeaks } from '../../src/bench/report.ts';
import { servedTotals } from '../../src/bench/search-timing.ts';
import { transferBytes } from '../../src/bench/static-server.ts';

describe('seeded random', () => {
  test('the same seed gives the same sequence; another seed another', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  test('int stays within its bounds and reaches both', () => {
    const random = seededRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  test('shuffle keeps every element', () => {
    expect(seededRandom(4).shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('what a page loads', () => {
  const page = 'http://127.0.0.1:8000/articles/x/';
  test.each([
    ['a stylesheet', '<link rel="stylesheet" href="/_astro/a.css">', [['http://127.0.0.1:8000/_astro/a.css', 'css']]],
    ['a module script', '<script type="module" src="/_astro/a.js"></script>', [['http://127.0.0.1:8000/_astro/a.js', 'js']]],
    ['a module preload', "<link rel=modulepreload href='/_astro/b.js'>", [['http://127.0.0.1:8000/_astro/b.js', 'js']]],
    ['an icon', '<link rel="icon" href="/favicon.svg" type="image/svg+xml">', [['http://127.0.0.1:8000/favicon.svg', 'other']]],
    ['a relative path', '<script src="../a.js"></script>', [['http://127.0.0.1:8000/articles/a.js', 'js']]],
    ['not another origin', '<script src="https://cdn.example.org/a.js"></script>', []],
    ['not canonical, feed or sitemap links', '<link rel="canonical" href="/x/"><link rel="alternate" href="/rss.xml"><link rel="sitemap" href="/s.xml">', []],
    ['not inside noscript or a comment', '<noscript><link rel="stylesheet" href="/n.css"></noscript><!-- <script src="/c.js"></script> -->', []],
    [
      'not inside a template, nested ones too',
      '<template><template><link rel="stylesheet" href="/list.css"></template><script src="/search.js"></script></template><script src="/a.js"></script>',
      [['http://127.0.0.1:8000/a.js', 'js']],
    ],
    ['not a lazy image', '<img src="/a.png" loading="lazy"><img src="/b.png">', [['http://127.0.0.1:8000/b.png', 'other']]],
  ])('%s', (_, html, expected) => {
    expect(onLoadReferences(html, page).map((r) => [r.url, r.kind])).toEqual(expected);
  });

  test.each([
    ['import from', 'import{a as b}from"./x.js";', ['./x.js']],
    ['bare import', 'import"./y.js";import "./z.js"', ['./y.js', './z.js']],
    ['export from', 'export * from "./w.js"', ['./w.js']],
    ['not a dynamic import', 'const m = await import("./later.js")', []],
  ])('module imports: %s', (_, js, expected) => {
    expect(moduleImports(js)).toEqual(expected);
  });

  test('css imports', () => {
    expect(cssImports('@import "a.css"; @import url(/b.css);')).toEqual(['a.css', '/b.css']);
  });

  test('a page, its stylesheet and its scripts with their imports, each counted once', async () => {
    const files: Record<string, string> = {
      'http://s/a/': '<link rel="stylesheet" href="/s.css"><script type="module" src="/m.js"></script><script type="module" src="/n.js"></script>',
      'http://s/s.css': 'body{}',
      'http://s/m.js': 'import"./shared.js";',
      'http://s/n.js': 'import"./shared.js";import("./lazy.js")',
      'http://s/shared.js': 'export const x=1;',
      'http://s/lazy.js': 'never fetched',
    };
    const weight = await measurePage('http://s/a/', (url) => Promise.resolve(url in files ? new TextEncoder().encode(files[url]) : undefined));
    expect(weight.assets.map((a) => a.url)).toEqual(['http://s/a/', 'http://s/s.css', 'http://s/m.js', 'http://s/n.js', 'http://s/shared.js']);
    expect(weight.bytes).toEqual({ html: files['http://s/a/']!.length, css: 6, js: 20 + 39 + 17, other: 0 });
    expect(weight.requests).toBe(5);
    expect(weight.total).toBe(weight.bytes.html + weight.bytes.css + weight.bytes.js);
  });
});

describe('memory of the build', () => {
  test('a /proc status', () => {
    const status = 'Name:\tnode\nPid:\t42\nPPid:\t7\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n';
    expect(parseProcStatus(status)).toEqual({ name: 'node', pid: 42, ppid: 7, rss: 1024 * 1024, hwm: 2048 * 1024 });
    expect(parseProcStatus('')).toBeUndefined();
  });

  test('a kernel thread has no memory lines', () => {
    expect(parseProcStatus('Name:\tkthreadd\nPid:\t2\nPPid:\t0\n')).toEqual({ name: 'kthreadd', pid: 2, ppid: 0, rss: 0, hwm: 0 });
  });

  test("each program's own peak, by name: the largest of its processes, kept across samples", () => {
    const at = (name: string, pid: number, hwmMb: number) => ({ name, pid, ppid: 1, rss: 0, hwm: hwmMb * 1e6 });
    const peaks = peaksByName([at('node', 10, 1200), at('pagefind_extend', 11, 300)]);
    peaksByName([at('node', 10, 1500), at('pagefind_extend', 11, 250), at('pagefind_extend', 12, 400)], peaks);
    expect(Object.fromEntries(peaks)).toEqual({ node: 1500e6, pagefind_extend: 400e6 });
    expect(processPeaks(Object.fromEntries(peaks))).toBe('node 1500 MB, pagefind_extend 400 MB');
    expect(processPeaks(undefined)).toBe('n/a');
  });

  test.each([
    ['Node, run by its path', '/work/main/node_modules/node/bin/node\0node_modules/astro/bin/astro.mjs\0build\0', 'MainThread', 'node'],
    ["Pagefind's binary", '/x/node_modules/@pagefind/linux-x64/bin/pagefind_extended\0--service\0', 'pagefind_extend', 'pagefind_extended'],
    ['no command line (exited, or a kernel thread)', '', 'kthreadd', 'kthreadd'],
  ])("a program's name: %s", (_what, cmdline, statusName, name) => expect(programName(cmdline, statusName)).toBe(name));

  test('the process tree under a pid', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 1],
      [14, 12],
    ]);
    expect([...descendants(10, parents)].sort()).toEqual([10, 11, 12, 14]);
  });

  test('/usr/bin/time -v', () => {
    const text = [
      '\tUser time (seconds): 179.85',
      '\tSystem time (seconds): 45.78',
      '\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50',
      '\tMaximum resident set size (kbytes): 1001520',
    ].join('\n');
    const timed = parseTimeVerbose(text);
    expect(timed).toMatchObject({ maxRss: 1001520 * 1024, wallSeconds: 62.5 });
    expect(timed.cpuSeconds).toBeCloseTo(225.63);
    expect(parseTimeVerbose('')).toEqual({});
  });
});

describe('output summary', () => {
  test.each([
    ['index.html', 'home'],
    ['articles/index.html', 'article-list'],
    ['articles/3/index.html', 'article-list'],
    ['articles/alibaba-embraces-wechat-pay/index.html', 'article'],
    ['topics/index.html', 'topic-list'],
    ['topics/wechat/index.html', 'topic'],
    ['topics/wechat/coverage/2/index.html', 'topic-coverage'],
    ['timeline/2/index.html', 'timeline'],
    ['search/index.html', 'search'],
    ['about/index.html', 'other'],
  ])('%s is a %s page', (path, kind) => {
    expect(pageKind(path)).toBe(kind);
  });

  test('totals, the search index and the largest page of each kind', () => {
    const summary = summarizeOutput([
      { path: 'index.html', bytes: 10 },
      { path: 'articles/a/index.html', bytes: 50 },
      { path: 'articles/b/index.html', bytes: 70 },
      { path: '_astro/x.css', bytes: 5 },
      { path: 'pagefind/pagefind.js', bytes: 30 },
      { path: 'pagefind/index/en_1.pf_index', bytes: 40 },
    ]);
    expect(summary).toMatchObject({ files: 6, totalBytes: 205, htmlFiles: 3, htmlBytes: 130, searchIndexBytes: 70, searchIndexDataBytes: 40 });
    expect(summary.largest.article).toEqual({ path: 'articles/b/index.html', bytes: 70 });
    expect(summarizeOutput([{ path: 'index.html', bytes: 1 }]).searchIndexBytes).toBeUndefined();
  });

  test('pages that grew between two builds, beyond a tolerance', () => {
    const small = [
      { path: 'a/index.html', bytes: 100 },
      { path: 'b/index.html', bytes: 100 },
      { path: 'x.css', bytes: 1 },
    ];
    const large = [
      { path: 'a/index.html', bytes: 104 },
      { path: 'b/index.html', bytes: 300 },
      { path: 'x.css', bytes: 9 },
      { path: 'new/index.html', bytes: 5 },
    ];
    expect(grownPages(small, large, 0.05)).toEqual([{ path: 'b/index.html', small: 100, large: 300, ratio: 3 }]);
  });
});

describe('what a search fetched', () => {
  const text = new TextEncoder().encode('search '.repeat(500));
  test.each([
    ['/pagefind/pagefind-component-ui.js', gzipSync(text).byteLength],
    ['/search/index.html', gzipSync(text).byteLength],
    ['/_astro/search.css', gzipSync(text).byteLength],
    ['/pagefind/pagefind-entry.json', gzipSync(text).byteLength],
    // Pagefind writes its index and wasm compressed: a host sends them as they are.
    ['/pagefind/fragment/en_1.pf_fragment', text.byteLength],
    ['/pagefind/index/en_1.pf_index', text.byteLength],
    ['/pagefind/wasm.en.pagefind', text.byteLength],
  ])('%s is sent as %d bytes by a host that gzips text', (path, bytes) => {
    expect(transferBytes(path, text)).toBe(bytes);
  });

  test('totals, uncompressed and gzip, with the index files apart, and each file listed', () => {
    const files = [
      { path: '/search/', bytes: 9000, gzipBytes: 3000 },
      { path: '/pagefind/pagefind.js', bytes: 40000, gzipBytes: 12000 },
      { path: '/pagefind/index/en_1.pf_index', bytes: 5000, gzipBytes: 5000 },
    ];
    expect(servedTotals(files)).toEqual({ bytes: 54000, gzipBytes: 20000, requests: 3, indexBytes: 45000, files });
  });

  test('a table of the files, largest first, and the totals', () => {
    const visit = servedTotals([
      { path: '/search/', bytes: 9000, gzipBytes: 3000 },
      { path: '/pagefind/pagefind.js', bytes: 40000, gzipBytes: 12000 },
    ]);
    expect(fetched(visit)).toBe('49.0 kB (15.0 kB)');
    expect(fetchedFilesTable(visit).split('\n')).toEqual([
      '| fetched | uncompressed | gzip |',
      '|---|---:|---:|',
      '| /pagefind/pagefind.js | 40.0 kB | 12.0 kB |',
      '| /search/ | 9.0 kB | 3.0 kB |',
      '| **total** (2 requests) | 49.0 kB | 15.0 kB |',
    ]);
  });
});

describe('search times taken in rounds', () => {
  test.each([
    [[], undefined],
    [[300], 300],
    [[420, 338, 351], 351],
    [[338, 420, 351, 401], 351],
    [[5, 1, 4, 2, 3], 3],
    [[400, 400, 380], 400],
  ])('the median round of %j is %s (a round measured, the lower middle one of an even count)', (runs, median) => {
    expect(medianOf(runs, (n) => n)).toBe(median);
  });

  test('the median visit is the visit itself, with what it fetched', () => {
    const visits = [
      { firstResultMs: 410, bytes: 3 },
      { firstResultMs: 338, bytes: 1 },
      { firstResultMs: 352, bytes: 2 },
    ];
    expect(medianOf(visits, (v) => v.firstResultMs)).toBe(visits[2]);
  });

  test.each([
    [undefined, undefined, 'n/a'],
    [338, undefined, '338 ms'],
    [338, [338], '338 ms'],
    [351.4, [420.2, 338.4, 351.4], '351 ms (median of 3: 338-420 ms)'],
  ])('%s ms from rounds %j reads "%s"', (median, runs, text) => {
    expect(medianMs(median, runs)).toBe(text);
  });
});

describe('reporting', () => {
  test.each([
    [{ articles: 100, value: 10 }, { articles: 1000, value: 100 }, 1],
    [{ articles: 100, value: 10 }, { articles: 1000, value: 1000 }, 2],
    [{ articles: 100, value: 10 }, { articles: 1000, value: 10 }, 0],
  ])('growth exponent %o → %o is %d', (a, b, k) => {
    expect(growthExponent(a, b)).toBeCloseTo(k);
  });

  test.each([
    [undefined, 'n/a'],
    [9_900, '9.9 kB'],
    [1_500_000, '1.5 MB'],
    [830_000_000, '830 MB'],
  ])('%s bytes read %s', (bytes, text) => {
    expect(kb(bytes)).toBe(text);
  });
});

describe('chart', () => {
  test('decades around the data', () => {
    expect(decades(100, 10000)).toEqual([100, 1000, 10000]);
    expect(decades(3.5, 95)).toEqual([1, 10, 100]);
  });

  test('an SVG with a titled point per measurement and the targets', () => {
    const svg = buildTimeChart(
      [
        { articles: 1000, seconds: 9 },
        { articles: 100, seconds: 2 },
      ],
      [{ articles: 10000, seconds: 120, label: 'target' }],
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title id="chart-title">Build time against corpus size: 100 articles in 2.0 s, 1,000 articles in 9.0 s</title>');
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('>target</text>');
    expect(() => buildTimeChart([])).toThrow();
  });
});

test('the chart draws CPU time as a second line when it is known', () => {
  const svg = buildTimeChart([
    { articles: 100, seconds: 90, cpuSeconds: 30 },
    { articles: 1000, seconds: 700, cpuSeconds: 220 },
  ]);
  expect(svg.match(/<circle [^>]*class="cpu-dot"/g)).toHaveLength(2);
  expect(svg).toContain('100 articles in 90 s (30 s CPU)');
});

describe('page families', () => {
  test('the pages of a list are one family, weighed by the largest; other pages stand alone', () => {
    const families = pageFamilies([
      { path: 'topics/wechat/coverage/index.html', bytes: 50 },
      { path: 'topics/wechat/coverage/2/index.html', bytes: 60 },
      { path: 'topics/wechat/coverage/3/index.html', bytes: 10 },
      { path: 'topics/wechat/index.html', bytes: 70 },
      { path: 'articles/index.html', bytes: 30 },
      { path: 'articles/2/index.html', bytes: 31 },
      { path: 'articles/some-slug/index.html', bytes: 40 },
    ]);
    expect(Object.fromEntries([...families].map(([k, v]) => [k, v.bytes]))).toEqual({
      'topics/wechat/coverage/*': 60,
      'topics/wechat/index.html': 70,
      'articles/*': 31,
      'articles/some-slug/index.html': 40,
    });
  });

  test('a half-full last page filling up is not growth; a page that grows is', () => {
    const small = [
      { path: 't/index.html', bytes: 100 },
      { path: 't/2/index.html', bytes: 20 },
      { path: 'topic/index.html', bytes: 100 },
    ];
    const large = [
      { path: 't/index.html', bytes: 100 },
      { path: 't/2/index.html', bytes: 100 },
      { path: 't/3/index.html', bytes: 100 },
      { path: 'topic/index.html', bytes: 150 },
    ];
    expect(grownFamilies(small, large, 0.05)).toEqual([{ family: 'topic/index.html', small: 100, large: 150, ratio: 1.5 }]);
  });
});
