// What a page costs a reader before any interaction: its own HTML plus every same-origin stylesheet and script it
// references on load (link rel=stylesheet/modulepreload/preload, script src, and the static imports those
// modules pull in, CSS @import), counted uncompressed. Dynamic import() and fetches made later (search index
// chunks, say) are left out: they happen on interaction. Icons and images referenced by the HTML count as "other".
// The parsing is pure; the fetching is given as a function so the same code measures a server or a dist/ folder.

export type AssetKind = 'html' | 'css' | 'js' | 'other';

export interface PageAsset {
  url: string;
  kind: AssetKind;
  bytes: number;
}

export interface PageWeight {
  url: string;
  assets: PageAsset[];
  bytes: Record<AssetKind, number>;
  total: number;
  requests: number;
}

/** The innermost <template> elements: one without another template inside it. */
const INNERMOST_TEMPLATE = /<template[\s>](?:(?!<template[\s>])[\s\S])*?<\/template>/gi;

/** Attributes of every <tag …> in the HTML, outside comments, <noscript> and <template> (nested ones included: a
 * template's content is inert, however deep, until a script uses it). */
export function tagsOf(html: string, tag: string): Record<string, string>[] {
  let visible = html.replace(/<!--[\s\S]*?-->|<noscript[\s>][\s\S]*?<\/noscript>/gi, '');
  for (let before = ''; before !== visible;) {
    before = visible;
    visible = visible.replace(INNERMOST_TEMPLATE, '');
  }
  const out: Record<string, string>[] = [];
  for (const match of visible.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of match[1]!.matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = (a[2] ?? a[3] ?? a[4] ?? '').replace(/&amp;/g, '&');
    }
    out.push(attrs);
  }
  return out;
}

/** The resources an HTML page asks for as it loads, resolved against its URL, same origin only. */
export function onLoadReferences(html: string, pageUrl: string): { url: string; kind: AssetKind }[] {
  const origin = new URL(pageUrl).origin;
  const found: { url: string; kind: AssetKind }[] = [];
  const add = (href: string | undefined, kind: AssetKind) => {
    if (!href) return;
    const url = new URL(href, pageUrl);
    url.hash = '';
    if (url.origin === origin) found.push({ url: url.href, kind });
  };
  for (const link of tagsOf(html, 'link')) {
    const rel = (link.rel ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet')) add(link.href, 'css');
    else if (rel.includes('modulepreload')) add(link.href, 'js');
    else if (rel.includes('preload')) add(link.href, link.as === 'style' ? 'css' : link.as === 'script' ? 'js' : 'other');
    else if (rel.includes('icon')) add(link.href, 'other');
  }
  for (const script of tagsOf(html, 'script')) add(script.src, 'js');
  for (const img of tagsOf(html, 'img')) if ((img.loading ?? '') !== 'lazy') add(img.src, 'other');
  return found;
}

/** Static imports of an ES module (import … from "x", import "x", export … from "x"); not import(). */
export function moduleImports(js: string): string[] {
  const specs: string[] = [];
  for (const m of js.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g)) specs.push(m[1]!);
  return specs;
}

/** @import rules of a stylesheet. */
export function cssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)["']?\s*\)?/g)].map((m) => m[1]!);
}

/** Fetches a page and everything it loads before interaction, each URL once. `fetchBytes` returns undefined for a missing file. */
export async function measurePage(pageUrl: string, fetchBytes: (url: string) => Promise<Uint8Array | undefined>): Promise<PageWeight> {
  const page = await fetchBytes(pageUrl);
  if (!page) throw new Error(`${pageUrl} could not be fetched.`);
  const assets: PageAsset[] = [{ url: pageUrl, kind: 'html', bytes: page.byteLength }];
  const seen = new Set([pageUrl]);
  const queue = onLoadReferences(new TextDecoder().decode(page), pageUrl);
  const origin = new URL(pageUrl).origin;
  while (queue.length) {
    const { url, kind } = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const body = await fetchBytes(url);
    if (!body) continue;
    assets.push({ url, kind, bytes: body.byteLength });
    const text = kind === 'js' || kind === 'css' ? new TextDecoder().decode(body) : '';
    const next = kind === 'js' ? moduleImports(text) : kind === 'css' ? cssImports(text) : [];
    for (const spec of next) {
      if (!/^(\.{0,2}\/|https?:)/.test(spec)) continue;
      const resolved = new URL(spec, url);
      if (resolved.origin === origin) queue.push({ url: resolved.href, kind });
    }
  }
  const bytes: Record<AssetKind, number> = { html: 0, css: 0, js: 0, other: 0 };
  for (const a of assets) bytes[a.kind] += a.bytes;
  return { url: pageUrl, assets, bytes, total: assets.reduce((s, a) => s + a.bytes, 0), requests: assets.length };
}
