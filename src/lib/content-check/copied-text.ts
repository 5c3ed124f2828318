// Words of our own that name or sum up a topic: its title and its summary. A new topic is most often started from a
// copy of another's file, and the same words left in two of them are a copy not finished: two topic pages called
// "WeChat" in the index, or one topic's summary on another's card and in its link previews. Compared without case or
// spacing. (Articles are not compared: each starts from the importer's draft, whose summary is a placeholder.)
import { placeAt, type Registry } from './cross-references.ts';
import { shortSource } from './finding.ts';
import type { Entry } from './parse-entry.ts';
import { SECTIONS, type Problem } from './problem.ts';

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every file after the first (in file order) whose `field` says what an earlier file's says. */
function repeatedField(entries: Iterable<Entry>, field: 'title' | 'summary', problem: (entry: Entry, earlier: Entry, text: string) => Problem): Problem[] {
  const first = new Map<string, Entry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const text = entry.data[field];
    if (typeof text !== 'string' || !text.trim()) continue;
    const earlier = first.get(fold(text));
    if (earlier) problems.push(problem(entry, earlier, text));
    else first.set(fold(text), entry);
  }
  return problems;
}

/** A topic's title or summary that an earlier topic (in file order) already has. */
export function copiedTextProblems(registry: Registry): Problem[] {
  const summary = (entry: Entry, earlier: Entry, text: string) => ({
    ...placeAt(entry, ['summary']),
    rule: 'copied-summary',
    message: `summary: the same words as the summary of ${earlier.file.path}.`,
    expected: "a summary of this topic's own",
    found: shortSource(text),
    fix: 'one of the two files looks copied from the other: give each topic a one- or two-sentence summary of its own.',
    section: SECTIONS.topicFields,
  });
  return [
    ...repeatedField(registry.topics.values(), 'title', (entry, earlier, text) => ({
      ...placeAt(entry, ['title']),
      rule: 'copied-title',
      message: `title: "${text.trim()}" is also the title of ${earlier.file.path}.`,
      expected: 'a name of its own for each topic',
      found: text.trim(),
      fix: "one of the two files looks copied from the other: give each topic its own name. If they are one topic, keep one file (with the aliases of both) and move the other's tags to it.",
      section: SECTIONS.topicFields,
    })),
    ...repeatedField(registry.topics.values(), 'summary', summary),
  ];
}
