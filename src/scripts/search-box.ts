// The search box in the header of every page. In the HTML it is a plain GET form to /search/, which works
// without JavaScript. With JavaScript:
// - "/" and Ctrl+K (⌘K on a Mac) focus it from anywhere (on the search page: the page's own search field).
//   They work before any search code has loaded, which waits for the reader;
// - the first time it gets focus, the rest of the search code is fetched and the plain field becomes a combobox
//   listing results as the reader types (upgradeSearchBox in search-ui.ts). This file is all a page runs before that.

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function shortcutTarget(form: HTMLFormElement): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('[data-search-page] [data-search-input]') ?? form.querySelector<HTMLInputElement>('input[name="q"]');
}

for (const form of document.querySelectorAll<HTMLFormElement>('[data-site-search]')) {
  const field = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!field) continue;

  let composing = false;
  field.addEventListener('compositionstart', () => (composing = true));
  field.addEventListener('compositionend', () => (composing = false));
  field.addEventListener(
    'focus',
    () => {
      import('./search-ui.ts')
        .then(({ upgradeSearchBox }) => upgradeSearchBox(form, field, () => composing))
        // Without the index (npm run dev) the plain form still works: leave it as it is.
        .catch(() => {});
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
