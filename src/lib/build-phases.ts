// Where a build's time goes, as the build itself reports it. Astro's process marks the end of each of its phases
// (src/integrations/build-phases.ts) and prints one line when it is done; `npm run build` times the search index
// after it (src/cli/build.ts) and prints another. Both lines start with the same label, so a contributor sees where
// a slow build spends its time, and the benchmark reads them back from the build's log (readPhases) instead of
// anyone working the phases out from timestamps by hand.

/** The phases, in the order they run. */
export const BUILD_PHASES = ['start and content check', 'content sync', 'bundling and pages', 'last steps', 'search index'] as const;
export type BuildPhase = (typeof BUILD_PHASES)[number];
/** Seconds per phase; a phase the log does not report is absent. */
export type PhaseTimes = Partial<Record<BuildPhase, number>>;

/** The label both lines carry (the integration's name, which Astro's logger prints in brackets). */
export const PHASES_LABEL = 'build-phases';

/** The phases' seconds from the moments each one ended, in milliseconds since the process started: each phase runs
 * from the end of the one before (the first from the start of the process). */
export function phasesFromEnds(ends: readonly (readonly [BuildPhase, number])[]): PhaseTimes {
  const times: PhaseTimes = {};
  let from = 0;
  for (const [phase, end] of ends) {
    times[phase] = Math.max(0, end - from) / 1000;
    from = end;
  }
  return times;
}

/** "start and content check 57.0 s, content sync 3.1 s": the phases given, in their order. */
export function phasesText(times: PhaseTimes): string {
  return BUILD_PHASES.filter((phase) => times[phase] !== undefined)
    .map((phase) => `${phase} ${times[phase]!.toFixed(1)} s`)
    .join(', ');
}

// Terminal colours, which Astro's logger adds when it writes to a terminal.
// eslint-disable-next-line no-control-regex
const COLOURS = /\u001b\[[0-9;]*m/g;
const PHASE = new RegExp(`(${BUILD_PHASES.join('|')}) (\\d+(?:\\.\\d+)?) s`, 'g');

/** Every phase reported in a build's log (both lines), in seconds. */
export function readPhases(log: string): PhaseTimes {
  const times: PhaseTimes = {};
  for (const line of log.replace(COLOURS, '').split('\n')) {
    const at = line.indexOf(`[${PHASES_LABEL}] `);
    if (at === -1) continue;
    for (const [, phase, seconds] of line.slice(at).matchAll(PHASE)) times[phase as BuildPhase] = Number(seconds);
  }
  return times;
}
