// Bad input and the command line: the messages a contributor reads are pinned word for word, so they never
// silently degrade, and the CLI is run as contributors run it, in a child process on a temporary directory.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ImportError, importArticle } from '../../src/import/import-article.ts';

const EMPTY =
  'The file has no text: it is empty or holds only blank lines. Paste the article into it, headline first and then ' + 'the body, and run the importer again.';

const noParagraphs = (rules: string) =>
  `No article text is left after removing page debris (removed by: ${rules}). Check that the file holds the ` +
  'article itself, headline first and then its paragraphs. If a real paragraph was removed, find the rule that ' +
  'took it in the importer rules (CONTRIBUTING.md).';

describe('bad input', () => {
  test.each([
    { name: 'an empty string', raw: '', reason: 'empty', message: EMPTY },
    { name: 'whitespace only', raw: ' \n\t\r\n\u00A0\n', reason: 'empty', message: EMPTY },
    { name: 'a byte-order mark only', raw: '\uFEFF', reason: 'empty', message: EMPTY },
    {
      name: 'debris only',
      raw: 'Advertisement\n\n0\n\n© 2021 Example LLC. All rights reserved.',
      reason: 'no-paragraphs',
      message: noParagraphs('advertisement, counter, copyright'),
    },
    { name: 'a headline only', raw: 'Just a headline\n\nAdvertisement', reason: 'no-paragraphs', message: noParagraphs('headline, advertisement') },
  ])('$name throws an ImportError that says what to do', ({ raw, reason, message }) => {
    const error = (() => {
      try {
        importArticle(raw);
      } catch (caught) {
        return caught;
      }
      throw new Error('importArticle accepted bad input');
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ reason, message });
  });
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const SOURCE_002 = fileURLToPath(new URL('../fixtures/sources/002_1affcc0fd042f187.txt', import.meta.url));

function newArticle(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(NODE, ['src/cli/new-article.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run new:article', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'new-article-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('writes the draft, prints its path, and reports removals and fields to fill in', () => {
    const out = path.join(dir, 'drafts');
    const run = newArticle([SOURCE_002, '--out-dir', out]);
    const target = path.join(out, 'alibaba-tracker-the-partner-games.md');
    expect(run).toMatchObject({ status: 0, stdout: `${target}\n` });
    expect(readFileSync(target, 'utf8')).toBe(importArticle(readFileSync(SOURCE_002, 'utf8'), { sourceName: '002_1affcc0fd042f187.txt' }).draft);
    expect(run.stderr).toContain('line    1  headline  "Alibaba Tracker: The Partner Games"');
    expect(run.stderr).toContain('  - published: YYYY-MM-DD');
    // The temporary file was renamed into place, not left behind.
    expect(readdirSync(out)).toEqual(['alibaba-tracker-the-partner-games.md']);
  });

  test('writes into $CONTENT_DIR/articles without --out-dir', () => {
    const run = newArticle([SOURCE_002], { CONTENT_DIR: dir });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, 'articles', 'alibaba-tracker-the-partner-games.md'))).toBe(true);
  });

  // An .mdx article of the same name is the same page: it is refused, and replaced by the .md draft with --force.
  test.each(['.md', '.mdx'])('refuses to overwrite a draft (%s) unless --force', (extension) => {
    const target = path.join(dir, `alibaba-tracker-the-partner-games${extension}`);
    writeFileSync(target, 'edited by hand');
    const refused = newArticle([SOURCE_002, '--out-dir', dir]);
    expect(refused).toEqual({
      status: 1,
      stdout: '',
      stderr:
        `new-article: ${target} already exists, so nothing was written. Run again with --force to replace it with a ` +
        'fresh draft (its edits will be lost), or move it out of the way first.\n',
    });
    expect(readFileSync(target, 'utf8')).toBe('edited by hand');
    expect(newArticle([SOURCE_002, '--out-dir', dir, '--force']).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['alibaba-tracker-the-partner-games.md']);
    expect(readFileSync(path.join(dir, 'alibaba-tracker-the-partner-games.md'), 'utf8')).toMatch(/^---\n/);
  });

  test('rejects a file that is not UTF-8 and writes nothing', () => {
    const file = path.join(dir, 'latin1.txt');
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x41]));
    const out = path.join(dir, 'out');
    expect(newArticle([file, '--out-dir', out])).toEqual({
      status: 1,
      stdout: '',
      stderr:
        `new-article: ${file} is not valid UTF-8 text. Re-save it with UTF-8 encoding (in most editors: ` +
        '"Save with Encoding" or "Save As…", then UTF-8) and run the importer again. Nothing was written.\n',
    });
    expect(existsSync(out)).toBe(false);
  });

  test.each([
    { name: 'an empty file', text: '', message: EMPTY },
    { name: 'a file of page debris only', text: 'Advertisement\n\n0\n', message: noParagraphs('advertisement, counter') },
  ])('rejects $name, naming the file, and writes nothing', ({ text, message }) => {
    const file = path.join(dir, 'raw.txt');
    writeFileSync(file, text);
    const out = path.join(dir, 'out');
    expect(newArticle([file, '--out-dir', out])).toEqual({
      status: 1,
      stdout: '',
      stderr: `new-article: ${file}: ${message} Nothing was written.\n`,
    });
    expect(existsSync(out)).toBe(false);
  });

  test('reports a missing file', () => {
    const file = path.join(dir, 'missing.txt');
    expect(newArticle([file])).toMatchObject({
      status: 1,
      stderr: `new-article: cannot read ${file}: there is no such file. Check the path and run the importer again.\n`,
    });
  });

  test.each([
    { name: 'no file', args: [] },
    { name: 'two files', args: ['a.txt', 'b.txt'] },
    { name: 'an unknown option', args: [SOURCE_002, '--out'] },
  ])('prints the usage and exits 2 for $name', ({ args }) => {
    const run = newArticle(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: npm run new:article -- <raw-text-file> [--out-dir DIR] [--force]');
  });
});
