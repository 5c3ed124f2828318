import { describe, expect, test } from 'vitest';
import { PREVIEW_GAP, previewTop } from '../../src/lib/preview-position.ts';

describe("a topic link's preview", () => {
  test.each([
    ['goes under a link with room below', 100, 120, 80, 800, 120 + PREVIEW_GAP],
    ['goes above a link on the last lines of the window', 700, 720, 80, 760, 700 - PREVIEW_GAP - 80],
    ['stays under a link with room neither below nor above', 30, 50, 80, 100, 50 + PREVIEW_GAP],
    ['stays under when it just fits', 100, 120, 80, 120 + PREVIEW_GAP + 80, 120 + PREVIEW_GAP],
  ])('%s', (_, top, bottom, height, viewport, expected) => {
    expect(previewTop(top, bottom, height, viewport)).toBe(expected);
  });
});
