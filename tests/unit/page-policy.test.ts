// Each page's Content-Security-Policy keeps the hash sources of its own inline scripts and styles and nothing else
// of the site-wide list; every other source and directive stays as written.
import { expect, test } from 'vitest';
import { narrowPagePolicy } from '../../src/lib/security/page-policy.ts';
import { sha256 } from '../../src/lib/security/inline-hashes.ts';

const THEME = "try{document.documentElement.dataset.theme=localStorage.getItem('theme')}catch{}";
const STYLE = '.note{color:red}';
const ELSEWHERE = sha256('a script on another page');
const page = (policy: string, body: string) =>
  `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy}">${body}</head></html>`;

test.each([
  [
    'hashes of blocks on the page are kept, the rest dropped',
    `default-src 'self'; script-src 'self' '${sha256(THEME)}' '${ELSEWHERE}'; style-src 'self' '${ELSEWHERE}' '${sha256(STYLE)}';`,
    `<script>${THEME}</script><style>${STYLE}</style>`,
    `default-src 'self'; script-src 'self' '${sha256(THEME)}'; style-src 'self' '${sha256(STYLE)}';`,
  ],
  [
    'a page with no inline block keeps only its other sources',
    `script-src 'self' 'wasm-unsafe-eval' '${ELSEWHERE}'; style-src 'self' '${ELSEWHERE}';`,
    '<script type="module" src="/_astro/x.js"></script>',
    `script-src 'self' 'wasm-unsafe-eval'; style-src 'self';`,
  ],
  [
    'an external script is not a block: its (empty) body matches nothing',
    `script-src 'self' '${sha256('')}'`,
    '<script type="module" src="/_astro/x.js"></script>',
    `script-src 'self'`,
  ],
  [
    'a module script with attributes is hashed by its body',
    `script-src 'self' '${sha256(THEME)}'`,
    `<script type="module">${THEME}</script>`,
    `script-src 'self' '${sha256(THEME)}'`,
  ],
])('%s', (_name, policy, body, narrowed) => expect(narrowPagePolicy(page(policy, body))).toBe(page(narrowed, body)));

test('a page without a policy is left as it is', () => {
  const html = '<!DOCTYPE html><html><head><script>x()</script></head></html>';
  expect(narrowPagePolicy(html)).toBe(html);
});
