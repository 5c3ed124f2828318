import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { componentFindings, footnoteReferenceFindings } from '../../src/lib/content-check/body-references.ts';

const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const found = (text: string, rules: typeof componentFindings) =>
  rules(mdx.parse(text), text).map((f) => `${f.point.line}:${f.point.column} ${f.rule} ${f.found}`);

describe('a component an MDX file uses must be imported by it', () => {
  test.each([
    ['a component without its import', 'Text <Figure value="1" />.', ['1:6 component-not-imported <Figure>']],
    ['one on a line of its own', 'Text.\n\n<Chart />', ['3:1 component-not-imported <Chart>']],
    ['a member of an object it does not import', 'Text <Parts.Figure />.', ['1:6 component-not-imported <Parts.Figure>']],
    ['an imported component', "import Figure from '../../src/components/Figure.astro'\n\nText <Figure />.", []],
    ['a member of an imported object', "import * as Parts from '../../src/components/parts.ts'\n\n<Parts.Figure />", []],
    ['an HTML element', 'Text <b>bold</b>.', []],
    ['an escaped <', 'Text \\<Figure> as text.', []],
  ])('%s', (_, text, expected) => {
    expect(found(text, componentFindings)).toEqual(expected);
  });
});

describe("a topic's footnote markers and footnotes match", () => {
  test.each([
    ['each marker has its footnote', 'A.[^1] B.[^2]\n\n[^1]: One.\n[^2]: Two.', []],
    ['a marker without its footnote', 'A.[^1] B.[^2]\n\n[^1]: One.', ['1:10 footnote-not-written [^2]']],
    ['a footnote nothing marks', 'A.[^1]\n\n[^1]: One.\n[^2]: Two.', ['4:1 footnote-not-used no marker']],
    ['a named footnote', 'A.[^reuters]\n\n[^reuters]: One.', []],
    ['a marker written as text on purpose', 'Write \\[^1] after a sentence.', []],
    ['a marker in code', 'Write `[^1]` after a sentence.', []],
  ])('%s', (_, text, expected) => {
    expect(found(text, footnoteReferenceFindings)).toEqual(expected);
  });
});
