// eachElement (src/lib/hast-elements.ts) walks an HTML tree's elements in document order, parents first, as
// unist-util-visit does (the link plugins used it before): each row of the table gives a tree, the elements in the
// order expected, and holds both walks to it.
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { expect, test } from 'vitest';
import { eachElement } from '../../src/lib/hast-elements.ts';

/** An element by its tag and id, so an order reads plainly. */
const named = (element: Element) => `${element.tagName}${element.properties.id ? `#${String(element.properties.id)}` : ''}`;

function byVisit(tree: Root): string[] {
  const seen: string[] = [];
  visit(tree, 'element', (element: Element) => {
    seen.push(named(element));
  });
  return seen;
}

function byWalk(tree: Root): string[] {
  const seen: string[] = [];
  eachElement(tree, (element) => seen.push(named(element)));
  return seen;
}

test.each<[string, () => Root, string[]]>([
  ['an empty root', () => ({ type: 'root', children: [] }), []],
  ['text, comments and a doctype only', () => fromHtml('<!doctype html><!-- a --> text'), ['html', 'head', 'body']],
  [
    'a paragraph of text and links',
    () => fromHtml('<p id="p1">One <a id="a1" href="/x">two</a> and <a id="a2" href="https://x.org">three</a>.</p>', { fragment: true }),
    ['p#p1', 'a#a1', 'a#a2'],
  ],
  [
    'nested blocks: each parent before its children, siblings in order',
    () =>
      fromHtml('<div id="d1"><p id="p1"><em id="e1"><a id="a1">x</a></em></p><aside id="s1"><p id="p2"><a id="a2">y</a></p></aside></div><p id="p3"></p>', {
        fragment: true,
      }),
    ['div#d1', 'p#p1', 'em#e1', 'a#a1', 'aside#s1', 'p#p2', 'a#a2', 'p#p3'],
  ],
  [
    'a whole page (html, head, body)',
    () => fromHtml('<title>t</title><p id="p1"><a id="a1" href="/y">y</a></p>'),
    ['html', 'head', 'title', 'body', 'p#p1', 'a#a1'],
  ],
  [
    'a template: its content is not walked',
    () => ({ type: 'root', children: [h('template#t1', [h('a#inside', { href: '/x' })]), h('a#after', { href: '/y' })] }),
    ['template#t1', 'a#after'],
  ],
])('%s', (_name, make, expected) => {
  expect(byWalk(make())).toEqual(expected);
  expect(byVisit(make())).toEqual(expected);
});

test('an element changed by the visitor keeps the change, and the walk goes on into its children', () => {
  const tree = fromHtml('<p><a href="/a"><span>x</span></a><a href="/b">y</a></p>', { fragment: true });
  const seen: string[] = [];
  eachElement(tree, (element) => {
    seen.push(element.tagName);
    if (element.tagName === 'a') element.properties.rel = ['external'];
  });
  expect(seen).toEqual(['p', 'a', 'span', 'a']);
  const links: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (element.tagName === 'a') links.push(element);
  });
  expect(links.map((a) => a.properties.rel)).toEqual([['external'], ['external']]);
});
