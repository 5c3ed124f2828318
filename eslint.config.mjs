// Lint rules, checked by `npm run lint` (part of `npm run check`). typescript-eslint's type-checked rules read the
// types through the TypeScript project (projectService), so they catch what a reader cannot see: a promise left
// floating, `any` leaking out of a parser, a template that prints `[object Object]`. eslint-plugin-astro lints the
// frontmatter and expressions of the .astro components with the same rules.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    ignores: ['dist/', 'dist-*/', '.astro/', 'bench-out/', 'test-results/', 'playwright-report/', 'node_modules/', 'tests/fixtures/', 'content/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
  },
  {
    // TypeScript already reports names that are not defined (astro check, tsc), with the types of Node and the
    // browser; ESLint's own rule knows neither and flags `process` in astro.config.mjs. typescript-eslint advises
    // turning it off.
    rules: { 'no-undef': 'off' },
  },
  {
    // `const { point, source, ...rest } = finding` is how we drop fields from a copy: the dropped names are the point.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
  {
    // The components' frontmatter and expressions get every rule that needs no types. The type-checked rules stay on
    // every .ts file, where the site's logic lives, and `astro check` type checks the components. With types, the
    // 35 components took 22 s of the lint's 36 s (2026-12-08): astro-eslint-parser cannot use projectService and
    // rebuilds its TypeScript program's checker for every component it reads.
    files: ['**/*.astro'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { parser: tseslint.parser, projectService: false } },
  },
);
