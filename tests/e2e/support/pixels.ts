// What a reader sees in a few pixels of the page, for what only a look would otherwise catch (a shadow drawn by
// CSS gradients): a screenshot of a small area, decoded in the page itself (createImageBitmap and a canvas), so no
// image library is needed.
import type { Page } from '@playwright/test';

/** The brightest pixel of the area (0 to 255, the mean of red, green and blue): the background where text leaves it
 * bare, or a shadow's colour where a shadow covers the whole area. */
export async function brightestPixel(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await page.screenshot({ clip });
  return page.evaluate(
    async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let most = 0;
      for (let i = 0; i < data.length; i += 4) most = Math.max(most, (data[i]! + data[i + 1]! + data[i + 2]!) / 3);
      return most;
    },
    [...png],
  );
}
