// `npm run new:article -- <raw-text-file> [--out-dir DIR] [--force]`: the file-system side of the article importer.
// It reads the raw text strictly as UTF-8 (a mis-encoded file would otherwise import as mojibake), hands it to
// importArticle in src/import, writes the draft atomically (temp file + rename, so an interrupted run never
// leaves half a draft), prints the draft's path on stdout and tells the contributor on stderr what was removed and
// what is left to fill in. Exit codes: 0 written; 1 bad input, or the draft already exists; 2 wrong usage.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findArticleFile } from '../lib/article-files.ts';
import { contentDir } from '../lib/deploy-settings.ts';
import { ImportError, importArticle, type ImportResult } from '../import/import-article.ts';

const USAGE = `Usage: npm run new:article -- <raw-text-file> [--out-dir DIR] [--force]

Turns a scraped article's raw text into a Markdown draft at $CONTENT_DIR/articles/<slug>.md
(CONTENT_DIR defaults to ./content). --out-dir DIR writes into DIR instead; --force replaces an existing draft
(<slug>.md, or <slug>.mdx).`;

/** How much of a removed line the report shows: enough to recognise it, short enough for one terminal line. */
const PREVIEW_LENGTH = 72;

function exit(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return '(only invisible characters)';
  return JSON.stringify(oneLine.length > PREVIEW_LENGTH ? `${oneLine.slice(0, PREVIEW_LENGTH - 1)}…` : oneLine);
}

function report(file: string, result: ImportResult): string {
  const width = Math.max(...result.removed.map((block) => block.rule.length));
  const lines = [
    `Imported ${file}. Removed from the body (headline, byline, dateline and credit went to the frontmatter;`,
    'check that the rest is page furniture, not the story):',
  ];
  for (const block of result.removed) {
    lines.push(`  line ${String(block.line).padStart(4)}  ${block.rule.padEnd(width)}  ${preview(block.text)}`);
  }
  lines.push('Fill in before publishing (search the draft for "FILL IN:"):');
  for (const item of result.todo) lines.push(`  - ${item}`);
  return lines.join('\n');
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    exit(1, `new-article: cannot read ${file}: ${reason}. Check the path and run the importer again.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    exit(
      1,
      `new-article: ${file} is not valid UTF-8 text. Re-save it with UTF-8 encoding (in most editors: ` +
        '"Save with Encoding" or "Save As…", then UTF-8) and run the importer again. Nothing was written.',
    );
  }
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { 'out-dir': { type: 'string' }, force: { type: 'boolean', default: false } },
    });
  } catch (error) {
    exit(2, `new-article: ${(error as Error).message}\n\n${USAGE}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) exit(2, USAGE);

  let result: ImportResult;
  try {
    result = importArticle(readText(file), { sourceName: path.basename(file) });
  } catch (error) {
    if (error instanceof ImportError) exit(1, `new-article: ${file}: ${error.message} Nothing was written.`);
    throw error;
  }

  const outDir = parsed.values['out-dir'] ?? path.join(contentDir(process.env), 'articles');
  const target = path.join(outDir, `${result.slug}.md`);
  // An article of the same name in either format is the same page: never leave two files behind for one address.
  const existing = findArticleFile(outDir, result.slug);
  if (!parsed.values.force && existing) {
    exit(
      1,
      `new-article: ${existing} already exists, so nothing was written. Run again with --force to replace it with a ` +
        'fresh draft (its edits will be lost), or move it out of the way first.',
    );
  }
  mkdirSync(outDir, { recursive: true });
  const temporary = path.join(outDir, `.${result.slug}.md.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, result.draft);
    renameSync(temporary, target);
    if (existing && existing !== target) rmSync(existing);
  } finally {
    rmSync(temporary, { force: true });
  }
  process.stdout.write(`${target}\n`);
  process.stderr.write(`${report(file, result)}\n`);
}

main();
