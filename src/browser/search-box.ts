// The search box in the header of every page. In the HTML it is a plain GET form to /search/, which works
// without JavaScript. With JavaScript:
// - "/" and Ctrl+K (⌘K on a Mac) focus it from anywhere (on the search page: the page's own search field).
//   They work before any search code has loaded, which waits for the reader;
// - the first time it gets focus, the rest of the search code is fetched (search-start.ts) and the plain field
//   becomes a combobox listing results as the reader types (upgradeSearchBox in search-ui.ts). A page opened with
//   a query (a result's ?highlight=…) fetches it at once. This file is all a page runs before that, and it
//   imports nothing: a module shared with the search code would cost every page one more request.

/** Puts SiteSearch.astro's <template> of the search code into the page, once, which runs it. */
function startSearchCode(): void {
  const template = document.querySelector<HTMLTemplateElement>('template[data-search-code]');
  if (template) template.replaceWith(template.content);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function shortcutTarget(form: HTMLFormElement): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('[data-search-page] [data-search-input]') ?? form.querySelector<HTMLInputElement>('input[name="q"]');
}

for (const form of document.querySelectorAll<HTMLFormElement>('[data-site-search]')) {
  const field = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!field) continue;

  field.addEventListener(
    'focus',
    () => {
      // Read by search-start.ts, which upgrades this box at once if it loads after the focus.
      form.dataset.searchWanted = '';
      startSearchCode();
    },
    { once: true },
  );

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey) return;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
    if (!slash && !commandK) return;
    const target = shortcutTarget(form);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.select();
  });
}

// A page opened from a result (?highlight=…) needs search-highlight.ts at once. The search page runs its own script
// (src/pages/search.astro); its banner box, like any other, waits for the reader's focus.
if (location.search && !document.querySelector('[data-search-page]')) startSearchCode();
