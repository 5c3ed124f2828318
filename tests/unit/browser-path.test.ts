// Which Chromium the end-to-end tests drive (tests/e2e/support/browser.ts).
import { describe, expect, test } from 'vitest';
import { DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL, systemChromium } from '../e2e/support/browser.ts';

describe('the browser the end-to-end tests drive', () => {
  test.each([
    ['CHROMIUM_PATH, whatever is installed', { CHROMIUM_PATH: '/opt/chrome/chrome' }, [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM], '/opt/chrome/chrome'],
    ["Debian's headless shell before its full Chromium", {}, [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM], DEBIAN_HEADLESS_SHELL],
    ["Debian's headless shell alone", {}, [DEBIAN_HEADLESS_SHELL], DEBIAN_HEADLESS_SHELL],
    ["Debian's full Chromium when the shell is not installed", {}, [DEBIAN_CHROMIUM], DEBIAN_CHROMIUM],
    ["Playwright's own browser when neither is", {}, [], undefined],
    ['an empty CHROMIUM_PATH counts as unset', { CHROMIUM_PATH: '' }, [DEBIAN_CHROMIUM], DEBIAN_CHROMIUM],
  ])('%s', (_, env: Record<string, string>, installed: string[], expected) => {
    expect(systemChromium(env, (path) => installed.includes(path))).toBe(expected);
  });
});
