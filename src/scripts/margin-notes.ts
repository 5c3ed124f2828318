// Margin notes, enhanced. The server-rendered page already works without this: notes sit in the margin on
// wide screens and open by link (:target) on narrow ones. This script adds what needs JavaScript:
// - wide screens: each note is lowered to the line of its passage, never above the previous note's end;
// - narrow screens: the number becomes a toggle button that opens the note under its paragraph;
// - hovering or focusing a passage, its number or its note highlights all three;
// - arriving at #note-<id> scrolls to the passage and opens the note.

const wide = window.matchMedia('(min-width: 64rem)');
const GAP = 12;

const noteOf = (id: string) => document.getElementById(`note-${id}`);
const markerOf = (id: string) => document.getElementById(`marker-${id}`);
const passageOf = (id: string) => document.getElementById(`passage-${id}`) ?? markerOf(id);
const markers = () => [...document.querySelectorAll<HTMLAnchorElement>('a.note-marker')];
/** A number links to its note (#note-<id>); the note's id is read from the link rather than repeated in the HTML. */
const noteIdOf = (marker: HTMLAnchorElement) => decodeURIComponent(marker.hash.slice('#note-'.length));

function placeNotes(): void {
  for (const column of document.querySelectorAll<HTMLElement>('.sidenotes')) {
    const notes = [...column.querySelectorAll<HTMLElement>(':scope > .sidenote')];
    for (const note of notes) note.style.marginTop = '';
    if (!wide.matches) continue;
    let previousBottom = column.getBoundingClientRect().top - GAP;
    for (const note of notes) {
      const passage = passageOf(note.dataset.note ?? '');
      const wanted = passage ? passage.getBoundingClientRect().top : previousBottom + GAP;
      note.style.marginTop = `${Math.max(0, wanted - (previousBottom + GAP))}px`;
      previousBottom = note.getBoundingClientRect().bottom;
    }
  }
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
    const marker = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.note-marker') : null;
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
