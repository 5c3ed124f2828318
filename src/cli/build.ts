// `npm run build [-- <astro build options>]`: `astro build` in a process of its own, then, once that process has
// exited, the search index: Pagefind reads the built pages of the searched types and writes its bundle to
// <outDir>/pagefind/ (src/lib/search/search-index.ts). The index is not built in an Astro hook so that the two never
// hold memory at the same time: at 10,000 articles Astro's process still holds about 4 GB once its pages are
// written, and Pagefind's indexing peaks near 5 GB; one after the other, the build's peak is the larger of the two.
// Exit codes: Astro's when its build fails; 1 when Pagefind fails; 0 when both are done.
import { execFileSync, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { astroEnvironment, astroScript, supportedV8Options } from '../lib/astro-process.ts';
import { PHASES_LABEL, phasesText } from '../lib/build-phases.ts';
import { buildSearchIndex, indexReport } from '../lib/search/search-index.ts';

const args = process.argv.slice(2);
// Astro's own script, run by this Node (the project's, node_modules/.bin/node under npm) with the V8 options and in
// the environment that src/lib/astro-process.ts explains.
const v8Options = supportedV8Options(execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }));
const astro = spawnSync(process.execPath, [...v8Options, astroScript(process.cwd()), 'build', ...args], {
  stdio: 'inherit',
  env: astroEnvironment(process.env),
});
if (astro.error) {
  process.stderr.write(`build: could not start astro build: ${astro.error.message}\n`);
  process.exit(1);
}
if (astro.status !== 0) process.exit(astro.status ?? 1);

// Where Astro wrote the site: its --outDir, or the default.
const { values } = parseArgs({ args, strict: false, options: { outDir: { type: 'string' } } });
const site = typeof values.outDir === 'string' ? values.outDir : 'dist';
try {
  const started = performance.now();
  process.stdout.write(`[search-index] ${indexReport(await buildSearchIndex(site))}\n`);
  // The last phase of the build, after the ones Astro's process reported (src/lib/build-phases.ts).
  process.stdout.write(`[${PHASES_LABEL}] ${phasesText({ 'search index': (performance.now() - started) / 1000 })}\n`);
} catch (error) {
  process.stderr.write(`[search-index] The search index could not be built: ${(error as Error).message}\n`);
  process.exit(1);
}
