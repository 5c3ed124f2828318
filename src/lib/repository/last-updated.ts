// "Last updated" for a content page: the date of the last commit that changed its file. A rename alone changes
// nothing a reader sees (articles moved from .mdx to .md in one commit), so the history is followed across renames
// and a commit that only renamed the file is passed over. A shallow clone (CI
// checkouts default to one commit) would give every file the date of that one commit, which is wrong rather than
// merely unknown, so a shallow history is not trusted; neither is a missing git, a file outside any repository
// or one never committed. In all those cases the page falls back to a date it knows (an article's `published`),
// or shows none. Git is reached through a runner so the decision is tested without a repository.

/** Runs git with arguments in a folder and returns its trimmed output, or undefined when git fails. */
export type GitRunner = (args: readonly string[], cwd: string) => string | undefined;

export interface LastUpdated {
  date: Date;
  /** Where the date comes from: the file's history, or the fallback. */
  from: 'git' | 'fallback';
}

/** Remembers per repository folder whether its history is shallow: one question, not one per page. */
const shallowCache = new Map<string, boolean>();

export function isShallow(run: GitRunner, cwd: string): boolean | undefined {
  const cached = shallowCache.get(cwd);
  if (cached !== undefined) return cached;
  const answer = run(['rev-parse', '--is-shallow-repository'], cwd);
  if (answer !== 'true' && answer !== 'false') return undefined;
  shallowCache.set(cwd, answer === 'true');
  return answer === 'true';
}

/** Forgets what isShallow learnt (tests run several repositories in one process). */
export function forgetRepositories(): void {
  shallowCache.clear();
}

/**
 * The date of the newest commit in `git log --follow --format=%x00%cI --name-status` output that did more than
 * rename the file (status R100: the same content under a new name).
 */
export function lastChangeDate(log: string): Date | undefined {
  for (const record of log.split('\0')) {
    const [date = '', ...rest] = record.trim().split('\n');
    if (date === '') continue;
    const status = rest.find((line) => line.trim() !== '') ?? '';
    if (status.startsWith('R100\t')) continue;
    const parsed = new Date(date);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  return undefined;
}

/** The commit date of the file's last change, when the history can be trusted; otherwise the fallback, if any. */
export function lastUpdated(run: GitRunner, file: string, cwd: string, fallback?: Date): LastUpdated | undefined {
  const fromFallback = fallback ? { date: fallback, from: 'fallback' as const } : undefined;
  if (isShallow(run, cwd) !== false) return fromFallback;
  const output = run(['log', '--follow', '--format=%x00%cI', '--name-status', '--', file], cwd);
  const date = output ? lastChangeDate(output) : undefined;
  return date ? { date, from: 'git' } : fromFallback;
}
