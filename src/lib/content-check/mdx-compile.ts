// Compiles an MDX body the way the site does (@mdx-js/mdx with GFM) and keeps its syntax tree for the other rules.
// MDX is stricter than Markdown: `{` starts a JavaScript expression and `<` a tag, so a stray brace or an unclosed
// tag in a pasted article stops the build. The compiler's VFileMessage says where; this turns it into a problem at
// the right line of the file (the body starts below the frontmatter), with advice instead of a stack trace.
//
// The body is first parsed by the compiler's own processor: that is where every syntax error of Markdown text
// arises (stray braces, unclosed or mismatched tags, a bare <). Only a body that holds MDX code (JSX, import or
// export, {expressions}) goes through the rest of the compiler, whose later steps can fail only on code; article
// text, which the importer escapes, never does. Compiling every article would double the check's time on a large
// corpus for nothing.
import { compile, createProcessor } from '@mdx-js/mdx';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import { EXIT, visit } from 'unist-util-visit';
import { SECTIONS, type Problem } from './problem.ts';

const OPTIONS = { remarkPlugins: [remarkGfm] };
const processor = createProcessor(OPTIONS);

const CODE_NODES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** Whether the tree holds anything the compiler turns into code, beyond Markdown. */
export function holdsCode(tree: Root): boolean {
  let found = false;
  visit(tree, (node: Nodes) => {
    if (!CODE_NODES.has(node.type)) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

export type Compiled = { ok: true; tree: Root } | { ok: false; problem: Problem };

interface CompileMessage {
  reason?: string;
  message?: string;
  line?: number;
  column?: number;
  ruleId?: string;
  source?: string;
}

/** Advice by the compiler's rule: what a contributor most likely typed, and what to type instead. */
function adviceFor(message: CompileMessage): { expected: string; fix: string } {
  const source = message.source ?? '';
  if (source.includes('mdx-expression')) {
    return {
      expected: 'text; in MDX a { starts code',
      fix: 'write a brace that is part of the text as \\{ (and \\}). The importer escapes them; one typed by hand needs the backslash too.',
    };
  }
  if (message.ruleId === 'end-tag-mismatch' || message.ruleId === 'end-tag-before-start-tag') {
    return {
      expected: 'every tag closed in the same paragraph, or a literal < written as \\<',
      fix: 'write a < that is part of the text as \\<; if you meant a tag, close it in the same paragraph.',
    };
  }
  if (source.includes('mdx-jsx')) {
    return {
      expected: 'text; in MDX a < starts a tag',
      fix: 'write a < that is part of the text as \\<. Links are written [text](https://…), never <https://…>.',
    };
  }
  if (source.includes('mdxjs-esm') || message.ruleId === 'acorn') {
    return {
      expected: 'text; in MDX a line starting with import or export is code',
      fix: 'if the line is part of the article, write its first letter as a character reference (&#105;mport, &#101;xport), as the importer does.',
    };
  }
  return { expected: 'valid MDX', fix: 'compare the line with the rules in the section below; escape { } < with a backslash when they are text.' };
}

/** The tag's own position, which end-tag messages give in brackets ("`<b>` (1:7-1:10)"), is more useful than the paragraph's. */
function tagPosition(reason: string): { line: number; column: number } | undefined {
  const match = /`<[^`]*>` \((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

export async function compileMdx(body: string, file: string, bodyFirstLine: number): Promise<Compiled> {
  try {
    const tree = processor.parse(body);
    if (holdsCode(tree)) await compile(body, OPTIONS);
    return { ok: true, tree };
  } catch (error) {
    const message = error as CompileMessage;
    const reason = message.reason ?? message.message ?? String(error);
    const at = tagPosition(reason) ?? { line: message.line ?? 1, column: message.column ?? 1 };
    const lineText = body.split('\n')[at.line - 1] ?? '';
    const { expected, fix } = adviceFor(message);
    return {
      ok: false,
      problem: {
        file,
        line: at.line + bodyFirstLine - 1,
        column: at.column,
        rule: 'mdx-syntax',
        message: `the text is not valid MDX: ${reason.replace(/ \(\d+:\d+-\d+:\d+\)/, '')}.`,
        expected,
        found: excerpt(lineText, at.column),
        fix,
        section: SECTIONS.mdx,
      },
    };
  }
}

/** Up to 60 characters of the line around a column. */
export function excerpt(line: string, column: number): string {
  const from = Math.max(0, column - 30);
  const text = line.slice(from, from + 60);
  return `${from > 0 ? '…' : ''}${text}${from + 60 < line.length ? '…' : ''}`;
}
