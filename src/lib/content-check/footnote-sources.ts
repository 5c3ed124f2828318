// A topic's overview cites its sources in GFM footnotes, written as prose rather than YAML fields, so the rule
// every outside source follows (src/schemas/annotation.ts: outlet, the day it was published, and a title or an
// https:// address; no "no URL on file") is checked here on the footnote's text. A footnote that links to one of
// our articles (/articles/<slug>/) cites that article and is left alone; every other footnote is an outside
// report, in the documented form `Outlet, 4 Sep 2024, "Title": https://…`, several joined by " ; ".
import type { FootnoteDefinition, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { MISSING_PART_TEXT } from '../../schemas/annotation.ts';
import type { Finding } from './finding.ts';
import { SECTIONS } from './problem.ts';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** A day date: "4 Sep 2024", "4 September 2024" or 2024-09-04. A month or a year alone does not let a reader find a report. */
const DAY_DATE = new RegExp(`(?:^|[\\s,(])(?:\\d{1,2} ${MONTH}\\.? \\d{4}|\\d{4}-\\d{2}-\\d{2})(?=$|[\\s,.;:)])`);
/** A headline in straight or curly double quotes. */
const TITLE = /"[^"]+"|“[^”]+”/;
const ADDRESS = /\bhttps?:\/\/[^\s)>\]]+/g;
const OUR_ARTICLE = /\]\(\/articles\/[a-z0-9-]+\/[^)]*\)/;
/** Text that says a source is missing a date: a reader cannot find an undated report either. */
const UNDATED = /\bundated\b/i;

/** The sources of one footnote: its text split at semicolons outside quotes and brackets ("A …: https://… ; B …"). */
export function splitSources(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  let depth = 0;
  for (const char of text) {
    if (quote === undefined && (char === '"' || char === '“')) quote = char === '"' ? '"' : '”';
    else if (quote !== undefined && char === quote) quote = undefined;
    else if (quote === undefined && (char === '(' || char === '[')) depth++;
    else if (quote === undefined && (char === ')' || char === ']')) depth = Math.max(0, depth - 1);
    if (char === ';' && quote === undefined && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** What is wrong with one outside source written as prose, as short reasons; empty when it is sound. */
export function proseSourceFaults(source: string): { rule: string; message: string; expected: string; fix: string }[] {
  if (OUR_ARTICLE.test(source)) return [];
  const faults: { rule: string; message: string; expected: string; fix: string }[] = [];
  const missing = MISSING_PART_TEXT.exec(source) ?? UNDATED.exec(source);
  if (missing) {
    faults.push({
      rule: 'source-missing-part',
      message: `says "${missing[0]}" instead of giving it.`,
      expected: 'the date, title or address itself; what you have not seen is left out',
      fix: 'delete the words; give the day the report was published and its title or https:// address. A source a reader cannot follow is not a source: find the report, or cite another.',
    });
  }
  const outlet = /^([^,]*),/.exec(source)?.[1]?.trim() ?? '';
  if (!/\p{L}/u.test(outlet) || DAY_DATE.test(outlet)) {
    faults.push({
      rule: 'source-without-outlet',
      message: 'an outside source that does not start with its outlet.',
      expected: 'the outlet first, then a comma: Reuters, 4 Sep 2024, "Title": https://…',
      fix: 'start with the publication ("Reuters, via Zee News" for a republished copy), then a comma.',
    });
  }
  if (!DAY_DATE.test(source) && !UNDATED.test(source)) {
    faults.push({
      rule: 'source-without-date',
      message: 'an outside source without the day it was published.',
      expected: 'a day date after the outlet: 4 Sep 2024 (or 2024-09-04)',
      fix: 'add the day the report carries; a month or year alone, or "undated", does not let a reader find it.',
    });
  }
  const addresses = [...source.matchAll(ADDRESS)].map((match) => match[0]);
  if (!TITLE.test(source) && !addresses.some((address) => address.startsWith('https://'))) {
    faults.push({
      rule: 'source-without-title-or-url',
      message: 'an outside source with neither a title nor an https:// address.',
      expected: 'the headline in double quotes, or the https:// address of the copy you read, or both',
      fix: 'add the headline ("…") or the address of the report you read.',
    });
  }
  for (const address of addresses.filter((a) => a.startsWith('http://'))) {
    faults.push({
      rule: 'source-url-not-https',
      message: `the address ${address} is not https://.`,
      expected: 'a full address starting with https://',
      fix: 'give the https:// address of the page (check that it opens); if you have none, remove the address and give the title.',
    });
  }
  return faults;
}

/** Every fault of every outside source cited in a topic's footnotes. */
export function footnoteSourceFindings(tree: Root, text: string): Finding[] {
  const findings: Finding[] = [];
  visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) return;
    const written = text.slice(start.offset, end.offset);
    const body = written
      .replace(/^\[\^[^\]]+\]:\s*/, '')
      .replace(/\s+/g, ' ')
      .trim();
    for (const source of splitSources(body)) {
      for (const fault of proseSourceFaults(source)) {
        findings.push({
          point: { line: start.line, column: start.column },
          source: written,
          rule: fault.rule,
          message: `footnote [^${node.label ?? node.identifier}]: ${fault.message}`,
          expected: fault.expected,
          found: source,
          fix: fault.fix,
          section: SECTIONS.topicOverview,
        });
      }
    }
  });
  return findings;
}
