// The content check: every file under the content root, every rule, every problem in one run. The CLI
// (npm run check:content), the build (src/integrations/content-check.ts) and the dev server's overlay all call
// checkContent, so a contributor sees the same message wherever the mistake is caught.
//
// Three passes: each file is parsed on its own (parse-entry.ts); then the rules that read one file but need the
// others (its topics, the articles and events it cites) run per file; then the rules about the content as a whole
// (alias clashes, unused topics, one report cited with two dates). Links are checked after the build, against the
// pages it wrote (src/lib/links/).
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DigestCache, entryCacheFolder } from '../../content-model/digest-cache.ts';
import { contentRead, digestOf, rememberEntry } from '../../content-model/entry.ts';
import { importedFiles } from '../../content-model/code-files.ts';
import { isoDay } from '../dates.ts';
import { readContentFiles, type ContentFile } from './content-files.ts';
import { copiedTextProblems } from './copied-text.ts';
import { citationProblems, objectItems, topicReferenceProblems, type Registry } from './cross-references.ts';
import { eventCitationProblems, noteDateProblems, reportDateProblems } from './event-citations.ts';
import { futureDateProblems } from './future-dates.ts';
import { inBody } from './finding.ts';
import { parseEntry, type Entry, type ParseResult } from './parse-entry.ts';
import { parseFiles, type ParallelOptions } from './parse-in-parallel.ts';
import { sameOriginalProblems } from './same-original.ts';
import { SECTIONS, sortProblems, type Problem } from './problem.ts';
import { aliasClashProblems, featuredTopicProblems, orphanTopicProblems } from './topic-usage.ts';

export interface CheckOptions {
  /** The content root (CONTENT_DIR). */
  root: string;
  /** Paths in messages are relative to it; the working directory by default. */
  cwd?: string;
  /** The project: imports are allowed from its src/components/. */
  projectRoot?: string;
  /** Astro's cacheDir: when given, what each file gave is kept there by digest (src/content-model/digest-cache.ts),
   * and a file that did not change since the last run is not parsed again. */
  cacheDir?: string;
  /** The day of the check, YYYY-MM-DD: a publication date after it is a slip (future-dates.ts). Today (UTC) by default. */
  today?: string;
}

export interface CheckResult {
  filesChecked: number;
  problems: Problem[];
}

/** Two files that would get the same address: foo.md and foo.mdx, Foo.md and foo.md, or an event saved as .yaml and .yml. */
function duplicateIdProblems(files: readonly ContentFile[]): Problem[] {
  const seen = new Map<string, ContentFile>();
  const problems: Problem[] = [];
  for (const file of files) {
    if (!file.kind) continue;
    const key = `${file.kind}:${file.id.toLowerCase()}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, file);
      continue;
    }
    problems.push({
      file: file.path,
      line: 1,
      column: 1,
      rule: 'duplicate-slug',
      message: `this ${file.kind} has the same address as ${first.path}.`,
      expected: `one file per ${file.kind} name (names are compared without case or extension)`,
      found: `${first.relativePath} and ${file.relativePath}`,
      fix:
        file.kind === 'article' && first.id === file.id
          ? "keep one of the two: the .md, unless the article uses one of the site's components (then the .mdx)."
          : 'merge the two files into one, or rename one of them.',
      section: SECTIONS.files,
    });
  }
  return problems;
}

function articleProblems(entry: Entry, registry: Registry): Problem[] {
  const problems: Problem[] = [];
  const body = entry.body;
  if (body?.passages && body.findings) {
    if (!body.passages.some((passage) => passage.number !== undefined)) {
      problems.push({
        file: entry.file.path,
        line: body.firstLine,
        column: 1,
        rule: 'empty-article',
        message: 'the article has no text below its frontmatter.',
        expected: "the article's text, paragraph by paragraph",
        found: body.blank ? 'nothing' : 'no paragraph (only headings)',
        fix: 'paste the text of the original below the closing ---, or import it with npm run new:article.',
        section: SECTIONS.article,
      });
    }
    problems.push(...body.findings.map((finding) => inBody(entry.file.path, body.firstLine, finding)));
  }
  problems.push(...topicReferenceProblems(entry, ['topics'], registry));
  for (const [index, note] of objectItems(entry.data.annotations)) {
    const base = ['annotations', index];
    problems.push(...topicReferenceProblems(entry, [...base, 'topics'], registry));
    const id = typeof note.id === 'string' ? note.id : undefined;
    for (const [sourceIndex, source] of objectItems(note.sources)) {
      problems.push(...citationProblems(entry, [...base, 'sources', sourceIndex], source, registry, id));
      problems.push(...eventCitationProblems(entry, [...base, 'sources', sourceIndex], source, registry));
    }
    problems.push(...noteDateProblems(entry, index, note, registry));
  }
  return problems;
}

function topicProblems(entry: Entry, registry: Registry): Problem[] {
  const problems: Problem[] = [];
  const body = entry.body;
  if (body?.findings) problems.push(...body.findings.map((finding) => inBody(entry.file.path, body.firstLine, finding)));
  problems.push(...topicReferenceProblems(entry, ['related'], registry));
  for (const [index, figure] of objectItems(entry.data.figures)) problems.push(...citationProblems(entry, ['figures', index], figure, registry));
  for (const [index, disagreement] of objectItems(entry.data.disagreements)) {
    for (const [sourceIndex, source] of objectItems(disagreement.sources)) {
      problems.push(...citationProblems(entry, ['disagreements', index, 'sources', sourceIndex], source, registry));
      problems.push(...eventCitationProblems(entry, ['disagreements', index, 'sources', sourceIndex], source, registry));
    }
  }
  return problems;
}

function eventProblems(entry: Entry, registry: Registry): Problem[] {
  const problems: Problem[] = [...topicReferenceProblems(entry, ['topics'], registry)];
  for (const [index, source] of objectItems(entry.data.sources)) {
    problems.push(...citationProblems(entry, ['sources', index], source, registry), ...eventCitationProblems(entry, ['sources', index], source, registry));
  }
  return problems;
}

type FileCheckOptions = Required<Omit<CheckOptions, 'cacheDir'>>;

/** Checks files already read into memory (tests pass fixtures this way too). */
export async function checkFiles(files: readonly ContentFile[], options: FileCheckOptions): Promise<CheckResult> {
  const parsed: ParseResult[] = [];
  for (const file of files) parsed.push(await parseEntry(file, options));
  return checkParsed(files, parsed, options);
}

/** The second and third passes, over files already parsed (parsed[i] is files[i]'s). */
function checkParsed(files: readonly ContentFile[], parsed: readonly ParseResult[], options: FileCheckOptions): CheckResult {
  const problems: Problem[] = [...duplicateIdProblems(files)];
  const articles = new Map<string, Entry>();
  const topics = new Map<string, Entry>();
  const events = new Map<string, Entry>();
  const byKind = { article: articles, topic: topics, event: events };
  files.forEach((file, index) => {
    const result = parsed[index]!;
    problems.push(...result.problems);
    if (result.entry && !byKind[result.entry.kind].has(file.id)) byKind[result.entry.kind].set(file.id, result.entry);
  });

  const registry: Registry = {
    rootLabel: relative(options.cwd, options.root).split('\\').join('/') || '.',
    root: options.root,
    projectRoot: options.projectRoot,
    articles,
    topics,
    events,
  };
  for (const entry of articles.values()) problems.push(...articleProblems(entry, registry));
  for (const entry of topics.values()) problems.push(...topicProblems(entry, registry));
  for (const entry of events.values()) problems.push(...eventProblems(entry, registry));
  problems.push(
    ...aliasClashProblems(registry),
    ...orphanTopicProblems(registry),
    ...featuredTopicProblems(registry),
    ...reportDateProblems(registry),
    ...futureDateProblems(registry, options.today),
    ...sameOriginalProblems(registry),
    ...copiedTextProblems(registry),
  );
  return { filesChecked: files.length, problems: sortProblems(problems) };
}

/** The digest of the code that parses a file (this folder, the schemas, the content model, the lock file): a cached
 * result made by other code is never taken. */
function parserRecipe(projectRoot: string): string {
  const files = [...importedFiles([fileURLToPath(new URL('./parse-entry.ts', import.meta.url))]), join(projectRoot, 'package-lock.json')];
  return DigestCache.key(...files.map((file) => `${relative(projectRoot, file)}:${digestOf(readFileOr(file))}`));
}

const readFileOr = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** Parses the files, taking what an earlier run kept for every file that did not change (options.cacheDir). */
async function parseWithCache(
  files: readonly ContentFile[],
  options: { root: string; projectRoot: string; cwd: string; cacheDir?: string | undefined },
  parallel?: ParallelOptions,
): Promise<ParseResult[]> {
  const { cacheDir, ...parseOptions } = options;
  if (!cacheDir) return parseFiles(files, parseOptions, parallel);
  const cache = new DigestCache<ParseResult>(entryCacheFolder(cacheDir));
  const recipe = parserRecipe(options.projectRoot);
  const keys = files.map((file) => DigestCache.key(recipe, options.root, options.cwd, file.relativePath, digestOf(file.bytes)));
  const results: (ParseResult | undefined)[] = keys.map((key) => cache.get(key));
  const missing = files.flatMap((file, index) => (results[index] ? [] : [{ file, index }]));
  const parsed = await parseFiles(
    missing.map((m) => m.file),
    parseOptions,
    parallel,
  );
  missing.forEach(({ index }, at) => {
    const result = parsed[at]!;
    results[index] = result;
    // Kept without the file, whose bytes are read on demand and cannot be stored; it is put back when read.
    cache.set(keys[index]!, result.entry ? { ...result, entry: { ...result.entry, file: { ...withoutBytes(result.entry.file) } } } : result);
  });
  cache.prune(new Set(keys));
  return results.map((result, index) => (result!.entry ? { ...result!, entry: { ...result!.entry, file: files[index]! } } : result!));
}

const withoutBytes = (file: ContentFile) => ({ path: file.path, relativePath: file.relativePath, kind: file.kind, id: file.id }) as ContentFile;

/** Reads and checks every file under the content root; a large corpus is parsed on every core (parse-in-parallel.ts). */
export async function checkContent(options: CheckOptions, parallel?: ParallelOptions): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.root);
  const projectRoot = resolve(cwd, options.projectRoot ?? cwd);
  const files = readContentFiles(root, cwd);
  const parsed = await parseWithCache(files, { root, projectRoot, cwd, cacheDir: options.cacheDir }, parallel);
  // Files parsed in worker threads or taken from the cache become this process's content model too: the content
  // loader and the pages take them from there instead of parsing them again.
  for (const result of parsed) if (result.model) rememberEntry(result.model);
  // The pre-render worker (src/integrations/prerender-articles.ts) starts on them now, while the rules below run.
  contentRead(root);
  return checkParsed(files, parsed, { root, cwd, projectRoot, today: options.today ?? isoDay(new Date()) });
}
