// Some scrapers write a page's links as **bold** and drop their addresses: Luxury Daily's copies of Jing Daily
// articles came through with "**more than 200**", "**investigation**", "**mega-IPO**" where the page had links,
// and with the credit "Published with permission from **Jing Daily**" that another copy of the same page gives as
// "[Jing Daily](#)". News text hardly ever bolds words inside a sentence, so the importer's rule is: a bold run
// inside a paragraph that also holds other text is a link of the original whose address was lost. It keeps the
// run as written and marks the whole draft `lostLinks: bold` (one setting per article: a page styles all its links
// alike), which the article page shows as lost links rather than emphasis (src/plugins/rehype-lost-links.ts). A
// whole paragraph in bold is a heading or a promo, not a link. The contributor checks the call.

/** A `**bold**` run, not escaped, that starts and ends with a visible character. */
const BOLD_RUN = /(?<!\\)\*\*(?=\S)(.+?)(?<=\S)(?<!\\)\*\*/g;

/** The bold runs of one paragraph of Markdown that sit inside other text (a paragraph all in bold has none). */
export function boldRunsInText(paragraph: string): string[] {
  const runs = [...paragraph.matchAll(BOLD_RUN)].map((match) => match[1]!);
  const rest = paragraph.replace(BOLD_RUN, '');
  return runs.length > 0 && /\p{L}/u.test(rest) ? runs : [];
}

/** `bold` when some paragraph of the draft's Markdown body holds a bold run inside its text; undefined otherwise. */
export function lostLinkStyle(body: string): 'bold' | undefined {
  return body.split(/\n{2,}/).some((paragraph) => boldRunsInText(paragraph).length > 0) ? 'bold' : undefined;
}
