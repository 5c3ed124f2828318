// The entry a page shows, as the store holds it now. Astro's dev server keeps what a page's getStaticPaths()
// returned until content changes, but a call still running when a file changes stores its result after the
// clearing (callGetStaticPaths, astro/dist/core/render/route-cache.js, sets the cache once its await ends): the
// page would then render the entry from before the edit until the next one. So in dev a page takes its entry
// afresh by id; in a build the props are the store's entries already.
import { getEntry, type CollectionEntry } from 'astro:content';

type Entry = CollectionEntry<'articles'> | CollectionEntry<'topics'>;

export async function currentEntry(entry: CollectionEntry<'articles'>): Promise<CollectionEntry<'articles'>>;
export async function currentEntry(entry: CollectionEntry<'topics'>): Promise<CollectionEntry<'topics'>>;
export async function currentEntry(entry: Entry): Promise<Entry> {
  if (import.meta.env.PROD) return entry;
  return (await getEntry(entry.collection, entry.id)) ?? entry;
}
