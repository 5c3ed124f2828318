// Makes Pagefind's browser bundle smaller before it is published, without changing what it does. Pagefind
// writes its scripts as it ships them: the Component UI (pagefind-component-ui.js) carries the interface text of
// every language it is translated into (46 of them, 85 kB of its 184 kB), though a site shows one, and the
// search engine (pagefind.js, pagefind-worker.js), the highlighter (pagefind-highlight.js) and the stylesheet
// are not minified. Pagefind has no option for either (its Component UI is one script, not modules to pick from).
//
// - englishOnly(): keeps the English text of the Component UI and drops the other languages. It reads the
//   script's syntax tree and changes it only where it finds exactly the shape Pagefind's build gives them (a list
//   of translation modules next to the list of their file names); anything else leaves the script as it is,
//   with the reason, so a later Pagefind can never be broken by it, only left untrimmed.
// - minify(): esbuild's minifier, which keeps a script's behaviour (and an ES module's exports).
import { parse, type Node, type Program } from 'acorn';
import { transform } from 'esbuild';

/** The interface language the site's pages are in (<html lang="en">). */
export const UI_LANGUAGE = 'en';

export interface Trimmed {
  code: string;
  /** Why the code was left as it was; undefined when it was trimmed. */
  untouched?: string;
}

type AnyNode = Node & Record<string, unknown>;

function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) if (item && typeof item.type === 'string') out.push(item);
    if (value && typeof value === 'object' && typeof (value as AnyNode).type === 'string') out.push(value as AnyNode);
  }
  return out;
}

function walk(node: AnyNode, visit: (node: AnyNode, parent: AnyNode | undefined) => void, parent?: AnyNode): void {
  visit(node, parent);
  for (const child of children(node)) walk(child, visit, node);
}

const TRANSLATION_FILE = /\/translations\/([\w-]+)\.json$/;

const isIdentifier = (node: AnyNode | null | undefined, name?: string): boolean => node?.type === 'Identifier' && (name === undefined || node.name === name);

/**
 * The Component UI with only the `language` translations. Pagefind's build gathers its translation files with a
 * glob import: one module object per file (`var af = {}; __export(af, { strings: () => s1, … }); var s1 = …;`)
 * and two lists, the modules and their file names. Both lists are cut down to the one language, and each other
 * module's three statements are removed.
 */
export function keepOneLanguage(code: string, language = UI_LANGUAGE): Trimmed {
  let ast: Program;
  try {
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  } catch (error) {
    return { code, untouched: `it does not parse (${(error as Error).message})` };
  }
  const arrays: AnyNode[] = [];
  const blocks: AnyNode[] = [];
  walk(ast as unknown as AnyNode, (node) => {
    if (node.type === 'ArrayExpression') arrays.push(node);
    if (node.type === 'BlockStatement' || node.type === 'Program') blocks.push(node);
  });

  const fileLists = arrays.filter((a) => {
    const elements = a.elements as AnyNode[];
    return elements.length > 1 && elements.every((e) => e?.type === 'Literal' && typeof e.value === 'string' && TRANSLATION_FILE.test(e.value));
  });
  if (fileLists.length !== 1) return { code, untouched: `${fileLists.length} lists of translation files found, not 1` };
  const files = fileLists[0]!;
  const languages = (files.elements as AnyNode[]).map((e) => TRANSLATION_FILE.exec(e.value as string)![1]!);
  const keep = languages.indexOf(language);
  if (keep < 0) return { code, untouched: `no ${language} translation` };
  const moduleLists = arrays.filter((a) => a !== files && (a.elements as AnyNode[]).length === languages.length && (a.elements as AnyNode[]).every((e) => isIdentifier(e)));
  if (moduleLists.length !== 1) return { code, untouched: `${moduleLists.length} lists of translation modules found, not 1` };
  const modules = moduleLists[0]!;
  const names = (modules.elements as AnyNode[]).map((e) => e.name as string);

  // The statements of the block that declares the modules.
  const block = blocks.find((b) => (b.body as AnyNode[]).some((s) => s.type === 'VariableDeclaration' && (s.declarations as AnyNode[]).some((d) => isIdentifier(d.id as AnyNode, names[0]))));
  if (!block) return { code, untouched: 'the translation modules are not declared in one block' };
  const statements = block.body as AnyNode[];
  const removed: [number, number][] = [];
  for (const [i, name] of names.entries()) {
    if (i === keep) continue;
    const declaration = statements.find((s) => s.type === 'VariableDeclaration' && (s.declarations as AnyNode[]).length === 1 && isIdentifier((s.declarations as AnyNode[])[0]!.id as AnyNode, name));
    const exporting = statements.find((s) => {
      const call = s.expression as AnyNode | undefined;
      return s.type === 'ExpressionStatement' && call?.type === 'CallExpression' && isIdentifier((call.arguments as AnyNode[])[0], name) && (call.arguments as AnyNode[])[1]?.type === 'ObjectExpression';
    });
    if (!declaration || !exporting) return { code, untouched: `the module of the ${languages[i]} translation is not in the expected shape` };
    const getters = ((exporting.expression as AnyNode).arguments as AnyNode[])[1]!.properties as AnyNode[];
    const parts = getters.map((p) => ((p.value as AnyNode).type === 'ArrowFunctionExpression' && isIdentifier((p.value as AnyNode).body as AnyNode) ? (((p.value as AnyNode).body as AnyNode).name as string) : ''));
    if (parts.includes('')) return { code, untouched: `the exports of the ${languages[i]} translation are not in the expected shape` };
    const values = statements.find((s) => {
      if (s.type !== 'VariableDeclaration') return false;
      const declared = (s.declarations as AnyNode[]).map((d) => (d.id as AnyNode).name as string);
      return declared.length === parts.length && parts.every((p) => declared.includes(p));
    });
    if (!values) return { code, untouched: `the values of the ${languages[i]} translation are not declared together` };
    removed.push([declaration.start, declaration.end], [exporting.start, exporting.end], [values.start, values.end]);
  }

  type Edit = [start: number, end: number, text: string];
  const edits: Edit[] = [
    ...removed.map(([start, end]): Edit => [start, end, '']),
    [modules.start, modules.end, `[${names[keep]}]`] satisfies Edit,
    [files.start, files.end, JSON.stringify([(files.elements as AnyNode[])[keep]!.value])] satisfies Edit,
  ];
  edits.sort((a, b) => b[0] - a[0]);
  let out = code;
  for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
  try {
    parse(out, { ecmaVersion: 'latest', sourceType: 'script' });
  } catch (error) {
    return { code, untouched: `the trimmed script would not parse (${(error as Error).message})` };
  }
  return { code: out };
}

/** Minified with esbuild: a script, an ES module (its exports kept) or a stylesheet. */
export async function minify(code: string, kind: 'script' | 'module' | 'css'): Promise<string> {
  const result = await transform(code, { loader: kind === 'css' ? 'css' : 'js', minify: true, ...(kind === 'module' ? { format: 'esm' as const } : {}), legalComments: 'none' });
  return result.code;
}
