// Where a build's time goes: the phases' seconds from the moments each ended, the line the build prints, and the
// benchmark reading both lines back from a build's log (src/lib/build-phases.ts).
import { describe, expect, test } from 'vitest';
import { phasesFromEnds, phasesText, readPhases, type BuildPhase, type PhaseTimes } from '../../src/lib/build-phases.ts';
import { phasesCell } from '../../src/bench/report.ts';

describe('the phases, from the moments each ended', () => {
  test.each<[string, [BuildPhase, number][], PhaseTimes]>([
    [
      'each runs from the end of the one before, the first from the start of the process',
      [
        ['start and content check', 3000],
        ['content sync', 4500],
        ['bundling and pages', 20500],
        ['last steps', 24000],
      ],
      { 'start and content check': 3, 'content sync': 1.5, 'bundling and pages': 16, 'last steps': 3.5 },
    ],
    ['one phase alone', [['search index', 5200]], { 'search index': 5.2 }],
    ['none', [], {}],
  ])('%s', (_, ends, times) => expect(phasesFromEnds(ends)).toEqual(times));
});

describe('the line the build prints', () => {
  test.each<[string, PhaseTimes, string]>([
    [
      "Astro's four, in their order whatever the order given",
      { 'last steps': 38.24, 'start and content check': 57, 'bundling and pages': 193.38, 'content sync': 3.05 },
      'start and content check 57.0 s, content sync 3.0 s, bundling and pages 193.4 s, last steps 38.2 s',
    ],
    ['the search index alone', { 'search index': 55.04 }, 'search index 55.0 s'],
    ['nothing', {}, ''],
  ])('%s', (_, times, line) => expect(phasesText(times)).toBe(line));
});

describe("reading the phases back from a build's log", () => {
  const log = [
    '\u001b[2m00:29:57\u001b[22m \u001b[34m[content-check]\u001b[39m 11058 files checked, no problems.',
    '00:34:50 [link-check] 17189 pages checked: every internal link and anchor leads somewhere.',
    '\u001b[2m00:34:50\u001b[22m \u001b[34m[build-phases]\u001b[39m start and content check 57.0 s, content sync 3.1 s, bundling and pages 193.4 s, last steps 38.2 s',
    '00:34:50 [build] 17189 page(s) built in 4m 52s',
    '[search-index] 10137 search records written to pagefind/ from 10336 pages (59441 KiB of index).',
    '[build-phases] search index 55.0 s',
  ].join('\n');

  test("both lines, Astro's with its colours and time", () =>
    expect(readPhases(log)).toEqual({
      'start and content check': 57,
      'content sync': 3.1,
      'bundling and pages': 193.4,
      'last steps': 38.2,
      'search index': 55,
    }));

  test('a log without them (a failed build, an older one, Starlight) has none', () => {
    expect(readPhases('00:00:01 [build] 10 page(s) built in 1.2s\n[link-check] last steps 3 s')).toEqual({});
    expect(phasesCell(readPhases(''))).toBe('n/a');
  });

  test('what the build prints is what the benchmark reads', () => {
    const times = { 'start and content check': 1.04, 'content sync': 0.96, 'bundling and pages': 1.8, 'last steps': 0.31 };
    expect(readPhases(`01:14:15 [build-phases] ${phasesText(times)}`)).toEqual({
      'start and content check': 1,
      'content sync': 1,
      'bundling and pages': 1.8,
      'last steps': 0.3,
    });
  });

  test('in the benchmark table, in their order, "?" for a phase not reported', () => {
    expect(phasesCell(readPhases(log))).toBe('57.0 / 3.1 / 193.4 / 38.2 / 55.0 s');
    expect(phasesCell({ 'bundling and pages': 12 })).toBe('? / ? / 12.0 / ? / ? s');
  });
});
