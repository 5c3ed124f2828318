// `npm run check:content [-- <content-root>]`: checks every file under the content root (CONTENT_DIR, ./content by
// default) and prints every problem: file:line:column, what was expected and found, how to fix it, and the section of
// CONTRIBUTING.md that explains the rule. On GitHub Actions (GITHUB_ACTIONS set) each problem is also printed as an
// error annotation, so it shows on the pull request's diff at its line. Exit codes: 0 no problems; 1 problems;
// 2 wrong usage or an unreadable content root.

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summaryLine, writeReport } from '../lib/content-check/problem.ts';
import { contentDir } from '../lib/deploy-settings.ts';

const USAGE = `Usage: npm run check:content [-- <content-root>]

Checks every article, topic and event under the content root (default: $CONTENT_DIR, or ./content).`;

function usage(message: string): never {
  process.stderr.write(`check-content: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let positionals: string[];
try {
  ({ positionals } = parseArgs({ allowPositionals: true, options: {} }));
} catch (error) {
  usage((error as Error).message);
}
if (positionals.length > 1) usage('give at most one content root.');
const root = positionals[0] ?? contentDir(process.env);
if (!existsSync(root)) usage(`there is no folder ${root}.`);

// Loaded once the arguments are known to be right: the checker brings the MDX compiler and the schemas with it.
const { checkContent } = await import('../lib/content-check/check-content.ts');
const { filesChecked, problems } = await checkContent({ root });
if (problems.length === 0) {
  process.stdout.write(`${summaryLine(filesChecked, problems)}\n`);
  process.exit(0);
}
writeReport(filesChecked, problems, process);
process.exit(1);
