// The Content-Security-Policy hashes of our templates' is:inline blocks are computed from their source; these are
// the cases that decide which blocks count.
import { expect, test } from 'vitest';
import { inlineHashes, inlineHashesOf, sha256 } from '../../src/lib/security/inline-hashes.ts';

const THEME = "\n  try { document.documentElement.dataset.theme = localStorage.getItem('theme'); } catch {}\n";

test('sha256 gives the CSP source expression a browser computes', () => {
  // The empty string's SHA-256, as every CSP reference lists it.
  expect(sha256('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
});

test.each([
  ['an is:inline script', `<script is:inline>${THEME}</script>`, { scripts: [sha256(THEME)], styles: [] }],
  ['an is:inline style', '<style is:inline>p{color:red}</style>', { scripts: [], styles: [sha256('p{color:red}')] }],
  ['a bundled script (Astro hashes it)', "<script>import './x.ts';</script>", { scripts: [], styles: [] }],
  [
    'a JSON-LD block, self-closing, before an inline script',
    `<script type="application/ld+json" set:html={json} />\n<script is:inline>${THEME}</script>`,
    { scripts: [sha256(THEME)], styles: [] },
  ],
  ['a JSON-LD data block', '<script is:inline type="application/ld+json">{"a":1}</script>', { scripts: [], styles: [] }],
  ['an external script', '<script is:inline src="/x.js"></script>', { scripts: [], styles: [] }],
])('%s', (_name, source, expected) => expect(inlineHashesOf(source)).toEqual(expected));

test("the site's own templates: the theme script in the base layout is hashed", () => {
  expect(inlineHashes(['src/layouts', 'src/components', 'src/pages']).scripts.length).toBeGreaterThanOrEqual(1);
});
