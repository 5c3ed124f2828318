// End-to-end tests run against the production build served by `astro preview`, in Chromium at a desktop
// and a phone width. Every spec runs at the desktop width; the phone project runs only the tests marked PHONE
// (tag @phone, tests/e2e/support/reader.ts), those whose subject changes on a phone: the page frame and its layout,
// margin notes that become tap-to-open, the search box, its folded filters and touch. Contrast, CSP, links, budgets,
// topic pages, article text, search ranking and the address are the same HTML and CSS at both widths, and axe runs
// once per page type and theme (accessibility.spec.ts; search's results page and list also on the phone layout).
// Browsers cannot be downloaded on every machine, so a system Chromium is used when present (CHROMIUM_PATH, Debian's
// Chromium headless shell, or Debian's Chromium: tests/e2e/support/browser.ts) and Playwright's own browser otherwise.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { basePath as deployBase } from './src/lib/deploy-settings.ts';
import { systemChromium } from './tests/e2e/support/browser.ts';

const port = Number(process.env.E2E_PORT ?? 4321);
const basePath = deployBase(process.env);
const executablePath = systemChromium(process.env, existsSync);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // Three at once on a 2-core machine. The suite keeps both cores busy from start to end (/proc/stat sampled through a
  // run on 2026-12-06), at least 70% of it in Chromium's processes, so the number of workers changes little: on this
  // machine, 2 workers 212 s, 3 workers 181 s and 4 workers 162-178 s on 2026-12-05; 4 workers 248 s against 231 s
  // for three on 2026-12-06 (all in Debian's full Chromium; the headless shell now used takes about a quarter less, and
  // there four workers took 159 and 171 s against 160 and 166 s for three, alternated, that evening).
  // (An earlier figure here, 134 s of CPU in a 181 s run, came from the runner's own resource usage, which does not
  // count Chromium.)
  workers: 3,
  retries: 0,
  // axe on a long page takes seconds, and CI machines are small and noisy: slack, not a performance budget.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}${basePath}`,
    // A failed test keeps its trace: every action, the page's DOM before and after it, its network and console. Not
    // the screencast: recording a screenshot after every action for every test (then thrown away when it passes) was
    // a fifth of the suite's time (search.spec.ts: 89 and 96 s with it, 72 and 74 s without, 71 and 77 s with no trace
    // at all; 2026-12-08, alternated), and the DOM snapshots show the page in the trace viewer all the same.
    trace: { mode: 'retain-on-failure', screenshots: false },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'desktop', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } },
    {
      name: 'phone',
      grep: /@phone/,
      use: { browserName: 'chromium', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    command: `npm run preview -- --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}${basePath}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
