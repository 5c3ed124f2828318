// Hashes for the Content-Security-Policy of the <script is:inline> and <style is:inline> blocks in the site's
// templates. Astro hashes the scripts and styles it bundles, but leaves is:inline ones to the project; without their
// hash the policy would block them (the theme script in BaseLayout.astro must run before first paint, so it cannot
// be bundled). Astro emits an is:inline body verbatim, so hashing the text between the tags in the source gives
// the hash of what the browser runs, and a changed script never needs a hand-copied hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

/** An opening tag that is not self-closing (`<script … />` has no body), its body, and its closing tag. */
const BLOCK = /<(script|style)\b([^>]*?)(?<!\/)>([\s\S]*?)<\/\1>/g;

export function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The hashes of the is:inline blocks of one .astro file. Data blocks (JSON-LD) and define:vars are skipped. */
export function inlineHashesOf(source: string): InlineHashes {
  const found: InlineHashes = { scripts: [], styles: [] };
  for (const [, tag, attributes, body] of source.matchAll(BLOCK)) {
    if (!/\bis:inline\b/.test(attributes!) || /\bsrc=/.test(attributes!) || /\bdefine:vars\b/.test(attributes!)) continue;
    if (/\btype=["']application\/(?:ld\+)?json["']/.test(attributes!)) continue;
    (tag === 'script' ? found.scripts : found.styles).push(sha256(body!));
  }
  return found;
}

/** The hashes of every is:inline block in the .astro files under the given folders. */
export function inlineHashes(folders: readonly string[]): InlineHashes {
  const all: InlineHashes = { scripts: [], styles: [] };
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.astro')) {
        const { scripts, styles } = inlineHashesOf(readFileSync(path, 'utf8'));
        all.scripts.push(...scripts);
        all.styles.push(...styles);
      }
    }
  };
  folders.forEach(visit);
  return { scripts: [...new Set(all.scripts)].sort(), styles: [...new Set(all.styles)].sort() };
}
