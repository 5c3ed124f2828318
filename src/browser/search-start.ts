// The search code a page fetches only when it needs it: the first time the reader focuses the search box, or on a
// page opened from a result (?highlight=…). search-box.ts, the little every page runs, starts
// this file by putting into the page the <script> that SiteSearch.astro keeps in a <template>. It is loaded that
// way, not with import(), because a bundled import() brings Vite's module preload helper (1.7 kB) into the script
// every page runs, and article pages have a byte budget (tests/e2e/budgets.spec.ts); here it comes only with the
// search code.
import './search-highlight.ts';

const upgraded = new WeakSet<HTMLFormElement>();

/** The plain field becomes a combobox listing results as the reader types (search-ui.ts). */
function upgrade(form: HTMLFormElement): void {
  const field = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!field || upgraded.has(form)) return;
  upgraded.add(form);
  const listStyles = document.querySelector<HTMLTemplateElement>('template[data-search-list-styles]');
  listStyles?.replaceWith(listStyles.content);
  let composing = false;
  field.addEventListener('compositionstart', () => (composing = true));
  field.addEventListener('compositionend', () => (composing = false));
  import('./search-ui.ts')
    .then(({ upgradeSearchBox }) => upgradeSearchBox(form, field, () => composing))
    // Without the index (npm run dev) the plain form still works: leave it as it is.
    .catch(() => {});
}

// A box the reader has already focused (search-box.ts marks it) is upgraded now, any other on its first focus.
for (const form of document.querySelectorAll<HTMLFormElement>('[data-site-search]')) {
  if ('searchWanted' in form.dataset) upgrade(form);
  else form.querySelector('input[name="q"]')?.addEventListener('focus', () => upgrade(form), { once: true });
}
