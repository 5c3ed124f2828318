// The search page: starts Pagefind's components (search field, summary, filter pane, results) and adds what
// they do not do themselves (Pagefind 1.6 has no URL state, no sort control and no "clear all filters"):
// - the address holds the search (?q=…&type=…&year=…&sort=…), read on load and on Back/Forward, written after
//   every change: a change of filters or order is a new history entry, retyping the words replaces it;
// - a sort select (best match, newest, oldest), through the instance's searchSort;
// - a "Clear filters" button;
// - results shown 50 at a time, with a "Show more results" button;
// - readers' names for filter values the pane would show raw: topic titles, not slugs; "Articles", not
//   "article"; "Corrections", not "correction" (the labels come from the page's data-filter-labels; the values,
//   and so the address, stay as they are).
import { filterLabel, type FilterLabels } from '../lib/search/facets.ts';
import { activeFilters, PAGEFIND_SORT, readSearchState, refinementChanged, searchQuery, SORTS, type SearchState, type SortOrder } from '../lib/search/search-url.ts';
import { INSTANCE_OPTIONS, loadSearchUI, PAGE_PLACEHOLDER_TEMPLATE, PAGE_RESULT_TEMPLATE, templateScript, type PagefindInstance } from './search-ui.ts';

const INSTANCE = 'default';

/** Results shown at first, and added by each "Show more results". Pagefind draws a placeholder (and watches it
 * scroll into view) for every result at once: for "wechat pay" at 1,000 articles, 4,894 of them, 13 s of work
 * before the first result shows. */
const RESULTS_PER_PAGE = 50;

const page = document.querySelector<HTMLElement>('[data-search-page]');
const app = page?.querySelector<HTMLElement>('[data-search-app]');

function currentSort(select: HTMLSelectElement): SortOrder {
  return (SORTS as readonly string[]).includes(select.value) ? (select.value as SortOrder) : 'relevance';
}

function apply(instance: PagefindInstance, select: HTMLSelectElement, state: SearchState): void {
  select.value = state.sort;
  instance.searchSort = PAGEFIND_SORT[state.sort];
  instance.triggerSearchWithFilters(state.term, state.filters);
}

/** Pagefind's filter pane writes each value as the text after its checkbox, and rewrites its options when the
 * filters change; each time, put the value's label there instead. */
function labelFilterValues(pane: Element, labels: FilterLabels): void {
  const relabel = () => {
    for (const box of pane.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const text = box.nextSibling;
      const label = filterLabel(labels, box.name, box.value);
      if (text?.nodeType === Node.TEXT_NODE && text.textContent !== label) text.textContent = label;
    }
  };
  // Changing a text node's characters is not a change of children, so this does not wake itself.
  new MutationObserver(relabel).observe(pane, { childList: true, subtree: true });
}

/** Pagefind's list moves the focus with the down arrow only to a result already loaded (results load as they
 * scroll into view); on one still loading it starts loading it and the key does nothing. Here the focus follows
 * as soon as that result is in, unless the reader has moved on. */
function followArrowDown(results: Element): void {
  results.addEventListener('keydown', (event) => {
    const from = event.target;
    if (!(event instanceof KeyboardEvent) || event.key !== 'ArrowDown' || !(from instanceof HTMLAnchorElement)) return;
    // Pagefind's own handler, on the list inside, has run: it moved the focus if it could.
    const item = from.closest('li');
    if (document.activeElement !== from || !item?.parentElement || !item.nextElementSibling) return;
    const list = item.parentElement;
    const arrived = new MutationObserver(() => {
      const next = item.nextElementSibling?.querySelector<HTMLAnchorElement>('a[href]');
      if (!next) return;
      arrived.disconnect();
      if (document.activeElement === from) next.focus();
    });
    arrived.observe(list, { childList: true });
    setTimeout(() => arrived.disconnect(), 10_000);
  });
}

/**
 * Shows the results RESULTS_PER_PAGE at a time (Pagefind's max-results), with a "Show more results" button under
 * them that moves the focus to the first result it adds. Pagefind's list announces how many results it shows;
 * here the count read out stays the search's, as the summary shows it. Set up before the list starts, so this
 * knows the search's count before the list announces it.
 */
function pageResults(instance: PagefindInstance, results: Element, more: HTMLButtonElement): void {
  let shown = RESULTS_PER_PAGE;
  let total = 0;
  let lastSearch = '';
  results.setAttribute('max-results', String(shown));
  instance.on('results', (payload) => {
    total = (payload as { results?: unknown[] }).results?.length ?? 0;
    more.hidden = total <= shown;
  });
  const announce = instance.announce.bind(instance);
  instance.announce = (key, replacements = {}, priority) => announce(key, /_results?$/.test(key) && 'COUNT' in replacements ? { ...replacements, COUNT: total } : replacements, priority);
  // Other words or filters start again from the first page; another order, or more results, do not.
  instance.on('search', (term, filters) => {
    const search = JSON.stringify([term, filters]);
    if (search !== lastSearch) {
      shown = RESULTS_PER_PAGE;
      results.setAttribute('max-results', String(shown));
    }
    lastSearch = search;
  });
  more.addEventListener('click', () => {
    const first = shown;
    shown += RESULTS_PER_PAGE;
    results.setAttribute('max-results', String(shown));
    // Pagefind draws the list again from the top, placeholders first; the first new result is brought into
    // view (so it loads), then given the focus.
    let broughtIntoView = false;
    const arrived = new MutationObserver(() => {
      const item = results.querySelector<HTMLElement>(`[data-pf-result-index="${first}"]`);
      const link = item?.querySelector<HTMLAnchorElement>('a[href]');
      if (item && !link && !broughtIntoView) {
        item.scrollIntoView({ block: 'center' });
        broughtIntoView = true;
      }
      if (!link) return;
      arrived.disconnect();
      link.focus();
    });
    arrived.observe(results, { childList: true, subtree: true });
    setTimeout(() => arrived.disconnect(), 10_000);
    instance.triggerSearchWithFilters(instance.searchTerm, instance.searchFilters);
  });
}

function readFilterLabels(app: HTMLElement): FilterLabels {
  try {
    return JSON.parse(app.dataset.filterLabels ?? '{}') as FilterLabels;
  } catch {
    return {};
  }
}

async function start(page: HTMLElement, app: HTMLElement): Promise<void> {
  const select = app.querySelector<HTMLSelectElement>('[data-search-sort]');
  const clear = app.querySelector<HTMLButtonElement>('[data-search-clear]');
  const more = app.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!select || !clear || !more) return;
  // Everything that does not wait for the index is in place before the first paint after this script.
  const initial = readSearchState(location.search);
  select.value = initial.sort;
  clear.hidden = Object.keys(initial.filters).length === 0;

  // Pagefind's elements read their instance's options when they connect: out of the page until the instance is
  // configured. The page keeps their room (search.css), so taking them out and back moves nothing.
  const elements = [...app.querySelectorAll('pagefind-input, pagefind-summary, pagefind-filter-pane, pagefind-results')];
  const places = elements.map((element) => {
    const place = document.createComment(element.localName);
    element.replaceWith(place);
    return place;
  });
  const components = await loadSearchUI();
  const instance = components.configureInstance(INSTANCE, INSTANCE_OPTIONS);

  const config = document.createElement('pagefind-config');
  // Faceted: filters work without search words (?kind=correction lists every correction).
  config.setAttribute('faceted', '');
  config.setAttribute('instance', INSTANCE);
  for (const element of elements) {
    if (element.localName === 'pagefind-results') {
      element.append(templateScript(PAGE_RESULT_TEMPLATE), templateScript(PAGE_PLACEHOLDER_TEMPLATE, 'placeholder'));
      followArrowDown(element);
      pageResults(instance, element, more);
    }
    if (element.localName === 'pagefind-filter-pane') {
      // On a narrow screen the filters start folded, so the results are in view.
      if (window.matchMedia('(max-width: 47.99rem)').matches) element.removeAttribute('open');
      labelFilterValues(element, readFilterLabels(app));
    }
  }
  // Back in the page, the elements start, with the configured instance.
  app.prepend(config);
  places.forEach((place, i) => place.replaceWith(elements[i]!));

  // Faceted, Pagefind starts with a search without words, which lists every record (at 1,000 articles, 2.5 s of
  // work) before the search in the address can run: not when the address has words.
  instance.faceted = !initial.term;
  await instance.triggerLoad();
  instance.faceted = true;
  apply(instance, select, readSearchState(location.search));

  instance.on('search', (term, filters) => {
    const state: SearchState = { term, filters: activeFilters(filters ?? {}), sort: currentSort(select) };
    clear.hidden = Object.keys(state.filters).length === 0;
    const before = readSearchState(location.search);
    const query = searchQuery(state);
    if (query === searchQuery(before)) return;
    const url = `${location.pathname}${query}${location.hash}`;
    if (refinementChanged(before, state)) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  });

  select.addEventListener('change', () => {
    instance.searchSort = PAGEFIND_SORT[currentSort(select)];
    instance.triggerSearchWithFilters(instance.searchTerm, instance.searchFilters);
  });
  clear.addEventListener('click', () => {
    instance.triggerFilters({});
    page.querySelector<HTMLElement>('pagefind-input input')?.focus();
  });
  window.addEventListener('popstate', () => apply(instance, select, readSearchState(location.search)));
}

if (page && app) {
  start(page, app).catch(() => {
    app.hidden = true;
    page.querySelector<HTMLElement>('[data-search-error]')?.removeAttribute('hidden');
  });
}
