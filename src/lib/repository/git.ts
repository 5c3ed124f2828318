// The one place the site runs git: synchronously (pages are rendered one after another at build time), without a
// shell, and quietly: a missing git or a folder outside a repository is an answer ("unknown"), not an error.
import { execFileSync } from 'node:child_process';
import type { GitBytesRunner } from './file-versions.ts';
import { lastUpdated, type GitRunner } from './last-updated.ts';

export const runGit: GitRunner = (args, cwd) => {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000, maxBuffer: 512 * 1024 * 1024 }).trim();
  } catch {
    return undefined;
  }
};

/** The last-updated date of a content file of this repository (path relative to the working directory). */
export function fileLastUpdated(path: string, fallback?: Date): Date | undefined {
  return lastUpdated(runGit, path, process.cwd(), fallback)?.date;
}

/** Git's raw output (file contents are bytes), with standard input when given: for reading many blobs at once. */
export const runGitBytes: GitBytesRunner = (args, cwd, input) => {
  try {
    return execFileSync('git', args, { cwd, input, stdio: ['pipe', 'pipe', 'ignore'], timeout: 60_000, maxBuffer: 1024 * 1024 * 1024 });
  } catch {
    return undefined;
  }
};
