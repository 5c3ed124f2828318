// One content problem, as a contributor reads it: where it is (file:line:column, so editors and terminals can
// jump there), what is wrong, what was expected and found, how to fix it, and which section of CONTRIBUTING.md
// explains the rule. The same record is printed by the CLI, thrown by the build and shown in the dev overlay,
// and on GitHub Actions also becomes an annotation on the pull request's diff.

/** The CONTRIBUTING.md sections problems point to (GitHub's heading anchors). */
export const SECTIONS = {
  article: 'adding-an-article',
  afterImporting: 'after-importing',
  debris: 'page-debris-rules',
  headings: 'paragraphs-and-headings',
  mdx: 'markdown-and-mdx',
  note: 'adding-or-fixing-a-note',
  quote: 'the-quote',
  noteBody: 'the-body',
  sources: 'sources',
  topicOrEvent: 'adding-a-topic-or-event',
  topicFields: 'topic-fields',
  topicOverview: 'sourcing-a-topics-overview',
  footnotes: 'footnotes',
  aliases: 'aliases',
  eventFields: 'event-fields',
  safety: 'what-content-may-not-contain',
  files: 'where-files-go',
  contentFlow: 'how-content-flows',
} as const;

export type Section = (typeof SECTIONS)[keyof typeof SECTIONS];

export interface Problem {
  /** The file as a path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  /** A short kebab-case name for the rule, the title of a GitHub annotation. */
  rule: string;
  /** One line: what is wrong. */
  message: string;
  expected?: string | undefined;
  found?: string | undefined;
  /** Further lines shown as they are (the quote and the closest passage, for example). */
  details?: string[] | undefined;
  fix: string;
  section: Section;
}

/** The problem as the terminal, the build error and the dev overlay show it. */
export function formatProblem(problem: Problem): string {
  const lines = [`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`];
  if (problem.expected !== undefined) lines.push(`  expected: ${problem.expected}`);
  if (problem.found !== undefined) lines.push(`  found:    ${problem.found}`);
  for (const detail of problem.details ?? []) lines.push(`  ${detail}`);
  lines.push(`  How to fix: ${problem.fix}`);
  lines.push(`  See CONTRIBUTING.md#${problem.section}`);
  return lines.join('\n');
}

/** Problems in file order, then by position, so a report reads top to bottom like the files. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The one line that ends every run. */
export function summaryLine(filesChecked: number, problems: readonly Problem[]): string {
  if (problems.length === 0) return `${plural(filesChecked, 'file')} checked, no problems.`;
  const files = new Set(problems.map((p) => p.file)).size;
  return `${plural(filesChecked, 'file')} checked: ${plural(problems.length, 'problem')} in ${plural(files, 'file')}.`;
}

/** Every problem, then the summary: the text of the build error and of the CLI's report. */
export function formatReport(filesChecked: number, problems: readonly Problem[]): string {
  return [...sortProblems(problems).map(formatProblem), summaryLine(filesChecked, problems)].join('\n\n');
}

// GitHub's workflow commands: the message ends at a newline and properties at ',' or ':', so those are escaped
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The problem as a GitHub Actions error annotation, shown on the pull request's diff at its line. */
export function githubAnnotation(problem: Problem): string {
  const { file, line, column, rule } = problem;
  const body = formatProblem(problem)
    .split('\n')
    .slice(1)
    .map((detail) => detail.trim());
  const message = [problem.message, ...body].join('\n');
  return `::error file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(`Content check: ${rule}`)}::${escapeData(message)}`;
}

/**
 * The whole report as a contributor reads it, where the check runs as a command or stops a build: the report on
 * standard error, and on GitHub Actions one error annotation per problem on standard output (shown on the pull
 * request's diff at its line).
 */
export function writeReport(
  filesChecked: number,
  problems: readonly Problem[],
  out: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown }; env: Record<string, string | undefined> },
  heading = '',
): void {
  out.stderr.write(`${heading}${formatReport(filesChecked, problems)}\n`);
  if (out.env.GITHUB_ACTIONS) {
    for (const problem of sortProblems(problems)) out.stdout.write(`${githubAnnotation(problem)}\n`);
  }
}
