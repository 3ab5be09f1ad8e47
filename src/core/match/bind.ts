/**
 * Binding: which facts a claim at some place in a sentence is about. A fact is a candidate when
 * the claim's clause (or, failing that, its sentence) uses the fact's event words, the sentence
 * uses its context words, and the clause uses none of its excluding words.
 */
import { clauseAt, tokenRange, type Sentence } from '../analyze';
import type { CompiledFact, TermHit } from './term-index';
import type { DocContext } from './context';

export interface Binding {
  cf: CompiledFact;
  /** Strength of the event match: longer and clause-local terms score higher. */
  eventScore: number;
  /** Token ranges of the event words, so a figure can prefer nearer facts. */
  hits: TermHit[];
}

/** A sentence's candidate facts with their hits sorted by role, in the order bindAt reports them
 *  (the sentence's facts, then those only in its labels): every claim of the sentence reads them. */
interface Candidate {
  cf: CompiledFact;
  /** Hits in the sentence, then in its labels. */
  hits: TermHit[];
  events: TermHit[];
  excludes: TermHit[];
  /** Summed length of the event words in the labels (0: none). */
  labelEventLength: number;
  hasLabelExclude: boolean;
}

const candidatesOf = new WeakMap<Sentence, Candidate[]>();

function candidates(ctx: DocContext, s: Sentence): Candidate[] {
  let out = candidatesOf.get(s);
  if (out) return out;
  // Only facts with their context and event words in the sentence or its labels (term-index.ts
  // bindingHits): no other fact could bind there.
  const { sentence: all, labels } = ctx.terms.bindingHits(s.tokens, s.contextTokens);
  out = [];
  const seen = new Set<CompiledFact>();
  for (const map of [all, labels]) {
    for (const cf of map.keys()) {
      if (seen.has(cf)) continue;
      seen.add(cf);
      const hs = all.get(cf) ?? [];
      const ls = labels.get(cf) ?? [];
      const hits = [...hs, ...ls];
      out.push({
        cf, hits,
        events: hs.filter((h) => h.role === 'event'),
        excludes: hs.filter((h) => h.role === 'exclude'),
        labelEventLength: ls.reduce((a, h) => a + (h.role === 'event' ? h.length : 0), 0),
        hasLabelExclude: ls.some((h) => h.role === 'exclude'),
      });
    }
  }
  candidatesOf.set(s, out);
  return out;
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
    const clauseEvents = c.events.filter(inClause);
    let nearestEvent = c.labelEventLength > 0 ? 0 : Infinity;
    for (const e of clauseEvents) nearestEvent = Math.min(nearestEvent, distance(e));
    const excludeHits = c.excludes.filter(inClause);
    if (excludeHits.some((x) => distance(x) <= nearestEvent)) continue;
    // "expected to move as many as 7,000": an excluding word that governs an event verb before the claim.
    if (clauseEvents.some((e) => e.end <= a0 && excludeHits.some((x) => x.end <= e.start && e.start - x.end <= 2))) continue;
    let eventScore = c.labelEventLength;
    for (const h of clauseEvents) eventScore += h.length;
    if (cf.event.length) {
      if (eventScore === 0) {
        // Only look across a clause boundary when that clause has no event of its own.
        let outside = 0;
        for (const h of c.events) if (!inClause(h)) outside += h.length;
        if (!outside) continue;
        eventScore = 0.5 * outside;
      } else {
        eventScore += 2 / (1 + nearestEvent / 3);
      }
    }
    out.push({ cf, eventScore, hits: c.hits });
  }
  return out;
}
