// Every internal link goes through here so the site works under a sub-path (BASE_PATH), as on GitHub Pages.

/** Joins the deploy base ("/" or "/walled-gardens/") and a site path ("/articles/x/", "#p-1" stays as is). */
export function joinBase(base: string, path: string): string {
  if (/^(?:[a-z][a-z\d+.-]*:|\/\/|#)/i.test(path)) return path;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export const articlePath = (id: string) => `/articles/${id}/`;
export const articlesIndexPath = (page = 1) => (page <= 1 ? '/articles/' : `/articles/${page}/`);

/** The same page, whatever its scheme, "www." or trailing slash: how two citations of one report, or two articles
 * imported from one page, are found to be the same. */
export const sameAddress = (url: string): string => url.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/$/, '');
