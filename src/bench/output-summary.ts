// What a build wrote, summed the way the benchmark reports it: total size, HTML, the search index, and the
// largest page of each kind. The largest pages show whether any page grows with the corpus (an index that is not
// paginated, a topic page listing every mention), which a total alone would hide.

export interface OutputFileSize {
  path: string;
  bytes: number;
}

export type PageKind = 'home' | 'article' | 'article-list' | 'topic' | 'topic-list' | 'topic-coverage' | 'timeline' | 'search' | 'other';

/** The kind of page a built HTML file is, from its path in the output folder. */
export function pageKind(path: string): PageKind {
  if (path === 'index.html') return 'home';
  if (path === 'search/index.html') return 'search';
  if (/^articles\/(\d+\/)?index\.html$/.test(path)) return 'article-list';
  if (/^articles\/[^/]+\/index\.html$/.test(path)) return 'article';
  if (path === 'topics/index.html' || /^topics\/\d+\/index\.html$/.test(path)) return 'topic-list';
  if (/^topics\/[^/]+\/index\.html$/.test(path)) return 'topic';
  if (/^topics\/[^/]+\/.+\/index\.html$/.test(path)) return 'topic-coverage';
  if (/^timeline\//.test(path)) return 'timeline';
  return 'other';
}

export interface OutputSummary {
  files: number;
  totalBytes: number;
  htmlFiles: number;
  htmlBytes: number;
  /** Bytes under pagefind/, or undefined when there is no search index. */
  searchIndexBytes: number | undefined;
  searchIndexFiles: number | undefined;
  /** The index proper (word index, fragments, filters, metadata), without Pagefind's scripts, styles and wasm. */
  searchIndexDataBytes: number | undefined;
  largest: Partial<Record<PageKind, { path: string; bytes: number }>>;
}

export function summarizeOutput(files: readonly OutputFileSize[]): OutputSummary {
  const html = files.filter((f) => f.path.endsWith('.html'));
  const index = files.filter((f) => f.path.startsWith('pagefind/'));
  const largest: OutputSummary['largest'] = {};
  for (const f of html) {
    const kind = pageKind(f.path);
    if ((largest[kind]?.bytes ?? -1) < f.bytes) largest[kind] = { path: f.path, bytes: f.bytes };
  }
  return {
    files: files.length,
    totalBytes: files.reduce((s, f) => s + f.bytes, 0),
    htmlFiles: html.length,
    htmlBytes: html.reduce((s, f) => s + f.bytes, 0),
    searchIndexBytes: index.length ? index.reduce((s, f) => s + f.bytes, 0) : undefined,
    searchIndexFiles: index.length || undefined,
    searchIndexDataBytes: index.length
      ? index.filter((f) => /^pagefind\/(index|fragment|filter)\/|\.pf_meta$/.test(f.path)).reduce((s, f) => s + f.bytes, 0)
      : undefined,
    largest,
  };
}

/** Pages present in both builds whose size changed by more than `tolerance` (0.05 = 5%), largest change first. */
export function grownPages(
  small: readonly OutputFileSize[],
  large: readonly OutputFileSize[],
  tolerance: number,
): { path: string; small: number; large: number; ratio: number }[] {
  const before = new Map(small.filter((f) => f.path.endsWith('.html')).map((f) => [f.path, f.bytes]));
  const out: { path: string; small: number; large: number; ratio: number }[] = [];
  for (const f of large) {
    const was = before.get(f.path);
    if (was === undefined || was === 0) continue;
    const ratio = f.bytes / was;
    if (Math.abs(ratio - 1) > tolerance) out.push({ path: f.path, small: was, large: f.bytes, ratio });
  }
  return out.sort((a, b) => b.ratio - a.ratio);
}

/**
 * Pages grouped so paginated lists compare fairly: page N of a list ("topics/wechat/coverage/5/index.html") and its
 * first page ("topics/wechat/coverage/index.html") are one family, weighed by its largest page. Otherwise the last,
 * half-full page of a small build would "grow" when a bigger corpus fills it.
 */
export function pageFamilies(files: readonly OutputFileSize[]): Map<string, { path: string; bytes: number }> {
  const html = files.filter((f) => f.path.endsWith('.html'));
  const lists = new Set(html.map((f) => /^(.*\/)?\d+\/index\.html$/.exec(f.path)?.[1] ?? undefined).filter((d) => d !== undefined));
  const families = new Map<string, { path: string; bytes: number }>();
  for (const f of html) {
    const numbered = /^(.*\/)?\d+\/index\.html$/.exec(f.path);
    const dir = f.path.replace(/index\.html$/, '');
    const family = numbered ? `${numbered[1] ?? ''}*` : lists.has(dir) ? `${dir}*` : f.path;
    if ((families.get(family)?.bytes ?? -1) < f.bytes) families.set(family, { path: f.path, bytes: f.bytes });
  }
  return families;
}

/** Page families (see pageFamilies) present in both builds whose largest page changed by more than `tolerance`. */
export function grownFamilies(
  small: readonly OutputFileSize[],
  large: readonly OutputFileSize[],
  tolerance: number,
): { family: string; small: number; large: number; ratio: number }[] {
  const before = pageFamilies(small);
  const out: { family: string; small: number; large: number; ratio: number }[] = [];
  for (const [family, page] of pageFamilies(large)) {
    const was = before.get(family);
    if (!was || was.bytes === 0) continue;
    const ratio = page.bytes / was.bytes;
    if (Math.abs(ratio - 1) > tolerance) out.push({ family, small: was.bytes, large: page.bytes, ratio });
  }
  return out.sort((a, b) => b.ratio - a.ratio);
}
