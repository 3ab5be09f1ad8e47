/**
 * Where term lists occur in one token list (a sentence, or its table labels), each list looked
 * for once however many facts share it: a story's facts share their context, event and counts
 * lists (the loader and the term compiler make equal lists one array), so binding a sentence to
 * fifty facts of three stories looks for a handful of lists, not fifty facts' worth of terms.
 *
 * Lists are known by their number (term-index.ts TermCompiler): what was found for each is kept in arrays indexed
 * by it and stamped with the token list it was found in, so one TermsIn serves every sentence.
 */
import type { Token } from '../text/tokens';
import type { TermHit, TermRole } from './term-index';

type TermList = readonly (readonly string[])[];

export class TermsIn {
  private tokens: readonly Token[] = [];
  /** Where each stem first occurs, and after each token the next token with its stem (-1: none):
   *  a stem's positions, in order, without an array per stem. */
  private readonly firstOf = new Map<string, number>();
  private nextOf = new Int32Array(64);
  /** Which token list each list's entries were found in (0: never). */
  private generation = 0;
  private readonly firstStamp: Int32Array;
  private readonly firstAt: Int32Array;
  private readonly eventStamp: Int32Array;
  private readonly eventHits: Array<readonly TermHit[]>;
  private readonly excludeStamp: Int32Array;
  private readonly excludeHits: Array<readonly TermHit[]>;

  constructor(private readonly lists: readonly TermList[]) {
    const n = lists.length;
    this.firstStamp = new Int32Array(n);
    this.firstAt = new Int32Array(n);
    this.eventStamp = new Int32Array(n);
    this.eventHits = new Array<readonly TermHit[]>(n).fill(NO_HITS);
    this.excludeStamp = new Int32Array(n);
    this.excludeHits = new Array<readonly TermHit[]>(n).fill(NO_HITS);
  }

  /** Looks in `tokens` from now on (what was found in the previous token list is forgotten). */
  read(tokens: readonly Token[]): this {
    this.tokens = tokens;
    this.generation++;
    this.firstOf.clear();
    if (this.nextOf.length < tokens.length) this.nextOf = new Int32Array(tokens.length * 2);
    // Backwards, so that each stem's first position is the last one set.
    for (let i = tokens.length - 1; i >= 0; i--) {
      const stem = tokens[i].stem;
      this.nextOf[i] = this.firstOf.get(stem) ?? -1;
      this.firstOf.set(stem, i);
    }
    return this;
  }

  /** Where the first occurrence of any term of list `id` starts (a token index), or -1. */
  first(id: number): number {
    if (id < 0) return -1;
    if (this.firstStamp[id] === this.generation) return this.firstAt[id];
    let at = -1;
    for (const stems of this.lists[id]) {
      for (let i = this.firstOf.get(stems[0]) ?? -1; i >= 0 && (at < 0 || i < at); i = this.nextOf[i]) {
        if (matchesAt(this.tokens, i, stems)) { at = i; break; }
      }
    }
    this.firstStamp[id] = this.generation;
    this.firstAt[id] = at;
    return at;
  }

  /** Every occurrence of a term of event list `id`, by position and then by the term's place in it. */
  events(id: number): readonly TermHit[] {
    if (id < 0) return NO_HITS;
    if (this.eventStamp[id] !== this.generation) {
      this.eventStamp[id] = this.generation;
      this.eventHits[id] = this.hits(id, 'event');
    }
    return this.eventHits[id];
  }

  /** Every occurrence of a term of list `id` of excluding words, as `events` does. */
  excludes(id: number): readonly TermHit[] {
    if (id < 0) return NO_HITS;
    if (this.excludeStamp[id] !== this.generation) {
      this.excludeStamp[id] = this.generation;
      this.excludeHits[id] = this.hits(id, 'exclude');
    }
    return this.excludeHits[id];
  }

  private hits(id: number, role: TermRole): readonly TermHit[] {
    if (this.first(id) < 0) return NO_HITS;
    const found: TermHit[] = [];
    let inOrder = true;
    for (const stems of this.lists[id]) {
      for (let i = this.firstOf.get(stems[0]) ?? -1; i >= 0; i = this.nextOf[i]) {
        if (!matchesAt(this.tokens, i, stems)) continue;
        if (found.length && i < found[found.length - 1].start) inOrder = false;
        found.push({ role, start: i, end: i + stems.length, length: stems.length });
      }
    }
    // Found term by term: a stable sort by position keeps the terms' order at one position.
    return inOrder ? found : found.sort((a, b) => a.start - b.start);
  }
}

const NO_HITS: readonly TermHit[] = [];

function matchesAt(tokens: readonly Token[], i: number, stems: readonly string[]): boolean {
  if (i + stems.length > tokens.length) return false;
  for (let k = 0; k < stems.length; k++) if (tokens[i + k].stem !== stems[k]) return false;
  return true;
}
