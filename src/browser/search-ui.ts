// The banner's search box, once a reader focuses it: the plain field becomes a combobox listing the best results
// as they type (Pagefind's JS API, src/browser/search-engine.ts), each pointing to the page, or to the note or
// event on it that matches the search best ("cost per mille" opens the note that says it). The arrow keys walk
// the list, Enter opens the chosen result, or the results page when none is chosen, Escape closes the list.
// A search that finds nothing offers a misspelt name corrected, as the results page does ("No results for “taobo”"
// and "Did you mean Taobao?", an option that searches for it here).
// This module is fetched on first focus (search-box.ts, then search-start.ts), so none of it weighs on a page that is only read.
import { KIND_LABELS } from '../lib/annotations/kinds.ts';
import { searchQuery, searchSummary } from '../lib/search/search-url.ts';
import { suggestionText, type SuggestedWord } from '../lib/search/spelling.ts';
import { anchoredUrl, bestPart } from '../lib/search/sub-results.ts';
import { loadSearchEngine, runSearch, shownResult, type PagefindEngine } from './search-engine.ts';
import { spellingWords, suggestedWordNodes, suggestionFor } from './search-suggestion.ts';

/** Results the list shows. */
const LISTED = 6;
/** Quiet time after a keystroke before searching. */
const DEBOUNCE_MS = 150;

/** One option of the list, as the reader sees it: what it is, its title, where it is, and the matching words. */
interface Option {
  url: string;
  kind: string;
  title: string;
  context?: string;
  excerpt: string;
}

/** The options listed for a search, and how many results it found in all. */
async function optionsFor(engine: PagefindEngine, term: string): Promise<{ options: Option[]; total: number }> {
  const { results } = await runSearch(engine, term);
  const fragments = await Promise.all(results.slice(0, LISTED).map((result) => result.data()));
  const options = fragments.map((fragment): Option => {
    const page = shownResult(fragment, term, {}, Infinity);
    const best = bestPart(fragment, term);
    // Found with none of its own words: what it was found by says why it is listed, more than its first words.
    const foundBy = page.foundBy.map((found) => `${found.label} ${found.html}`).join(' · ');
    const excerpt = (fragment.locations.length ? '' : foundBy) || page.excerpt || page.parts[0]?.excerpt || '';
    if (!best) return { url: page.url, kind: page.typeLabel, title: page.title, excerpt };
    const part = page.parts.find((p) => p.url.endsWith(`#${best.id}`));
    return {
      url: anchoredUrl(page.url, best.id),
      kind: best.kind === 'event' ? 'Event' : `Note${best.noteKind ? ` · ${KIND_LABELS[best.noteKind]}` : ''}`,
      title: best.title,
      context: page.title,
      excerpt: part?.excerpt ?? '',
    };
  });
  return { options, total: results.length };
}

function optionElement(option: Option, id: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'search-option';
  link.id = id;
  link.href = option.url;
  link.setAttribute('role', 'option');
  link.setAttribute('aria-selected', 'false');
  link.setAttribute('aria-labelledby', `${id}-title ${id}-kind`);
  link.setAttribute('aria-describedby', option.context ? `${id}-context ${id}-excerpt` : `${id}-excerpt`);
  link.tabIndex = -1;
  const kind = document.createElement('span');
  kind.className = 'search-result__kind';
  kind.id = `${id}-kind`;
  kind.textContent = option.kind;
  const title = document.createElement('span');
  title.className = 'search-option__title';
  title.id = `${id}-title`;
  title.textContent = option.title;
  const excerpt = document.createElement('span');
  excerpt.className = 'search-option__excerpt';
  excerpt.id = `${id}-excerpt`;
  // Pagefind's excerpt: the page's text, escaped by Pagefind, with <mark> around the matches.
  excerpt.innerHTML = option.excerpt;
  link.append(kind, title);
  if (option.context) {
    const context = document.createElement('span');
    context.className = 'search-option__context';
    context.id = `${id}-context`;
    context.textContent = `in ${option.context}`;
    link.append(context);
  }
  link.append(excerpt);
  return link;
}

/** The option that offers a correction: "Did you mean Taobao?", the corrected words in bold. Its address is the
 * results page for them (a new tab, or no script); chosen in the list, it searches for them there. */
function suggestionElement(suggestion: readonly SuggestedWord[], id: string, resultsPage: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'search-option search-option--suggestion';
  link.id = id;
  link.href = `${resultsPage}${searchQuery({ term: suggestionText(suggestion), filters: {}, sort: 'relevance' })}`;
  link.dataset.searchSuggestion = suggestionText(suggestion);
  link.setAttribute('role', 'option');
  link.setAttribute('aria-selected', 'false');
  link.tabIndex = -1;
  link.append('Did you mean ', ...suggestedWordNodes(suggestion), '?');
  return link;
}

/** Resolves once the reader is not in the middle of composing a character with an input method (拼音 → 淘宝). */
function compositionEnded(field: HTMLInputElement, composing: () => boolean): Promise<void> {
  return composing() ? new Promise((resolve) => field.addEventListener('compositionend', () => resolve(), { once: true })) : Promise.resolve();
}

/**
 * Makes the banner's field a combobox with a list of results. The field, its label and its form stay as they
 * are, so the form's Search button still opens the full results page.
 */
export async function upgradeSearchBox(form: HTMLFormElement, field: HTMLInputElement, composing: () => boolean): Promise<void> {
  const engine = await loadSearchEngine();
  const list = document.createElement('div');
  list.id = `${field.id}-results`;
  list.className = 'site-search__list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  list.hidden = true;
  // What each search found, said to a screen reader as the list changes ("23 results for “lazada”, 6 listed"; "No
  // results for “taobo”. Did you mean Taobao?"), as the results page says it in its own live region.
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.append(list, status);
  field.setAttribute('role', 'combobox');
  field.setAttribute('aria-autocomplete', 'list');
  field.setAttribute('aria-controls', list.id);
  field.setAttribute('aria-expanded', 'false');

  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  const select = (option: HTMLAnchorElement | undefined) => {
    for (const other of options()) other.setAttribute('aria-selected', String(other === option));
    if (option) {
      field.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else field.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    list.hidden = true;
    field.setAttribute('aria-expanded', 'false');
    select(undefined);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Lists the results for the words in the field now. */
  const show = async () => {
    const term = field.value.trim();
    if (!term) {
      status.textContent = '';
      return close();
    }
    const { options: found, total } = await optionsFor(engine, term);
    list.replaceChildren(...found.map((option, i) => optionElement(option, `${list.id}-${i}`)));
    if (found.length === 0) {
      const none = document.createElement('p');
      none.className = 'site-search__none';
      none.textContent = searchSummary(0, term);
      list.append(none);
    }
    list.hidden = false;
    field.setAttribute('aria-expanded', 'true');
    select(options()[0]);
    if (found.length > 0) {
      status.textContent = searchSummary(total, term, found.length);
      return;
    }
    // Offered under "No results", not chosen: Enter still opens the results page for the words typed. Announced
    // once, with the suggestion when there is one.
    const suggestion = await suggestionFor(engine, term, await spellingWords()).catch(() => undefined);
    if (field.value.trim() !== term) return;
    if (suggestion) list.append(suggestionElement(suggestion, `${list.id}-suggestion`, form.action));
    status.textContent = suggestion ? `${searchSummary(0, term)}. Did you mean ${suggestionText(suggestion)}?` : searchSummary(0, term);
  };
  /** The suggested words replace the reader's in the field, and the list shows what they find. */
  const accept = (option: HTMLAnchorElement) => {
    field.value = option.dataset.searchSuggestion ?? field.value;
    field.focus();
    void search();
  };
  // One search at a time, then one more for the words typed meanwhile: the list always ends on the field's words,
  // however slowly a search returns (a slow machine, the index still loading), and Pagefind never answers two at once.
  let running = false;
  let again = false;
  const search = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        try {
          await show();
        } catch {
          // A search that failed (an index file that did not load) leaves the list as it was; the next keystroke tries again.
        }
      } while (again);
    } finally {
      running = false;
    }
  };

  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void compositionEnded(field, composing).then(search), DEBOUNCE_MS);
  });
  field.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const all = options();
    const at = all.findIndex((option) => option.getAttribute('aria-selected') === 'true');
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden || all.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      select(all[(at + step + all.length) % all.length]);
    } else if (event.key === 'Enter' && !list.hidden && at >= 0) {
      event.preventDefault();
      if ('searchSuggestion' in all[at]!.dataset) accept(all[at]!);
      else location.assign(all[at]!.href);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  // A plain click on the suggestion searches for it here; a click that opens a new tab or window is the browser's.
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-suggestion]');
    if (!option || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    accept(option);
  });
  // The list closes when the focus leaves the form (a click on an option follows its link first).
  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) close();
  });
  field.addEventListener('focus', () => {
    if (field.value.trim() && list.childElementCount) {
      list.hidden = false;
      field.setAttribute('aria-expanded', 'true');
    }
  });
  form.dataset.upgraded = '';
  if (field.value.trim()) void search();
}
