// Finds every alias of every topic in a text in one pass (Aho–Corasick), so finding mentions costs time in
// proportion to the text, not to the number of topics. Matching ignores case; a Latin alias must stand as a
// whole word ("Alibaba's" mentions Alibaba, "Alibabas" does not), while Chinese aliases match anywhere,
// since Chinese is written without spaces. Where aliases overlap the longest wins ("WeChat Pay" over "WeChat").

export interface AliasEntry {
  topic: string;
  alias: string;
}

export interface AliasMatch {
  topic: string;
  alias: string;
  start: number;
  end: number;
}

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Index into entries of the longest alias ending at this node, or -1. */
  out: number;
  /** The nearest node on the fail chain that ends an alias (dictionary suffix link), or -1. */
  dict: number;
}

const WORD = /[\p{L}\p{N}]/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Lower-cases one UTF-16 unit at a time, so offsets in the folded text are offsets in the original. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

export class AliasMatcher {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: -1, dict: -1 }];
  private readonly entries: AliasEntry[] = [];

  constructor(entries: readonly AliasEntry[]) {
    for (const entry of entries) this.add(entry);
    this.link();
  }

  private add(entry: AliasEntry): void {
    const key = fold(entry.alias.trim());
    if (!key) return;
    let at = 0;
    for (const ch of key) {
      let child = this.nodes[at]!.next.get(ch);
      if (child === undefined) {
        child = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: -1, dict: -1 });
        this.nodes[at]!.next.set(ch, child);
      }
      at = child;
    }
    if (this.nodes[at]!.out === -1) {
      this.nodes[at]!.out = this.entries.length;
      this.entries.push({ topic: entry.topic, alias: entry.alias.trim() });
    }
  }

  private link(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) queue.push(child);
    while (queue.length > 0) {
      const at = queue.shift()!;
      for (const [ch, child] of this.nodes[at]!.next) {
        let fail = this.nodes[at]!.fail;
        while (fail !== 0 && !this.nodes[fail]!.next.has(ch)) fail = this.nodes[fail]!.fail;
        const target = this.nodes[fail]!.next.get(ch);
        this.nodes[child]!.fail = target !== undefined && target !== child ? target : 0;
        const failNode = this.nodes[this.nodes[child]!.fail]!;
        this.nodes[child]!.dict = failNode.out !== -1 ? this.nodes[child]!.fail : failNode.dict;
        queue.push(child);
      }
    }
  }

  /** Every whole-word alias occurrence, leftmost first, longest where they overlap, none overlapping. */
  find(text: string): AliasMatch[] {
    const folded = fold(text);
    const candidates: AliasMatch[] = [];
    let at = 0;
    let offset = 0;
    for (const ch of folded) {
      while (at !== 0 && !this.nodes[at]!.next.has(ch)) at = this.nodes[at]!.fail;
      at = this.nodes[at]!.next.get(ch) ?? 0;
      offset += ch.length;
      for (let hit = this.nodes[at]!.out !== -1 ? at : this.nodes[at]!.dict; hit !== -1; hit = this.nodes[hit]!.dict) {
        const entry = this.entries[this.nodes[hit]!.out]!;
        const start = offset - fold(entry.alias).length;
        if (this.standsAlone(text, start, offset)) candidates.push({ topic: entry.topic, alias: entry.alias, start, end: offset });
      }
    }
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const chosen: AliasMatch[] = [];
    let reached = 0;
    for (const match of candidates) {
      if (match.start < reached) continue;
      chosen.push(match);
      reached = match.end;
    }
    return chosen;
  }

  private standsAlone(text: string, start: number, end: number): boolean {
    const first = text[start] ?? '';
    const last = text[end - 1] ?? '';
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    const openStart = HAN.test(first) || !WORD.test(before) || !WORD.test(first);
    const openEnd = HAN.test(last) || !WORD.test(after) || !WORD.test(last);
    return openStart && openEnd;
  }
}

/** Aliases claimed by more than one topic (compared without case): each is a content error. */
export function aliasClashes(entries: readonly AliasEntry[]): { alias: string; topics: string[] }[] {
  const owners = new Map<string, { alias: string; topics: Set<string> }>();
  for (const { topic, alias } of entries) {
    const key = fold(alias.trim());
    const owner = owners.get(key) ?? { alias: alias.trim(), topics: new Set<string>() };
    owner.topics.add(topic);
    owners.set(key, owner);
  }
  return [...owners.values()].filter((o) => o.topics.size > 1).map((o) => ({ alias: o.alias, topics: [...o.topics].sort() }));
}
