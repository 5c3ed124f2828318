// A structural check of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), the MUSTs of
// the parts our data uses, written from the Recommendation: each function returns the problems found, as
// "path: what is wrong", so a test can show them all. It is deliberately independent of the code that writes the
// annotations (src/lib/open-data/), which would otherwise be checking itself.

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

// Our published JSON as the tests read it: the fields they use, typed; the checks below read the rest as unknown.

/** A selector, with the fields the tests read. */
export interface Selector {
  type: string;
  exact?: string;
  value?: string;
  refinedBy?: Selector;
  [field: string]: unknown;
}

/** An annotation as published: its target carries the page's address and the selectors. */
export interface Annotation {
  id: string;
  target: { source: string; selector: Selector[] };
  'dcterms:source'?: { id?: string }[];
  [field: string]: unknown;
}

/** A page of a collection. */
export interface AnnotationPage {
  id: string;
  partOf: string | { id: string };
  startIndex: number;
  prev?: string;
  next?: string;
  items: Annotation[];
}

/** A collection as published: an article's embeds its one page, the site-wide one links to its first page. */
export interface AnnotationCollection<First> {
  '@context': unknown;
  id: string;
  total: number;
  first?: First;
  last?: string;
}

/** The model's motivations (§3.3.5), also the values of a body's purpose. */
export const MODEL_MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

const SELECTOR_TYPES = [
  'FragmentSelector',
  'CssSelector',
  'XPathSelector',
  'TextQuoteSelector',
  'TextPositionSelector',
  'DataPositionSelector',
  'SvgSelector',
  'RangeSelector',
];
const AGENT_TYPES = ['Person', 'Organization', 'Software'];
const RESOURCE_CLASSES = ['Dataset', 'Image', 'Video', 'Sound', 'Text'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isIri = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
};
/** xsd:dateTime with the UTC time zone written as Z, as the model asks of created and modified. */
const isUtcDateTime = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value));
const isLanguageTag = (value: unknown) => typeof value === 'string' && /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/.test(value);
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

function hasType(value: Json, type: string): boolean {
  return asList(value.type).includes(type);
}

/** What every annotation, page and collection needs: its IRI, its type, and the context when it stands alone. */
function documentProblems(value: Json, type: string, standalone: boolean, at: string): string[] {
  const problems: string[] = [];
  const context = value['@context'];
  if (standalone && (typeof context === 'string' ? context !== ANNOTATION_CONTEXT : !(Array.isArray(context) && context.includes(ANNOTATION_CONTEXT)))) {
    problems.push(`${at}.@context: must be, or include, ${ANNOTATION_CONTEXT}`);
  }
  if (!isIri(value.id)) problems.push(`${at}.id: an IRI is required`);
  if (!hasType(value, type)) problems.push(`${at}.type: must include "${type}"`);
  return problems;
}

export function selectorProblems(selector: unknown, at: string): string[] {
  if (isIri(selector)) return [];
  if (!isObject(selector)) return [`${at}: a selector is an object`];
  const problems: string[] = [];
  const type = selector.type;
  if (typeof type !== 'string' || !SELECTOR_TYPES.includes(type))
    problems.push(`${at}.type: one of ${SELECTOR_TYPES.join(', ')}, found ${JSON.stringify(type)}`);
  const text = (key: string, required: boolean) => {
    if (selector[key] === undefined ? required : typeof selector[key] !== 'string')
      problems.push(`${at}.${key}: ${required ? 'a string is required' : 'must be a string'}`);
  };
  if (type === 'TextQuoteSelector') {
    text('exact', true);
    text('prefix', false);
    text('suffix', false);
    if (selector.exact === '') problems.push(`${at}.exact: must not be empty`);
  }
  if (type === 'TextPositionSelector' || type === 'DataPositionSelector') {
    if (!isCount(selector.start) || !isCount(selector.end)) problems.push(`${at}: start and end are non-negative integers`);
    else if ((selector.start as number) > (selector.end as number)) problems.push(`${at}: start is after end`);
  }
  if (type === 'FragmentSelector' || type === 'CssSelector' || type === 'XPathSelector') text('value', true);
  if (type === 'FragmentSelector' && selector.conformsTo !== undefined && !isIri(selector.conformsTo)) problems.push(`${at}.conformsTo: an IRI`);
  if (selector.refinedBy !== undefined) asList(selector.refinedBy).forEach((inner, i) => problems.push(...selectorProblems(inner, `${at}.refinedBy[${i}]`)));
  return problems;
}

function bodyProblems(body: unknown, at: string): string[] {
  if (isIri(body)) return [];
  if (!isObject(body)) return [`${at}: a body is an IRI or an object`];
  const problems: string[] = [];
  if (hasType(body, 'Choice')) {
    const items = asList(body.items);
    if (items.length === 0) problems.push(`${at}.items: a Choice has at least one item`);
    items.forEach((item, i) => problems.push(...bodyProblems(item, `${at}.items[${i}]`)));
    return problems;
  }
  if (hasType(body, 'TextualBody')) {
    if (typeof body.value !== 'string') problems.push(`${at}.value: a TextualBody has a string value`);
  } else if (body.id === undefined || !isIri(body.id)) {
    problems.push(`${at}.id: a body that is not a TextualBody or Choice is a resource with an IRI`);
  }
  if (body.format !== undefined && !(typeof body.format === 'string' && /^[\w.+-]+\/[\w.+-]+$/.test(body.format))) problems.push(`${at}.format: a media type`);
  if (body.language !== undefined && !asList(body.language).every(isLanguageTag)) problems.push(`${at}.language: a BCP 47 language tag`);
  if (body.purpose !== undefined && !asList(body.purpose).every((p) => MODEL_MOTIVATIONS.includes(String(p))))
    problems.push(`${at}.purpose: one of the model's motivations`);
  return problems;
}

function targetProblems(target: unknown, at: string): string[] {
  if (isIri(target)) return [];
  if (!isObject(target)) return [`${at}: a target is an IRI or an object`];
  const problems: string[] = [];
  if (!isIri(target.source)) problems.push(`${at}.source: a specific resource has the IRI of its source`);
  if (target.type !== undefined && !asList(target.type).every((t) => RESOURCE_CLASSES.includes(String(t)) || t === 'SpecificResource'))
    problems.push(`${at}.type: a resource class`);
  asList(target.selector).forEach((selector, i) => problems.push(...selectorProblems(selector, `${at}.selector[${i}]`)));
  return problems;
}

/** Problems of one annotation; `standalone` when it is a document of its own (then it carries the @context). */
export function annotationProblems(annotation: unknown, standalone: boolean, at = 'annotation'): string[] {
  if (!isObject(annotation)) return [`${at}: an annotation is an object`];
  const problems = documentProblems(annotation, 'Annotation', standalone, at);
  const targets = asList(annotation.target);
  if (targets.length === 0) problems.push(`${at}.target: at least one target is required`);
  targets.forEach((target, i) => problems.push(...targetProblems(target, `${at}.target[${i}]`)));
  asList(annotation.body).forEach((body, i) => problems.push(...bodyProblems(body, `${at}.body[${i}]`)));
  if (annotation.motivation !== undefined && !asList(annotation.motivation).every((m) => MODEL_MOTIVATIONS.includes(String(m))))
    problems.push(`${at}.motivation: one of the model's motivations`);
  for (const key of ['created', 'modified', 'generated']) {
    if (annotation[key] !== undefined && !isUtcDateTime(annotation[key])) problems.push(`${at}.${key}: an xsd:dateTime in UTC (…Z)`);
  }
  for (const agent of asList(annotation.creator)) {
    if (isIri(agent)) continue;
    if (!isObject(agent) || !asList(agent.type).every((t) => AGENT_TYPES.includes(String(t))))
      problems.push(`${at}.creator: an agent (Person, Organization or Software)`);
  }
  if (annotation.rights !== undefined && !asList(annotation.rights).every(isIri)) problems.push(`${at}.rights: the IRI of a licence`);
  return problems;
}

/** Problems of an AnnotationPage (its items included); `standalone` as above. */
export function pageProblems(page: unknown, standalone: boolean, at = 'page'): string[] {
  if (!isObject(page)) return [`${at}: a page is an object`];
  const problems = documentProblems(page, 'AnnotationPage', standalone, at);
  if (!Array.isArray(page.items)) problems.push(`${at}.items: an array of annotations is required`);
  if (page.startIndex !== undefined && !isCount(page.startIndex)) problems.push(`${at}.startIndex: a non-negative integer`);
  for (const link of ['next', 'prev']) if (page[link] !== undefined && !isIri(page[link])) problems.push(`${at}.${link}: the IRI of a page`);
  asList(page.items).forEach((item, i) => problems.push(...annotationProblems(item, false, `${at}.items[${i}]`)));
  return problems;
}

/** Problems of an AnnotationCollection (an embedded first page included). */
export function collectionProblems(collection: unknown, at = 'collection'): string[] {
  if (!isObject(collection)) return [`${at}: a collection is an object`];
  const problems = documentProblems(collection, 'AnnotationCollection', true, at);
  if (collection.total !== undefined && !isCount(collection.total)) problems.push(`${at}.total: a non-negative integer`);
  if (collection.total !== 0 && (collection.first === undefined || collection.last === undefined))
    problems.push(`${at}: a collection with annotations names its first and last page`);
  for (const key of ['first', 'last']) {
    const page = collection[key];
    if (page === undefined || isIri(page)) continue;
    problems.push(...pageProblems(page, false, `${at}.${key}`));
  }
  return problems;
}
