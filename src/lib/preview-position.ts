// Where a topic link's preview goes (src/browser/topic-previews.ts): under the link, or above it when there is not
// room for it under the link on the screen and there is above (a link on the last lines of the window showed its
// preview cut off at the window's bottom edge).

/** The gap between the link and its preview, in CSS pixels. */
export const PREVIEW_GAP = 6;

/** The preview's top, in the viewport's coordinates, for a link from `linkTop` to `linkBottom`. */
export function previewTop(linkTop: number, linkBottom: number, previewHeight: number, viewportHeight: number): number {
  const below = linkBottom + PREVIEW_GAP;
  const above = linkTop - PREVIEW_GAP - previewHeight;
  return below + previewHeight > viewportHeight && above >= 0 ? above : below;
}
