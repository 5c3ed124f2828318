import { defineConfig } from 'vitest/config';

// Unit tests cover the pure logic in src/lib/ and the CLI entry points; they never start Astro.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Some tests spawn the CLIs or compile MDX hundreds of times; on a busy 2-core machine that can take far
    // longer than the 5 s default. This is slack, not a performance budget.
    testTimeout: 60_000,
  },
});
