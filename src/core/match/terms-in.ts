/**
 * Where term lists occur in one token list (a sentence, or its table labels), each list looked
 * for once however many facts share it: a story's facts share their context, event and counts
 * lists (the loader and the term compiler make equal lists one array), so binding a sentence to
 * fifty facts of three stories looks for a handful of lists, not fifty facts' worth of terms.
 */
import type { Token } from '../text/tokens';
import type { TermHit, TermRole } from './term-index';

type TermList = readonly (readonly string[])[];

export class TermsIn {
  /** Token positions by stem. */
  private readonly positions = new Map<string, number[]>();
  private readonly firsts = new Map<TermList, number>();
  private readonly eventHits = new Map<TermList, readonly TermHit[]>();
  private readonly excludeHits = new Map<TermList, readonly TermHit[]>();

  constructor(private readonly tokens: readonly Token[]) {
    for (let i = 0; i < tokens.length; i++) {
      const list = this.positions.get(tokens[i].stem);
      if (list) list.push(i);
      else this.positions.set(tokens[i].stem, [i]);
    }
  }

  /** Where the first occurrence of any term of `list` starts (a token index), or -1. */
  first(list: TermList): number {
    if (!list.length) return -1;
    let at = this.firsts.get(list);
    if (at !== undefined) return at;
    at = -1;
    for (const stems of list) {
      const positions = this.positions.get(stems[0]);
      if (!positions) continue;
      for (const i of positions) {
        if (at >= 0 && i >= at) break;
        if (matchesAt(this.tokens, i, stems)) { at = i; break; }
      }
    }
    this.firsts.set(list, at);
    return at;
  }

  /** Every occurrence of a term of an event list, by position and then by the term's place in it. */
  events(list: TermList): readonly TermHit[] {
    return this.hits(list, 'event', this.eventHits);
  }

  /** Every occurrence of a term of a list of excluding words, as `events` does. */
  excludes(list: TermList): readonly TermHit[] {
    return this.hits(list, 'exclude', this.excludeHits);
  }

  private hits(list: TermList, role: TermRole, byList: Map<TermList, readonly TermHit[]>): readonly TermHit[] {
    if (!list.length) return NO_HITS;
    let out = byList.get(list);
    if (out) return out;
    if (this.first(list) < 0) out = NO_HITS;
    else {
      const found: TermHit[] = [];
      for (const stems of list) {
        const positions = this.positions.get(stems[0]);
        if (!positions) continue;
        for (const i of positions) if (matchesAt(this.tokens, i, stems)) found.push({ role, start: i, end: i + stems.length, length: stems.length });
      }
      // Found term by term: a stable sort by position keeps the terms' order at one position.
      out = found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
    }
    byList.set(list, out);
    return out;
  }
}

const NO_HITS: readonly TermHit[] = [];

function matchesAt(tokens: readonly Token[], i: number, stems: readonly string[]): boolean {
  if (i + stems.length > tokens.length) return false;
  for (let k = 0; k < stems.length; k++) if (tokens[i + k].stem !== stems[k]) return false;
  return true;
}
