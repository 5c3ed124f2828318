// The importer marks what it cannot infer with "FILL IN: …". A draft must never be published with one left,
// so every schema runs this check and points at the exact field.
import type { z } from 'astro/zod';

export const PLACEHOLDER = 'FILL IN:';

function findPlaceholders(value: unknown, path: (string | number)[], found: (string | number)[][]): void {
  if (typeof value === 'string') {
    if (value.trimStart().startsWith(PLACEHOLDER)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findPlaceholders(item, [...path, index], found));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) findPlaceholders(item, [...path, key], found);
  }
}

export function placeholderIssue(data: unknown, ctx: z.RefinementCtx): void {
  const found: (string | number)[][] = [];
  findPlaceholders(data, [], found);
  for (const path of found) {
    ctx.addIssue({ code: 'custom', path, message: `Still a "${PLACEHOLDER}" placeholder from the importer: replace it with the real value.` });
  }
}
