// How `npm run build` starts Astro (src/lib/astro-process.ts): only the V8 options this Node has, so an upgrade that
// drops one still builds, Astro's own script, and an environment that does not depend on the shell that started it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { astroEnvironment, astroScript, GC_OPTIONS, supportedV8Options } from '../../src/lib/astro-process.ts';

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

test.each<[string, NodeJS.ProcessEnv, NodeJS.ProcessEnv]>([
  [
    "the shell's last command is left out",
    { _: '/usr/bin/time', BASE_PATH: '/walled-gardens/', PATH: '/usr/bin' },
    { BASE_PATH: '/walled-gardens/', PATH: '/usr/bin' },
  ],
  [
    'started another way, the same environment',
    { _: 'node_modules/.bin/node', BASE_PATH: '/walled-gardens/', PATH: '/usr/bin' },
    { BASE_PATH: '/walled-gardens/', PATH: '/usr/bin' },
  ],
  ['without it, everything is kept', { CONTENT_DIR: 'corpus', npm_lifecycle_event: 'build' }, { CONTENT_DIR: 'corpus', npm_lifecycle_event: 'build' }],
  ['names that only hold an underscore are kept', { __: 'x', _X: 'y' }, { __: 'x', _X: 'y' }],
])("Astro's environment: %s", (_case, env, expected) => {
  const before = { ...env };
  expect(astroEnvironment(env)).toEqual(expected);
  expect(env, 'the environment given is left as it was').toEqual(before);
});
