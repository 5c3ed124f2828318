// Page furniture left in an article's text (a share counter, "Advertisement", a photo credit, a newsletter promo)
// is found with the importer's own rules (src/import/debris-rules.ts), so the two never disagree about what
// furniture looks like. The body is read as the story: the headline is the article's title (so a repeated
// headline is debris) and the story has started (so a byline or a date inside it is text, as in the importer).
import { debrisRules, type SourceLine } from '../../import/debris-rules.ts';
import type { Finding } from './finding.ts';
import { SECTIONS } from './problem.ts';

const EDGE_WHITESPACE = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;
const BLANK = /^[ \t\r]*$/;
/** Footnote definitions are our apparatus, not the author's text. */
const FOOTNOTE_DEFINITION = /^\s*\[\^[^\]]+\]:/;

export function debrisFindings(body: string, title: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const previous: SourceLine[] = [];
  let block: SourceLine[] = [];
  body.split('\n').forEach((raw, index) => {
    const line: SourceLine = { number: index + 1, text: raw.replace(EDGE_WHITESPACE, '') };
    if (line.text === '') block = [];
    else block.push(line);
    if (BLANK.test(raw) || FOOTNOTE_DEFINITION.test(raw)) return;
    const context = { line, block, previous: [...previous], headline: title ?? '', bodyStarted: true };
    const rule = debrisRules.find((candidate) => candidate.test(context));
    previous.push(line);
    if (!rule) return;
    const shown = line.text.length > 60 ? `${line.text.slice(0, 59)}…` : line.text;
    findings.push({
      rule: 'page-debris',
      message: `page debris left in the article (rule ${rule.name}): ${rule.description[0]!.toLowerCase()}${rule.description.slice(1)}`,
      expected: "only the story's own text",
      found: shown === '' ? 'a line of invisible characters' : shown,
      fix: 'delete the line. If it really is part of the story, say so in your pull request: the rule in src/import/debris-rules.ts then needs fixing (see "Adding a rule").',
      section: SECTIONS.debris,
      point: { line: index + 1, column: raw.length - raw.trimStart().length + 1 },
      source: raw,
    });
  });
  return findings;
}
