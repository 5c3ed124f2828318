// The article frontmatter schema is the contributor's first line of help: these tests pin its messages.
import { describe, expect, test } from 'vitest';
import { articleSchema } from '../../src/schemas/article.ts';

const valid = {
  title: 'Alibaba Embraces WeChat Pay, Signaling a New Era of Collaboration',
  outlet: 'TechNewsAgency',
  published: new Date('2024-09-05'),
  datePrecision: 'approximate',
  dateNote: 'It rewrites a report of 4 September 2024.',
  originalUrl: 'https://technewsagency.com/alibaba-embraces-wechat-pay-signaling-a-new-era-of-collaboration',
  topics: ['wechat-pay'],
  summary: 'Alibaba opens Taobao and Tmall to WeChat Pay.',
};

function problems(data: Record<string, unknown>): string[] {
  const result = articleSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('article frontmatter', () => {
  test('a complete article is accepted, with defaults filled in', () => {
    const result = articleSchema.parse({ ...valid, topics: undefined });
    expect(result.lang).toBe('en');
    expect(result.topics).toEqual([]);
  });

  test('dates written as text are read as dates', () => {
    expect(articleSchema.parse({ ...valid, published: '2024-09-05' }).published).toEqual(new Date('2024-09-05'));
  });

  test.each([
    ['a missing headline', { title: undefined }, 'title: Give the headline as the outlet published it, e.g. title: "Alibaba Embraces WeChat Pay".'],
    ['a missing outlet', { outlet: undefined }, 'outlet: Name the publication the text was taken from, e.g. outlet: "Luxury Daily".'],
    ['a date that is not a date', { published: 'last week' }, 'published: Give the publication date as YYYY-MM-DD, e.g. published: 2021-03-25.'],
    [
      'an unknown precision',
      { datePrecision: 'exact' },
      'datePrecision: Use datePrecision: day (the original has a dateline) or datePrecision: approximate (you inferred the date; explain in dateNote).',
    ],
    ['an approximate date with no note', { dateNote: undefined }, 'dateNote: An approximate date needs dateNote: say in a sentence how the date was inferred.'],
    [
      'an address without a scheme',
      { originalUrl: 'technewsagency.com/x' },
      'originalUrl: originalUrl must be a full address starting with https://; leave the field out when none is known.',
    ],
    ['a bad language tag', { lang: 'English' }, 'lang: Use a language tag such as en or zh.'],
    [
      'a misspelt field',
      { sumary: 'x' },
      'sumary: Unknown field "sumary": the fields are title, standfirst, outlet, republishedFrom, credit, author, published, datePrecision, dateNote, originalUrl, topics, summary, lang, lostLinks, annotations (case-sensitive). Check the spelling or remove it.',
    ],
    [
      'an importer placeholder left in',
      { outlet: 'FILL IN: the publication' },
      'outlet: Still a "FILL IN:" placeholder from the importer: replace it with the real value.',
    ],
  ])('%s is refused with advice', (_, change, message) => {
    expect(problems({ ...valid, ...change })).toEqual([message]);
  });

  test('every problem of a file is reported at once', () => {
    expect(problems({ ...valid, title: undefined, datePrecision: 'exact', sumary: 'x' })).toHaveLength(3);
  });

  test('unknown fields are not passed through to the page', () => {
    expect(articleSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(Object.keys(articleSchema.parse(valid))).not.toContain('extra');
  });
});
