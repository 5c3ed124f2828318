// How `npm run build` starts Astro (src/lib/astro-process.ts): only the V8 options this Node has, so an upgrade that
// drops one still builds, and Astro's own script.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { astroScript, GC_OPTIONS, supportedV8Options } from '../../src/lib/astro-process.ts';

const listing = (...names: string[]) =>
  [
    'Synopsis:',
    '  shell [options] [--shell] [<file>...]',
    'Options:',
    ...names.map((name) => `  ${name} (what it does)\n        type: bool  default: false`),
  ].join('\n');

test.each<[string, string, string[]]>([
  ['both listed', listing('--external-memory-accounted-in-global-limit', '--heap-growing-percent'), GC_OPTIONS],
  ['only the first', listing('--external-memory-accounted-in-global-limit'), ['--external-memory-accounted-in-global-limit']],
  ['an option with a value is known by its name', listing('--heap-growing-percent'), ['--heap-growing-percent=50']],
  ['none listed', listing('--max-old-space-size'), []],
  ['a name inside another name does not count', listing('--no-external-memory-accounted-in-global-limit-x', '--heap-growing-percent-max'), []],
  ['an empty listing', '', []],
])('%s', (_case, text, expected) => expect(supportedV8Options(text)).toEqual(expected));

test("this project's Node has every option, so a build gets them all", () => {
  expect(supportedV8Options(execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }))).toEqual(GC_OPTIONS);
});

test("Astro's script is the one its package names", () => {
  const script = astroScript(process.cwd());
  expect(script.replaceAll('\\', '/')).toMatch(/node_modules\/astro\/bin\/astro\.mjs$/);
  expect(existsSync(script)).toBe(true);
});
