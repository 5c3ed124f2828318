// Paragraph anchors are part of the site's public URLs (/articles/<slug>/#p-7): one definition of their shape.

/** The id of the n-th passage (1-based) of an article. */
export function paragraphId(n: number): string {
  return `p-${n}`;
}

/** The 1-based passage number an id points at, or undefined for an id that is not a paragraph anchor. */
export function paragraphNumber(id: string): number | undefined {
  const match = /^p-([1-9]\d*)$/.exec(id);
  return match ? Number(match[1]) : undefined;
}
