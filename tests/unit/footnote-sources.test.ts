// A topic's footnotes cite outside reports in prose; each must name its outlet, the day it was published and a
// title or an https:// address, like every outside source (src/schemas/annotation.ts). The faults each gets, by rule.
import { describe, expect, test } from 'vitest';
import { proseSourceFaults, splitSources } from '../../src/lib/content-check/footnote-sources.ts';

describe('one footnote, several sources', () => {
  test.each([
    ['one source', 'Reuters, 4 Sep 2024, "A; B": https://example.com/a', ['Reuters, 4 Sep 2024, "A; B": https://example.com/a']],
    [
      'two, split at " ; "',
      'SCMP, 15 Jul 2021: https://scmp.com/a ; CPI, 16 Jul 2021, "Vow": https://cpi.com/b',
      ['SCMP, 15 Jul 2021: https://scmp.com/a', 'CPI, 16 Jul 2021, "Vow": https://cpi.com/b'],
    ],
    ['not inside brackets', 'Bloomberg, 17 Mar 2021 (citing people; unnamed), "Deals"', ['Bloomberg, 17 Mar 2021 (citing people; unnamed), "Deals"']],
    ['not inside curly quotes', 'Mint, 3 Aug 2021, “Profit; spending”', ['Mint, 3 Aug 2021, “Profit; spending”']],
  ])('%s', (_name, text, parts) => expect(splitSources(text)).toEqual(parts));
});

describe('what an outside source in prose lacks', () => {
  test.each([
    ['sound: outlet, day, title and https address', 'Reuters, 28 Jun 2017, "Alibaba spending $1 bn", via Zee News: https://zeenews.india.com/a', []],
    ['sound: ISO date and address only', 'PingWest, 2021-04-13: https://en.pingwest.com/w/8504', []],
    ['sound with a byline in brackets', 'Lawfare (Brian Liu), 14 Oct 2021, "Meituan Fined"', []],
    [
      'one of our articles is not an outside source',
      '[Alibaba Tracker](/articles/alibaba-tracker-the-partner-games/), PYMNTS, about 13–16 Dec 2016: "Alibaba Cloud"',
      [],
    ],
    ['a month alone', 'Pandaily, September 2021, "Stop Blocking": https://pandaily.com/a', ['source-without-date']],
    ['undated', 'Time to Reinvent, "Alimama" (undated): https://time-to-reinvent.com/a', ['source-missing-part']],
    ['no title, no address', 'Bloomberg, 17 Mar 2021', ['source-without-title-or-url']],
    ['no URL on file', 'CNBC, 4 Sep 2024 (no URL on file)', ['source-missing-part', 'source-without-title-or-url']],
    ['an http address', 'Reuters, 12 Apr 2016: http://uk.reuters.com/article/a', ['source-without-title-or-url', 'source-url-not-https']],
    ['no outlet before the first comma', '4 Sep 2024, "Title"', ['source-without-outlet']],
  ])('%s', (_name, source, rules) => expect(proseSourceFaults(source).map((fault) => fault.rule)).toEqual(rules));
});
