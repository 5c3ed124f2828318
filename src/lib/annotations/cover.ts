// Notes may overlap or share a passage. To mark them in HTML, each stretch of text is cut wherever a note's
// passage begins or ends, and each piece knows which notes cover it (outermost, i.e. earliest-starting,
// first), so it can be wrapped in one nested <mark> per note.

export interface AnchoredRange {
  id: string;
  start: number;
  end: number;
}

export interface Piece {
  start: number;
  end: number;
  /** Ids of the ranges covering the whole piece, earliest start first (longest first on ties). */
  ids: string[];
}

/** Cuts [from, to) into pieces at every range boundary inside it; pieces covered by no range have no ids. */
export function coverPieces(from: number, to: number, ranges: readonly AnchoredRange[]): Piece[] {
  const inside = ranges.filter((r) => r.start < to && r.end > from);
  const cuts = new Set([from, to]);
  for (const r of inside) {
    if (r.start > from) cuts.add(r.start);
    if (r.end < to) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const ordered = [...inside].sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    pieces.push({ start, end, ids: ordered.filter((r) => r.start <= start && r.end >= end).map((r) => r.id) });
  }
  return pieces;
}
