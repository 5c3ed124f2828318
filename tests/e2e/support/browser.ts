// Which Chromium the end-to-end tests drive. Browsers cannot be downloaded on every machine, so a system build is
// used when there is one, in this order: CHROMIUM_PATH; Debian's Chromium headless shell (package
// chromium-headless-shell), the build of Chromium Playwright itself runs headless tests in since 1.49 (it downloads
// it beside Chromium, which is what the GitHub workflow's `npx playwright install chromium` gets); Debian's full
// Chromium (package chromium) in its new headless mode. With none of them, Playwright's own download is used.
// On the project's 2-core machine the suite took 131-139 s in the headless shell against 182-193 s in the full
// Chromium, two alternated pairs of runs on 2026-12-06, every test passing in both.

/** Debian's Chromium headless shell: the binary itself (its /usr/bin wrapper is a shell script that does not exec). */
export const DEBIAN_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
/** Debian's full Chromium. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The executable to launch, or undefined for Playwright's own browser. */
export function systemChromium(env: Record<string, string | undefined>, exists: (path: string) => boolean): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM].find((path) => exists(path));
}
