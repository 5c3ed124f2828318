// Bold runs that were the original's links (lostLinks: bold) through the real Markdown processor: shown as lost
// links (the stylesheet gives them their explanation in words), never as emphasis or as a link; other articles'
// bold is left alone.
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { expect, test } from 'vitest';
import rehypeLostLinks from '../../src/plugins/rehype-lost-links.ts';

function render(markdown: string, frontmatter: Record<string, unknown>) {
  const file = new VFile({ value: markdown, path: 'content/articles/example.md' });
  file.data = { astro: { frontmatter } };
  return String(unified().use(remarkParse).use(remarkRehype).use(rehypeLostLinks).use(rehypeStringify).processSync(file));
}

const LOST = (text: string) => `<span class="lost-link">${text}</span>`;

test.each([
  ['lostLinks: bold, a run', 'Facing an **investigation** now.', { lostLinks: 'bold' }, `<p>Facing an ${LOST('investigation')} now.</p>`],
  [
    'lostLinks: bold, a run holding italic',
    'The "**walled *gardens***" of tech.',
    { lostLinks: 'bold' },
    `<p>The "${LOST('walled <em>gardens</em>')}" of tech.</p>`,
  ],
  ['without the field, bold is emphasis', 'Facing an **investigation** now.', {}, '<p>Facing an <strong>investigation</strong> now.</p>'],
])('%s', (_name, markdown, frontmatter, html) => expect(render(markdown, frontmatter)).toBe(html));
