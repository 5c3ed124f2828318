// How `npm run build` starts Astro's process (src/cli/build.ts): Node with the V8 options below, then Astro's own
// command-line script, in this process's environment less the shell's `_` (astroEnvironment, below).
//
// Why V8 options. A static build allocates buffers outside the JavaScript heap for every file it writes (Astro copies
// each page's response into an ArrayBuffer; our open data is kept as bytes). V8 starts a full mark of the heap
// whenever such "external" memory has grown by a fixed 64 MB since the last one, however large the heap is: at
// 10,000 articles, with 1.1 GB live, that was a full mark about every second through the whole pages phase, 136 of
// them, 78 s of the main thread's time (`node --trace-gc --trace-incremental-marking`: "Start (external memory
// pressure)" while the heap was far below its own limit). --external-memory-accounted-in-global-limit counts external
// memory in the heap's global limit instead, which grows with the heap as the heap's own memory does; with it alone
// the heap then grew by up to V8's own factor before a mark (Astro's process peaked at 6.7 GB at 10,000 articles
// against 4.8 GB), so --heap-growing-percent=50 marks again once the heap is half as large again as the last mark
// left it. Measured on 2026-12-06 with Astro's process alone (its phases, `/usr/bin/time`), 10,000 articles: 365 s
// and 136 full marks (78 s) without the options, 250 s with the first alone, 212 s and 16 full marks (4.8 s) with
// both, peak 4.8 / 6.7 / 5.7 GB; 1,000 articles: 18 full marks (1.2 s) against 10 (0.5 s), peak 1.40 GB against
// 1.51 GB. The output is the same file for file: they change when memory is reclaimed, nothing else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The V8 options Astro's build process is started with: each of GC_OPTIONS that this Node's V8 has. */
export const GC_OPTIONS = ['--external-memory-accounted-in-global-limit', '--heap-growing-percent=50'];

/** Of `wanted`, the options `node --v8-options` lists (its text given): a Node whose V8 lacks one would refuse to
 * start ("bad option"), so an option V8 dropped is left out rather than stopping the build. */
export function supportedV8Options(v8OptionsText: string, wanted: readonly string[] = GC_OPTIONS): string[] {
  const listed = new Set(v8OptionsText.match(/^\s+--[a-z0-9-]+/gm)?.map((line) => line.trim()));
  return wanted.filter((option) => listed.has(option.split('=')[0]!));
}

/** Astro's command-line script, as its package names it, resolved from `projectRoot`. */
export function astroScript(projectRoot: string): string {
  const manifest = createRequire(join(projectRoot, 'package.json')).resolve('astro/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : (bin.astro ?? 'bin/astro.mjs'));
}

/**
 * The environment Astro's build runs in: this one, less `_`. Astro takes every variable of the environment as a
 * private `import.meta.env` value and writes into a server module the value of each one whose name appears anywhere
 * in that module's code (getReferencedPrivateKeys in astro/dist/env/vite-plugin-import-meta-env.js); a name of one
 * character, `_`, appears in all of them. The shell sets `_` to the path of the command it runs, so the same build
 * started another way (`npm run build`, `node src/cli/build.ts`, under `/usr/bin/time`) bundled different code, and
 * Astro's incremental build, which hashes each page's modules, rendered every page again instead of restoring it
 * (seen on 2026-12-06: a rebuild after one article changed restored none of 3,085 files, against 3,005 with the same
 * `_`). Nothing of ours reads `_`. Any other variable whose name a module happens to spell (`PATH`, `HOME`, `CI`) is
 * written in the same way; none differed between the builds measured, so only `_`, which matches every module, is
 * dropped.
 */
export function astroEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { _: _shellCommand, ...rest } = env;
  return rest;
}
