import { defineConfig } from 'vitest/config';

// Unit tests cover the pure logic in src/lib/ and the CLI entry points; they never start Astro.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
