// Frontmatter and MDX values arrive as `unknown`. `String(value)` on them would print an object as
// "[object Object]"; this spells the scalar ones (and dates) the way `String` does and falls back otherwise.

/** `String(value)` for a string, number, boolean, bigint or Date; `fallback` for anything else (null, objects). */
export function scalarText(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date) return String(value);
  return fallback;
}
