// /search/words.json: the words a search in the banner's list is corrected to ("Did you mean Taobao?"), fetched by
// src/browser/search-suggestion.ts (SPELLING_WORDS_PATH in src/browser/search-paths.ts) only when a search there
// finds nothing. A JSON array of strings; src/data/spelling-vocabulary.ts says what is in it.
import { spellingVocabulary } from '../../data/spelling-vocabulary.ts';

export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(await spellingVocabulary()), { headers: { 'content-type': 'application/json' } });
}
