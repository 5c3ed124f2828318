import { describe, expect, test } from 'vitest';
import { basePath, contentDir, contentRoot, siteUrl } from '../../src/lib/deploy-settings.ts';
import { joinBase, articlesIndexPath } from '../../src/lib/urls.ts';
import { paragraphId, paragraphNumber } from '../../src/lib/paragraphs.ts';

describe('deploy settings from the environment', () => {
  test.each([
    [{}, '/'],
    [{ BASE_PATH: '' }, '/'],
    [{ BASE_PATH: '/' }, '/'],
    [{ BASE_PATH: 'walled-gardens' }, '/walled-gardens/'],
    [{ BASE_PATH: '/walled-gardens' }, '/walled-gardens/'],
    [{ BASE_PATH: '//walled-gardens//' }, '/walled-gardens/'],
    [{ BASE_PATH: 'a/b' }, '/a/b/'],
  ])('BASE_PATH %o gives base %s', (env, expected) => {
    expect(basePath(env)).toBe(expected);
  });

  test.each([
    [{}, 'http://localhost:4321'],
    [{ SITE_URL: 'https://example.org/' }, 'https://example.org'],
    [{ SITE_URL: 'https://user.github.io' }, 'https://user.github.io'],
  ])('SITE_URL %o gives %s', (env, expected) => {
    expect(siteUrl(env)).toBe(expected);
  });

  test('a SITE_URL that is not a URL is refused with advice', () => {
    expect(() => siteUrl({ SITE_URL: 'example.org' })).toThrow('SITE_URL must be an absolute URL such as https://example.org, but it is "example.org".');
  });

  test('CONTENT_DIR defaults to ./content', () => {
    expect(contentDir({})).toBe('./content');
    expect(contentDir({ CONTENT_DIR: '/tmp/corpus' })).toBe('/tmp/corpus');
  });
});

describe('the content folder, absolute, for every integration', () => {
  test.each([
    ['the default', './content', '/repo/content'],
    ['a relative folder', 'tests/fixtures/annotations', '/repo/tests/fixtures/annotations'],
    ['an absolute folder', '/tmp/corpus', '/tmp/corpus'],
    ['a folder beside the project', '../corpus/', '/corpus'],
  ])('%s', (_name, dir, expected) => {
    expect(contentRoot('/repo', dir)).toBe(expected);
  });
});

describe('internal links honour the base', () => {
  test.each([
    ['/', '/articles/', '/articles/'],
    ['/walled-gardens/', '/articles/', '/walled-gardens/articles/'],
    ['/walled-gardens/', '/', '/walled-gardens/'],
    ['/walled-gardens', 'about/', '/walled-gardens/about/'],
    ['/walled-gardens/', '#p-3', '#p-3'],
    ['/walled-gardens/', 'https://example.org/x', 'https://example.org/x'],
    ['/walled-gardens/', 'mailto:a@b.c', 'mailto:a@b.c'],
  ])('base %s + %s = %s', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });

  test.each([
    [1, '/articles/'],
    [2, '/articles/2/'],
  ])('page %i of the index is at %s', (page, expected) => {
    expect(articlesIndexPath(page)).toBe(expected);
  });
});

describe('paragraph anchors', () => {
  test.each([
    ['p-1', 1],
    ['p-42', 42],
    ['p-0', undefined],
    ['p-01', undefined],
    ['note-x', undefined],
  ])('%s is paragraph %s', (id, n) => {
    expect(paragraphNumber(id)).toBe(n);
  });

  test('ids and numbers round-trip', () => {
    expect(paragraphNumber(paragraphId(7))).toBe(7);
  });
});
