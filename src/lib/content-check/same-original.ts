// One piece, one page. Two articles whose originalUrl is the same page (whatever its scheme, "www." or trailing
// slash) are one piece imported twice under two names: the site would list it twice, with its notes split between
// the two. A piece republished elsewhere has another address (originalUrl is the copy reproduced), so it is not one.
import { sameAddress } from '../urls.ts';
import { placeAt, type Registry } from './cross-references.ts';
import type { Entry } from './parse-entry.ts';
import { SECTIONS, type Problem } from './problem.ts';

/** Every article after the first (in file order) whose originalUrl another article already gives. */
export function sameOriginalProblems(registry: Registry): Problem[] {
  const first = new Map<string, Entry>();
  const problems: Problem[] = [];
  for (const entry of registry.articles.values()) {
    const url = entry.data.originalUrl;
    if (typeof url !== 'string') continue;
    const earlier = first.get(sameAddress(url));
    if (!earlier) {
      first.set(sameAddress(url), entry);
      continue;
    }
    problems.push({
      ...placeAt(entry, ['originalUrl']),
      rule: 'same-original',
      message: `originalUrl: the same page as the originalUrl of ${earlier.file.path}: one piece imported twice.`,
      expected: 'one article for each original page',
      found: url,
      fix: `keep one of the two files: move the notes this one has into ${earlier.file.relativePath} (or the other way round) and delete the other. If they are two pieces, correct the address that is wrong.`,
      section: SECTIONS.article,
    });
  }
  return problems;
}
