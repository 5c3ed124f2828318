// Margin notes, enhanced. The server-rendered page already works without this: on wide screens notes float in
// the margin from the end of their block, without moving the text; on narrow ones they open by link (:target).
// This script adds what needs JavaScript:
// - wide screens: each note is moved to the line of its passage, never into the previous note; a long note that
//   would push the next one off its line shows its first lines and a "Show all" button, and a note that earlier
//   notes pushed down says which paragraph it belongs to;
// - narrow screens: the number becomes a toggle button that opens the note under its paragraph;
// - hovering or focusing a passage, its number or its note highlights all three;
// - arriving at #note-<id> scrolls to the passage and opens the note.

const wide = window.matchMedia('screen and (min-width: 64rem)');
/** The space between two notes: their margin-bottom in notes.css. */
const GAP = 12;
/** How far below its passage's line a note may start before it says where it comes from. */
const DRIFT = 40;

const noteOf = (id: string) => document.getElementById(`note-${id}`);
const markerOf = (id: string) => document.getElementById(`marker-${id}`);
const passageOf = (id = '') => document.getElementById(`passage-${id}`) ?? markerOf(id);
const markers = () => [...document.querySelectorAll<HTMLAnchorElement>('a.note-marker')];
/** A number links to its note (#note-<id>); the note's id is read from the link rather than repeated in the HTML. */
const noteIdOf = (marker: HTMLAnchorElement) => decodeURIComponent(marker.hash.slice('#note-'.length));
/** A note's id is read from its element's id, note-<id>, rather than repeated in the HTML. */
const idOfNote = (note: HTMLElement | undefined) => note?.id.slice('note-'.length);
const boxOf = (element: Element | null | undefined) => element?.getBoundingClientRect();

function placeNotes(): void {
  const notes = [...document.querySelectorAll<HTMLElement>('.sidenote')];
  let previousBottom = -Infinity;
  // Floats are placed in order and a note never moves the ones before it, so each is reset just before it is placed.
  notes.forEach((note, i) => {
    note.style.removeProperty('--y');
    note.style.removeProperty('max-height');
    note.style.removeProperty('--room');
    note.classList.remove('is-clamped');
    const head = note.firstElementChild as HTMLElement;
    delete head.dataset.from;
    if (!wide.matches) return;
    const passage = passageOf(idOfNote(note));
    const natural = note.getBoundingClientRect().top;
    const line = boxOf(passage)?.top ?? natural;
    // On its passage's line whenever the note before ends above that line (then at least 4 px below it), else
    // GAP below the note before.
    const top = Math.max(line, previousBottom + (previousBottom < line ? 4 : GAP));
    note.style.setProperty('--y', `${top - natural}px`);
    // Pushed down by the notes before it: the note's head says which paragraph it belongs to (drawn by notes.css).
    // Said before the note is measured, since the head may take another line.
    const paragraph = passage?.closest('[id^="p-"]');
    if (top - line > DRIFT && paragraph) head.dataset.from = paragraph.id.slice(2);
    // A long note that would push the next note off its line shows its first lines and "Show all", unless the
    // reader has asked for all of it or only a line or two would be hidden: as many lines as end above the next
    // note's line, at least 6 and at most 8 (notes.css), so that where notes crowd, each pushes the next down as
    // little as a readable start allows.
    const room = boxOf(passageOf(idOfNote(notes[i + 1])))?.top ?? Infinity;
    const full = note.offsetHeight;
    if (!('whole' in note.dataset) && top + full + GAP > room) {
      note.style.setProperty('--room', `${Math.max(0, Math.floor(room - GAP - top))}px`);
      note.classList.add('is-clamped');
      if (full - note.offsetHeight < 3 * GAP) note.classList.remove('is-clamped');
      else {
        clampAboveLink(note);
        // Its label is drawn by notes.css and named by aria-label, so the page's text stays exactly the published
        // text: a Web Annotation client (TextPositionSelector) or a reader's own annotation tool counts the same characters.
        if (!note.querySelector('.note-more')) note.insertAdjacentHTML('beforeend', '<button class="note-more" aria-label="Show all" hidden></button>');
      }
    }
    previousBottom = note.getBoundingClientRect().bottom;
  });
}

/** A clamped note ends above the first link its last line would cut, so that each of its links is shown whole or
 * hidden whole: a hidden link is then no target for a pointer, and no neighbour too close to the next note's number
 * (WCAG 2.5.8, which axe checks). */
function clampAboveLink(note: HTMLElement): void {
  const { top } = note.getBoundingClientRect();
  // Each cut moves the end up, which may cut a link on the line above: again until none is cut.
  for (let end = note.getBoundingClientRect().bottom, above = end; ; end = above) {
    for (const link of note.querySelectorAll('a')) {
      const box = link.getBoundingClientRect();
      if (box.top < end && box.bottom > end) above = Math.min(above, box.top);
    }
    if (above === end) return;
    note.style.setProperty('max-height', `${above - top}px`);
  }
}

/** "Show all", or keyboard focus inside a clamped note: the note is shown whole and the notes after it make room. */
function showWhole(note: HTMLElement): void {
  note.dataset.whole = '';
  placeNotes();
}

function setOpen(id: string, open: boolean): void {
  noteOf(id)?.classList.toggle('is-open', open);
  for (const marker of markers()) if (noteIdOf(marker) === id && !wide.matches) marker.setAttribute('aria-expanded', String(open));
}

function setActive(id: string, active: boolean): void {
  const escaped = CSS.escape(id);
  // The note's entry in the list at the end is the item holding the link to it.
  for (const element of document.querySelectorAll(`[data-annotation="${escaped}"], #note-${escaped}, .endnotes-list li:has(> a[href="#note-${escaped}"])`))
    element.classList.toggle('is-active', active);
}

/** Links on wide screens (the note is already visible), toggle buttons on narrow ones. */
function setMarkerRoles(): void {
  for (const marker of markers()) {
    const id = noteIdOf(marker);
    if (wide.matches) {
      for (const name of ['role', 'aria-expanded', 'aria-controls']) marker.removeAttribute(name);
    } else {
      marker.setAttribute('role', 'button');
      marker.setAttribute('aria-controls', `note-${id}`);
      marker.setAttribute('aria-expanded', String(noteOf(id)?.classList.contains('is-open') ?? false));
    }
  }
}

function activateMarker(marker: HTMLAnchorElement): void {
  const id = noteIdOf(marker);
  const note = noteOf(id);
  if (!note) return;
  if (wide.matches) {
    note.focus({ preventScroll: true });
  } else {
    setOpen(id, !note.classList.contains('is-open'));
  }
}

function openFromHash(): void {
  const id = decodeURIComponent(location.hash.slice(1)).replace(/^note-/, '');
  if (!location.hash.startsWith('#note-') || !noteOf(id)) return;
  setOpen(id, true);
  placeNotes();
  passageOf(id)?.scrollIntoView({ block: 'center' });
  noteOf(id)?.focus({ preventScroll: true });
  setActive(id, true);
}

function idFrom(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  const marker = target.closest<HTMLAnchorElement>('a.note-marker');
  if (marker) return noteIdOf(marker);
  const passage = target.closest<HTMLElement>('[data-annotation]');
  return passage ? passage.dataset.annotation : idOfNote(target.closest<HTMLElement>('.sidenote') ?? undefined);
}

if (document.querySelector('.sidenote')) {
  setMarkerRoles();
  placeNotes();

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const clamped = target?.matches('.note-more') ? target.closest<HTMLElement>('.sidenote') : null;
    if (clamped) {
      showWhole(clamped);
      clamped.focus();
    }
    const marker = target?.closest<HTMLAnchorElement>('a.note-marker');
    if (!marker) return;
    event.preventDefault();
    activateMarker(marker);
  });
  document.addEventListener('keydown', (event) => {
    const marker = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.note-marker') : null;
    if (marker && event.key === ' ') {
      event.preventDefault();
      activateMarker(marker);
    }
  });
  // Keyboard focus never lands on a line a clamped note hides.
  document.addEventListener('focusin', (event) => {
    const note =
      event.target instanceof Element && !event.target.matches('.note-more, .note-head > a') ? event.target.closest<HTMLElement>('.is-clamped') : null;
    if (note) showWhole(note);
  });
  for (const [on, off] of [
    ['mouseover', 'mouseout'],
    ['focusin', 'focusout'],
  ] as const) {
    document.addEventListener(on, (event) => {
      const id = idFrom(event.target);
      if (id) setActive(id, true);
    });
    document.addEventListener(off, (event) => {
      const id = idFrom(event.target);
      if (id) setActive(id, false);
    });
  }

  let pending = 0;
  const relayout = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(placeNotes);
  };
  window.addEventListener('resize', relayout);
  wide.addEventListener('change', () => {
    setMarkerRoles();
    relayout();
  });
  void document.fonts?.ready.then(relayout);
  window.addEventListener('hashchange', openFromHash);
  // After load, so the browser's own jump to the fragment does not undo ours.
  if (document.readyState === 'complete') openFromHash();
  else window.addEventListener('load', openFromHash, { once: true });
}
