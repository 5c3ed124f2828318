// The bad-content suite: one tiny content root per mistake a contributor is likely to make, most likely first,
// and the exact message each one gets (file, line and column, what was expected and found, how to fix it, and
// where CONTRIBUTING.md explains it). A message that changes must change here too, so it never silently degrades.
// Each fixture is valid apart from its one mistake; `<dir>/` stands for the fixture's folder.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { formatProblem } from '../../src/lib/content-check/problem.ts';

const FIXTURES = 'tests/fixtures/bad-content';

const lines = (...text: string[]) => text.join('\n');

const cases: [name: string, mistake: string, messages: string[]][] = [
  [
    'quote-typo',
    "a note's quote with a typo matches nothing; the closest passage is shown",
    [
      lines(
        '<dir>/articles/example.md:9:12: note "cost-per-mille": the quote matches nothing in the article\'s text; it must match exactly once.',
        '  quote:    "charged by cost per mille"',
        '  closest:  "charged by cost per mile" (paragraph 1)',
        '  How to fix: copy the passage exactly as the article shows it (spelling, punctuation, curly or straight quotes), from within one paragraph, without Markdown such as ** or [](); typos in the original stay as they are.',
        '  See CONTRIBUTING.md#the-quote',
      ),
    ],
  ],
  [
    'quote-across-paragraphs',
    'a quote that runs from one paragraph into the next says so, not just that it matches nothing',
    [
      lines(
        '<dir>/articles/example.md:9:12: note "cost-per-mille": the quote runs across two passages of the article\'s text (paragraph 1 and paragraph 2); it must lie within one.',
        '  quote:    "take WeChat Pay. Alibaba said yes."',
        '  closest:  "take WeChat Pay. Alibaba said yes." (from paragraph 1 into paragraph 2)',
        '  How to fix: quote only the words of one paragraph (the one the note is about); a second note can take the other.',
        '  See CONTRIBUTING.md#the-quote',
      ),
    ],
  ],
  [
    'quote-matches-twice',
    'a quote that occurs twice lists both places',
    [
      lines(
        '<dir>/articles/example.md:15:12: note "alibaba-said": the quote matches 2 places in the article\'s text; it must match exactly once.',
        '  quote:    "Alibaba said"',
        '  match 1:  paragraph 2: "[Alibaba said] yes. Later, Alibaba said no."',
        '  match 2:  paragraph 2: "Alibaba said yes. Later, [Alibaba said] no."',
        '  How to fix: lengthen the quote, or add prefix: (the words just before the passage you mean) or suffix: (the words just after it).',
        '  See CONTRIBUTING.md#the-quote',
      ),
    ],
  ],
  [
    'unknown-topic',
    'a misspelt topic slug, with the likely one',
    [
      lines(
        '<dir>/articles/example.md:7:10: topics, item 1: there is no topic "wechat-pya".',
        '  expected: the file name of a topic in <dir>/topics/, without .mdx (did you mean "wechat-pay"?)',
        '  found:    wechat-pya',
        '  How to fix: correct the slug, or add the topic first (see "Adding a topic or event").',
        '  See CONTRIBUTING.md#adding-a-topic-or-event',
      ),
    ],
  ],
  [
    'repeated-topic',
    'a topic listed twice (the page listed it twice)',
    [
      lines(
        '<dir>/articles/example.md:7:22: topics, item 2: "wechat-pay" is listed twice, as items 1 and 2.',
        '  expected: each item once',
        '  found:    wechat-pay',
        '  How to fix: remove the second one: the page would show it twice.',
        '  See CONTRIBUTING.md#after-importing',
      ),
    ],
  ],
  [
    'topic-related-to-itself',
    'a topic among its own related topics (its page linked to itself)',
    [
      lines(
        '<dir>/topics/wechat-pay.mdx:6:11: related, item 1: "wechat-pay" is this topic; related: lists the others.',
        '  expected: the slugs of other topics',
        '  found:    wechat-pay',
        '  How to fix: remove it.',
        '  See CONTRIBUTING.md#adding-a-topic-or-event',
      ),
    ],
  ],
  [
    'event-month-with-day',
    'an event dated to the month whose date names a day (ordered by a day no source gave)',
    [
      lines(
        '<dir>/events/2024-09-15-wechat-pay-rollout.yaml:1:7: date: datePrecision is month, but the date names a day.',
        '  expected: the first of the month, YYYY-MM-01',
        '  found:    2024-09-15',
        '  How to fix: write the first day (and start the file name with it), or, if the source gives the day, use datePrecision: day.',
        '  See CONTRIBUTING.md#event-fields',
      ),
    ],
  ],
  [
    'unquoted-colon',
    'a colon in an unquoted title breaks the YAML',
    [
      lines(
        '<dir>/articles/example.md:2:8: the frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings.',
        '  expected: field: value lines, indented with spaces',
        '  found:    title: Alibaba Tracker: The Partner Games',
        '  How to fix: put a value that contains ": " or " #", or starts with one of [ { > | * & ! % @ ` \' ", in double quotes; indent lists and nested fields with spaces, never tabs.',
        '  See CONTRIBUTING.md#after-importing',
      ),
    ],
  ],
  [
    'tab-indentation',
    'a tab in the indentation: one problem at its line, not one for every line after it',
    [
      lines(
        '<dir>/articles/example.md:10:1: the frontmatter is not valid YAML: Tabs are not allowed as indentation.',
        '  expected: field: value lines, indented with spaces',
        '  found:    <tab>kind: correction',
        '  How to fix: replace the tab at the start of this line with spaces, as many as the lines around it are indented.',
        '  See CONTRIBUTING.md#after-importing',
      ),
    ],
  ],
  [
    'misspelt-field',
    'a misspelt field name, with the likely one',
    [
      lines(
        '<dir>/articles/example.md:6:1: unknown field "auther".',
        '  expected: one of title, standfirst, outlet, republishedFrom, credit, author, published, datePrecision, dateNote, originalUrl, topics, summary, lang, lostLinks, annotations (case-sensitive)',
        '  found:    auther',
        '  How to fix: did you mean "author"? Correct the spelling, or remove the line.',
        '  See CONTRIBUTING.md#after-importing',
      ),
    ],
  ],
  [
    'missing-summary',
    'a required field left out',
    [
      lines(
        '<dir>/articles/example.md:1:1: summary: required field missing.',
        '  expected: text',
        '  found:    nothing (the field is missing)',
        '  How to fix: write our own one- or two-sentence summary, e.g. summary: "Alibaba opens Taobao to WeChat Pay…".',
        '  See CONTRIBUTING.md#after-importing',
      ),
    ],
  ],
  [
    'placeholder-left',
    'an importer placeholder left in',
    [
      lines(
        '<dir>/articles/example.md:3:9: outlet: still the importer\'s "FILL IN:" placeholder.',
        '  expected: the real value',
        '  found:    "FILL IN: the publication that ran this text, e.g. South China Morning Post"',
        '  How to fix: replace the placeholder with the real value; an optional field you cannot fill in (originalUrl, author) is deleted instead.',
        '  See CONTRIBUTING.md#after-importing',
      ),
    ],
  ],
  [
    'placeholder-todo',
    "a writer's own placeholder left in a summary and a note's body, which the page showed as it is",
    [
      lines(
        '<dir>/articles/example.md:6:10: summary: still a placeholder, "TBD", which the page would show as it is.',
        '  expected: the real text',
        '  found:    TBD',
        '  How to fix: write the real text; a note or an optional field with nothing to say yet is left out until there is.',
        '  See CONTRIBUTING.md#after-importing',
      ),
      lines(
        '<dir>/articles/example.md:11:11: note "cost-per-mille", body: still a placeholder, "TODO", which the page would show as it is.',
        '  expected: the real text',
        '  found:    "TODO: explain CPM"',
        '  How to fix: write the real text; a note or an optional field with nothing to say yet is left out until there is.',
        '  See CONTRIBUTING.md#adding-or-fixing-a-note',
      ),
    ],
  ],
  [
    'impossible-date',
    'a date that does not exist (30 February)',
    [
      lines(
        '<dir>/articles/example.md:4:12: published: 2021-02-30 is not a real date (February 2021 has 28 days).',
        '  expected: a real calendar date written YYYY-MM-DD',
        '  found:    2021-02-30',
        '  How to fix: check the date against the source and write it YYYY-MM-DD, for example 2021-03-25.',
        '  See CONTRIBUTING.md#after-importing',
      ),
    ],
  ],
  [
    'approximate-date-without-note',
    'an approximate date without a dateNote',
    [
      lines(
        '<dir>/articles/example.md:5:16: datePrecision is approximate, but there is no dateNote.',
        '  expected: dateNote: a sentence saying how the date was inferred',
        '  found:    no dateNote',
        '  How to fix: add dateNote: with the evidence for the date (for example "The page carries no dateline; it reports the fine of 10 April 2021 as yesterday."), or use datePrecision: day when the original carries a dateline.',
        '  See CONTRIBUTING.md#after-importing',
      ),
    ],
  ],
  [
    'correction-without-source',
    'a correction with no source',
    [
      lines(
        '<dir>/articles/example.md:8:5: note "cost-per-mille": a correction note needs a source.',
        '  expected: at least one source under sources:',
        '  found:    nothing (the field is missing)',
        '  How to fix: add the outside report (outlet:, and title:, date:, url: when you have seen them) or the passage of one of our articles (article:, quote:) the note relies on.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'unknown-note-kind',
    'a kind of note that does not exist',
    [
      lines(
        '<dir>/articles/example.md:10:11: note "cost-per-mille", kind: not one of the allowed values.',
        '  expected: one of context, definition, correction, fact-check, update, cross-reference',
        '  found:    comment',
        '  How to fix: kind must be one of context, definition, correction, fact-check, update, cross-reference.',
        '  See CONTRIBUTING.md#adding-or-fixing-a-note',
      ),
    ],
  ],
  [
    'misspelt-note-kind',
    'a misspelt kind of note, with the likely one',
    [
      lines(
        '<dir>/articles/example.md:10:11: note "cost-per-mille", kind: not one of the allowed values.',
        '  expected: one of context, definition, correction, fact-check, update, cross-reference',
        '  found:    corection',
        '  How to fix: did you mean "correction"? kind must be one of context, definition, correction, fact-check, update, cross-reference.',
        '  See CONTRIBUTING.md#adding-or-fixing-a-note',
      ),
    ],
  ],
  [
    'misspelt-kind-and-duplicate-id',
    "a repeated note id is reported in the same run as another note's mistake",
    [
      lines(
        '<dir>/articles/example.md:14:9: note id "cost-per-mille" is used twice, by notes 1 and 2.',
        '  expected: a different id for every note of the article',
        '  found:    cost-per-mille',
        '  How to fix: give one of the two notes a new id (lower-case words joined by hyphens). Never rename a note that is already published: its address, #note-<id>, is linked from elsewhere.',
        '  See CONTRIBUTING.md#adding-or-fixing-a-note',
      ),
      lines(
        '<dir>/articles/example.md:16:11: note "cost-per-mille", kind: not one of the allowed values.',
        '  expected: one of context, definition, correction, fact-check, update, cross-reference',
        '  found:    contxt',
        '  How to fix: did you mean "context"? kind must be one of context, definition, correction, fact-check, update, cross-reference.',
        '  See CONTRIBUTING.md#adding-or-fixing-a-note',
      ),
    ],
  ],
  [
    'duplicate-note-id',
    'two notes with the same id',
    [
      lines(
        '<dir>/articles/example.md:14:9: note id "cost-per-mille" is used twice, by notes 1 and 2.',
        '  expected: a different id for every note of the article',
        '  found:    cost-per-mille',
        '  How to fix: give one of the two notes a new id (lower-case words joined by hyphens). Never rename a note that is already published: its address, #note-<id>, is linked from elsewhere.',
        '  See CONTRIBUTING.md#adding-or-fixing-a-note',
      ),
    ],
  ],
  [
    'unknown-cited-article',
    'a source citing an article that does not exist',
    [
      lines(
        '<dir>/articles/example.md:13:18: note "cost-per-mille", source 1: there is no article "luxury-and-the-tencent-alibaba-thw".',
        '  expected: the file name of an article in <dir>/articles/, without .md or .mdx',
        '  found:    luxury-and-the-tencent-alibaba-thw',
        '  How to fix: correct the slug; an article is cited by its file name without .md or .mdx.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'cited-quote-not-found',
    'a source quoting a passage its article does not contain',
    [
      lines(
        '<dir>/articles/example.md:14:16: note "cost-per-mille": the quote of its source in "cited" matches nothing in that article\'s text; it must match exactly once.',
        '  quote:    "Alibaba anounced plans"',
        '  closest:  "Alibaba announced plans" (paragraph 1)',
        '  How to fix: copy the passage exactly as the article shows it (spelling, punctuation, curly or straight quotes), from within one paragraph, without Markdown such as ** or [](); typos in the original stay as they are.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'source-without-date',
    'an outside source without a date',
    [
      lines(
        '<dir>/articles/example.md:13:9: note "cost-per-mille", source 1: an outside source without a date.',
        '  expected: date: the day the report was published, YYYY-MM-DD',
        '  found:    no date',
        '  How to fix: add the date the report carries (date: 2021-07-14). A report you cannot date is not one a reader can find: cite another report, or the passage of one of our articles.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'outlet-is-an-address',
    "an article's outlet and a source's written as web addresses, which the pages showed as the outlet's name",
    [
      lines(
        "<dir>/articles/example.md:3:9: outlet: a web address where the publication's name goes; the page would show it as the outlet's name.",
        '  expected: the name of the publication, as it writes it (Fortune, South China Morning Post)',
        '  found:    www.exampledaily.com',
        "  How to fix: write the publication's name; the article's own address goes in originalUrl:.",
        '  See CONTRIBUTING.md#after-importing',
      ),
      lines(
        '<dir>/articles/example.md:13:19: note "cost-per-mille", source 1, outlet: a web address where the publication\'s name goes; the page would show it as the outlet\'s name.',
        '  expected: the name of the publication, as it writes it (Fortune, South China Morning Post)',
        '  found:    "https://support.google.com"',
        "  How to fix: write the publication's name; the report's own address goes in url:.",
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'source-without-title-or-url',
    'an outside source with neither a title nor a url',
    [
      lines(
        '<dir>/articles/example.md:13:9: note "deals-mini-program", source 1: an outside source with neither a title nor an address.',
        '  expected: title: (the headline, as published) or url: (the https:// address of the copy you read), or both',
        '  found:    neither title: nor url:',
        '  How to fix: add the headline or the address of the report you read; a republished copy is named in outlet: ("Reuters, via Zee News") and its own address given.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'source-no-url-on-file',
    '"no URL on file" written in a source instead of leaving the field out',
    [
      lines(
        '<dir>/articles/example.md:15:16: note "deals-mini-program", source 1, title: says that something is missing instead of giving it.',
        '  expected: the title or address itself; a field you do not have is left out',
        '  found:    Alibaba plans Taobao Deals mini-program on WeChat (no URL on file)',
        '  How to fix: delete the text and leave out the field you do not have; an outside source still needs its date and a title or an address. A source a reader cannot follow is not a source.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'source-http-url',
    "an event's outside source with an http:// address",
    [
      lines(
        '<dir>/events/2016-04-12-alibaba-takes-control-of-lazada.yaml:9:10: source 1, url: not an https:// address.',
        '  expected: a full address starting with https://',
        '  found:    http://uk.reuters.com/article/lazada-ma-alibaba-idUKL3N17F230',
        '  How to fix: give the https:// address of the page (check that it opens); if you have none, leave url out and give the title.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'topic-footnote-mismatch',
    "a topic's footnote marker without its footnote, and a footnote nothing marks",
    [
      lines(
        '<dir>/topics/weibo.mdx:8:74: the footnote marker [^2] has no footnote, so the page would show "[^2]" as text.',
        '  expected: a footnote below the overview, [^2]: Outlet, 4 Sep 2024, "Title": https://… (this file has [^1], [^3])',
        '  found:    [^2]',
        '  How to fix: write the footnote, or correct the marker to the footnote you meant.',
        '  See CONTRIBUTING.md#sourcing-a-topics-overview',
      ),
      lines(
        '<dir>/topics/weibo.mdx:11:1: the footnote [^3] is not marked anywhere in the text, so the page leaves it out.',
        '  expected: [^3] after the sentence the footnote supports',
        '  found:    no marker',
        '  How to fix: put [^3] after the sentence it is the source of, or remove the footnote.',
        '  See CONTRIBUTING.md#sourcing-a-topics-overview',
      ),
    ],
  ],
  [
    'article-footnote-mismatch',
    "an article's footnote marker without its footnote (shown as text), and a footnote nothing marks (left off the page)",
    [
      lines(
        '<dir>/articles/example.md:11:18: the footnote marker [^2] has no footnote, so the page would show "[^2]" as text.',
        '  expected: a footnote below the text, [^2]: the note (this file has [^1], [^3])',
        '  found:    [^2]',
        '  How to fix: write the footnote, or correct the marker to the footnote you meant.',
        '  See CONTRIBUTING.md#footnotes',
      ),
      lines(
        '<dir>/articles/example.md:15:1: the footnote [^3] is not marked anywhere in the text, so the page leaves it out.',
        '  expected: [^3] after the words the footnote is about',
        '  found:    no marker',
        '  How to fix: put [^3] after the words it is about, or remove the footnote.',
        '  See CONTRIBUTING.md#footnotes',
      ),
    ],
  ],
  [
    'topic-component-not-imported',
    'a component used in MDX without its import (the build stopped with a stack trace)',
    [
      lines(
        '<dir>/topics/weibo.mdx:8:61: <Figure> is a component, and this file does not import it: the page cannot be built.',
        "  expected: an import of Figure from the site's src/components/ at the top of the file, or text",
        '  found:    <Figure>',
        "  How to fix: import it (import Figure from '…/src/components/Figure.astro', the path relative to this file), or, if the < is part of the text, write it as \\<.",
        '  See CONTRIBUTING.md#markdown-and-mdx',
      ),
    ],
  ],
  [
    'topic-footnote-weak-source',
    'a topic\'s footnotes citing outside reports without a day date, without a title or address, with "no URL on file" and an http:// address',
    [
      lines(
        '<dir>/topics/weibo.mdx:10:1: footnote [^1]: an outside source without the day it was published.',
        '  expected: a day date after the outlet: 4 Sep 2024 (or 2024-09-04)',
        '  found:    Dao Insights, September 2024: https://daoinsights.com/?p=40248',
        '  How to fix: add the day the report carries; a month or year alone, or "undated", does not let a reader find it.',
        '  See CONTRIBUTING.md#sourcing-a-topics-overview',
      ),
      lines(
        '<dir>/topics/weibo.mdx:11:1: footnote [^2]: says "no URL on file" instead of giving it.',
        '  expected: the date, title or address itself; what you have not seen is left out',
        '  found:    Bloomberg, 17 Mar 2021 (no URL on file)',
        '  How to fix: delete the words; give the day the report was published and its title or https:// address. A source a reader cannot follow is not a source: find the report, or cite another.',
        '  See CONTRIBUTING.md#sourcing-a-topics-overview',
      ),
      lines(
        '<dir>/topics/weibo.mdx:11:1: footnote [^2]: an outside source with neither a title nor an https:// address.',
        '  expected: the headline in double quotes, or the https:// address of the copy you read, or both',
        '  found:    Bloomberg, 17 Mar 2021 (no URL on file)',
        '  How to fix: add the headline ("…") or the address of the report you read.',
        '  See CONTRIBUTING.md#sourcing-a-topics-overview',
      ),
      lines(
        '<dir>/topics/weibo.mdx:11:1: footnote [^2]: the address http://uk.reuters.com/article/weibo is not https://.',
        '  expected: a full address starting with https://',
        '  found:    Reuters, 12 Apr 2016, "Sina and Weibo": http://uk.reuters.com/article/weibo',
        '  How to fix: give the https:// address of the page (check that it opens); if you have none, remove the address and give the title.',
        '  See CONTRIBUTING.md#sourcing-a-topics-overview',
      ),
    ],
  ],

  [
    'unknown-cited-event',
    'a note citing an event id with a typo, with the likely one',
    [
      lines(
        '<dir>/articles/example.md:13:16: note "pledge", source 1: there is no event "2021-07-13-self-discipline-convention-sign".',
        '  expected: the file name of an event in <dir>/events/, without .yaml (did you mean "2021-07-13-self-discipline-convention-signed"?)',
        '  found:    2021-07-13-self-discipline-convention-sign',
        '  How to fix: correct the id: an event is cited by its file name without .yaml, which starts with its date.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'event-dated-differently',
    'a note citing an event by id and giving it another date in its text',
    [
      lines(
        '<dir>/articles/example.md:11:62: note "pledge": dates the event it cites, "2021-07-13-self-discipline-convention-signed", 12 July 2021; the event\'s file says 2021-07-13.',
        "  expected: the event's date, 2021-07-13, or no date in the note (its source line shows the event's date)",
        '  found:    12 July 2021',
        "  How to fix: check both against the reporting and correct the wrong one: the event's date in <dir>/events/2021-07-13-self-discipline-convention-signed.yaml (renaming the file to match), or the note. Better, leave the date out of the note: the source line shows the event's.",
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'report-dated-differently',
    'one outside report cited with two dates, in a note and in an event',
    [
      lines(
        '<dir>/events/2021-07-13-self-discipline-convention-signed.yaml:8:11: source 1: the report https://www.scmp.com/tech/policy/article/3141245/alibaba-tencent-bytedance-and-30-other-big-tech-firms-sign-voluntary is dated 2021-07-15 here and 2021-07-14 at <dir>/articles/example.md:14.',
        '  expected: one date for one report, wherever it is cited',
        '  found:    2021-07-15 here; 2021-07-14 in note "pledge", source 1 of <dir>/articles/example.md',
        "  How to fix: open the report and correct the wrong date: a source's date is the day the report was published, not the day of the event it reports.",
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],

  [
    'unclosed-frontmatter',
    'frontmatter without its closing ---',
    [
      lines(
        '<dir>/articles/example.md:1:1: the frontmatter opened by --- on line 1 is never closed.',
        '  expected: a line holding only --- after the last field, before the text',
        '  found:    the end of the file',
        '  How to fix: add a line with only --- between the last frontmatter field and the first line of the text.',
        '  See CONTRIBUTING.md#after-importing',
      ),
    ],
  ],
  [
    'stray-brace',
    'a stray { in the text of an MDX article',
    [
      lines(
        '<dir>/articles/example.mdx:18:43: the text is not valid MDX: Unexpected end of file in expression, expected a corresponding closing brace for `{`.',
        '  expected: text; in MDX a { starts code',
        '  found:    …{yes. Later, Alibaba said no.',
        '  How to fix: write a brace that is part of the text as \\{ (and \\}). The importer escapes them; one typed by hand needs the backslash too.',
        '  See CONTRIBUTING.md#markdown-and-mdx',
      ),
    ],
  ],
  [
    'unclosed-tag',
    'an unclosed tag in the text of an MDX article',
    [
      lines(
        '<dir>/articles/example.mdx:16:57: the text is not valid MDX: Expected a closing tag for `<b>` before the end of `paragraph`.',
        '  expected: every tag closed in the same paragraph, or a literal < written as \\<',
        "  found:    …rged by cost per mile, reach <b>more shoppers than Taobao's …",
        '  How to fix: write a < that is part of the text as \\<; if you meant a tag, close it in the same paragraph.',
        '  See CONTRIBUTING.md#markdown-and-mdx',
      ),
    ],
  ],
  [
    'debris-left',
    'page furniture left in the text',
    [
      lines(
        '<dir>/articles/example.md:18:1: page debris left in the article (rule advertisement): an ad slot label alone on a line: "Advertisement", "Sponsored".',
        "  expected: only the story's own text",
        '  found:    Advertisement',
        '  How to fix: delete the line. If it really is part of the story, say so in your pull request: the rule in src/import/debris-rules.ts then needs fixing (see "Adding a rule").',
        '  See CONTRIBUTING.md#page-debris-rules',
      ),
    ],
  ],
  [
    'empty-article',
    'an article with no text',
    [
      lines(
        '<dir>/articles/example.md:8:1: the article has no text below its frontmatter.',
        "  expected: the article's text, paragraph by paragraph",
        '  found:    nothing',
        '  How to fix: paste the text of the original below the closing ---, or import it with npm run new:article.',
        '  See CONTRIBUTING.md#adding-an-article',
      ),
    ],
  ],
  [
    'not-utf8',
    'a file saved as Latin-1',
    [
      lines(
        '<dir>/articles/example.md:16:94: the file is not saved as UTF-8 text.',
        '  expected: UTF-8 text',
        '  found:    the bytes E9 20, which are not UTF-8 (the file was probably saved as Latin-1 or Windows-1252)',
        '  How to fix: re-save the file as UTF-8 in your editor ("Save with Encoding" or "Reopen with Encoding", then UTF-8) and check the characters around this line.',
        '  See CONTRIBUTING.md#adding-an-article',
      ),
    ],
  ],
  [
    'wrong-extension',
    'a raw text saved into articles/, which the site would ignore',
    [
      lines(
        '<dir>/articles/example.txt:1:1: this file is not used: files in articles/ must end in .md or .mdx.',
        '  expected: articles/<name>.md',
        '  found:    articles/example.txt',
        '  How to fix: rename the file to end in .md.',
        '  See CONTRIBUTING.md#where-files-go',
      ),
    ],
  ],
  [
    'article-saved-twice',
    'the same article saved as .md and .mdx',
    [
      lines(
        '<dir>/articles/example.mdx:1:1: this article has the same address as <dir>/articles/example.md.',
        '  expected: one file per article name (names are compared without case or extension)',
        '  found:    articles/example.md and articles/example.mdx',
        "  How to fix: keep one of the two: the .md, unless the article uses one of the site's components (then the .mdx).",
        '  See CONTRIBUTING.md#where-files-go',
      ),
    ],
  ],
  [
    'html-in-md',
    'bold written as an HTML tag in a Markdown article',
    [
      lines(
        '<dir>/articles/example.md:16:57: HTML is not allowed in a Markdown article: the page would publish it as it is, tags and all.',
        '  expected: text and Markdown only; a < that is part of the text written \\<',
        '  found:    <b>',
        '  How to fix: if the < is part of the text, write it as \\< (the importer does); for emphasis use Markdown (**bold**, *italic*); otherwise remove the tag.',
        '  See CONTRIBUTING.md#markdown-and-mdx',
      ),
    ],
  ],
  [
    'script-tag-in-md',
    'a <script> element in a Markdown article',
    [
      lines(
        "<dir>/articles/example.md:20:1: <script> is not allowed in content: it runs code in the reader's browser.",
        '  expected: text and Markdown only',
        '  found:    <script>alert(document.cookie)</script>',
        "  How to fix: remove the <script> element: the article is reproduced as text, without what the original page embedded. If the tag is part of the article's text, write its < as \\<, as the importer does.",
        '  See CONTRIBUTING.md#what-content-may-not-contain',
      ),
    ],
  ],
  [
    'iframe-in-md',
    'an <iframe> embed in a Markdown article',
    [
      lines(
        "<dir>/articles/example.md:20:1: <iframe> is not allowed in content: it embeds another site's page.",
        '  expected: text and Markdown only',
        '  found:    <iframe src="https://www.youtube.com/embed/xyz"></iframe>',
        "  How to fix: remove the <iframe> element: the article is reproduced as text, without what the original page embedded. If the tag is part of the article's text, write its < as \\<, as the importer does.",
        '  See CONTRIBUTING.md#what-content-may-not-contain',
      ),
    ],
  ],
  [
    'script-tag',
    'a <script> element in an MDX article',
    [
      lines(
        "<dir>/articles/example.mdx:20:1: <script> is not allowed in content: it runs code in the reader's browser.",
        '  expected: text and Markdown only',
        '  found:    <script>alert(document.cookie)</script>',
        '  How to fix: remove the <script> element. If the original page embedded something (a video, a post), leave it out: the article is reproduced as text.',
        '  See CONTRIBUTING.md#what-content-may-not-contain',
      ),
    ],
  ],
  [
    'iframe',
    'an <iframe> embed in an MDX article',
    [
      lines(
        "<dir>/articles/example.mdx:20:1: <iframe> is not allowed in content: it embeds another site's page.",
        '  expected: text and Markdown only',
        '  found:    <iframe src="https://www.youtube.com/embed/xyz"></iframe>',
        '  How to fix: remove the <iframe> element. If the original page embedded something (a video, a post), leave it out: the article is reproduced as text.',
        '  See CONTRIBUTING.md#what-content-may-not-contain',
      ),
    ],
  ],
  [
    'event-handler',
    'an onclick= attribute in an MDX article',
    [
      lines(
        '<dir>/articles/example.mdx:16:57: the onclick= attribute is not allowed: it runs code when a reader interacts with the page.',
        '  expected: no on…= attributes',
        '  found:    <span onclick="steal()">more shoppers</span>',
        '  How to fix: remove the onclick= attribute.',
        '  See CONTRIBUTING.md#what-content-may-not-contain',
      ),
    ],
  ],
  [
    'javascript-link',
    'a javascript: link',
    [
      lines(
        '<dir>/articles/example.md:16:76: a javascript: address is not allowed in a link: it runs code when a reader follows it.',
        '  expected: an ordinary https:// address, or a site path such as /articles/<slug>/',
        '  found:    javascript:alert(1)',
        '  How to fix: link to the page itself, or remove the link and keep its text.',
        '  See CONTRIBUTING.md#what-content-may-not-contain',
      ),
    ],
  ],
  [
    'remote-image',
    'an image loaded from another site',
    [
      lines(
        '<dir>/articles/example.md:20:1: an image loaded from another site (cdn.example.com) is not allowed: it tells that site who reads the page, and it can change or vanish.',
        '  expected: nothing loaded from other hosts; images, if any, saved under public/ and linked as /…',
        '  found:    https://cdn.example.com/ad.png',
        "  How to fix: remove it; describe the picture in words if it matters to the text (the importer keeps an image's alt text).",
        '  See CONTRIBUTING.md#what-content-may-not-contain',
      ),
    ],
  ],
  [
    'date-in-the-future',
    'an article dated 2027 for 2021, and a source dated 2042',
    [
      lines(
        '<dir>/articles/example.md:4:12: published: 2027-07-15 is after today, 2026-12-07.',
        '  expected: the day the article ran, today or earlier',
        '  found:    2027-07-15',
        '  How to fix: check the date against the article: a day still to come is a slip, most often of the year.',
        '  See CONTRIBUTING.md#after-importing',
      ),
      lines(
        '<dir>/articles/example.md:13:95: note "cost-per-mille", source 1, date: 2042-05-01 is after today, 2026-12-07.',
        '  expected: the day the report was published, today or earlier',
        '  found:    2042-05-01',
        '  How to fix: check the date against the report: a day still to come is a slip, most often of the year.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'heading-level-one',
    "a heading written # in the text, a second title under the page's own",
    [
      lines(
        "<dir>/articles/example.md:18:1: a level-1 heading in the text: the page's title is its only level-1 heading, so this one would read as a second title.",
        '  expected: headings in the text written ## (level 2), and ### under those',
        '  found:    # What Alibaba said',
        '  How to fix: write it with ## instead of #.',
        '  See CONTRIBUTING.md#paragraphs-and-headings',
      ),
    ],
  ],
  [
    'empty-heading',
    'a heading with no words (## alone on a line), which axe reported only in the end-to-end tests',
    [
      lines(
        '<dir>/articles/example.md:18:1: a heading with no words: the page would show an empty heading, which a screen reader announces as a heading with nothing in it.',
        "  expected: the heading's words after its #s",
        '  found:    ##',
        "  How to fix: write the heading's words after the #s, or remove the line.",
        '  See CONTRIBUTING.md#paragraphs-and-headings',
      ),
    ],
  ],
  [
    'broken-link',
    'a link in a note whose address has a space, so it shows as brackets and text',
    [
      lines(
        '<dir>/articles/example.md:11:96: a Markdown link that did not come out as one: the page shows its brackets and address as text.',
        '  expected: [words](https://…) with the whole address, no spaces in it, and the closing )',
        "  found:    [Google's help](https://support.google.com/admanager/answer…",
        '  How to fix: close the parenthesis, and write a space in the address as %20; if the brackets belong to the text, write them \\[ and \\].',
        '  See CONTRIBUTING.md#markdown-and-mdx',
      ),
    ],
  ],
  [
    'link-in-plain-text',
    "Markdown links in a summary, a source's title and an event's description, which show as typed",
    [
      lines(
        '<dir>/articles/example.md:6:10: summary is shown as plain text: a Markdown link in it would show as typed, brackets and address.',
        '  expected: words only',
        '  found:    [weighing an opening](https://www.scmp.com/tech/big-tech/ar…',
        "  How to fix: write the words without the link; a page it relies on can be cited in a note's sources:.",
        '  See CONTRIBUTING.md#after-importing',
      ),
      lines(
        '<dir>/articles/example.md:13:50: note "cost-per-mille", source 1, title is shown as plain text: a Markdown link in it would show as typed, brackets and address.',
        '  expected: words only',
        '  found:    [Cost per thousand impressions](https://support.google.com/…',
        "  How to fix: write it as words: the source's address goes in its url:.",
        '  See CONTRIBUTING.md#sources',
      ),
      lines(
        '<dir>/events/2021-07-13-self-discipline-convention-signed.yaml:4:14: description is shown as plain text: a Markdown link in it would show as typed, brackets and address.',
        '  expected: words only',
        '  found:    [SCMP](https://www.scmp.com/tech/policy/article/3141245)).',
        "  How to fix: write the words without the link; cite the page in the event's sources:.",
        '  See CONTRIBUTING.md#event-fields',
      ),
    ],
  ],
  [
    'markdown-in-plain-text',
    "emphasis in a title and code marks in a source's title, which show as typed",
    [
      lines(
        '<dir>/articles/example.md:2:8: title is shown as plain text: the Markdown emphasis in it would show as typed, * and all.',
        '  expected: words only',
        '  found:    *move closer*',
        '  How to fix: remove the * marks: this field cannot be bold, italic or code. A quotation or a title of a work can go in quotation marks.',
        '  See CONTRIBUTING.md#after-importing',
      ),
      lines(
        '<dir>/articles/example.md:13:50: note "cost-per-mille", source 1, title is shown as plain text: the Markdown code marks in it would show as typed, ` and all.',
        '  expected: words only',
        '  found:    `CPM`',
        '  How to fix: remove the ` marks: this field cannot be bold, italic or code. A quotation or a title of a work can go in quotation marks.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'cross-reference-without-article',
    'a cross-reference note that names none of our articles (background is context)',
    [
      lines(
        '<dir>/articles/example.md:10:11: note "cost-per-mille": a cross-reference note names none of our articles.',
        '  expected: a source with article: and quote:, or a link to /articles/<slug>/ in the body',
        '  found:    kind: cross-reference',
        '  How to fix: cite the article that takes up the same point (article:, quote:) or link it from the body; a note that only adds background is kind: context.',
        '  See CONTRIBUTING.md#adding-or-fixing-a-note',
      ),
    ],
  ],
  [
    'same-original',
    'one piece imported twice under two names (its address written with and without "www.")',
    [
      lines(
        '<dir>/articles/example.md:6:14: originalUrl: the same page as the originalUrl of <dir>/articles/example-copy.md: one piece imported twice.',
        '  expected: one article for each original page',
        '  found:    https://www.example-daily.com/2021/07/alibaba-and-tencent-move-closer/',
        '  How to fix: keep one of the two files: move the notes this one has into articles/example-copy.md (or the other way round) and delete the other. If they are two pieces, correct the address that is wrong.',
        '  See CONTRIBUTING.md#adding-an-article',
      ),
    ],
  ],
  [
    'repeated-source',
    'a source copied twice in one note (its address with and without a trailing slash)',
    [
      lines(
        '<dir>/articles/example.md:14:9: note "cost-per-mille", source 2: "https://support.google.com/admanager/answer/7159/" is listed twice, as items 1 and 2.',
        '  expected: each item once',
        '  found:    { outlet: Google Ad Manager Help, title: "Cost per thousand impressions (CPM)",…',
        '  How to fix: remove the second one: the page would show it twice.',
        '  See CONTRIBUTING.md#sources',
      ),
    ],
  ],
  [
    'copied-topic',
    "a topic started from a copy of another's file, its title and summary left as they were",
    [
      lines(
        '<dir>/topics/wechat.mdx:2:8: title: "WeChat" is also the title of <dir>/topics/wechat-pay.mdx.',
        '  expected: a name of its own for each topic',
        '  found:    WeChat',
        "  How to fix: one of the two files looks copied from the other: give each topic its own name. If they are one topic, keep one file (with the aliases of both) and move the other's tags to it.",
        '  See CONTRIBUTING.md#topic-fields',
      ),
      lines(
        '<dir>/topics/wechat.mdx:4:10: summary: the same words as the summary of <dir>/topics/wechat-pay.mdx.',
        "  expected: a summary of this topic's own",
        "  found:    Tencent's messaging app.",
        '  How to fix: one of the two files looks copied from the other: give each topic a one- or two-sentence summary of its own.',
        '  See CONTRIBUTING.md#topic-fields',
      ),
    ],
  ],
  [
    'alias-too-short',
    'an alias of one letter, which would link every "w" of every article',
    [
      lines(
        '<dir>/topics/wechat.mdx:5:19: aliases, item 2: "W" is one character, and an alias matches wherever it stands, without case: every such word of every article would link to this topic.',
        '  expected: a name of at least two characters',
        '  found:    W',
        '  How to fix: write the name in full as the articles give it ("Alipay", "JD.com", "支付宝"); remove the alias if no article uses a longer one.',
        '  See CONTRIBUTING.md#aliases',
      ),
    ],
  ],
  [
    'code-in-text',
    'a paragraph indented four spaces, and a block between ``` fences, which Markdown reads as code',
    [
      lines(
        '<dir>/articles/example.md:18:1: a paragraph that starts with a tab or four spaces, which Markdown reads as code: the page would show it in a box, without a paragraph number.',
        '  expected: text, each paragraph starting at the start of its line',
        '  found:    Alibaba said yes. Later, Alibaba said no.',
        '  How to fix: remove the tab or spaces at the start of its lines.',
        '  See CONTRIBUTING.md#paragraphs-and-headings',
      ),
      lines(
        '<dir>/articles/example.md:20:1: a block between ``` fences, which the page would show as code, in a box.',
        '  expected: text, each paragraph starting at the start of its line',
        '  found:    Taobao and Tmall',
        '  How to fix: remove the fence lines (``` or ~~~) and keep the text.',
        '  See CONTRIBUTING.md#paragraphs-and-headings',
      ),
    ],
  ],
  [
    'heading-in-note',
    "a heading in a note's body, which would be a section heading of the page",
    [
      lines(
        "<dir>/articles/example.md:12:7: a heading in a note's body (or a disagreement's): it would be a section heading of the page, among the page's own.",
        "  expected: the note's sentences, without headings",
        '  found:    ## Background',
        "  How to fix: remove the heading; start the note with its point (the note's kind already shows above it).",
        '  See CONTRIBUTING.md#the-body',
      ),
    ],
  ],
  [
    'image-without-alt',
    'a picture that does not say what it shows',
    [
      lines(
        '<dir>/articles/example.md:20:1: an image without alt text: a reader who cannot see it (with a screen reader, or when it fails to load) learns nothing of it.',
        '  expected: a description of the picture: ![What the picture shows](/…) in Markdown, alt="…" on an <img>',
        '  found:    ![](/images/moments-ad.png)',
        "  How to fix: describe what the picture shows (the original's caption or alt text is a start, checked against the picture); if it adds nothing to the text, remove it.",
        '  See CONTRIBUTING.md#markdown-and-mdx',
      ),
    ],
  ],
  [
    'import-outside-components',
    'an import from outside src/components/',
    [
      lines(
        '<dir>/articles/example.mdx:16:1: import from "node:fs" is not allowed: content may only import the site\'s own components from src/components/.',
        '  expected: a path into src/components/',
        "  found:    import fs from 'node:fs'",
        '  How to fix: remove the import line (and the component it brings in); content needs no code.',
        '  See CONTRIBUTING.md#what-content-may-not-contain',
      ),
    ],
  ],
  [
    'too-many-featured',
    'seven topics featured, where the front page has room for six',
    [
      lines(
        '<dir>/topics/wechat-pay.mdx:6:11: 7 topics are featured, and the front page has room for 6: this one comes after the first 6 by title.',
        '  expected: featured: true on at most 6 topics',
        '  found:    7 featured: Alibaba, Alipay, IPmart, Lazada, Taobao, Tencent, WeChat Pay',
        '  How to fix: set featured: false here or on another featured topic: the front page lays out two to 6 featured topics in full rows.',
        '  See CONTRIBUTING.md#topic-fields',
      ),
    ],
  ],
  [
    'alias-clash',
    'an alias claimed by two topics',
    [
      lines(
        '<dir>/topics/wechat-pay.mdx:5:23: the alias "WeChat" is also claimed by topic "wechat" (aliases are compared without case).',
        '  expected: every alias in one topic only',
        '  found:    WeChat',
        '  How to fix: keep the alias in the topic it names and remove it from the other. When a short name covers two things, give each topic its longer, specific name ("WeChat Pay", not "WeChat").',
        '  See CONTRIBUTING.md#aliases',
      ),
      lines(
        '<dir>/topics/wechat.mdx:5:11: the alias "WeChat" is also claimed by topic "wechat-pay" (aliases are compared without case).',
        '  expected: every alias in one topic only',
        '  found:    WeChat',
        '  How to fix: keep the alias in the topic it names and remove it from the other. When a short name covers two things, give each topic its longer, specific name ("WeChat Pay", not "WeChat").',
        '  See CONTRIBUTING.md#aliases',
      ),
    ],
  ],
  [
    'orphan-topic',
    'a topic no article, note or event uses',
    [
      lines(
        '<dir>/topics/alipay.mdx:5:10: topic "alipay" is not used: no article, note or event is tagged with it, and no article names it.',
        '  expected: a topic the articles are about',
        '  found:    no mention of "Alipay", "支付宝" in any article, and no topics: [alipay] anywhere',
        '  How to fix: tag the articles, notes or events that are about it (topics: [alipay]), add the name the articles use for it to aliases:, or remove the topic.',
        '  See CONTRIBUTING.md#adding-a-topic-or-event',
      ),
    ],
  ],
  [
    'unknown-related-topic',
    "a topic's related: naming a topic that does not exist",
    [
      lines(
        '<dir>/topics/wechat-pay.mdx:6:11: related, item 1: there is no topic "tencent".',
        '  expected: the file name of a topic in <dir>/topics/, without .mdx',
        '  found:    tencent',
        '  How to fix: correct the slug, or add the topic first (see "Adding a topic or event").',
        '  See CONTRIBUTING.md#adding-a-topic-or-event',
      ),
    ],
  ],
  [
    'event-without-source',
    'an event without sources',
    [
      lines(
        '<dir>/events/2024-09-05-taobao-accepts-wechat-pay.yaml:1:1: sources: required field missing.',
        '  expected: a list',
        '  found:    nothing (the field is missing)',
        '  How to fix: an event needs sources: at least one outside report or article passage.',
        '  See CONTRIBUTING.md#event-fields',
      ),
    ],
  ],
  [
    'event-impossible-date',
    'an event dated in month 13',
    [
      lines(
        '<dir>/events/2016-13-45-alibaba-takes-control-of-lazada.yaml:1:7: date: 2016-13-45 is not a real date (there is no month 13).',
        '  expected: a real calendar date written YYYY-MM-DD',
        '  found:    2016-13-45',
        '  How to fix: check the date against the source and write it YYYY-MM-DD, for example 2021-03-25.',
        '  See CONTRIBUTING.md#event-fields',
      ),
    ],
  ],
  [
    'event-date-not-in-file-name',
    'an event re-dated without renaming its file',
    [
      lines(
        "<dir>/events/2024-09-04-taobao-accepts-wechat-pay.yaml:1:7: the event's date, 2024-09-05, is not the date its file name starts with.",
        '  expected: a file name starting 2024-09-05-',
        '  found:    events/2024-09-04-taobao-accepts-wechat-pay.yaml',
        '  How to fix: correct the date, or rename the file so that it starts with the date (events are listed by file name).',
        '  See CONTRIBUTING.md#event-fields',
      ),
    ],
  ],
  [
    'event-saved-twice',
    'the same event saved as .yaml and .yml',
    [
      lines(
        '<dir>/events/2024-09-05-taobao-accepts-wechat-pay.yml:1:1: this event has the same address as <dir>/events/2024-09-05-taobao-accepts-wechat-pay.yaml.',
        '  expected: one file per event name (names are compared without case or extension)',
        '  found:    events/2024-09-05-taobao-accepts-wechat-pay.yaml and events/2024-09-05-taobao-accepts-wechat-pay.yml',
        '  How to fix: merge the two files into one, or rename one of them.',
        '  See CONTRIBUTING.md#where-files-go',
      ),
    ],
  ],
];

/** The day the table's checks run on, so that "after today" means the same day every year. */
const TODAY = '2026-12-07';

describe('every likely mistake gets its exact message', () => {
  test.each(cases)('%s: %s', async (name, _mistake, messages) => {
    const dir = `${FIXTURES}/${name}`;
    const { problems } = await checkContent({ root: dir, today: TODAY });
    expect(problems.map(formatProblem)).toEqual(messages.map((message) => message.replaceAll('<dir>/', `${dir}/`)));
  });

  test('every fixture folder is a case above, and there are at least twenty', () => {
    const folders = readdirSync(FIXTURES).sort();
    expect(folders).toEqual(cases.map(([name]) => name).sort());
    expect(folders.length).toBeGreaterThanOrEqual(20);
  });
});

/** The problems of a fixture with one of its files edited (by default its article, articles/example.md). */
async function checkEdited(fixture: string, edit: (text: string) => string, file = 'articles/example.md') {
  const dir = mkdtempSync(join(tmpdir(), `${fixture}-`));
  try {
    cpSync(`${FIXTURES}/${fixture}`, dir, { recursive: true });
    const edited = join(dir, file);
    const text = readFileSync(edited, 'utf8');
    const changed = edit(text);
    expect(changed, `the edit of ${fixture}/${file}`).not.toBe(text);
    writeFileSync(edited, changed);
    return (await checkContent({ root: dir })).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("frontmatter is read with Astro's parser, and a problem placed in the YAML as written", () => {
  // The impossible-date fixture with its `published:` line replaced. A date read from a real YYYY-MM-DD and an
  // ordinary address need no second look at the text; anything else is looked at as written.
  test.each([
    ['a real date', 'published: 2021-02-28', []],
    ['an impossible date in quotes', 'published: "2021-02-30"', ['4:12 impossible-date']],
    ['a date and time', 'published: 2021-02-28T10:00:00Z', ['4:12 impossible-date']],
    ['a javascript: address', 'published: 2021-02-28\noriginalUrl: "javascript:alert(1)"', ['5:14 unsafe-address']],
    ['a field twice', 'published: 2021-02-28\npublished: 2021-02-27', ['5:1 duplicate-field']],
    ['two keys only js-yaml takes for one', 'published: 2021-02-28\n1: a\n"1": b', ['6:1 duplicate-field']],
    ['an alias inside what it names', 'published: 2021-02-28\nx: &a [1, *a]', ['5:11 yaml-syntax']],
  ])('%s', async (_name, line, found) => {
    const problems = await checkEdited('impossible-date', (text) => text.replace('published: 2021-02-30', line));
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.rule}`)).toEqual(found);
  });
});

test("a date one day after the check's day is allowed: a report dated in Beijing can be a day ahead of UTC", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'date-in-the-future-'));
  try {
    cpSync(`${FIXTURES}/date-in-the-future`, dir, { recursive: true });
    const file = join(dir, 'articles', 'example.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('published: 2027-07-15', 'published: 2026-12-08').replace('date: 2042-05-01', 'date: 2026-12-09'));
    const { problems } = await checkContent({ root: dir, today: TODAY });
    expect(problems.map((problem) => `${problem.rule} ${problem.found}`)).toEqual(['date-in-the-future 2026-12-09']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('an impossible date is reported once, as written, and not again by the rules that compare dates', () => {
  // js-yaml rolls 2021-07-32 over into 1 August. Compared with other dates, that day would give a second problem
  // about a date the contributor never wrote, with advice to match it (rename the event's file "2021-08-01-…").
  const SCMP = 'events/2021-07-13-self-discipline-convention-signed.yaml';
  test.each([
    ["a note's source, cited elsewhere with another date", 'report-dated-differently', 'articles/example.md', 'date: 2021-07-14', 'date: 2021-07-32'],
    ["an event's source, cited elsewhere with another date", 'report-dated-differently', SCMP, 'date: 2021-07-15', 'date: 2021-07-32'],
    [
      "an event's date, against its file name",
      'event-date-not-in-file-name',
      'events/2024-09-04-taobao-accepts-wechat-pay.yaml',
      'date: 2024-09-05',
      'date: 2024-09-31',
    ],
    ['the date of an event a note cites, against the dates in the note', 'event-dated-differently', SCMP, 'date: 2021-07-13', 'date: 2021-07-32'],
  ])('%s', async (_name, fixture, file, before, after) => {
    const problems = await checkEdited(fixture, (text) => text.replace(before, after), file);
    expect(problems.map((problem) => `${problem.rule} in ${problem.file.slice(-file.length)}`)).toEqual([`impossible-date in ${file}`]);
  });
});

describe('a topic no one tags is used when an article names it', () => {
  // The orphan-topic fixture, with its article naming the topic in its text (or naming only a longer alias of another).
  test.each([
    ['names it', 'Shoppers could pay with Alipay.', []],
    ['names it in Chinese', '支付宝 was not accepted.', []],
    ['names nothing of it', 'Shoppers could pay with cash.', ['orphan-topic']],
  ])('the article %s', async (_how, sentence, rules) => {
    const problems = await checkEdited('orphan-topic', (text) => `${text.trimEnd()}\n\n${sentence}\n`);
    expect(problems.map((problem) => problem.rule)).toEqual(rules);
  });
});

// Every article and topic is parsed (topics compiled as MDX), so the whole corpus takes seconds on a busy machine.
// CONTENT_DIR checks another content root, as the build does.
test("the site's own content has no problems", { timeout: 60_000 }, async () => {
  const { filesChecked, problems } = await checkContent({ root: process.env.CONTENT_DIR ?? 'content' });
  expect(problems.map(formatProblem)).toEqual([]);
  expect(filesChecked).toBeGreaterThan(0);
});
