/**
 * Dataset terms compiled to stem sequences, with an inverted index on each term's first stem, so
 * that the facts a sentence can be about are found from its words, not by scanning every fact.
 * Built once per FactIndex (cached) and only read by the checker.
 */
import type { Entity, Fact } from '../dataset/schema';
import type { FactIndex, IndexedFact } from '../dataset/fact-index';
import { termStems, type Token } from '../text/tokens';

export type TermRole = 'counts' | 'event' | 'context' | 'exclude' | 'place';

export interface CompiledFact {
  indexed: IndexedFact;
  fact: Fact;
  counts: string[][];
  event: string[][];
  context: string[][];
  excludes: string[][];
}

interface TermEntry { cf: CompiledFact; role: TermRole; stems: string[] }
interface AliasEntry { entity: Entity; stems: string[]; alias: string }

/** A matched term in a token list. */
export interface TermHit { role: TermRole; start: number; end: number; length: number }

export class TermIndex {
  private readonly byFirst = new Map<string, TermEntry[]>();
  private readonly aliasByFirst = new Map<string, AliasEntry[]>();
  readonly compiled = new Map<string, CompiledFact>();
  readonly quotes: CompiledFact[] = [];
  readonly roles = new Map<string, CompiledFact[]>(); // entity id -> role facts
  /** Quote facts by the stems of their words, for finding the reference of a draft quote. */
  readonly quoteWords = new Map<string, Set<CompiledFact>>();
  /** Every stem the datasets use (statements, terms, names, sources): what a draft about the story talks with. */
  readonly vocabulary = new Set<string>();

  private readonly mentionsOf = new WeakMap<readonly Token[], Array<{ entity: Entity; start: number; end: number; alias: string }>>();

  constructor(readonly index: FactIndex) {
    for (const indexed of index.facts) {
      const f = indexed.fact;
      const cf: CompiledFact = {
        indexed, fact: f,
        counts: compileTerms(f.counts?.terms.length ? f.counts.terms : f.counts ? [f.counts.noun] : []),
        event: compileTerms(f.event?.terms ?? []),
        context: compileTerms(f.event?.context ?? []),
        excludes: compileTerms(f.event?.excludes ?? []),
      };
      this.compiled.set(f.id, cf);
      for (const text of [f.statement, f.attribution, f.counts?.noun ?? '', f.event?.label ?? '', ...f.sources.flatMap((x) => [x.who, ...x.terms])]) {
        for (const st of termStems(text)) this.vocabulary.add(st);
      }
      for (const list of [cf.counts, cf.event, cf.context, cf.excludes]) for (const t of list) for (const st of t) this.vocabulary.add(st);
      for (const [role, list] of [['counts', cf.counts], ['event', cf.event], ['context', cf.context], ['exclude', cf.excludes]] as const) {
        for (const stems of list) this.add(this.byFirst, stems[0], { cf, role, stems });
      }
      if (f.value?.type === 'place') {
        for (const name of [f.value.name, ...f.value.aliases]) {
          const stems = termStems(name);
          if (stems.length) this.add(this.byFirst, stems[0], { cf, role: 'place', stems });
        }
      }
      if (f.kind === 'quote' && f.quote) {
        this.quotes.push(cf);
        for (const s of termStems(f.quote.text)) {
          let set = this.quoteWords.get(s);
          if (!set) this.quoteWords.set(s, (set = new Set()));
          set.add(cf);
        }
      }
      if (f.value?.type === 'role') {
        const list = this.roles.get(f.value.entity) ?? [];
        list.push(cf);
        this.roles.set(f.value.entity, list);
      }
    }
    for (const entity of index.entities) {
      for (const text of [entity.name, entity.title ?? '', ...entity.aliases]) for (const st of termStems(text)) this.vocabulary.add(st);
      for (const alias of new Set([entity.name, ...entity.aliases])) {
        const stems = termStems(alias);
        if (stems.length) this.add(this.aliasByFirst, stems[0], { entity, stems, alias });
      }
    }
  }

  private add<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  /** Every fact term found in `tokens[from, to)`, grouped by fact. */
  scan(tokens: readonly Token[], from = 0, to = tokens.length): Map<CompiledFact, TermHit[]> {
    const hits = new Map<CompiledFact, TermHit[]>();
    for (let i = from; i < to; i++) {
      const entries = this.byFirst.get(tokens[i].stem);
      if (!entries) continue;
      for (const e of entries) {
        if (!matchesAt(tokens, i, e.stems, to)) continue;
        let list = hits.get(e.cf);
        if (!list) hits.set(e.cf, (list = []));
        list.push({ role: e.role, start: i, end: i + e.stems.length, length: e.stems.length });
      }
    }
    return hits;
  }

  /** Entity mentions in `tokens[from, to)`, longest alias first at each position, non-overlapping. */
  entityMentions(tokens: readonly Token[], from = 0, to = tokens.length): Array<{ entity: Entity; start: number; end: number; alias: string }> {
    // A sentence's mentions are asked for by several judges: kept per token list (read-only).
    const whole = from === 0 && to === tokens.length;
    const known = whole ? this.mentionsOf.get(tokens) : undefined;
    if (known) return known;
    const out: Array<{ entity: Entity; start: number; end: number; alias: string }> = [];
    if (whole) this.mentionsOf.set(tokens, out);
    for (let i = from; i < to; i++) {
      const entries = this.aliasByFirst.get(tokens[i].stem);
      if (!entries) continue;
      let best: AliasEntry | undefined;
      for (const e of entries) if (matchesAt(tokens, i, e.stems, to) && (!best || e.stems.length > best.stems.length)) best = e;
      // A lower-case short alias ("diplomat") only counts as a mention of an anonymous source.
      if (best) {
        out.push({ entity: best.entity, start: i, end: i + best.stems.length, alias: best.alias });
        i += best.stems.length - 1;
      }
    }
    return out;
  }

  /** Does any of `terms` occur in `tokens[from, to)`? Returns the longest match length (0 if none). */
  static longestMatch(tokens: readonly Token[], terms: readonly string[][], from = 0, to = tokens.length): number {
    let best = 0;
    for (const t of terms) {
      if (t.length <= best) continue;
      for (let i = from; i + t.length <= to; i++) if (matchesAt(tokens, i, t, to)) { best = t.length; break; }
    }
    return best;
  }
}

/** Terms as stem sequences, without duplicates ("plan", "plans", "planned" are one term). */
function compileTerms(terms: readonly string[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const t of terms) {
    const stems = termStems(t);
    if (stems.length) seen.set(stems.join(' '), stems);
  }
  return [...seen.values()];
}

function matchesAt(tokens: readonly Token[], i: number, stems: readonly string[], to: number): boolean {
  if (i + stems.length > to) return false;
  for (let k = 0; k < stems.length; k++) if (tokens[i + k].stem !== stems[k]) return false;
  return true;
}

const cache = new WeakMap<FactIndex, TermIndex>();

/** The term index of a fact index, built on first use. */
export function termIndexFor(index: FactIndex): TermIndex {
  let t = cache.get(index);
  if (!t) cache.set(index, (t = new TermIndex(index)));
  return t;
}
