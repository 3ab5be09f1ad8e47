/**
 * Where term lists occur in one token list (a sentence, or its table labels), each list looked
 * for once however many facts share it: a story's facts share their context, event and counts
 * lists (the loader and the term compiler make equal lists one array), so binding a sentence to
 * fifty facts of three stories looks for a handful of lists, not fifty facts' worth of terms.
 *
 * Lists, and the first stems of their terms, are known by their numbers (term-index.ts
 * TermCompiler): what was found for each is kept in arrays indexed by them and stamped with the
 * token list it was found in, so one TermsIn serves every sentence, and looking for a term in a
 * sentence reads arrays (one map lookup per token, none per term).
 */
import { stemsAt, type Token } from '../text/tokens';
import type { TermHit, TermRole } from './term-index';

type TermList = readonly (readonly string[])[];

/** The term lists by number, the numbers of their terms' first stems, and those stems' numbers. */
export interface TermLists {
  lists: readonly TermList[];
  firstStemIds: readonly Int32Array[];
  stemIds: ReadonlyMap<string, number>;
}

export class TermsIn {
  private tokens: readonly Token[] = [];
  /** Where each first stem (by number) first occurs (stamped per token list), and after each token
   *  the next token with its stem (-1: none): a stem's positions, in order, with array reads only. */
  private readonly stemStamp: Int32Array;
  private readonly firstAt: Int32Array;
  private nextOf = new Int32Array(64);
  /** Which token list each list's entries were found in (0: never). */
  private generation = 0;
  private readonly listStamp: Int32Array;
  private readonly listFirst: Int32Array;
  private readonly eventStamp: Int32Array;
  private readonly eventHits: Array<readonly TermHit[]>;
  private readonly excludeStamp: Int32Array;
  private readonly excludeHits: Array<readonly TermHit[]>;

  private readonly lists: readonly TermList[];
  private readonly firstStemIds: readonly Int32Array[];
  private readonly stemIds: ReadonlyMap<string, number>;

  constructor(termLists: TermLists) {
    this.lists = termLists.lists;
    this.firstStemIds = termLists.firstStemIds;
    this.stemIds = termLists.stemIds;
    const n = this.lists.length;
    this.listStamp = new Int32Array(n);
    this.listFirst = new Int32Array(n);
    this.stemStamp = new Int32Array(this.stemIds.size);
    this.firstAt = new Int32Array(this.stemIds.size);
    this.eventStamp = new Int32Array(n);
    this.eventHits = new Array<readonly TermHit[]>(n).fill(NO_HITS);
    this.excludeStamp = new Int32Array(n);
    this.excludeHits = new Array<readonly TermHit[]>(n).fill(NO_HITS);
  }

  /** Looks in `tokens` from now on (what was found in the previous token list is forgotten). */
  read(tokens: readonly Token[]): this {
    this.tokens = tokens;
    const generation = ++this.generation;
    if (this.nextOf.length < tokens.length) this.nextOf = new Int32Array(tokens.length * 2);
    // Backwards, so that each stem's first position is the last one set. Stems no term starts with
    // are never looked for.
    for (let i = tokens.length - 1; i >= 0; i--) {
      const id = this.stemIds.get(tokens[i].stem);
      if (id === undefined) continue;
      this.nextOf[i] = this.stemStamp[id] === generation ? this.firstAt[id] : -1;
      this.firstAt[id] = i;
      this.stemStamp[id] = generation;
    }
    return this;
  }

  /** Where the first occurrence of any term of list `id` starts (a token index), or -1. */
  first(id: number): number {
    if (id < 0) return -1;
    if (this.listStamp[id] === this.generation) return this.listFirst[id];
    let at = -1;
    const terms = this.lists[id], stemIds = this.firstStemIds[id];
    for (let j = 0; j < terms.length; j++) {
      for (let i = this.positionOf(stemIds[j]); i >= 0 && (at < 0 || i < at); i = this.nextOf[i]) {
        if (stemsAt(this.tokens, i, terms[j])) { at = i; break; }
      }
    }
    this.listStamp[id] = this.generation;
    this.listFirst[id] = at;
    return at;
  }

  /** Every occurrence of a term of event list `id`, by position and then by the term's place in it. */
  events(id: number): readonly TermHit[] {
    return this.memoHits(id, 'event', this.eventStamp, this.eventHits);
  }

  /** Every occurrence of a term of list `id` of excluding words, as `events` does. */
  excludes(id: number): readonly TermHit[] {
    return this.memoHits(id, 'exclude', this.excludeStamp, this.excludeHits);
  }

  /** `hits(id, role)`, kept in `found` for this token list (stamped in `stamps`). */
  private memoHits(id: number, role: TermRole, stamps: Int32Array, found: Array<readonly TermHit[]>): readonly TermHit[] {
    if (id < 0) return NO_HITS;
    if (stamps[id] !== this.generation) {
      stamps[id] = this.generation;
      found[id] = this.hits(id, role);
    }
    return found[id];
  }

  /** The first position of first stem `stemId` in the token list, or -1. */
  private positionOf(stemId: number): number {
    return this.stemStamp[stemId] === this.generation ? this.firstAt[stemId] : -1;
  }

  private hits(id: number, role: TermRole): readonly TermHit[] {
    if (this.first(id) < 0) return NO_HITS;
    const found: TermHit[] = [];
    let inOrder = true;
    const terms = this.lists[id], stemIds = this.firstStemIds[id];
    for (let j = 0; j < terms.length; j++) {
      const stems = terms[j];
      for (let i = this.positionOf(stemIds[j]); i >= 0; i = this.nextOf[i]) {
        if (!stemsAt(this.tokens, i, stems)) continue;
        if (found.length && i < found[found.length - 1].start) inOrder = false;
        found.push({ role, start: i, end: i + stems.length, length: stems.length });
      }
    }
    // Found term by term: a stable sort by position keeps the terms' order at one position.
    return inOrder ? found : found.sort((a, b) => a.start - b.start);
  }
}

const NO_HITS: readonly TermHit[] = [];

