import { defineConfig } from 'vitest/config';

// Two projects. "unit" (npm run test:unit, part of npm test) covers the pure logic in src/lib/ and the CLI entry
// points; it never starts Astro. "scale" (npm run test:scale, not part of npm test: it builds corpora of 100 and
// 1,000 articles, minutes) checks what only shows at size. `vitest run` alone runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Some tests spawn the CLIs or compile MDX hundreds of times; on a busy 2-core machine that can take far
          // longer than the 5 s default. This is slack, not a performance budget.
          testTimeout: 60_000,
          // Vitest's default is one worker fewer than the cores: one, on a 2-core machine, and the files ran one after
          // another (57 s). Two take 43 s; the tests that spawn processes then share the cores, hence the slack above.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'scale',
          include: ['tests/scale/**/*.test.ts'],
          environment: 'node',
          // Each build of a generated corpus takes minutes; two of them share one machine's cores.
          testTimeout: 30 * 60_000,
          hookTimeout: 60 * 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
