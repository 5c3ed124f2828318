// Every committed version of the files in a folder, for dating what changed inside a file (a note in an article's
// frontmatter) rather than the file as a whole (last-updated.ts does that). Two git processes for the whole folder,
// whatever its size: one `git log --raw` lists, per commit, the blob each file had after it, and one
// `git cat-file --batch` reads all those blobs. The history is followed across renames, as in last-updated.ts,
// and is not trusted when the clone is shallow (its oldest commit would look like every file's creation).
import { repoPath } from './edit-links.ts';
import { COMMIT, commitDate } from './last-updated.ts';

/** Runs git with arguments (and standard input) in a folder and returns its output, or undefined when git fails. */
export type GitBytesRunner = (args: readonly string[], cwd: string, input?: string) => Buffer | undefined;

export interface FileVersion {
  /** The commit's date. */
  date: Date;
  /** The file's blob after that commit. */
  blob: string;
}

const NO_BLOB = /^0+$/;

/** The `git log` that lists each commit's date and, per file it changed, the file's blobs before and after. */
export const VERSIONS_ARGS = (folder: string) =>
  ['-c', 'core.quotepath=off', 'log', `--format=${COMMIT}%cI`, '--raw', '--no-abbrev', '-M', '--relative', '--', folder] as const;

/**
 * Each file's versions, newest first, under the file's current name, from the output of VERSIONS_ARGS (newest
 * commit first). Lines look like `:100644 100644 <old blob> <new blob> M\tpath` or `… R087\told\tnew`. A commit that
 * deletes a file ends the history of that name: an older file of the same name is another file.
 */
export function parseVersions(output: string): Map<string, FileVersion[]> {
  const versions = new Map<string, FileVersion[]>();
  const nowCalled = new Map<string, string | null>();
  let date: Date | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith(COMMIT)) {
      date = commitDate(line);
      continue;
    }
    if (!line.startsWith(':') || !date) continue;
    const [meta = '', name = '', renamed] = line.split('\t');
    const [, , , blob = '', status = ''] = meta.split(' ');
    const path = status.startsWith('R') || status.startsWith('C') ? (renamed ?? name) : name;
    const current = nowCalled.has(path) ? nowCalled.get(path)! : path;
    if (status === 'D') {
      if (!nowCalled.has(path)) nowCalled.set(path, null);
      continue;
    }
    if (current === null) continue;
    if (!NO_BLOB.test(blob)) versions.set(current, [...(versions.get(current) ?? []), { date, blob }]);
    if (status.startsWith('R') && renamed) nowCalled.set(name, current);
  }
  return versions;
}

/** The objects in the output of `git cat-file --batch` (`<sha> blob <size>\n<bytes>\n` each), by sha. */
export function parseBatch(output: Buffer): Map<string, string> {
  const blobs = new Map<string, string>();
  let at = 0;
  while (at < output.length) {
    const lineEnd = output.indexOf(0x0a, at);
    if (lineEnd === -1) break;
    const [sha = '', type, size] = output.subarray(at, lineEnd).toString('utf8').split(' ');
    at = lineEnd + 1;
    if (type === 'missing' || size === undefined) continue;
    const length = Number(size);
    blobs.set(sha, output.subarray(at, at + length).toString('utf8'));
    at += length + 1;
  }
  return blobs;
}

export interface FileText {
  date: Date;
  text: string;
}

/**
 * The committed texts of every file under `folder` (relative to `cwd`), newest first, by path relative to `cwd`;
 * an empty map when the history cannot be trusted (no git, not a repository, a shallow clone).
 */
export function committedTexts(run: GitBytesRunner, folder: string, cwd: string): Map<string, FileText[]> {
  if (run(['rev-parse', '--is-shallow-repository'], cwd)?.toString('utf8').trim() !== 'false') return new Map();
  const log = run(VERSIONS_ARGS(repoPath(folder)), cwd);
  if (!log) return new Map();
  const versions = parseVersions(log.toString('utf8'));
  const wanted = [...new Set([...versions.values()].flat().map((v) => v.blob))];
  const blobs = wanted.length > 0 ? parseBatch(run(['cat-file', '--batch'], cwd, `${wanted.join('\n')}\n`) ?? Buffer.alloc(0)) : new Map<string, string>();
  const texts = new Map<string, FileText[]>();
  for (const [path, list] of versions) {
    texts.set(
      path,
      list.flatMap((v) => (blobs.has(v.blob) ? [{ date: v.date, text: blobs.get(v.blob)! }] : [])),
    );
  }
  return texts;
}
