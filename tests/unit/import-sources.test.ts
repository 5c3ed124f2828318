// The importer against the five real scraped sources the site launches with: what it infers for the frontmatter,
// that every kind of page debris is gone, and that the author's paragraphs survive word for word, typos included.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importArticle } from '../../src/import/import-article.ts';
import {
  codeNodeTypes,
  headings,
  keptLines,
  markupNodeTypes,
  mustShow,
  parseMarkdown,
  parseMdx,
  splitDraft,
  visibleBlocks,
} from './support/import-markdown-check.ts';

const SOURCES = new URL('../fixtures/sources/', import.meta.url);

interface SourceExpectation {
  file: string;
  title: string;
  published: string;
  datePrecision: 'day' | 'approximate';
  author?: string;
  republishedFrom?: string;
  /** The republication credit line, as the page printed it. */
  credit?: string;
  /** `bold` when the page's links came through as bold runs (src/import/lost-links.ts). */
  lostLinks?: 'bold';
  slug: string;
  /** Paragraphs in the draft (list items and headings not counted). */
  paragraphs: number;
  headings: string[];
  /** Rule names in the removal report, in source order of first use. */
  rules: string[];
  /** Text that must not appear anywhere in the draft's body. */
  debris: string[];
  /** Exact source paragraphs that must appear, verbatim, as paragraphs of the draft. */
  kept: string[];
}

const sources: SourceExpectation[] = [
  {
    file: '000_f0c5dd82734d56fe.txt',
    title: "Alibaba's battle for ecommerce dominance takes a conciliatory turn",
    published: '2021-03-25',
    datePrecision: 'day',
    author: 'Avery Booker',
    republishedFrom: 'Jing Daily',
    credit: 'Published with permission from Jing Daily. Adapted for clarity and style.',
    lostLinks: 'bold',
    slug: 'alibabas-battle-for-ecommerce-dominance-takes-a-conciliatory',
    paragraphs: 16,
    headings: [],
    rules: ['section-kicker', 'headline', 'dateline', 'image-caption', 'byline', 'subscription-promo', 'republication-credit', 'copyright', 'publisher-footer'],
    debris: [
      'RETAIL',
      'conciliatory turn',
      'March 25, 2021',
      'Image credit',
      'the past few months have taken a toll on the tech giant',
      'Avery Booker',
      'Subscribe to',
      'Plus: Just released',
      'State of Luxury 2019',
      'Save',
      '▶',
      'Published with permission',
      'Jing Daily',
      'Adapted for clarity',
      '©',
      'Napean',
      'All rights reserved',
      'published each business day',
      'feedback',
      '](#)',
    ],
    kept: [
      'Yet the past few months have taken a toll on the ecommerce giant.',
      'According to Tmall data, IP collaborations grew some 60 percent last year, with the Chinese IP licensing market expected to have surpassed the RMB 100 billion (\\$15.4 billion) mark in 2020.',
      // The missing comma after "WeChat" is the author's; the importer never corrects the text.
      'Will Tencent reciprocate and allow greater integration with Tmall Luxury Pavilion via WeChat another favorite of luxury brands and other Tencent-owned platforms such as Tencent Video?',
      'In the near term, it will be interesting to see which international brands, large or small, use IPmart and which Chinese partners ultimately launch collaborations with them. Will it ultimately be used by smaller but still image-conscious luxury brands, or be more widely used by mass-market consumer brands or content studios?',
    ],
  },
  {
    file: '001_255fd0e3d79123d4.txt',
    title: "How luxury can benefit from Tencent and Alibaba's thawing relations",
    published: '2022-06-28',
    datePrecision: 'day',
    author: 'Yishu Wang',
    republishedFrom: 'Jing Daily',
    credit: 'Published with permission from Jing Daily. Adapted for clarity and style.',
    lostLinks: 'bold',
    slug: 'how-luxury-can-benefit-from-tencent-and-alibabas-thawing',
    paragraphs: 25,
    headings: [],
    rules: ['section-kicker', 'headline', 'dateline', 'image-caption', 'byline', 'subscription-promo', 'republication-credit'],
    debris: [
      'MARKETING',
      'thawing relations',
      'June 28, 2022',
      'Image credit',
      "WeChat's latest move gives hope",
      'Yishu Wang',
      'Subscribe to',
      'Plus: Just released',
      'State of Luxury 2019',
      '▶',
      'Published with permission',
      'Jing Daily',
      '](#)',
    ],
    kept: [
      // "cost per mile" (for cost per mille) is the author's typo, kept as written.
      'Xuan Bai, a senior marketer at a Beijing-based **Tmall Partner** agencies licensed by Tmall to operate ecommerce stores on behalf of brands believes that WeChat Moments adverts, charged by cost per mile, can often be too expensive, especially for smaller names.',
      'Who will benefit the most?',
      '"It really depends on how much data WeChat can share with Tmall," Ms. Xuan said. "If brands can have full access to the data used in its targeting on WeChat, it could be a fantastic opportunity for them."',
    ],
  },
  {
    file: '002_1affcc0fd042f187.txt',
    title: 'Alibaba Tracker: The Partner Games',
    published: 'FILL IN: YYYY-MM-DD',
    datePrecision: 'approximate',
    slug: 'alibaba-tracker-the-partner-games',
    paragraphs: 15,
    headings: [],
    rules: ['headline'],
    debris: ['The Partner Games'],
    kept: [
      'Partners! Partners everywhere!',
      // The doubled space and non-breaking space before "(AI)" are in the source and stay.
      'This past summer, Alibaba announced it would be investing $1 billion in its cloud-computing business with the goal of launching an artificial intelligence \u00A0(AI) platform, DT PAI. The AI platform is meant to enable developers and companies that use Alibaba’s eCommerce sites to access user behavior data and eCommerce industry trends.',
      'But its moves haven’t all been international. Alibaba announced it teamed up with China’s largest phone carrier, China Mobile. The stated goal of the partnership is to develop and optimize users’ mobile internet access and mobile experiences.',
    ],
  },
  {
    file: '003_8edc1a42ee4d0a58.txt',
    title: 'Alibaba, Tencent move closer to cooperating in user services under Beijing’s antitrust pressure',
    published: 'FILL IN: YYYY-MM-DD',
    datePrecision: 'approximate',
    slug: 'alibaba-tencent-move-closer-to-cooperating-in-user-services',
    paragraphs: 7,
    headings: [],
    rules: ['advertisement', 'headline', 'reading-time', 'trust-notice', 'counter', 'image-caption', 'video-duration', 'video-title'],
    debris: [
      'Advertisement',
      'under Beijing’s antitrust pressure',
      'Reading Time',
      'Why you can trust SCMP',
      'Photo: Bloomberg',
      'headquarters in Hangzhou',
      '07:30',
      'Why China is tightening control over cybersecurity',
      '•',
    ],
    kept: [
      // One line break apart in the source, these are two paragraphs.
      'Talks on interconnecting the services of Alibaba Group Holding, the e-commerce giant that owns the South China Morning Post, and Tencent Holdings, the social media and gaming conglomerate, have been ongoing since March, when Alibaba flagged the idea of launching a mini app for its Taobao Deals on Tencent’s social media platform WeChat, allowing Alibaba merchants to use WeChat Pay, the payment service rival to Alipay.',
      'While little progress has been made in recent months, there are now signs that the time is right for the two giants to join hands given that both companies have been subject to antitrust scrutiny from Beijing. Alibaba and Tencent, along with 31 other China Big Tech firms, signed a “self-discipline” antitrust convention this week to promote competition and to protect user rights.',
      '- Alibaba flagged the idea of launching a mini app for its Taobao Deals on Tencent’s WeChat, allowing merchants to use WeChat Pay\n- The two internet giants have built their empires via huge investments into various industries such as education, on-demand services and entertainment',
    ],
  },
  {
    file: '004_2f455995763ed39a.txt',
    title: 'Alibaba Embraces WeChat Pay, Signaling a New Era of Collaboration',
    published: 'FILL IN: YYYY-MM-DD',
    datePrecision: 'approximate',
    slug: 'alibaba-embraces-wechat-pay-signaling-a-new-era',
    paragraphs: 12,
    headings: [
      'Opening Up to Collaborations',
      'Breaking Down Walled Gardens',
      'A Shift in the Competitive Landscape',
      'A New Era of Collaboration',
      'Final Thought',
    ],
    rules: ['headline', 'counter', 'invisible-line', 'repeated-headline', 'related-links', 'comment-form'],
    debris: [
      'Signaling a New Era',
      'You Might Be Interested In',
      'Samsung UST Projector',
      'Alexa Voice Assistant',
      'Leave A Reply',
      'Your email address will not be published',
    ],
    kept: [
      // "JD. com" and "1. 3 billion" are the author's typos, kept as written (and not turned into a list).
      'This step has been made as Alibaba looks to reinvigorate its China e-commerce segment, which has been hampered by China’s slowing domestic consumption and upstart entrants like JD. com and PDD-owner Temu. By accepting the WeChat Pay, Alibaba can expand its market share in less developed regions of China since more than 1. 3 billion WeChat Pay users reside dominantly in China.',
      'The official of Alibaba noted this as follows: “Alibaba has always been willing to establish cooperation relationships with similar platforms and we have frequently explored with our counterparts.”',
      'Given that Alibaba is now targeting acceleration of growth of its China e-commerce, the acceptance of\u00A0 WeChat Pay may be a decisive element that will attract more users and gain more market share. Alibaba currently interfaces with more than 1. 3 billion WeChat Pay users around the world which means it has huge potential to reach and grow in virgin markets of China.',
    ],
  },
];

function importSource(file: string) {
  const source = readFileSync(new URL(file, SOURCES), 'utf8');
  const result = importArticle(source, { sourceName: file });
  const { frontmatter, body } = splitDraft(result.draft);
  return { source, result, frontmatter, body, blocks: body.trim().split('\n\n'), tree: parseMarkdown(body) };
}

describe.each(sources)('importing $file', (expected) => {
  const { source, result, frontmatter, body, blocks, tree } = importSource(expected.file);

  test('infers the title, date, author and republication credit', () => {
    const { title, published, datePrecision, author, republishedFrom, credit, lang } = result.frontmatter;
    expect({ title, published, datePrecision, author, republishedFrom, credit, lang }).toEqual({
      title: expected.title,
      published: expected.published,
      datePrecision: expected.datePrecision,
      author: expected.author,
      republishedFrom: expected.republishedFrom,
      credit: expected.credit,
      lang: 'en',
    });
  });

  test('writes the same values as valid YAML, with a placeholder for everything it cannot infer', () => {
    expect(frontmatter).toEqual({
      title: expected.title,
      outlet: expect.stringMatching(/^FILL IN: /) as string,
      ...(expected.republishedFrom !== undefined && { republishedFrom: expected.republishedFrom }),
      ...(expected.credit !== undefined && { credit: expected.credit }),
      ...(expected.author !== undefined && { author: expected.author }),
      // Read as the site reads it (a YAML date is a timestamp, as in Astro's parser): the day written.
      published: /^\d{4}-\d{2}-\d{2}$/.test(expected.published) ? new Date(`${expected.published}T00:00:00Z`) : expected.published,
      datePrecision: expected.datePrecision,
      ...(expected.datePrecision === 'approximate' && { dateNote: expect.stringMatching(/^FILL IN: /) as string }),
      originalUrl: expect.stringMatching(/^FILL IN: /) as string,
      topics: [],
      summary: expect.stringMatching(/^FILL IN: /) as string,
      lang: 'en',
      ...(expected.lostLinks !== undefined && { lostLinks: expected.lostLinks }),
    });
  });

  test('reads bold runs inside paragraphs as lost links only where the page wrote its links so', () => {
    expect(result.frontmatter.lostLinks).toBe(expected.lostLinks);
  });

  test('makes the slug from the headline', () => {
    expect(result.slug).toBe(expected.slug);
  });

  test('removes every piece of page debris', () => {
    for (const debris of expected.debris) expect(body).not.toContain(debris);
    // No counters, no invisible or empty paragraphs.
    for (const block of blocks) expect(block).not.toMatch(/^[\d\s]*$/);
  });

  test("keeps the author's paragraphs verbatim", () => {
    for (const paragraph of expected.kept) expect(blocks).toContain(paragraph);
  });

  test('keeps the paragraph structure', () => {
    expect(tree.children.filter((node) => node.type === 'paragraph')).toHaveLength(expected.paragraphs);
    expect(headings(tree)).toEqual(expected.headings.map((text) => ({ depth: 2, text })));
  });

  test('reports what it removed, by rule', () => {
    expect([...new Set(result.removed.map((block) => block.rule))]).toEqual(expected.rules);
  });

  test('reads as Markdown with no raw HTML, code or table in it, and as MDX with no JSX, expression or ESM', () => {
    expect(markupNodeTypes(tree)).toEqual([]);
    expect(codeNodeTypes(parseMdx(body))).toEqual([]);
  });

  test("every paragraph shows the source's text, the same as Markdown as it did as MDX", () => {
    expect(visibleBlocks(tree)).toEqual(visibleBlocks(parseMdx(body)));
    expect(mustShow(visibleBlocks(tree).join(''))).toBe(mustShow(keptLines(source, result.removed)));
  });
});

describe('the removal report', () => {
  test('gives the rule, source line and text of each removal, a promo block as one entry', () => {
    expect(importSource('000_f0c5dd82734d56fe.txt').result.removed.slice(0, 6)).toEqual([
      { rule: 'section-kicker', line: 3, text: 'RETAIL' },
      { rule: 'headline', line: 5, text: "Alibaba's battle for ecommerce dominance takes a conciliatory turn" },
      { rule: 'dateline', line: 7, text: 'March 25, 2021' },
      {
        rule: 'image-caption',
        line: 11,
        text: 'Although Alibaba has emerged as the leader in luxury ecommerce in China, the past few months have taken a toll on the tech giant. Image credit: Shutterstock',
      },
      { rule: 'byline', line: 13, text: 'By [Avery Booker](#)' },
      { rule: 'subscription-promo', line: 15, text: 'Subscribe to **Luxury Daily**\nPlus: Just released\nState of Luxury 2019 **Save \\$246 ▶**' },
    ]);
  });

  test('lists the video title both times a player printed it', () => {
    const removed = importSource('003_8edc1a42ee4d0a58.txt').result.removed.filter((block) => block.rule.startsWith('video'));
    expect(removed.map(({ rule, line }) => `${rule}@${line}`)).toEqual(['video-duration@18', 'video-title@20', 'video-title@22']);
  });

  test('names the fields left to fill in', () => {
    const field = (item: string) => item.split(':')[0];
    expect(importSource('000_f0c5dd82734d56fe.txt').result.todo.map(field)).toEqual(['outlet', 'originalUrl', 'topics', 'summary', 'lostLinks']);
    expect(importSource('004_2f455995763ed39a.txt').result.todo.map(field)).toEqual(['outlet', 'published', 'dateNote', 'originalUrl', 'topics', 'summary']);
  });
});
