// The search page (markup in src/pages/search.astro), drawn here from Pagefind's JS API (search-engine.ts):
// - results come RESULTS_PER_PAGE at a time, each page once, with the notes or events on it that match; only the
//   results shown have their data fetched ("Show more results" fetches the next ones and moves the focus there),
//   and each is shown, in order, as soon as its data is in, so the first does not wait for the tenth;
// - the filters start folded, and their values and counts are fetched when the reader opens one (or when the
//   address names a filter, after the first results are in): the first results never wait for them;
// - a kind-of-note filter keeps the articles that have such notes and shows only those notes under them;
// - the address holds the search (?q=…&type=…&year=…&sort=…), read on load and on Back/Forward, written after
//   every change: a change of filters or order is a new history entry, retyping the words replaces it;
// - a word that finds nothing and is a slip from a topic's name is offered corrected, when that finds something
//   ("No results for “taobo”. Did you mean Taobao?", src/lib/search/spelling.ts);
// - the page's title names the search ("“wechat pay”, 2024 · Search · …"), for tabs, bookmarks and history;
// - the count is announced (a polite live region), and from the field the arrow keys walk the results' titles.
import { countOf } from '../lib/counts.ts';
import { filterLabel, orderFilterValues, type FilterKey, type FilterLabels } from '../lib/search/facets.ts';
import {
  PAGEFIND_SORT,
  readSearchState,
  refinementChanged,
  searchQuery,
  searchSummary,
  searchTitle,
  SORTS,
  type Filters,
  type SearchState,
  type SortOrder,
} from '../lib/search/search-url.ts';
import { suggestionText, type SuggestedWord } from '../lib/search/spelling.ts';
import { loadSearchEngine, runSearch, shownResult, type PagefindEngine, type PagefindResult, type ShownResult } from './search-engine.ts';
import { suggestedWordNodes, suggestionFor } from './search-suggestion.ts';

/** Results shown at first, and added by each "Show more results": each one shown is one fragment fetched. */
const RESULTS_PER_PAGE = 10;
/** Quiet time after a keystroke in the field before searching. */
const DEBOUNCE_MS = 200;

const page = document.querySelector<HTMLElement>('[data-search-page]');
const app = page?.querySelector<HTMLElement>('[data-search-app]');

/** Data the page was built with, from one of the app's data attributes. */
function readData<T>(json: string | undefined, fallback: T): T {
  try {
    return json ? (JSON.parse(json) as T) : fallback;
  } catch {
    return fallback;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An excerpt as Pagefind writes it: the page's text, escaped, with <mark> around the matching words (or metadata,
 * escaped and marked the same way: src/lib/search/meta-matches.ts). */
function excerptElement(html: string, className: string, tag: 'p' | 'span' = 'p'): HTMLElement {
  const paragraph = element(tag, className);
  paragraph.innerHTML = html;
  return paragraph;
}

/** One result: what it is, its title (a heading, so a screen reader can jump from result to result), where it
 * comes from, its own matching words, and the notes or events on it that match. */
function resultElement(result: ShownResult): HTMLLIElement {
  const item = element('li', 'search-result');
  item.dataset.searchResult = '';
  const heading = element('h3', 'search-result__title');
  const link = element('a', 'search-result__link', result.title);
  link.href = result.url;
  heading.append(link);
  item.append(element('p', 'search-result__kind', result.typeLabel), heading);
  const details = element('p', 'search-result__details');
  // Found by its outlet alone: the outlet is marked where the details name it.
  const byOutlet = result.foundBy.find((found) => found.field === 'outlet');
  if (byOutlet) details.append(excerptElement(byOutlet.html, '', 'span'));
  else if (result.outlet) details.append(element('span', '', result.outlet));
  if (result.date) {
    const time = element('time', '', result.dateText ?? result.date);
    time.dateTime = result.date;
    details.append(element('span', ''));
    details.lastElementChild!.append(time);
  }
  if (details.childElementCount) item.append(details);
  // Found by words its text does not have: what it was found by, its topic or its author ("By Yishu Wang").
  for (const found of result.foundBy.filter((f) => f.field !== 'outlet')) {
    const line = excerptElement(found.html, 'search-result__found');
    line.prepend(element('span', 'search-result__found-label', found.label), ' ');
    item.append(line);
  }
  if (result.excerpt) item.append(excerptElement(result.excerpt, 'search-result__excerpt'));
  if (result.parts.length) {
    const events = result.parts.every((part) => part.kind === 'event');
    const list = element('ul', 'search-result__parts');
    list.setAttribute('aria-label', `${events ? 'Events' : 'Notes'} in ${result.title}`);
    for (const part of result.parts) {
      const entry = element('li', 'search-result__part');
      const partLink = element('a', '', part.title);
      partLink.href = part.url;
      entry.append(element('span', 'search-result__part-kind', part.kind === 'event' ? 'Event' : 'Note'), partLink);
      if (part.excerpt) entry.append(excerptElement(part.excerpt, 'search-result__excerpt'));
      list.append(entry);
    }
    item.append(list);
  }
  if (result.moreParts > 0) item.append(element('p', 'search-result__more', `and ${countOf(result.moreParts, 'more match', 'more matches')} on this page`));
  return item;
}

interface Controls {
  field: HTMLInputElement;
  sort: HTMLSelectElement;
  clear: HTMLButtonElement;
  more: HTMLButtonElement;
  summary: HTMLElement;
  list: HTMLOListElement;
  /** What to try when nothing is found, and its part about the filters. */
  empty: HTMLElement | null;
  emptyFilters: HTMLElement | null;
  groups: HTMLDetailsElement[];
  /** Shown on a phone only: unfolds the filters. */
  filtersToggle: HTMLButtonElement | null;
}

function controlsOf(app: HTMLElement): Controls | undefined {
  const q = <T extends Element>(selector: string) => app.querySelector<T>(selector);
  const field = q<HTMLInputElement>('[data-search-input]');
  const sort = q<HTMLSelectElement>('[data-search-sort]');
  const clear = q<HTMLButtonElement>('[data-search-clear]');
  const more = q<HTMLButtonElement>('[data-search-more]');
  const summary = q<HTMLElement>('[data-search-summary]');
  const list = q<HTMLOListElement>('[data-search-results]');
  if (!field || !sort || !clear || !more || !summary || !list) return undefined;
  return {
    field,
    sort,
    clear,
    more,
    summary,
    list,
    empty: q<HTMLElement>('[data-search-empty]'),
    emptyFilters: q<HTMLElement>('[data-search-empty-filters]'),
    groups: [...app.querySelectorAll<HTMLDetailsElement>('details[data-filter]')],
    filtersToggle: q<HTMLButtonElement>('[data-filters-toggle]'),
  };
}

const currentSort = (select: HTMLSelectElement): SortOrder => ((SORTS as readonly string[]).includes(select.value) ? (select.value as SortOrder) : 'relevance');

function start(page: HTMLElement, app: HTMLElement, controls: Controls): void {
  const { field, sort, clear, more, summary, list, empty, emptyFilters, groups, filtersToggle } = controls;
  const filtersChosen = filtersToggle?.querySelector<HTMLElement>('[data-filters-chosen]');
  const labels = readData<FilterLabels>(app.dataset.filterLabels, {});
  const spellingVocabulary = (app.dataset.spellingWords ?? '').split(' ').filter(Boolean);
  let state: SearchState = readSearchState(location.search);
  const pageTitle = document.title;
  /** Every filter's values, once the reader has opened the filters; undefined before. */
  let allValues: Record<string, Record<string, number>> | undefined;
  let counts: Record<string, Record<string, number>> = {};
  let results: PagefindResult[] = [];
  let shown = 0;
  let latest = 0;
  let engine: PagefindEngine | undefined;

  /** Each group's values, checked as the search says, with the count the current search would have with it; and,
   * on the phone's button that unfolds the filters, what they keep. */
  const drawFilters = () => {
    /** ": 2024, Corrections", right after a filter's name or the filters' button. */
    const chosenText = (chosenLabels: string[]) => (chosenLabels.length ? `: ${chosenLabels.join(', ')}` : '');
    const allChosen: string[] = [];
    for (const group of groups) {
      const key = group.dataset.filter as FilterKey;
      const chosen = state.filters[key] ?? [];
      const chosenLabels = chosen.map((value) => filterLabel(labels, key, value));
      allChosen.push(...chosenLabels);
      const chosenLabel = group.querySelector<HTMLElement>('[data-filter-chosen]');
      if (chosenLabel) chosenLabel.textContent = chosenText(chosenLabels);
      const options = group.querySelector<HTMLElement>('[data-filter-options]');
      if (!options || !group.open) continue;
      if (!allValues) {
        if (!options.childElementCount) options.append(element('p', 'search-filter__loading', 'Loading…'));
        continue;
      }
      const values = orderFilterValues(labels, key, [...new Set([...Object.keys(allValues[key] ?? {}), ...chosen])]);
      const boxes = () => [...options.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      // The same values are updated where they are, so a checkbox the reader just used keeps the focus.
      const shownValues = boxes().map((box) => box.value);
      if (shownValues.length !== values.length || shownValues.some((value, i) => value !== values[i])) {
        options.replaceChildren(
          ...values.map((value) => {
            const label = element('label', 'search-filter__option');
            const box = element('input', '');
            box.type = 'checkbox';
            box.name = key;
            box.value = value;
            label.append(box, element('span', '', filterLabel(labels, key, value)), ' ', element('span', 'search-filter__count'));
            return label;
          }),
        );
      }
      for (const box of boxes()) {
        box.checked = chosen.includes(box.value);
        const count = box.parentElement?.querySelector('.search-filter__count');
        if (count) count.textContent = String(counts[key]?.[box.value] ?? 0);
      }
    }
    if (filtersChosen) filtersChosen.textContent = chosenText(allChosen);
  };

  /**
   * What the given results show, in their order, each as soon as its data and that of every result before it are
   * in, so the first can be shown without waiting for the last (Pagefind fetches a result's data and builds its
   * excerpts one result after another: 10 to 15 ms each on a 1,000-article index). Ends early when a newer search
   * starts. Callers only ever add a result below those shown, so nothing a reader sees moves; the results column is
   * as tall as the window (search.css), so the page below it does not move either.
   */
  async function* inOrder(asked: number, next: PagefindResult[]): AsyncGenerator<ShownResult> {
    const fragments = next.map((result) => result.data());
    // Every fragment has a handler from here on, so one that fails while an earlier one is awaited is not reported
    // as unhandled; the loop below still meets its error.
    Promise.all(fragments).catch(() => {});
    for (const fragment of fragments) {
      const data = await fragment;
      if (asked !== latest) return;
      yield shownResult(data, state.term, state.filters);
    }
  }

  /** The next results, below those shown; the focus goes to the first of them as soon as it is in. Once at a time:
   * a second press while they come in adds nothing. */
  let addingMore = false;
  const showMore = async () => {
    if (addingMore) return;
    addingMore = true;
    try {
      const asked = latest;
      let first = true;
      for await (const result of inOrder(asked, results.slice(shown, shown + RESULTS_PER_PAGE))) {
        const item = resultElement(result);
        list.append(item);
        shown += 1;
        if (first) item.querySelector<HTMLAnchorElement>('h3 a')?.focus();
        first = false;
      }
      if (asked === latest) more.hidden = shown >= results.length;
    } finally {
      addingMore = false;
    }
  };

  /** Runs the search the state describes and shows its first results; the count goes to the live region. */
  const search = async () => {
    const asked = ++latest;
    const { term, filters } = state;
    // The title names the search: a tab, a bookmark and each history entry then say what it was.
    document.title = searchTitle(state, labels, pageTitle);
    clear.hidden = Object.keys(filters).length === 0;
    if (!term && Object.keys(filters).length === 0) {
      results = [];
      shown = 0;
      counts = allValues ?? {};
      list.replaceChildren();
      summary.textContent = '';
      more.hidden = true;
      if (empty) empty.hidden = true;
      drawFilters();
      return;
    }
    engine ??= await loadSearchEngine();
    const response = await runSearch(engine, term, filters, PAGEFIND_SORT[state.sort]);
    if (asked !== latest) return;
    results = response.results;
    counts = response.filters;
    more.hidden = true;
    const suggestion = await suggestionFor(engine, term, spellingVocabulary, filters, PAGEFIND_SORT[state.sort]);
    if (asked !== latest) return;
    // The results of the search before stay until the first of these is in; then they go, and the count is
    // announced, once.
    let counted = false;
    const showCount = () => {
      counted = true;
      list.replaceChildren();
      shown = 0;
      showSummary(searchSummary(results.length, term), suggestion);
      if (empty) empty.hidden = results.length > 0;
      if (emptyFilters) emptyFilters.hidden = Object.keys(filters).length === 0;
      drawFilters();
    };
    for await (const result of inOrder(asked, results.slice(0, RESULTS_PER_PAGE))) {
      if (!counted) showCount();
      list.append(resultElement(result));
      shown += 1;
    }
    if (asked !== latest) return;
    if (!counted) showCount();
    more.hidden = shown >= results.length;
  };

  /** The count, announced, and after it a link to the suggested search ("No results for “taobo”. Did you mean
   * Taobao?"), the corrected words in bold. */
  const showSummary = (text: string, suggestion: SuggestedWord[] | undefined) => {
    summary.textContent = text;
    if (!suggestion) return;
    const link = element('a', '');
    link.href = `${location.pathname}${searchQuery({ ...state, term: suggestionText(suggestion) })}`;
    link.dataset.searchSuggestion = suggestionText(suggestion);
    link.append(...suggestedWordNodes(suggestion));
    summary.append('. Did you mean ', link, '?');
  };

  /** Fetches every filter's values (Pagefind's filters()), then searches again for the counts. Once. */
  let loadingFilters: Promise<void> | undefined;
  const loadFilters = () => {
    loadingFilters ??= (async () => {
      engine ??= await loadSearchEngine();
      allValues = await engine.filters();
      drawFilters();
      // The same search again, for its counts by filter value; the results shown stay as they are.
      const asked = latest;
      const response = await runSearch(engine, state.term, state.filters, PAGEFIND_SORT[state.sort]);
      if (asked !== latest) return;
      // With nothing asked, every value counts all the pages that have it.
      counts = state.term || Object.keys(state.filters).length ? response.filters : allValues;
      drawFilters();
    })().catch(() => {
      loadingFilters = undefined;
    });
    return loadingFilters;
  };

  /** Changes the search and writes it to the address: a new history entry for a new refinement (or when asked). */
  const change = (next: SearchState, newEntry = refinementChanged(state, next)) => {
    state = next;
    const query = searchQuery(state);
    if (query !== searchQuery(readSearchState(location.search))) {
      const url = `${location.pathname}${query}${location.hash}`;
      if (newEntry) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    drawFilters();
    return search();
  };

  const fail = () => {
    app.hidden = true;
    page.querySelector<HTMLElement>('[data-search-error]')?.removeAttribute('hidden');
  };
  const run = (work: Promise<unknown>) => void work.catch(fail);

  const applyState = () => {
    field.value = state.term;
    sort.value = state.sort;
    drawFilters();
  };

  // On a wide screen, a filter the address names starts unfolded, so the reader sees it is on.
  const wide = window.matchMedia('(min-width: 48rem)').matches;
  for (const group of groups) if (wide && state.filters[group.dataset.filter as FilterKey]?.length) group.open = true;
  applyState();
  run(
    search().then(() => {
      if (groups.some((group) => group.open)) return loadFilters();
    }),
  );

  filtersToggle?.addEventListener('click', () => {
    filtersToggle.setAttribute('aria-expanded', String(filtersToggle.getAttribute('aria-expanded') !== 'true'));
  });

  for (const group of groups) {
    group.addEventListener('toggle', () => {
      if (!group.open) return;
      drawFilters();
      run(loadFilters());
    });
    group.addEventListener('change', (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement)) return;
      const key = group.dataset.filter as FilterKey;
      const values = new Set(state.filters[key] ?? []);
      if (box.checked) values.add(box.value);
      else values.delete(box.value);
      const filters: Filters = { ...state.filters, [key]: [...values] };
      if (!values.size) delete filters[key];
      run(change({ ...state, filters }));
    });
  }

  // Pagefind starts loading when the reader comes to the field, so the first words typed are answered sooner.
  field.addEventListener('focus', () => run(loadSearchEngine()), { once: true });
  let typing: ReturnType<typeof setTimeout> | undefined;
  field.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => run(change({ ...state, term: field.value.trim() })), DEBOUNCE_MS);
  });
  field.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    run(change({ ...state, term: field.value.trim() }));
  });
  sort.addEventListener('change', () => run(change({ ...state, sort: currentSort(sort) })));
  clear.addEventListener('click', () => {
    run(change({ ...state, filters: {} }));
    field.focus();
  });
  more.addEventListener('click', () => run(showMore()));
  // The suggested words replace the reader's, in the field too, in a new history entry (Back returns to the words
  // typed), as following a link would; a click that opens a new tab or window is the browser's.
  summary.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-suggestion]');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    field.value = link.dataset.searchSuggestion ?? '';
    field.focus();
    run(change({ ...state, term: field.value }, true));
  });
  window.addEventListener('popstate', () => {
    state = readSearchState(location.search);
    applyState();
    run(search());
  });

  // From the field, the down arrow goes to the first result's title; the arrows then walk the titles, and up
  // from the first goes back to the field.
  app.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const titles = [...list.querySelectorAll<HTMLAnchorElement>('h3 a')];
    const from = event.target === field ? -1 : titles.indexOf(event.target as HTMLAnchorElement);
    if (from === -1 && event.target !== field) return;
    const to = from + (event.key === 'ArrowDown' ? 1 : -1);
    if (to < -1 || to >= titles.length || (event.target === field && to < 0)) return;
    event.preventDefault();
    (to === -1 ? field : titles[to]!).focus();
  });
}

if (page && app) {
  const controls = controlsOf(app);
  if (controls) start(page, app, controls);
}
