// How the content model's caches write and prune their files when several processes share a cacheDir
// (src/content-model/cache-files.ts): a prune never deletes another writer's file in flight, and a write that cannot
// land is reported, not thrown.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { mayPrune, STALE_ASIDE_MS, writeCacheFile } from '../../src/content-model/cache-files.ts';
import { DigestCache } from '../../src/content-model/digest-cache.ts';
import { pruneHtmlCache } from '../../src/content-model/html-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'cache-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NOW = 1_800_000_000_000;

describe('what a prune may delete, of the files whose key is not kept', () => {
  test.each([
    ['a value', 'abc.bin', undefined, true],
    ['a page text', 'abc.html', undefined, true],
    ['a stray file', 'notes.txt', undefined, true],
    ['an aside being written', 'abc.bin.4242.0.tmp', NOW - 1_000, false],
    ['an aside of a worker thread', 'abc.html.4242.3.tmp', NOW - 1_000, false],
    ['an aside just under the limit', 'abc.bin.4242.0.tmp', NOW - STALE_ASIDE_MS + 1, false],
    ['an aside left by a stopped process', 'abc.bin.4242.0.tmp', NOW - STALE_ASIDE_MS - 1, true],
    ['an aside gone meanwhile', 'abc.bin.4242.0.tmp', undefined, false],
    ['a name that only ends in .tmp', 'abc.tmp', undefined, true],
  ])('%s (%s)', (_, name, modified, expected) => {
    expect(mayPrune(name, () => modified, NOW)).toBe(expected);
  });
});

describe('writing a cache file', () => {
  test('a file is written whole and no aside is left', () => {
    const file = join(root, 'write', 'deep', 'key.bin');
    expect(writeCacheFile(file, 'value')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('value');
    expect(readdirSync(join(root, 'write', 'deep'))).toEqual(['key.bin']);
  });

  test('a write that cannot land returns false and leaves nothing behind', () => {
    const folder = join(root, 'refused');
    // The name is taken by a folder that is not empty: the rename over it fails.
    mkdirSync(join(folder, 'key.bin', 'inside'), { recursive: true });
    expect(writeCacheFile(join(folder, 'key.bin'), 'value')).toBe(false);
    expect(readdirSync(folder)).toEqual(['key.bin']);
  });
});

describe("a prune leaves another process's write alone", () => {
  const aside = (folder: string, name: string, ageMs: number) => {
    const file = join(folder, `${name}.${process.pid + 1}.0.tmp`);
    writeFileSync(file, 'half');
    const when = (Date.now() - ageMs) / 1000;
    utimesSync(file, when, when);
    return file;
  };

  test('the parse cache', () => {
    const folder = join(root, 'entries');
    const cache = new DigestCache<string>(folder);
    cache.set('kept', 'a');
    cache.set('dropped', 'b');
    const fresh = aside(folder, 'other.bin', 1_000);
    const stale = aside(folder, 'left.bin', STALE_ASIDE_MS + 60_000);
    expect(cache.prune(new Set(['kept']))).toBe(2);
    expect([existsSync(join(folder, 'kept.bin')), existsSync(join(folder, 'dropped.bin')), existsSync(fresh), existsSync(stale)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  test('the HTML cache', () => {
    const folder = join(root, 'html');
    mkdirSync(folder);
    for (const name of ['kept.html', 'kept.notes.json', 'dropped.html']) writeFileSync(join(folder, name), name);
    const fresh = aside(folder, 'other.html', 1_000);
    const stale = aside(folder, 'left.notes.json', STALE_ASIDE_MS + 60_000);
    expect(pruneHtmlCache(folder, new Set(['kept']))).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['kept.html', 'kept.notes.json', fresh.split('/').pop()].sort());
    expect(existsSync(stale)).toBe(false);
  });
});
