/**
 * Equal lists of terms made one array, while a dataset is loaded: a story's facts repeat their
 * terms, places and sources (a third of a large generated dataset's heap). Dataset objects are
 * read-only, as zod's output was.
 *
 * A list is looked up by a number made of its length and, for each term, the term's length and
 * three of its characters: cheap to compute (no string is hashed, joined or read whole), and
 * rarely the same for unequal lists. Lists with the same number are compared term by term, so
 * only equal lists are ever shared.
 */

/** Where a list sits in its element (the list it was given last is tried first: consecutive
 *  facts of a story repeat lists, and comparing with that one is cheaper than a lookup). */
export const SLOT_COUNTS = 0, SLOT_TERMS = 1, SLOT_CONTEXT = 2, SLOT_EXCLUDES = 3, SLOT_SOURCE = 4, SLOT_OTHER = 5;

/** The first list seen with each signature. */
let bySignature = new Map<number, string[]>();
/** Later lists with a signature already taken by an unequal list (rare). */
let collided = new Map<number, string[][]>();
/** The list each slot was last given. */
const last: Array<string[] | undefined> = [undefined, undefined, undefined, undefined, undefined, undefined];

/** The empty list: for every empty or absent list of the dataset (`[]` defaults included). */
let empty: never[] = [];

/** Starts (and ends) sharing lists among the elements of one dataset. */
export function resetSharing(): void {
  empty = [];
  bySignature = new Map();
  collided = new Map();
  last.fill(undefined);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A number that equal lists share (a small integer, a cheap key for a Map). */
function signature(l: readonly string[]): number {
  let h = l.length;
  for (let i = 0; i < l.length; i++) {
    const t = l[i];
    const n = t.length;
    h = (Math.imul(h, 31) + n) | 0;
    if (n > 0) h = (Math.imul(h, 31) + t.charCodeAt(0) * 7 + t.charCodeAt(n - 1) * 131 + t.charCodeAt(n >> 1)) | 0;
  }
  return h & 0x3fffffff;
}

/** The first list seen equal to `l` (or `l`). */
function share(l: string[]): string[] {
  const h = signature(l);
  const first = bySignature.get(h);
  if (first === undefined) {
    bySignature.set(h, l);
    return l;
  }
  if (sameList(first, l)) return first;
  const others = collided.get(h);
  if (others === undefined) {
    collided.set(h, [l]);
    return l;
  }
  for (let k = 0; k < others.length; k++) if (sameList(others[k], l)) return others[k];
  others.push(l);
  return l;
}

/** The dataset's empty list, shared like any other (a default `[]`: nothing to allocate). */
export function emptyList<T>(): T[] {
  return empty;
}

/** The first list seen equal to `list` (a list of strings), trying the one last given to `slot`
 *  first; for an empty list, {@link emptyList}. */
export function shareIn(slot: number, list: unknown): string[] {
  const l = list as string[];
  if (l.length === 0) return empty;
  const before = last[slot];
  if (before !== undefined && (before === l || sameList(before, l))) return before;
  return (last[slot] = share(l));
}
