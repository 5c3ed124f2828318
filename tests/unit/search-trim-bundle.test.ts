// Trimming Pagefind's Component UI to one language, on scripts in the shape Pagefind's build gives it (a glob
// import of translation files, minified), and leaving alone every script not in that shape, with the reason.
import { describe, expect, test } from 'vitest';
import { keepOneLanguage, minify } from '../../src/lib/search/trim-bundle.ts';

/** A translation module as esbuild writes a glob-imported JSON file: the module object, its exports, its values. */
const module = (name: string, prefix: string, text: string) =>
  `var ${name}={};h(${name},{default:()=>${prefix}d,strings:()=>${prefix}s});var ${prefix}s={placeholder:"${text}"},${prefix}d={strings:${prefix}s};`;

const HELPER = 'var h=(a,s)=>{for(var e in s)Object.defineProperty(a,e,{get:s[e],enumerable:!0})};';
const USE = 'var T={};for(let i=0;i<F.length;i++)T[F[i].match(/([^/]+)\\.json$/)[1]]=M[i].strings;window.T=T;';
const script = (...parts: string[]) => `"use strict";(()=>{${HELPER}${parts.join('')}${USE}})();`;
const UI = script(
  module('A', 'a', 'Soek'),
  module('B', 'b', 'Search'),
  module('C', 'c', 'Recherche'),
  'var M=[A,B,C],F=["../../translations/af.json","../../translations/en.json","../../translations/fr.json"];',
);

/** Runs a trimmed script and returns the translations it ends up with. */
function translationsOf(code: string): Record<string, unknown> {
  const window: Record<string, unknown> = {};
  new Function('window', code)(window);
  return window.T as Record<string, unknown>;
}

describe('the Component UI in one language', () => {
  test('keeps the English module and its file name, and removes the others', () => {
    const { code, untouched } = keepOneLanguage(UI);
    expect(untouched).toBeUndefined();
    expect(translationsOf(code)).toEqual({ en: { placeholder: 'Search' } });
    expect(code).not.toContain('Soek');
    expect(code).not.toContain('Recherche');
    expect(code.length).toBeLessThan(UI.length);
  });

  test('another language can be kept', () => {
    expect(translationsOf(keepOneLanguage(UI, 'fr').code)).toEqual({ fr: { placeholder: 'Recherche' } });
  });

  test.each([
    ['a script that does not parse', 'var = ;', 'it does not parse'],
    ['no list of translation files', script('var M=[1,2];'), '0 lists of translation files found, not 1'],
    ['no English translation', UI.replace('translations/en.json', 'translations/de.json'), 'no en translation'],
    ['no list of modules beside the files', UI.replace('var M=[A,B,C]', 'var M=[A,B]'), '0 lists of translation modules found, not 1'],
    ['a module in another shape', UI.replace('h(C,{default:()=>cd,strings:()=>cs});', 'h(C,{default:()=>cd,strings:function(){return cs}});'), 'the exports of the fr translation are not in the expected shape'],
    ['values declared apart', UI.replace('var cs={placeholder:"Recherche"},cd=', 'var cs={placeholder:"Recherche"};var cd='), 'the values of the fr translation are not declared together'],
  ])('%s is left as it is', (_, code, reason) => {
    const trimmed = keepOneLanguage(code);
    expect(trimmed.code).toBe(code);
    expect(trimmed.untouched).toContain(reason);
  });
});

describe('minified', () => {
  test.each([
    ['a script', 'function add(first, second) {\n  return first + second;\n}\nwindow.sum = add(1, 2);\n', 'script' as const],
    ['an ES module keeps its exports', 'export function add(first, second) {\n  return first + second;\n}\n', 'module' as const],
    ['a stylesheet keeps Pagefind\'s specificity prefix', ':is(*, #\\#):is(*, #\\#) .pf-result {\n  color: red;\n}\n', 'css' as const],
  ])('%s', async (_, code, kind) => {
    const small = await minify(code, kind);
    expect(small.length).toBeLessThan(code.length);
    if (kind === 'module') expect(small).toMatch(/export\s*\{/);
    if (kind === 'css') expect(small).toContain('#\\#');
  });
});
