// Prints where `astro build` spent its time, once it is done: from the process's start to the end of the content
// check (which runs as the config is set up), the content sync, Astro's bundling and page writing, and the last
// steps (the sitemap, the cache's pruning, the link check). It must be the last integration, so that its
// astro:build:done runs after every other one. The phases and the line are src/lib/build-phases.ts's.
import type { AstroIntegration } from 'astro';
import { PHASES_LABEL, phasesFromEnds, phasesText, type BuildPhase } from '../lib/build-phases.ts';

export default function buildPhases(): AstroIntegration {
  const ends: [BuildPhase, number][] = [];
  // performance.now() counts from the start of the process.
  const end = (phase: BuildPhase): void => {
    ends.push([phase, performance.now()]);
  };
  return {
    name: PHASES_LABEL,
    hooks: {
      'astro:config:done': () => end('start and content check'),
      'astro:build:start': () => end('content sync'),
      'astro:build:generated': () => end('bundling and pages'),
      'astro:build:done': ({ logger }) => {
        end('last steps');
        logger.info(phasesText(phasesFromEnds(ends)));
      },
    },
  };
}
