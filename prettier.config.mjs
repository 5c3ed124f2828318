// Formatting, checked by `npm run format:check` (part of `npm run check`). The settings follow the style the code
// was already written in: single quotes, semicolons, two-space indent, trailing commas, long lines (most
// files keep a call or a template on one line up to about 160 characters). `npm run format` rewrites files.
/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  semi: true,
  tabWidth: 2,
  trailingComma: 'all',
  printWidth: 160,
  plugins: ['prettier-plugin-astro'],
};
