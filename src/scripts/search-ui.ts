// Pagefind's Component UI, loaded on demand: its script and stylesheet come from the bundle the build writes to
// <base>/pagefind/, and only when a reader starts a search (focus in the header box, or the search page), so
// other pages never download them. Also the options and result templates every search box shares, and the
// header box's switch from a plain field to Pagefind's searchbox. This module itself is fetched on first focus
// (see search-box.ts), so none of it weighs on a page that is only read.
import { BUNDLE_PATH, HIGHLIGHT_PARAM } from './search-paths.ts';

const base = import.meta.env.BASE_URL;

/**
 * Ranking. A title, a page's topics and a topic's aliases count most; the heading of a note or an event counts
 * like its text, so a page comes before its parts (the Lazada article before the notes about Lazada). Labels
 * many records share (type, kind, the article a note belongs to) never lift a result. Field names: see
 * recordFacets() in src/lib/search/facets.ts.
 */
export const RANKING = {
  metaWeights: { title: 5, topics: 5, aliases: 5, heading: 1, outlet: 1, context: 0, type: 0, kind: 0, date: 0 },
};

/** Options for Pagefind's configureInstance(); result URLs are site paths, so the base is added here. */
export const INSTANCE_OPTIONS = {
  bundlePath: BUNDLE_PATH,
  baseUrl: base,
  highlightParam: HIGHLIGHT_PARAM,
  excerptLength: 24,
  ranking: RANKING,
};

/** The parts of Pagefind's Component UI we use (its bundle ships no types for a script-tag install). */
export interface PagefindInstance {
  /** Whether a search without words lists everything (set by <pagefind-config faceted>). */
  faceted: boolean;
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  /** Pagefind's sort option for the next searches, e.g. { date: 'desc' }; {} ranks by relevance. */
  searchSort: Record<string, string>;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results' | 'loading' | 'error', callback: (payload: unknown) => void): void;
  triggerLoad(): Promise<void>;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  triggerFilters(filters: Record<string, string[]>): void;
  /** Reads a message to screen readers: one of Pagefind's texts by key, with its [COUNT] and [SEARCH_TERM]. */
  announce(key: string, replacements?: Record<string, string | number>, priority?: string): void;
}

/** Pagefind's search engine as an instance holds it (pagefind.js's createInstance), as far as used here. */
interface PagefindEngine {
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface PagefindComponents {
  configureInstance(name: string, options: typeof INSTANCE_OPTIONS): PagefindInstance;
}

declare global {
  interface Window {
    PagefindComponents?: PagefindComponents;
  }
}

let loading: Promise<PagefindComponents> | undefined;

/** Resolves when an element that loads something (a script, a stylesheet) has loaded it; rejects if it fails. */
function loaded(element: HTMLScriptElement | HTMLLinkElement): Promise<void> {
  return new Promise((resolve, reject) => {
    element.onload = () => resolve();
    element.onerror = () => reject(new Error(`${element instanceof HTMLLinkElement ? element.href : element.src} could not be loaded`));
  });
}

/** Loads the Component UI once per page, its script and its stylesheet (so its elements are never drawn
 * unstyled, then restyled); rejects (and allows a retry) when the bundle is missing. */
export function loadSearchUI(): Promise<PagefindComponents> {
  loading ??= (async () => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${BUNDLE_PATH}pagefind-component-ui.css`;
    const script = document.createElement('script');
    script.src = `${BUNDLE_PATH}pagefind-component-ui.js`;
    const ready = Promise.all([loaded(style), loaded(script)]);
    // Before the site's own stylesheets, so the site's colours and fonts override Pagefind's defaults.
    document.head.insertBefore(style, document.head.querySelector('link[rel="stylesheet"], style'));
    document.head.append(script);
    try {
      await ready;
    } catch {
      style.remove();
      script.remove();
      loading = undefined;
      throw new Error(`The search index is missing at ${BUNDLE_PATH}; it is written by npm run build.`);
    }
    if (!window.PagefindComponents) throw new Error('Pagefind UI did not start');
    return window.PagefindComponents;
  })();
  return loading;
}

/** A `<script type="text/pagefind-template">` for a Pagefind element (templates are read when it connects). */
export function templateScript(source: string, kind?: 'placeholder'): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/pagefind-template';
  if (kind) script.dataset.template = kind;
  script.textContent = source;
  return script;
}

// Pagefind's own templates, with what a result is (article, note, topic, event), the note's kind, the
// article it belongs to, the outlet and the date added: its default shows only a title and an excerpt.
const titleOf = '{{ meta.title | default(meta.heading) | default(url) }}';
const kindLine = '{{ meta.type }}{{#if meta.kind}} · {{ meta.kind }}{{/if}}';
const detailLine =
  '{{#if meta.context}}<span>{{ meta.context }}</span>{{/if}}{{#if meta.outlet}}<span>{{ meta.outlet }}</span>{{/if}}{{#if meta.date}}<span><time datetime="{{ meta.date }}">{{ meta.date }}</time></span>{{/if}}';

/** One result on the search page: its title is a heading, so a screen reader can jump from result to result. */
export const PAGE_RESULT_TEMPLATE = `<li class="pf-result search-result">
  <p class="search-result__kind">${kindLine}</p>
  <h3 class="pf-result-title search-result__title"><a class="pf-result-link" href="{{ meta.url | default(url) | safeUrl }}">${titleOf}</a></h3>
  <p class="search-result__details">${detailLine}</p>
  {{#if excerpt}}<p class="pf-result-excerpt">{{+ excerpt +}}</p>{{/if}}
</li>`;

/** Shown while a result loads: the same lines as a result, at the same heights (search.css), so a result takes
 * its placeholder's place without moving the ones below. */
export const PAGE_PLACEHOLDER_TEMPLATE = `<li class="pf-result search-result" aria-hidden="true">
  <p class="search-result__kind"><span class="pf-skeleton search-skeleton search-skeleton--short"></span></p>
  <p class="pf-result-title search-result__title"><span class="pf-skeleton search-skeleton"></span></p>
  <p class="search-result__details"><span class="pf-skeleton search-skeleton search-skeleton--short"></span></p>
  <p class="pf-result-excerpt"><span class="pf-skeleton search-skeleton search-skeleton--excerpt"></span></p>
</li>`;

/** One option of the header box's list (Pagefind's combobox needs role="option" links with these ids). */
export const BOX_RESULT_TEMPLATE = `<a class="pf-searchbox-result search-option" id="{{ aria.result_id }}" href="{{ meta.url | default(url) | safeUrl }}" role="option" aria-selected="false" aria-labelledby="{{ aria.title_id }} {{ aria.title_id }}-kind" aria-describedby="{{ aria.excerpt_id }}">
  <span class="search-result__kind" id="{{ aria.title_id }}-kind">${kindLine}</span>
  <span class="pf-searchbox-result-title" id="{{ aria.title_id }}">${titleOf}</span>
  <span class="pf-searchbox-result-excerpt" id="{{ aria.excerpt_id }}">{{+ excerpt +}}</span>
</a>`;

const HEADER_INSTANCE = 'header';

/**
 * Starts an instance's search engine without the filters' data. Pagefind's instance loads every filter when it
 * starts, for a filter pane's counts, and from then on counts every search's results by filter value: the
 * header box shows no filters, and at 1,000 articles that is 200 kB more to fetch and about 0.4 s more for each
 * search. Pagefind has no option for it, so the engine the instance starts is caught as the instance stores it
 * (its __pagefind__, not a documented interface) and told it has no filters. Should a later Pagefind keep its
 * engine some other way, this is Pagefind's own start, filters and all.
 */
async function startWithoutFilters(instance: PagefindInstance): Promise<void> {
  let engine: PagefindEngine | null = null;
  if (Object.getOwnPropertyDescriptor(instance, '__pagefind__')?.value === null) {
    Object.defineProperty(instance, '__pagefind__', {
      configurable: true,
      enumerable: true,
      get: () => engine,
      set: (started: PagefindEngine | null) => {
        if (started) started.filters = async () => ({});
        engine = started;
      },
    });
  }
  await instance.triggerLoad();
  // The engine has started loading its index; wait for it, so that the first search does not race it.
  await (engine as PagefindEngine | null)?.init();
}

/** Resolves once the reader is not in the middle of composing a character with an input method (拼音 → 淘宝). */
function compositionEnded(field: HTMLInputElement, composing: () => boolean): Promise<void> {
  return composing() ? new Promise((resolve) => field.addEventListener('compositionend', () => resolve(), { once: true })) : Promise.resolve();
}

/**
 * Swaps the header's plain field for Pagefind's <pagefind-searchbox> (a combobox listing results as you type),
 * keeping what was typed, the caret, the label (same id) and the field's name, so the form's Search button still
 * opens the full results page.
 */
export async function upgradeSearchBox(form: HTMLFormElement, field: HTMLInputElement, composing: () => boolean): Promise<void> {
  const components = await loadSearchUI();
  const instance = components.configureInstance(HEADER_INSTANCE, INSTANCE_OPTIONS);
  // Start the search engine before the first search: searches issued while it loads can finish out of order,
  // and the list would then show the results for the first letters typed. Meanwhile the plain field takes the
  // reader's typing.
  await startWithoutFilters(instance);
  // Swapping the field during a composition would lose the characters being composed.
  await compositionEnded(field, composing);

  const box = document.createElement('pagefind-searchbox');
  box.setAttribute('instance', HEADER_INSTANCE);
  box.setAttribute('placeholder', field.placeholder);
  box.setAttribute('hide-shortcut', '');
  box.setAttribute('debounce', '200');
  box.className = 'site-search__box';
  box.append(templateScript(BOX_RESULT_TEMPLATE));

  const { value, selectionStart, selectionEnd, id } = field;
  const hadFocus = document.activeElement === field;
  field.replaceWith(box);
  const input = box.querySelector<HTMLInputElement>('input');
  if (!input) return;
  input.id = id;
  input.name = field.name;
  input.setAttribute('aria-keyshortcuts', field.getAttribute('aria-keyshortcuts') ?? '');
  input.setAttribute('enterkeyhint', 'search');
  input.value = value;
  if (hadFocus) {
    input.focus();
    input.setSelectionRange(selectionStart, selectionEnd);
  }
  if (value.trim()) input.dispatchEvent(new Event('input', { bubbles: true }));
  form.dataset.upgraded = '';
}
