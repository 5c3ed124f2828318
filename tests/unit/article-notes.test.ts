// An article's notes come from the content model, checked by the article schema's own annotation rules, while the
// content store keeps the rest of the frontmatter (storedArticleSchema). These tests hold the two halves together:
// what the store keeps plus what notesOf() reads is what the full schema gives, and an edited file is read afresh.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { notesOf } from '../../src/data/article-notes.ts';
import { articleSchema, storedArticleSchema } from '../../src/schemas/article.ts';
import { frontmatterValues } from '../../src/content-model/frontmatter.ts';

const folder = mkdtempSync(join(tmpdir(), 'article-notes-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const HEAD = `title: Example
outlet: Example Daily
published: 2024-09-05
datePrecision: day
summary: An example.
topics: [taobao]`;

const NOTE = (id: string, extra = '') => `  - id: ${id}
    quote: the quoted words
    kind: context
    body: A note.${extra}`;

/** Writes an article file and returns it as the store knows it (its id and path). */
function article(name: string, frontmatter: string) {
  const path = join(folder, `${name}.md`);
  writeFileSync(path, `---\n${frontmatter}\n---\n\nThe quoted words are here.\n`);
  return { id: name, filePath: path };
}

describe("an article's notes", () => {
  test.each([
    ['no notes', HEAD, [], true],
    ['one note, defaults filled in', `${HEAD}\nannotations:\n${NOTE('one')}`, ['one'], true],
    ['two notes, in the order of the file', `${HEAD}\nannotations:\n${NOTE('b')}\n${NOTE('a')}`, ['b', 'a'], true],
    ['notes that break a rule (two with one id): none, as the check reports them', `${HEAD}\nannotations:\n${NOTE('x')}\n${NOTE('x')}`, [], false],
  ])('%s', (name, frontmatter, ids, valid) => {
    const file = article(name.replace(/\W+/g, '-'), frontmatter);
    const notes = notesOf(file);
    expect(notes.map((note) => note.id)).toEqual(ids);
    const values = frontmatterValues(`---\n${frontmatter}\n---\n`);
    const full = articleSchema.safeParse(values);
    expect(full.success).toBe(valid);
    if (full.success) {
      // The store's half and the model's half make the whole: nothing is lost by keeping the notes out of the store.
      expect({ ...storedArticleSchema.parse(values), annotations: notes }).toEqual(full.data);
      expect(storedArticleSchema.parse(values)).not.toHaveProperty('annotations');
    }
  });

  test('a file edited on disk gives its new notes at the next ask, as in astro dev', () => {
    const file = article('edited', `${HEAD}\nannotations:\n${NOTE('before')}`);
    expect(notesOf(file).map((note) => note.id)).toEqual(['before']);
    article('edited', `${HEAD}\nannotations:\n${NOTE('after', ' Edited, and longer.')}`);
    expect(notesOf(file).map((note) => note.id)).toEqual(['after']);
  });

  test('an article without a file, or whose file is gone, has none', () => {
    expect(notesOf({ id: 'nowhere', filePath: undefined })).toEqual([]);
    expect(notesOf({ id: 'gone', filePath: join(folder, 'gone.md') })).toEqual([]);
  });
});
