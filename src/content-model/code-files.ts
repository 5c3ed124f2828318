// The code a cached result depends on: the files a module imports, directly or not, through relative imports. The
// digests that name cached entries and cached HTML (digest-cache.ts, html-cache.ts) include these files, so a change
// to the code that made a result is never hidden by the cache.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** The files `entries` import, directly or not, through relative imports: the code a plugin runs. */
export function importedFiles(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    const text = readText(file);
    if (text === undefined) continue;
    seen.add(file);
    for (const [, specifier] of text.matchAll(RELATIVE_IMPORT)) pending.push(resolve(dirname(file), specifier!));
  }
  return [...seen].sort();
}
