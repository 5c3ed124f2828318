// Where the built site will live. Read from the environment so one build command serves a domain root
// locally and a sub-path on GitHub Pages; normalised here so every caller sees the same shape.

import { resolve } from 'node:path';

type Env = Record<string, string | undefined>;

export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The absolute origin (and optional path) the site is published at, without a trailing slash. */
export function siteUrl(env: Env): string {
  const raw = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.org, but it is "${raw}".`);
  }
  return parsed.href.replace(/\/+$/, '');
}

/** The sub-path the site is served under: "/" or "/walled-gardens/" (always with both slashes). */
export function basePath(env: Env): string {
  const raw = env.BASE_PATH?.trim() || '/';
  const inner = raw.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

/** The folder holding articles/, topics/ and events/; tests and benchmarks point it at other corpora. */
export function contentDir(env: Env): string {
  return env.CONTENT_DIR?.trim() || './content';
}

/** The content folder as an absolute path: `dir` (contentDir's value, or any other) taken from the project root. */
export function contentRoot(projectRoot: string, dir: string): string {
  return resolve(projectRoot, dir);
}

/** Where Astro keeps what it reuses between builds (CACHE_DIR; Astro's own default otherwise). */
export function cacheDir(env: Env): string {
  return env.CACHE_DIR?.trim() || './node_modules/.astro';
}
