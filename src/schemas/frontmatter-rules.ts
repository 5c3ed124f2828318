// Rules every frontmatter schema shares. Unknown fields are refused by name (a typo such as `sumary` must not
// be silently dropped), and the importer's "FILL IN: …" placeholders, or a writer's own "TODO", must be replaced
// before a page is built.
// Both run even when other fields are wrong, so a contributor sees every problem of a file in one run.
// Every custom rule of the schemas names itself in its issue's `params.rule` (a stable id, with the facts its advice
// needs beside it): the content check picks its advice by that id (src/lib/content-check/schema-problems.ts), so
// rewording a message never changes which rule fired.
import { z } from 'astro/zod';

export const PLACEHOLDER = 'FILL IN:';
/** A writer's own placeholder at the start of a value: "TODO", "TBD: the date", "FIXME", "XXX" (in capitals, as a
 * word). A note whose body was left "TODO" would be published as it is. */
const WRITERS_MARK = /^(TODO|TBD|FIXME|XXX)(?![\w-])/;

type Rule = (data: Record<string, unknown>, ctx: z.RefinementCtx<Record<string, unknown>>) => void;

/** The importer's placeholder (marker undefined) or a writer's (its word), and where it is. */
interface Placeholder {
  path: PropertyKey[];
  marker?: string;
}

/**
 * Calls `visit` with every string in frontmatter values and its path, in the order of the file: into lists and
 * objects, not into dates, and not into the fields `skip` names. The placeholder rule here and the content check's
 * plain-text rule (src/lib/content-check/plain-text-fields.ts) both read every string this way.
 */
export function eachString(
  value: unknown,
  visit: (text: string, path: PropertyKey[]) => void,
  skip: (key: string) => boolean = () => false,
  path: PropertyKey[] = [],
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => eachString(item, visit, skip, [...path, index]));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) if (!skip(key)) eachString(item, visit, skip, [...path, key]);
  }
}

function findPlaceholders(data: unknown): Placeholder[] {
  const found: Placeholder[] = [];
  eachString(data, (value, path) => {
    const text = value.trimStart();
    const marker = text.startsWith(PLACEHOLDER) ? undefined : WRITERS_MARK.exec(text)?.[1];
    if (text.startsWith(PLACEHOLDER) || marker) found.push({ path, ...(marker ? { marker } : {}) });
  });
  return found;
}

const noPlaceholders: Rule = (data, ctx) => {
  for (const { path, marker } of findPlaceholders(data)) {
    ctx.addIssue({
      code: 'custom',
      path,
      params: { rule: 'placeholder-left', ...(marker ? { marker } : {}) },
      message: marker
        ? `Still a placeholder ("${marker}"): replace it with the real text.`
        : `Still a "${PLACEHOLDER}" placeholder from the importer: replace it with the real value.`,
    });
  }
};

/**
 * An object schema for frontmatter: the given fields, no others, and extra rules that see the raw data
 * (so they must not assume the fields are valid) and always run.
 */
export function frontmatterObject<S extends z.core.$ZodLooseShape>(fields: S, ...rules: Rule[]) {
  const known = Object.keys(fields);
  const onlyKnownFields: Rule = (data, ctx) => {
    for (const key of Object.keys(data)) {
      if (known.includes(key)) continue;
      ctx.addIssue({
        code: 'custom',
        path: [key],
        params: { rule: 'unknown-field', fields: known },
        message: `Unknown field "${key}": the fields are ${known.join(', ')} (case-sensitive). Check the spelling or remove it.`,
      });
    }
  };
  const always = { when: () => true };
  return z
    .looseObject(fields)
    .check(...[onlyKnownFields, noPlaceholders, ...rules].map((rule) => z.superRefine(rule as never, always)))
    .transform((data) => Object.fromEntries(Object.entries(data).filter(([key]) => known.includes(key))) as z.output<z.ZodObject<S>>);
}

/**
 * A list whose items must differ: topic slugs, aliases. A repeated one is a copied line or a slip, and the page would
 * show it twice ("Topics: Alibaba, Lazada, Alibaba"). Runs even when an item is otherwise wrong.
 */
export function distinctList<T extends z.ZodType>(item: T) {
  return z.array(item).superRefine(
    (items, ctx) => {
      for (const { index, first, key: value } of repeats(items, (value) => value)) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          params: { rule: 'repeated-item', value, first: first + 1 },
          message: `"${String(value)}" is already item ${first + 1} of this list.`,
        });
      }
    },
    { when: (payload) => Array.isArray(payload.value) },
  );
}

/** Each item whose key an earlier item already had, with the index of that first one (from 0). Items without a key
 * (undefined) are passed over. Shared by the lists of slugs and aliases and by the notes' ids (annotation.ts). */
export function repeats<T>(items: readonly T[], key: (item: T) => unknown): { index: number; first: number; key: unknown }[] {
  const seen = new Map<unknown, number>();
  const found: { index: number; first: number; key: unknown }[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    if (value === undefined) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else found.push({ index, first, key: value });
  });
  return found;
}
