import { defineConfig } from 'vitest/config';

// Two projects. "unit" (npm run test:unit, part of npm test) covers the pure logic in src/lib/, the importer
// (src/import/), the benchmark's (src/bench/) and the CLI entry points; it never starts Astro. "scale" (npm run test:scale, not part of npm test: it builds corpora of 100 and
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
          // The files of a worker share their modules instead of importing them afresh each: a third of the suite's time
          // was imports (the Markdown pipeline, Zod, the content model), 32-35 s against 22-25 s in alternated runs on
          // 2026-12-06. Safe while no test mocks a module or changes the process (environment, working directory), which
          // none does; the suite passed with its files in four shuffled orders (--sequence.shuffle.files). A test that
          // needs either belongs in a project of its own.
          isolate: false,
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
