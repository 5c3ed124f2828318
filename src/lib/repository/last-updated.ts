// "Last updated" for a content page: the date of the last commit that touched its file. A shallow clone (CI
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

/** The commit date of the file's last change, when the history can be trusted; otherwise the fallback, if any. */
export function lastUpdated(run: GitRunner, file: string, cwd: string, fallback?: Date): LastUpdated | undefined {
  const fromFallback = fallback ? { date: fallback, from: 'fallback' as const } : undefined;
  if (isShallow(run, cwd) !== false) return fromFallback;
  const output = run(['log', '-1', '--format=%cI', '--', file], cwd);
  const date = output ? new Date(output) : undefined;
  return date && !Number.isNaN(date.getTime()) ? { date, from: 'git' } : fromFallback;
}
