// When each note of an article was written and last changed, from the committed versions of its file (newest
// first): a note is created by the oldest commit of the unbroken run of versions, back from the newest, that hold
// its id, and modified by the newest commit in that run that changed what the note says (its passage, kind, text
// or sources; re-tagging its topics changes nothing a reusing tool sees). Edits not yet committed have no date.

/** What of a note counts as a change to it, as one string. */
export function noteFingerprint(note: Record<string, unknown>): string {
  const { quote, prefix, suffix, kind, body, sources } = note;
  return JSON.stringify([quote, prefix, suffix, kind, body, sources]);
}

export interface NoteDates {
  created: Date;
  /** Undefined when the note has not changed since it was created. */
  modified: Date | undefined;
}

/** One committed version of an article: its commit's date and its notes' fingerprints by id. */
export interface NotesVersion {
  date: Date;
  notes: ReadonlyMap<string, string>;
}

/** Each note's dates, by id, for the notes of the newest version (`versions` newest first). */
export function noteDates(versions: readonly NotesVersion[]): Map<string, NoteDates> {
  const dates = new Map<string, NoteDates>();
  const [newest] = versions;
  if (!newest) return dates;
  for (const id of newest.notes.keys()) {
    let created = newest.date;
    let modified: Date | undefined;
    for (let i = 0; i + 1 < versions.length; i++) {
      const older = versions[i + 1]!.notes.get(id);
      if (older === undefined) break;
      if (older !== versions[i]!.notes.get(id)) modified ??= versions[i]!.date;
      created = versions[i + 1]!.date;
    }
    dates.set(id, { created, modified });
  }
  return dates;
}
