// The importer's rules one at a time, on small made-up texts: each debris rule on wording other than the five
// sources' (the rules match shapes, not strings), the lines they must leave alone, the metadata parsers, the
// paragraph rebuilding, the slug and the frontmatter.

import { describe, expect, test } from 'vitest';
import { debrisRules, parseByline, parseDateline, parseRepublicationCredit } from '../../src/import/debris-rules.ts';
import { importArticle } from '../../src/import/import-article.ts';
import { buildBody, type BodyLine } from '../../src/import/blocks.ts';
import { boldRunsInText, lostLinkStyle } from '../../src/import/lost-links.ts';
import { slugFor } from '../../src/import/slug.ts';
import { splitDraft } from './support/import-markdown-check.ts';

const BODY = 'The story itself starts here and runs on.';

/** The rule that removed each removed line, headline excepted, as "rule: text". */
function removals(text: string): string[] {
  return importArticle(text)
    .removed.filter((block) => block.rule !== 'headline')
    .map((block) => `${block.rule}: ${block.text}`);
}

describe('debris rules', () => {
  test('every rule has a kebab-case name and a one-line description', () => {
    for (const rule of debrisRules) {
      expect(rule.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.description).not.toContain('\n');
    }
    expect(new Set(debrisRules.map((rule) => rule.name)).size).toBe(debrisRules.length);
  });

  test.each([
    ['section-kicker', 'TECH NEWS\n\nHeadline\n\nBODY'],
    ['advertisement', 'Headline\n\nSponsored\n\nBODY'],
    ['repeated-headline', 'Headline Here\n\nBODY\n\n## Headline here'],
    ['reading-time', 'Headline\n\n5 min read\n\nBODY'],
    ['reading-time', 'Headline\n\nReading time: 12 minutes\n\nBODY'],
    ['trust-notice', 'Headline\n\nWhy you can trust The Times\n\nBODY'],
    ['counter', 'Headline\n\n1,204\n\nBODY'],
    ['counter', 'Headline\n\n3.4K\n\nBODY'],
    ['video-duration', 'Headline\n\nBODY\n\n1:02:45'],
    ['image-caption', 'Headline\n\nJack Ma in 2019. Photo: Reuters/File\n\nBODY'],
    ['image-caption', 'Headline\n\n_The Tmall app. Image Credit: Alibaba Group_\n\nBODY'],
    ['subscription-promo', 'Headline\n\nSign up for **The Briefing**\nEvery weekday morning\n\nBODY'],
    ['related-links', 'Headline\n\nBODY\n\nRead more: Tencent opens WeChat to Taobao links'],
    ['related-links', 'Headline\n\nBODY\n\nRelated: The next walled garden'],
    ['comment-form', 'Headline\n\nBODY\n\nRequired fields are marked *'],
    ['copyright', 'Headline\n\nBODY\n\nCopyright 2024 Example Media Ltd.'],
    ['copyright', 'Headline\n\nBODY\n\nExample Media Ltd. All rights reserved.'],
    ['publisher-footer', 'Headline\n\nBODY\n\nThank you for reading our coverage.'],
    ['byline', 'Headline\n\nBy Jane van der Berg and Li Wei\n\nBODY'],
    ['dateline', 'Headline\n\nPublished: Thursday, 25 March 2021\n\nBODY'],
    ['republication-credit', 'Headline\n\nBODY\n\n_This article was originally published on Caixin Global._'],
    ['invisible-line', 'Headline\n\nBODY\n\u200B\u00A0\nMore text.'],
  ])('%s removes a line it was not written for', (rule, text) => {
    expect(removals(text.replace('BODY', BODY)).map((removal) => removal.split(':')[0])).toEqual([rule]);
  });

  test('the video title after a running time goes, with its repeat, but a paragraph after it stays', () => {
    expect(removals(`Headline\n\n${BODY}\n\n3:15\n\nInside the deal\n\nInside the deal\n\n${BODY}`)).toEqual([
      'video-duration: 3:15',
      'video-title: Inside the deal',
      'video-title: Inside the deal',
    ]);
    expect(removals(`Headline\n\n3:15\n\n${BODY}`)).toEqual(['video-duration: 3:15']);
  });

  test.each([
    ['an ALL-CAPS word below the headline', `Headline\n\nNASA\n\n${BODY}`],
    ['a sentence that starts with "By"', `Headline\n\nBy the end of 2021, the rules had changed.`],
    ['a byline-like line once the story has started', `Headline\n\n${BODY}\n\nBy Jane Doe`],
    ['a date alone in the story', `Headline\n\n${BODY}\n\nMarch 25, 2021`],
    ['a credit mentioned in prose', `Headline\n\nThe photo: a shopfront in Hangzhou, says the credit line, was staged.`],
    ['a sentence about subscribers', `Headline\n\nSubscribers to WeChat Pay grew fast.`],
    ['a number inside a sentence', `Headline\n\n0 of 5 merchants agreed.`],
    ['a time inside a sentence', `Headline\n\nTrading opened at 09:30 in Hong Kong.`],
    ['a long paragraph after a running time', `Headline\n\n07:30\n\nThe video explains the rules in detail.`],
  ])('leaves %s in the story', (_name, text) => {
    expect(removals(text).filter((removal) => !removal.startsWith('video-duration'))).toEqual([]);
  });
});

describe('metadata parsers', () => {
  test.each([
    ['March 25, 2021', '2021-03-25'],
    ['Mar. 5, 2021', '2021-03-05'],
    ['Sept 30, 2024', '2024-09-30'],
    ['25 March 2021', '2021-03-25'],
    ['Thursday, March 25, 2021', '2021-03-25'],
    ['Published on: June 28, 2022', '2022-06-28'],
    ['2016-12-13', '2016-12-13'],
    ['February 30, 2021', undefined],
    ['Ma 5, 2021', undefined],
    ['In March 2021', undefined],
    ['March 25, 2021, Beijing rules', undefined],
  ])('parseDateline(%j) is %j', (line, date) => {
    expect(parseDateline(line)).toBe(date);
  });

  test.each([
    ['By [Avery Booker](#)', 'Avery Booker'],
    ['By Yishu Wang', 'Yishu Wang'],
    ['BY JANE DOE', 'JANE DOE'],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe'],
    ['By the way', undefined],
    ['By 2025, most platforms will interconnect.', undefined],
  ])('parseByline(%j) is %j', (line, author) => {
    expect(parseByline(line)).toBe(author);
  });

  test.each([
    ['Published with permission from [Jing Daily](#). Adapted for clarity and style.', 'Jing Daily'],
    ['*Published with permission from **Jing Daily**. Adapted for clarity and style.*', 'Jing Daily'],
    ['Republished with permission from JD.com Weekly.', 'JD.com Weekly'],
    ['This story originally appeared in Caixin Global', 'Caixin Global'],
    ['Alibaba published its results with permission from regulators.', undefined],
  ])('parseRepublicationCredit(%j) is %j', (line, outlet) => {
    expect(parseRepublicationCredit(line)).toBe(outlet);
  });
});

describe('paragraphs', () => {
  const lines = (...texts: string[]): BodyLine[] => texts.map((text) => ({ text: text.replace(/ {2}$/, ''), hardBreak: text.endsWith('  ') }));

  test.each([
    {
      name: 'a sentence end then a new sentence on the next line is a paragraph break',
      source: [lines('It rose.', 'Then it fell.')],
      body: [
        { kind: 'paragraph', lines: ['It rose.'] },
        { kind: 'paragraph', lines: ['Then it fell.'] },
      ],
    },
    {
      name: 'a closing quote after the full stop still ends the sentence',
      source: [lines('He said “no.”', '“Yes,” she said.')],
      body: [
        { kind: 'paragraph', lines: ['He said “no.”'] },
        { kind: 'paragraph', lines: ['“Yes,” she said.'] },
      ],
    },
    {
      name: 'hard-wrapped text joins with a space',
      source: [lines('The two platforms', 'blocked each other.')],
      body: [{ kind: 'paragraph', lines: ['The two platforms blocked each other.'] }],
    },
    {
      name: 'an abbreviation or initial at a line end does not end the sentence',
      source: [lines('toy brands B.', 'Duck and Pop Mart, said Mr.', 'Xuan.')],
      body: [{ kind: 'paragraph', lines: ['toy brands B. Duck and Pop Mart, said Mr. Xuan.'] }],
    },
    {
      name: 'a line ending in two spaces stays a hard line break',
      source: [lines('Line one.  ', 'Line two')],
      body: [{ kind: 'paragraph', lines: ['Line one.', 'Line two'] }],
    },
    {
      name: 'wrapped CJK text joins without a space',
      source: [lines('阿里巴巴和', '腾讯')],
      body: [{ kind: 'paragraph', lines: ['阿里巴巴和腾讯'] }],
    },
    {
      name: '"1." in the middle of wrapped text is not a list',
      source: [lines('more than', '1. 3 billion users')],
      body: [{ kind: 'paragraph', lines: ['more than 1. 3 billion users'] }],
    },
    {
      name: 'bullets become one list',
      source: [lines('• First point', '• Second point')],
      body: [
        {
          kind: 'list',
          items: [
            { marker: '-', text: 'First point' },
            { marker: '-', text: 'Second point' },
          ],
        },
      ],
    },
    {
      name: 'a short standalone line before a paragraph becomes a subheading',
      source: [lines('Final Thought'), lines('It is over.')],
      body: [
        { kind: 'heading', level: 2, text: 'Final Thought' },
        { kind: 'paragraph', lines: ['It is over.'] },
      ],
    },
    {
      name: 'a short question stays a paragraph',
      source: [lines('Who will benefit the most?'), lines('Brands.')],
      body: [
        { kind: 'paragraph', lines: ['Who will benefit the most?'] },
        { kind: 'paragraph', lines: ['Brands.'] },
      ],
    },
    {
      name: 'a short line at the end stays a paragraph',
      source: [lines('It is over.'), lines('The end')],
      body: [
        { kind: 'paragraph', lines: ['It is over.'] },
        { kind: 'paragraph', lines: ['The end'] },
      ],
    },
    {
      name: 'an eleven-word line is too long for a subheading',
      source: [lines('One two three four five six seven eight nine ten eleven'), lines('Next.')],
      body: [
        { kind: 'paragraph', lines: ['One two three four five six seven eight nine ten eleven'] },
        { kind: 'paragraph', lines: ['Next.'] },
      ],
    },
    {
      name: 'a Markdown heading in the body stays one, never as a second h1',
      source: [lines('# Background', 'It began in 2021.')],
      body: [
        { kind: 'heading', level: 2, text: 'Background' },
        { kind: 'paragraph', lines: ['It began in 2021.'] },
      ],
    },
  ])('$name', ({ source, body }) => {
    expect(buildBody(source)).toEqual(body);
  });

  test('a paragraph that starts like block syntax renders as text; a real quote stays a quote', () => {
    const source = 'Headline\n\nIt ended.\n1. 3 billion users stayed.\n> but not for long\n\n> A quotation\n> wrapped.';
    const { body } = splitDraft(importArticle(source).draft);
    expect(body).toBe('\nIt ended.\n\n1\\. 3 billion users stayed. > but not for long\n\n> A quotation wrapped.\n');
  });
});

describe('slug', () => {
  test.each([
    ["Alibaba's battle", undefined, 'alibabas-battle'],
    ['Alibaba’s “walled garden”: what now?', undefined, 'alibabas-walled-garden-what-now'],
    ['Café société à Pékin', undefined, 'cafe-societe-a-pekin'],
    ['Alibaba Embraces WeChat Pay, Signaling a New Era of Collaboration', undefined, 'alibaba-embraces-wechat-pay-signaling-a-new-era'],
    ['阿里巴巴拥抱微信支付', '005_abc.txt', '005-abc'],
    ['阿里巴巴和腾讯的 AI 竞争', 'sources/zh-article.txt', 'zh-article'],
    ['阿里巴巴拥抱微信支付', undefined, 'article'],
    ['x'.repeat(80), undefined, 'x'.repeat(60)],
  ])('slugFor(%j, %j) is %j', (headline, sourceName, slug) => {
    expect(slugFor(headline, sourceName)).toBe(slug);
  });
});

describe('bold runs: links whose addresses were lost', () => {
  test.each([
    ['a run inside a sentence', 'Alibaba is facing an **investigation** into practices.', ['investigation']],
    ['several runs', 'It **announced plans** to offer a "**lite**" version.', ['announced plans', 'lite']],
    ['a whole paragraph in bold is a heading or a promo', '**Final Thought**', []],
    ['an escaped asterisk is text', 'A rating of \\*\\* stars, **not** this.', ['not']],
    ['italic is not bold', 'An *italic* word.', []],
    ['no bold', 'Plain text.', []],
  ])('%s', (_name, paragraph, runs) => expect(boldRunsInText(paragraph)).toEqual(runs));

  test.each([
    ['a run inside a paragraph marks the draft', 'First paragraph.\n\nIt **announced plans** today.', 'bold'],
    ['a bold paragraph alone does not', '**Who wins?**\n\nThe story.', undefined],
    ['nor plain text', 'The story.\n\nMore of it.', undefined],
  ])('%s', (_name, body, style) => expect(lostLinkStyle(body)).toBe(style));

  test('the draft keeps the runs as written and says lostLinks: bold, for the contributor to confirm', () => {
    const result = importArticle(`Headline\n\nThe company **announced plans** to open up.`);
    expect(result.draft).toContain('lang: en\nlostLinks: bold\n---');
    expect(result.draft).toContain('The company **announced plans** to open up.');
    expect(result.todo.at(-1)).toMatch(/^lostLinks: the bold runs inside paragraphs are read as links of the original/);
  });
});

describe('frontmatter', () => {
  test('a republication credit moves, verbatim without its styling, to credit, and its outlet to republishedFrom', () => {
    const { frontmatter } = splitDraft(importArticle(`Headline\n\n${BODY}\n\n*Published with permission from **Caixin Global**. Edited for length.*`).draft);
    expect(frontmatter).toMatchObject({ republishedFrom: 'Caixin Global', credit: 'Published with permission from Caixin Global. Edited for length.' });
  });

  test('a Chinese article gets lang zh and a slug from its file name', () => {
    const result = importArticle('阿里巴巴拥抱微信支付\n\n阿里巴巴宣布淘宝和天猫将接入微信支付。', { sourceName: '005_zh.txt' });
    expect(result.frontmatter.lang).toBe('zh');
    expect(result.slug).toBe('005-zh');
  });

  test('opens with a comment that tells the contributor what to do next', () => {
    expect(importArticle(`Headline\n\n${BODY}`, { sourceName: 'a.txt' }).draft).toMatch(
      /^---\n# Draft made by `npm run new:article` from a\.txt\. Before publishing: replace every "FILL IN:" value,\n# check the text against the original, then add the annotations \(see CONTRIBUTING\.md\)\.\n/,
    );
  });

  test('without a dateline, the date is a placeholder marked approximate, with a note to fill in', () => {
    const { frontmatter } = splitDraft(importArticle(`Headline\n\n${BODY}`).draft);
    expect(frontmatter).toMatchObject({
      published: 'FILL IN: YYYY-MM-DD',
      datePrecision: 'approximate',
      dateNote: expect.stringMatching(/^FILL IN: how the date was inferred/) as string,
    });
  });
});
