// The words "Did you mean …?" corrects to (src/lib/search/spelling.ts): the words of every topic's title and aliases.
// One list for both places that offer a correction. The results page carries it in its HTML (src/pages/search.astro:
// a search there may need it before its first results show); the banner's list of results fetches it from
// /search/words.json (src/pages/search/words.json.ts) the first time a search there finds nothing, so no page that is
// only read carries it.
import { getCollection } from 'astro:content';
import { spellingWords } from '../lib/search/spelling.ts';

export async function spellingVocabulary(): Promise<string[]> {
  const topics = await getCollection('topics');
  return spellingWords(topics.flatMap((topic) => [topic.data.title, ...topic.data.aliases]));
}
