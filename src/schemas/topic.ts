// The frontmatter of a topic page (content/topics/<slug>.mdx): a theme, company, product, person or regulator
// that the articles mention. The aliases are how the build finds every mention of it in the articles' text.
import { z } from 'astro/zod';
import { distinctList, frontmatterObject } from './frontmatter-rules.ts';
import { sourceList } from './annotation.ts';

export const TOPIC_KINDS = ['theme', 'company', 'product', 'person', 'regulator'] as const;

const slugList = distinctList(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Topic slugs are lower-case words joined by hyphens, e.g. wechat-pay.'));

/** A figure the articles quote, with the passage that quotes it. */
const figureSchema = z.strictObject({
  /** What is counted, in a few words: "WeChat users (daily)". */
  label: z.string().min(1),
  /** The figure as the article gives it: "1.26 billion". */
  value: z.string().min(1),
  /** When the figure applies, as the article says: "early 2022". */
  asOf: z.string().min(1),
  /** The article that quotes it (file name without .md)… */
  article: z.string().min(1),
  /** …and the exact passage. */
  quote: z.string().min(1),
});

/** Where figures disagree: our explanation, with its sources. */
const disagreementSchema = z.strictObject({
  /** Markdown, our own words. */
  body: z.string().min(1),
  sources: sourceList().min(1, 'Say where the figures come from: at least one source.'),
});

const topicFields = {
  /** The name readers know it by: "WeChat Pay". */
  title: z.string({ error: 'Give the topic a title, e.g. title: "WeChat Pay".' }).min(1),
  /** theme, company, product, person or regulator. */
  kind: z.enum(TOPIC_KINDS, { error: `kind must be one of ${TOPIC_KINDS.join(', ')}.` }),
  /** One or two sentences of our own, shown in lists and as the preview on links in article text. */
  summary: z.string({ error: 'Write a one- or two-sentence summary of the topic.' }).min(1),
  /** Every name it goes by in article text, Chinese names included (微信支付). Each alias belongs to one topic. */
  aliases: distinctList(
    z
      .string()
      .min(1)
      .superRefine((alias, ctx) => {
        // Aliases match without case wherever they stand as a word (a Chinese one, anywhere): one character would
        // make every "a" (or every 的) in every article a link to this topic.
        if ([...alias.trim()].length === 1) {
          ctx.addIssue({ code: 'custom', params: { rule: 'alias-too-short', alias }, message: 'An alias of one character matches that character everywhere.' });
        }
      }),
  ).min(1, 'List at least one alias: the names the articles use for this topic.'),
  /** Slugs of related topics. */
  related: slugList.default([]),
  /** Featured topics are shown on the front page. */
  featured: z.boolean().default(false),
  /** Figures the articles quote about it, each with its passage. */
  figures: z.array(figureSchema).default([]),
  /** Where those figures disagree, explained and sourced. */
  disagreements: z.array(disagreementSchema).default([]),
};

export const topicSchema = frontmatterObject(topicFields);
export type TopicData = z.output<typeof topicSchema>;
