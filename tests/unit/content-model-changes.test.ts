// The dev server tells the content model when a content file changed, came or went (fileChanged, from the content
// check's watcher): what is computed from every entry and kept per modelVersion() (the timeline's pages) must follow
// at once, a deleted file included, without waiting for a page to read that very file again.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { fileChanged, modelEntry, modelVersion, readEntry, resetModel } from '../../src/content-model/entry.ts';

const folder = mkdtempSync(join(tmpdir(), 'model-changes-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
beforeEach(() => resetModel());

const event = (title: string) => `date: 2024-09-05\ntitle: ${title}\n`;

describe('a file the watcher reports', () => {
  test.each([
    ['edited: the new entry, and a new version', event('Edited'), 'Edited', true],
    ['saved unchanged: the same entry and version', event('Original'), 'Original', false],
    ['deleted: no entry, and a new version', undefined, undefined, true],
  ])('%s', (_, after, title, moves) => {
    const file = join(folder, `${title ?? 'gone'}-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, event('Original'));
    expect(readEntry('event', file)?.data.title).toBe('Original');
    const before = modelVersion();
    if (after === undefined) unlinkSync(file);
    else writeFileSync(file, after);
    // Before the watcher's word, the model still holds what it read.
    expect(modelEntry('event', file)?.data.title).toBe('Original');
    fileChanged('event', file);
    expect(modelEntry('event', file)?.data.title).toBe(title);
    expect(modelVersion() !== before).toBe(moves);
  });

  test('a new file: its entry, and a new version', () => {
    const file = join(folder, 'new.yaml');
    const before = modelVersion();
    writeFileSync(file, event('New'));
    fileChanged('event', file);
    expect(modelEntry('event', file)?.data.title).toBe('New');
    expect(modelVersion()).not.toBe(before);
  });
});
