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
const passageOf = (id: string) => document.getElementById(`passage-${id}`) ?? markerOf(id);
const markers = () => [...document.querySelectorAll<HTMLAnchorElement>('a.note-marker')];
/** A number links to its note (#note-<id>); the note's id is read from the link rather than repeated in the HTML. */
const noteIdOf = (marker: HTMLAnchorElement) => decodeURIComponent(marker.hash.slice('#note-'.length));
const topOf = (element: Element | null | undefined) => element?.getBoundingClientRect().top;

/** The "Show all" / "Show less" button of a note, made the first time the note is clamped. */
function moreButton(note: HTMLElement): HTMLButtonElement {
  let button = note.querySelector<HTMLButtonElement>('.note-more');
  if (!button) {
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'note-more';
    button.setAttribute('aria-controls', note.id);
    note.append(button);
  }
  return button;
}

function syncButton(note: HTMLElement): void {
  const clamped = note.classList.contains('is-clamped');
  const expanded = note.classList.contains('is-expanded');
  const button = note.querySelector<HTMLButtonElement>('.note-more') ?? (clamped ? moreButton(note) : undefined);
  if (!button) return;
  button.hidden = !wide.matches || !(clamped || expanded);
  button.textContent = clamped ? 'Show all' : 'Show less';
  button.setAttribute('aria-expanded', String(!clamped));
}

function placeNotes(): void {
  const notes = [...document.querySelectorAll<HTMLElement>('.sidenote')];
  for (const note of notes) {
    note.style.removeProperty('--y');
    note.classList.remove('is-clamped');
    note.querySelector('.note-from')?.remove();
  }
  let previousBottom = -Infinity;
  notes.forEach((note, i) => {
    if (wide.matches) {
      const passage = passageOf(note.dataset.note ?? '');
      const natural = note.getBoundingClientRect().top;
      const line = topOf(passage) ?? natural;
      const top = Math.max(line, previousBottom + GAP);
      note.style.setProperty('--y', `${top - natural}px`);
      // The next note's line, or the end of the text for the last one: a long note that would reach past it
      // is clamped, unless the reader asked to see it all or clamping would hide only a line or two.
      const next = notes[i + 1];
      const room = (next ? topOf(passageOf(next.dataset.note ?? '')) : undefined) ?? note.closest('.article-body')?.lastElementChild?.getBoundingClientRect().bottom ?? Infinity;
      const full = note.offsetHeight;
      if (!note.classList.contains('is-expanded') && top + full + GAP > room) {
        note.classList.add('is-clamped');
        if (full - note.offsetHeight < 2 * 21) note.classList.remove('is-clamped');
      }
      const paragraph = passage?.closest('[id^="p-"]');
      if (top - line > DRIFT && paragraph) {
        const cue = document.createElement('span');
        cue.className = 'note-from';
        cue.ariaHidden = 'true';
        cue.textContent = `↑ from paragraph ${paragraph.id.slice(2)}`;
        note.querySelector('.note-head')?.append(cue);
      }
      previousBottom = note.getBoundingClientRect().bottom;
    }
    syncButton(note);
  });
}

function setOpen(id: string, open: boolean): void {
  noteOf(id)?.classList.toggle('is-open', open);
  for (const marker of markers()) if (noteIdOf(marker) === id && !wide.matches) marker.setAttribute('aria-expanded', String(open));
}

function setActive(id: string, active: boolean): void {
  const selector = `[data-annotation="${CSS.escape(id)}"], #note-${CSS.escape(id)}, #endnote-${CSS.escape(id)}`;
  for (const element of document.querySelectorAll(selector)) element.classList.toggle('is-active', active);
}

/** Links on wide screens (the note is already visible), toggle buttons on narrow ones. */
function setMarkerRoles(): void {
  for (const marker of markers()) {
    const id = noteIdOf(marker);
    if (wide.matches) {
      marker.removeAttribute('role');
      marker.removeAttribute('aria-expanded');
      marker.removeAttribute('aria-controls');
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

/** "Show all" shows a clamped note whole, and the notes after it make room; "Show less" clamps it again. */
function setExpanded(note: HTMLElement, expanded: boolean): void {
  note.classList.toggle('is-expanded', expanded);
  placeNotes();
}

function idFrom(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  const marker = target.closest<HTMLAnchorElement>('a.note-marker');
  if (marker) return noteIdOf(marker);
  const carrier = target.closest<HTMLElement>('[data-annotation], [data-note]');
  return carrier?.dataset.annotation ?? carrier?.dataset.note;
}

if (document.querySelector('.sidenote')) {
  document.documentElement.classList.add('has-margin-notes');
  setMarkerRoles();
  placeNotes();

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const more = target?.closest<HTMLElement>('.note-more')?.closest<HTMLElement>('.sidenote');
    if (more) setExpanded(more, !more.classList.contains('is-expanded'));
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
  // Keyboard focus never lands on a line a clamped note hides: the note opens whole first.
  document.addEventListener('focusin', (event) => {
    const note = event.target instanceof Element && !event.target.matches('.note-more') ? event.target.closest<HTMLElement>('.is-clamped') : null;
    if (note) setExpanded(note, true);
  });
  for (const [on, off] of [['mouseover', 'mouseout'], ['focusin', 'focusout']] as const) {
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
