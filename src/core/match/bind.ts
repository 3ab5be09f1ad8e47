/**
 * Binding: which facts a claim at some place in a sentence is about. A fact is a candidate when
 * the claim's clause (or, failing that, its sentence) uses the fact's event words, the sentence
 * uses its context words, and the clause uses none of its excluding words.
 */
import { clauseAt, tokenRange, type Sentence } from '../analyze';
import type { BindingCandidate, CompiledFact, TermHit } from './term-index';
import type { DocContext } from './context';

export interface Binding {
  cf: CompiledFact;
  /** Strength of the event match: longer and clause-local terms score higher. */
  eventScore: number;
  /** The fact's event words in the sentence, then in its labels (token ranges of each). */
  events: readonly TermHit[];
}

const candidatesOf = new WeakMap<Sentence, BindingCandidate[]>();

/** A sentence's candidate facts (term-index.ts bindingCandidates: only facts with their context
 *  and event words in the sentence or its labels could bind there); every claim of it reads them. */
function candidates(ctx: DocContext, s: Sentence): BindingCandidate[] {
  let out = candidatesOf.get(s);
  if (!out) candidatesOf.set(s, (out = ctx.terms.bindingCandidates(s.tokens, s.contextTokens)));
  return out;
}

/** The first of `items` with the highest score: what a stable sort by score, highest first, puts
 *  first (without sorting, or copying, them). */
export function firstHighest<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined, bestScore = -Infinity;
  for (const x of items) {
    const v = score(x);
    if (best === undefined || v > bestScore) { best = x; bestScore = v; }
  }
  return best;
}

/** Facts a claim at sentence-local offset `at` can be about, filtered by `accept`. An excluding word
 *  ("expected" for a transfer) rules a fact out only when it is nearer the claim than the fact's
 *  own event words, so "moved about 500, a fraction of the 7,000 it had planned" binds each
 *  figure to its own event. Nearer event words score higher. */
export function bindAt(ctx: DocContext, s: Sentence, at: number, accept: (cf: CompiledFact) => boolean): Binding[] {
  const [c0, c1] = clauseAt(s, at);
  const [t0, t1] = tokenRange(s, c0, c1);
  const [a0] = tokenRange(s, at, at + 1);
  const inClause = (h: TermHit) => h.start >= t0 && h.end <= t1;
  const distance = (h: TermHit) => (h.end <= a0 ? a0 - h.end : Math.max(0, h.start - a0 - 1));
  const out: Binding[] = [];
  for (const c of candidates(ctx, s)) {
    const cf = c.cf;
    if (c.hasLabelExclude || !accept(cf)) continue;
    let nearestEvent = c.labelEventLength > 0 ? 0 : Infinity;
    let eventScore = c.labelEventLength, outside = 0;
    for (const e of c.events) {
      if (inClause(e)) { nearestEvent = Math.min(nearestEvent, distance(e)); eventScore += e.length; }
      else outside += e.length;
    }
    if (excluded(c, inClause, distance, nearestEvent, a0)) continue;
    if (cf.event.length) {
      if (eventScore === 0) {
        // Only look across a clause boundary when that clause has no event of its own.
        if (!outside) continue;
        eventScore = 0.5 * outside;
      } else {
        eventScore += 2 / (1 + nearestEvent / 3);
      }
    }
    out.push({ cf, eventScore, events: c.labelEvents.length ? [...c.events, ...c.labelEvents] : c.events });
  }
  return out;
}

/** Is the fact ruled out by an excluding word in the claim's clause: one nearer the claim than the
 *  fact's nearest event word, or one governing an event verb before the claim ("expected to move
 *  as many as 7,000")? */
function excluded(c: BindingCandidate, inClause: (h: TermHit) => boolean, distance: (h: TermHit) => number, nearestEvent: number, a0: number): boolean {
  let any = false;
  for (const x of c.excludes) {
    if (!inClause(x)) continue;
    if (distance(x) <= nearestEvent) return true;
    any = true;
  }
  if (!any) return false;
  for (const e of c.events) {
    if (!inClause(e) || e.end > a0) continue;
    for (const x of c.excludes) if (inClause(x) && x.end <= e.start && e.start - x.end <= 2) return true;
  }
  return false;
}
