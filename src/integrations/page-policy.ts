// Narrows the Content-Security-Policy of every page Astro has written to the hashes that page needs
// (src/lib/security/page-policy.ts says why). Runs first in astro:build:done, while the link check's readers, started
// when the pages were written, read them in threads of their own: each page is replaced whole, so they find it
// before or after, and they do not read the policy <meta> this changes.
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { narrowPagePolicy } from '../lib/security/page-policy.ts';

export default function pagePolicy(): AstroIntegration {
  return {
    name: 'page-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const pages = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html'));
        let saved = 0;
        for (const file of pages) {
          const html = await readFile(join(dist, file), 'utf8');
          const narrowed = narrowPagePolicy(html);
          if (narrowed === html) continue;
          saved += Buffer.byteLength(html) - Buffer.byteLength(narrowed);
          // Written aside and renamed: the link check reads these pages in a worker meanwhile
          // (src/integrations/link-check.ts), and must find each one whole, before or after.
          const path = join(dist, file);
          await writeFile(`${path}.policy.tmp`, narrowed);
          await rename(`${path}.policy.tmp`, path);
        }
        logger.info(`${pages.length} pages: each policy cut to its own hashes (${saved.toLocaleString('en')} bytes in all).`);
      },
    },
  };
}
