// Where a reader goes to fix or add to a page: the content file's editor on GitHub ("Edit this page") and a
// pre-filled issue for proposing a note ("Suggest a note"). An issue rather than an edit, because a note needs a
// source and a passage, which the issue form asks for, and because most readers with a correction are not going to
// write YAML; contributors who are can still use the edit link. REPO_URL points a fork at its own repository.

type Env = Record<string, string | undefined>;

export const DEFAULT_REPO_URL = 'https://github.com/walled-gardens/walled-gardens-annotated';
/** The branch the site is published from: edits are proposed against it. */
export const DEFAULT_BRANCH = 'main';

/** The repository's address, without a trailing slash or .git. */
export function repoUrl(env: Env): string {
  const raw = env.REPO_URL?.trim() || DEFAULT_REPO_URL;
  return raw.replace(/\/+$/, '').replace(/\.git$/, '');
}

/** A file's path in the repository, with forward slashes and no leading ./ or /. */
export function repoPath(path: string): string {
  return path
    .split('\\')
    .join('/')
    .replace(/^(?:\.\/|\/)+/, '');
}

const encodePath = (path: string) => repoPath(path).split('/').map(encodeURIComponent).join('/');

/** GitHub's editor for the file (it offers to fork for readers who cannot push). */
export function editUrl(repo: string, path: string, branch = DEFAULT_BRANCH): string {
  return `${repo}/edit/${branch}/${encodePath(path)}`;
}

export interface SuggestNote {
  /** The article's title, for the title. */
  title: string;
  /** The article's content file, so the issue names it. */
  path: string;
}

/** A new issue from the note form (.github/ISSUE_TEMPLATE/note.yml), its title and article field filled in. */
export function suggestNoteUrl(repo: string, { title, path }: SuggestNote): string {
  const query = new URLSearchParams({ template: 'note.yml', title: `Note on “${title}”`, article: repoPath(path) });
  return `${repo}/issues/new?${query.toString()}`;
}
