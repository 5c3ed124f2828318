// "Last updated" for a content page: the date of the last commit that changed its file. A rename alone changes
// nothing a reader sees (articles moved from .mdx to .md in one commit), so the history is followed across renames
// and a commit that only renamed the file is passed over. A shallow clone (CI
// checkouts default to one commit) would give every file the date of that one commit, which is wrong rather than
// merely unknown, so a shallow history is not trusted; neither is a missing git, a file outside any repository
// or one never committed. In all those cases the page falls back to a date it knows (an article's `published`),
// or shows none. Git is reached through a runner so the decision is tested without a repository.
//
// The history is read once per repository folder, with one `git log` listing every commit's files, newest first:
// asking git about each page's file would start one process per page (on a 1,000-article corpus, a tenth of the
// build's time).
import { repoPath } from './edit-links.ts';

/** Runs git with arguments in a folder and returns its trimmed output, or undefined when git fails. */
export type GitRunner = (args: readonly string[], cwd: string) => string | undefined;

export interface LastUpdated {
  date: Date;
  /** Where the date comes from: the file's history, or the fallback. */
  from: 'git' | 'fallback';
}

/** What a folder's history says: unknown (no usable git), shallow, or each file's last commit date. */
type History = { usable: false } | { usable: true; lastChange: Map<string, Date> };

/** Marks the start of each commit in the log: a line no file name can be (git quotes names with control bytes). */
export const COMMIT = '\u0001';

/** The date of a commit's marker line (COMMIT, then an ISO date), or undefined when it cannot be read. */
export function commitDate(line: string): Date | undefined {
  const parsed = new Date(line.slice(COMMIT.length));
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/**
 * The arguments of the one `git log`: per commit, a marker line with its date, then each file it changed with its
 * status (M, A, D, or R<similarity> with the old and the new name), renames detected.
 */
export const HISTORY_ARGS = ['-c', 'core.quotepath=off', 'log', `--format=${COMMIT}%cI`, '--name-status', '-M', '--relative'] as const;

/**
 * Each file's last change, from the output of HISTORY_ARGS (newest commit first), under the file's current name.
 * Walking back in time, a rename says that the older commits of the old name belong to the new one; a rename with
 * nothing else changed (R100) is not itself a change.
 */
export function parseHistory(output: string): Map<string, Date> {
  const lastChange = new Map<string, Date>();
  /** Older name → the name it has now, for files renamed in the commits read so far. */
  const nowCalled = new Map<string, string>();
  const current = (name: string) => nowCalled.get(name) ?? name;
  let date: Date | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith(COMMIT)) {
      date = commitDate(line);
      continue;
    }
    const [status = '', name, renamed] = line.split('\t');
    if (!name) continue;
    if (status.startsWith('R') && renamed) {
      const now = current(renamed);
      if (status !== 'R100' && date && !lastChange.has(now)) lastChange.set(now, date);
      nowCalled.set(name, now);
    } else if (status !== 'D') {
      const now = current(name);
      if (date && !lastChange.has(now)) lastChange.set(now, date);
    }
  }
  return lastChange;
}

const histories = new Map<string, History>();

function historyOf(run: GitRunner, cwd: string): History {
  const cached = histories.get(cwd);
  if (cached) return cached;
  const shallow = run(['rev-parse', '--is-shallow-repository'], cwd);
  let history: History = { usable: false };
  if (shallow === 'false') {
    const log = run(HISTORY_ARGS, cwd);
    if (log !== undefined) history = { usable: true, lastChange: parseHistory(log) };
  }
  histories.set(cwd, history);
  return history;
}

/** Forgets what was read of each repository (tests run several repositories in one process). */
export function forgetRepositories(): void {
  histories.clear();
}

/** The commit date of the file's last change, when the history can be trusted; otherwise the fallback, if any. */
export function lastUpdated(run: GitRunner, file: string, cwd: string, fallback?: Date): LastUpdated | undefined {
  const fromFallback = fallback ? { date: fallback, from: 'fallback' as const } : undefined;
  const history = historyOf(run, cwd);
  const date = history.usable ? history.lastChange.get(repoPath(file)) : undefined;
  return date ? { date, from: 'git' } : fromFallback;
}
