// Links in article and topic text: those to other sites carry rel="external", site paths
// honour the deploy base.
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import rehypeBaseLinks from '../../src/plugins/rehype-base-links.ts';
import rehypeExternalLinks from '../../src/plugins/rehype-external-links.ts';

const render = (markdown: string) =>
  String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeExternalLinks).use(rehypeStringify).processSync(markdown));

test.each([
  ['a link to another site', '[Reuters](https://www.reuters.com/x)', '<p><a href="https://www.reuters.com/x" rel="external">Reuters</a></p>'],
  ['a bare address (GFM autolink)', 'See https://example.org.', '<p>See <a href="https://example.org" rel="external">https://example.org</a>.</p>'],
  ['a protocol-relative link', '[x](//example.org/)', '<p><a href="//example.org/" rel="external">x</a></p>'],
  ['a site path', '[topic](/topics/wechat-pay/)', '<p><a href="/topics/wechat-pay/">topic</a></p>'],
  ['an anchor', '[p](#p-2)', '<p><a href="#p-2">p</a></p>'],
  ['a mail address', '[desk](mailto:desk@example.org)', '<p><a href="mailto:desk@example.org">desk</a></p>'],
])('%s', (_name, markdown, html) => expect(render(markdown)).toBe(html));

test('tokens already in rel are kept, and none is added twice', () => {
  const tree = {
    type: 'root' as const,
    children: [{ type: 'element' as const, tagName: 'a', properties: { href: 'https://example.org', rel: ['nofollow', 'external'] }, children: [] }],
  };
  rehypeExternalLinks()(tree);
  expect(tree.children[0]!.properties.rel).toEqual(['nofollow', 'external']);
});

// Site paths in the text honour the deploy base (rehype-base-links.ts runs first in the pipeline).
const renderUnder = (base: string, markdown: string) =>
  String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeBaseLinks, { base }).use(rehypeStringify).processSync(markdown));

test.each([
  ['/', '[a](/articles/x/#p-2)', '<p><a href="/articles/x/#p-2">a</a></p>'],
  ['/walled-gardens/', '[a](/articles/x/#p-2)', '<p><a href="/walled-gardens/articles/x/#p-2">a</a></p>'],
  ['/walled-gardens/', '![chart](/images/chart.png)', '<p><img src="/walled-gardens/images/chart.png" alt="chart"></p>'],
  [
    '/walled-gardens/',
    '[b](https://example.org/) [c](#p-1) [d](//cdn.example.org/x)',
    '<p><a href="https://example.org/">b</a> <a href="#p-1">c</a> <a href="//cdn.example.org/x">d</a></p>',
  ],
])('under %s, %s', (base, markdown, html) => expect(renderUnder(base, markdown)).toBe(html));
